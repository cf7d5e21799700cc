#include "sourcestore.h"

#include "catalog/catalogimport.h"
#include "storage/database.h"
#include "storage/rowupdate.h"
#include "storage/writetransaction.h"

#include <QSqlQuery>

namespace {

using Kind = SourceStore::Kind;

QString table(Kind kind)
{
    return SourceManager::table(kind);
}

QJsonObject readSource(const QSqlQuery &q, Kind kind)
{
    return QJsonObject {
            {QStringLiteral("id"), q.value(0).toLongLong()},
            {QStringLiteral("name"), q.value(1).toString()},
            {QStringLiteral("location"), q.value(2).toString()},
            {QStringLiteral("enabled"), q.value(3).toInt() != 0},
            {QStringLiteral("refresh_interval_s"), q.value(4).toInt()},
            {QStringLiteral("created_at"), Database::isoTime(q.value(10))},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("last_refresh_at"), Database::isoTime(q.value(5))},
                          {QStringLiteral("last_status"), q.value(6).toString()},
                          {QStringLiteral("last_error"), Database::jsonValue(q.value(7))},
                          {QStringLiteral("last_imported"), q.value(8).toInt()},
                          {QStringLiteral("last_skipped"), q.value(9).toInt()}}},
            {kind == Kind::Channels ? QStringLiteral("channels") : QStringLiteral("programmes"),
             q.value(11).toInt()},
    };
}

QString selectSources(Kind kind)
{
    const QString count = kind == Kind::Channels
                                  ? QStringLiteral("(SELECT COUNT(*) FROM channels c WHERE "
                                                   "c.source_id = s.id AND c.active = 1)")
                                  : QStringLiteral("(SELECT COUNT(*) FROM epg_programmes p "
                                                   "WHERE p.source_id = s.id)");
    return QStringLiteral("SELECT s.id, s.name, s.location, s.enabled, s.refresh_interval_s,"
                          " s.last_refresh_at, s.last_status, s.last_error, s.last_imported,"
                          " s.last_skipped, s.created_at, %1 FROM %2 s")
            .arg(count, table(kind));
}

} // namespace

std::optional<QJsonObject> SourceStore::byId(const QSqlDatabase &db, Kind kind, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(selectSources(kind) + QStringLiteral(" WHERE s.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readSource(q, kind);
}

std::optional<QList<QJsonObject>> SourceStore::list(const QSqlDatabase &db, Kind kind,
                                                    QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(selectSources(kind) + QStringLiteral(" ORDER BY s.id"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QList<QJsonObject> items;
    while (q.next())
        items.append(readSource(q, kind));
    return items;
}

bool SourceStore::exists(const QSqlDatabase &db, Kind kind, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table(kind)));
    q.addBindValue(id);
    return q.exec() && q.next();
}

bool SourceStore::nameTaken(const QSqlDatabase &db, Kind kind, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE name = ?").arg(table(kind)));
    q.addBindValue(name);
    return q.exec() && q.next();
}

StoreResult SourceStore::create(const QSqlDatabase &db, Kind kind, const QJsonObject &fields,
                                qint64 now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO %1(name, location, enabled, refresh_interval_s,"
                             " created_at) VALUES (?, ?, ?, ?, ?)")
                      .arg(table(kind)));
    q.addBindValue(fields.value(QLatin1String("name")).toString().trimmed());
    q.addBindValue(fields.value(QLatin1String("location")).toString().trimmed());
    q.addBindValue(fields.value(QLatin1String("enabled")).toBool(true) ? 1 : 0);
    q.addBindValue(fields.contains(QLatin1String("refresh_interval_s"))
                           ? fields.value(QLatin1String("refresh_interval_s")).toInteger()
                           : (kind == Kind::Channels ? 86400 : 43200));
    q.addBindValue(now);
    if (!q.exec())
        return StoreResult::failed(q.lastError());
    return StoreResult::created(q.lastInsertId().toLongLong());
}

StoreResult SourceStore::update(const QSqlDatabase &db, Kind kind, qint64 id,
                                const QJsonObject &fields)
{
    if (!exists(db, kind, id))
        return StoreResult::notFound();
    RowUpdate update(table(kind));
    for (const QString &column : {QStringLiteral("name"), QStringLiteral("location"),
                                  QStringLiteral("enabled"), QStringLiteral("refresh_interval_s")})
        update.setFrom(fields, column);
    return update.exec(db, id);
}

StoreResult SourceStore::remove(const QSqlDatabase &db, Kind kind, qint64 id, qint64 now)
{
    if (!exists(db, kind, id))
        return StoreResult::notFound();
    QSqlDatabase conn = db;
    WriteTransaction tx(conn);
    if (!tx.isOpen())
        return StoreResult::failed(tx.error());
    QSqlQuery q(conn);
    bool ok = true;
    if (kind == Kind::Channels) {
        q.prepare(QStringLiteral(
                "UPDATE channels SET active = 0, updated_at = ? WHERE source_id = ?"));
        q.addBindValue(now);
        q.addBindValue(id);
        ok = q.exec();
    }
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table(kind)));
        q.addBindValue(id);
        ok = q.exec();
    }
    QString error = ok ? QString() : q.lastError().text();
    if (ok && kind == Kind::Guide)
        ok = CatalogImport::matchGuideIds(conn, &error);
    if (!ok)
        return {StoreResult::Code::Failed, error, 0};
    if (!tx.commit())
        return StoreResult::failed(tx.error());
    return {};
}

std::optional<QList<int>> SourceStore::due(const QSqlDatabase &db, Kind kind, qint64 now,
                                           QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM %1 WHERE enabled = 1 AND refresh_interval_s > 0"
                             " AND (last_refresh_at IS NULL"
                             " OR last_refresh_at + refresh_interval_s <= ?)")
                      .arg(table(kind)));
    q.addBindValue(now);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QList<int> ids;
    while (q.next())
        ids << q.value(0).toInt();
    return ids;
}

QList<int> SourceStore::enabledIds(const QSqlDatabase &db, Kind kind)
{
    QList<int> ids;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id FROM %1 WHERE enabled = 1 ORDER BY id")
                       .arg(table(kind)))) {
        while (q.next())
            ids << q.value(0).toInt();
    }
    return ids;
}

std::optional<SourceStore::Location> SourceStore::location(const QSqlDatabase &db, Kind kind,
                                                           qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT location, name FROM %1 WHERE id = ?").arg(table(kind)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Location {q.value(0).toString().trimmed(), q.value(1).toString()};
}

StoreResult SourceStore::recordOutcome(const QSqlDatabase &db, Kind kind, qint64 id,
                                       const ImportOutcome &outcome, qint64 now)
{
    QSqlQuery q(db);
    if (outcome.ok) {
        q.prepare(QStringLiteral("UPDATE %1 SET last_refresh_at = ?, last_status = 'ok',"
                                 " last_error = NULL, last_imported = ?, last_skipped = ?"
                                 " WHERE id = ?")
                          .arg(table(kind)));
        q.addBindValue(now);
        q.addBindValue(outcome.imported);
        q.addBindValue(outcome.skipped);
    } else {
        q.prepare(QStringLiteral("UPDATE %1 SET last_refresh_at = ?, last_status = 'error',"
                                 " last_error = ? WHERE id = ?")
                          .arg(table(kind)));
        q.addBindValue(now);
        q.addBindValue(outcome.error);
    }
    q.addBindValue(id);
    if (!q.exec())
        return StoreResult::failed(q.lastError());
    return {};
}
