#include "catalogbackup.h"

#include "catalogimport.h"
#include "storage/settings.h"
#include "storage/writetransaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <cmath>

namespace {

QStringList columnsOf(const QSqlDatabase &db, const QString &table)
{
    QStringList columns;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
        while (q.next())
            columns << q.value(1).toString();
    }
    return columns;
}

QString quoteAttribute(QString value)
{
    return value.replace(QLatin1Char('"'), QLatin1Char('\''))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

} // namespace

QStringList CatalogBackup::tables()
{
    return {QStringLiteral("categories"),  QStringLiteral("channel_sources"),
            QStringLiteral("epg_sources"), QStringLiteral("channels"),
            QStringLiteral("users"),       QStringLiteral("user_categories")};
}

std::optional<QJsonObject> CatalogBackup::dump(const QSqlDatabase &db,
                                               const QVariantMap &storedSettings, QString *error)
{
    QJsonObject out {
            {QStringLiteral("format"), QString::fromLatin1(kFormat)},
            {QStringLiteral("version"), kVersion},
            {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    // One read transaction: a consistent snapshot even while an import commits.
    QSqlDatabase conn = db;
    conn.transaction();
    for (const QString &table : tables()) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table))) {
            *error = q.lastError().text();
            conn.rollback();
            return std::nullopt;
        }
        QJsonArray rows;
        while (q.next()) {
            const QSqlRecord record = q.record();
            QJsonObject row;
            for (int i = 0; i < record.count(); ++i) {
                const QVariant v = record.value(i);
                row.insert(record.fieldName(i),
                           v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v));
            }
            rows.append(row);
        }
        out.insert(table, rows);
    }
    conn.rollback();
    out.insert(QStringLiteral("settings"), QJsonObject::fromVariantMap(storedSettings));
    return out;
}

std::optional<QString> CatalogBackup::restore(QSqlDatabase db, const QJsonObject &backup,
                                              QVariantMap *settings)
{
    if (backup.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return QStringLiteral("format: expected \"%1\"").arg(QLatin1String(kFormat));
    if (!backup.value(QLatin1String("version")).isDouble()
        || backup.value(QLatin1String("version")).toInt() != kVersion)
        return QStringLiteral("version: expected %1").arg(kVersion);
    QSet<QString> known {QStringLiteral("format"), QStringLiteral("version"),
                         QStringLiteral("created_at"), QStringLiteral("settings")};
    for (const QString &t : tables())
        known.insert(t);
    for (auto it = backup.begin(); it != backup.end(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("%1: unknown field").arg(it.key());
    }
    // Settings first: validated, applied by the caller only after the tables are in.
    settings->clear();
    const QJsonValue settingsValue = backup.value(QLatin1String("settings"));
    if (!settingsValue.isUndefined() && !settingsValue.isObject())
        return QStringLiteral("settings: expected an object");
    const QJsonObject s = settingsValue.toObject();
    for (auto it = s.begin(); it != s.end(); ++it) {
        QVariant normalized;
        if (auto error = Settings::validate(it.key(), it.value().toVariant(), &normalized, true))
            return QStringLiteral("settings.") + *error;
        settings->insert(it.key(), normalized);
    }
    QHash<QString, QStringList> columns;
    for (const QString &table : tables()) {
        const QJsonValue v = backup.value(table);
        if (!v.isArray())
            return QStringLiteral("%1: expected an array").arg(table);
        columns.insert(table, columnsOf(db, table));
        const QJsonArray rows = v.toArray();
        for (int i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                return QStringLiteral("%1[%2]: expected an object").arg(table).arg(i);
            const QJsonObject row = rows.at(i).toObject();
            for (auto c = row.begin(); c != row.end(); ++c) {
                if (!columns.value(table).contains(c.key()))
                    return QStringLiteral("%1[%2].%3: unknown column")
                            .arg(table)
                            .arg(i)
                            .arg(c.key());
                if (c.value().isArray() || c.value().isObject())
                    return QStringLiteral("%1[%2].%3: expected a plain value")
                            .arg(table)
                            .arg(i)
                            .arg(c.key());
            }
        }
    }

    WriteTransaction tx(db);
    if (!tx.isOpen())
        return tx.error().text();
    auto fail = [](const QString &error) { return std::optional<QString>(error); };
    QSqlQuery q(db);
    QStringList reversed = tables();
    std::reverse(reversed.begin(), reversed.end());
    for (const QString &table : reversed) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(table)))
            return fail(q.lastError().text());
    }
    if (!q.exec(QStringLiteral("DELETE FROM epg_programmes"))
        || !q.exec(QStringLiteral("DELETE FROM epg_channels")))
        return fail(q.lastError().text());
    for (const QString &table : tables()) {
        const QJsonArray rows = backup.value(table).toArray();
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject row = rows.at(i).toObject();
            QStringList names, marks;
            for (auto c = row.begin(); c != row.end(); ++c) {
                names << c.key();
                marks << QStringLiteral("?");
            }
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                   .arg(table, names.join(QLatin1Char(',')),
                                        marks.join(QLatin1Char(','))));
            for (auto c = row.begin(); c != row.end(); ++c) {
                const QJsonValue v = c.value();
                if (v.isNull())
                    insert.addBindValue(QVariant(QMetaType(QMetaType::QString)));
                else if (v.isBool())
                    insert.addBindValue(v.toBool() ? 1 : 0);
                else if (v.isDouble() && std::abs(v.toDouble()) < 9e15
                         && v.toDouble() == double(qint64(v.toDouble())))
                    insert.addBindValue(qint64(v.toDouble()));
                else
                    insert.addBindValue(v.toVariant());
            }
            if (!insert.exec())
                return fail(QStringLiteral("%1[%2]: %3")
                                    .arg(table)
                                    .arg(i)
                                    .arg(insert.lastError().databaseText()));
        }
    }
    // The guide itself is not in a backup (it was deleted above): its sources are due now,
    // not at their old schedule, so players get a guide again at once (see the caller).
    if (!q.exec(QStringLiteral("UPDATE epg_sources SET last_refresh_at = NULL")))
        return fail(q.lastError().text());
    QString error;
    if (!CatalogImport::matchGuideIds(db, &error))
        return fail(error);
    if (!tx.commit())
        return tx.error().text();
    return std::nullopt;
}

QByteArray CatalogBackup::exportM3u(const QSqlDatabase &db, const QUrl &engineBase)
{
    QByteArray out("#EXTM3U\n");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
                "SELECT c.kind, c.content_id, c.infohash, c.url, COALESCE(c.custom_name, c.name),"
                " COALESCE(c.custom_number, c.number), cat.name, COALESCE(c.custom_logo, c.logo),"
                " COALESCE(c.custom_epg_id, c.guide_id, c.epg_id), c.tvg_name"
                " FROM channels c LEFT JOIN categories cat ON cat.id = "
                "COALESCE(c.custom_category_id, c.category_id)"
                " ORDER BY COALESCE(c.custom_number, c.number), c.id")))
        return out;
    while (q.next()) {
        QString line = QStringLiteral("#EXTINF:-1");
        auto attr = [&line](const char *key, const QString &value) {
            if (!value.isEmpty())
                line += QStringLiteral(" %1=\"%2\"").arg(QLatin1String(key), quoteAttribute(value));
        };
        const QString name = q.value(4).toString();
        attr("tvg-id", q.value(8).toString());
        attr("tvg-name", q.value(9).toString().isEmpty() ? name : q.value(9).toString());
        attr("tvg-logo", q.value(7).toString());
        if (!q.value(5).isNull())
            attr("tvg-chno", QString::number(q.value(5).toInt()));
        attr("group-title", q.value(6).toString());
        line += QLatin1Char(',') + QString(name).replace(QLatin1Char('\n'), QLatin1Char(' '));
        out += line.toUtf8() + '\n';
        if (!q.value(1).toString().isEmpty())
            out += "acestream://" + q.value(1).toString().toLatin1() + '\n';
        else if (!q.value(2).toString().isEmpty())
            out += engineBase.resolved(QUrl(QStringLiteral("/ace/getstream"))).toEncoded()
                   + "?infohash=" + q.value(2).toString().toLatin1() + '\n';
        else
            out += q.value(3).toString().toUtf8() + '\n';
    }
    return out;
}

QList<int> CatalogBackup::enabledGuideSources(const QSqlDatabase &db)
{
    QList<int> ids;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id FROM epg_sources WHERE enabled = 1"))) {
        while (q.next())
            ids << q.value(0).toInt();
    }
    return ids;
}
