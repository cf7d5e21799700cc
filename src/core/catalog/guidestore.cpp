#include "guidestore.h"

#include "storage/database.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// instr() instead of LIKE: no pattern characters to escape and no pattern length limit.
const QString kSearch = QStringLiteral(
        " WHERE instr(lower(epg_id), lower(?)) > 0"
        " OR instr(lower(COALESCE(display_name, '') || char(9) || COALESCE(other_names, '')),"
        " lower(?)) > 0");

} // namespace

std::optional<QJsonArray> GuideStore::channels(const QSqlDatabase &db, const QString &search,
                                               qint64 limit, qint64 offset, qint64 *total,
                                               QString *error)
{
    // An absent search is a null QString, which binds as NULL and would match nothing.
    const QString where = search.isEmpty() ? QString() : kSearch;
    QSqlQuery count(db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM epg_channels") + where);
    for (int i = 0; i < (search.isEmpty() ? 0 : 2); ++i)
        count.addBindValue(search);
    if (!count.exec() || !count.next()) {
        *error = count.lastError().text();
        return std::nullopt;
    }
    *total = count.value(0).toLongLong();

    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT source_id, epg_id, display_name, icon, other_names"
                             " FROM epg_channels")
              + where
              + QStringLiteral(" ORDER BY display_name COLLATE NOCASE, epg_id, source_id"
                               " LIMIT ? OFFSET ?"));
    for (int i = 0; i < (search.isEmpty() ? 0 : 2); ++i)
        q.addBindValue(search);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QJsonArray items;
    while (q.next()) {
        items.append(QJsonObject {{QStringLiteral("source_id"), q.value(0).toLongLong()},
                                  {QStringLiteral("epg_id"), q.value(1).toString()},
                                  {QStringLiteral("display_name"), Database::jsonValue(q.value(2))},
                                  {QStringLiteral("icon"), Database::jsonValue(q.value(3))},
                                  {QStringLiteral("other_names"),
                                   QJsonArray::fromStringList(q.value(4).toString().split(
                                           QLatin1Char('\t'), Qt::SkipEmptyParts))}});
    }
    return items;
}

std::optional<QJsonArray> GuideStore::programmes(const QSqlDatabase &db, const QString &guideId,
                                                 qint64 from, qint64 to, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "SELECT start, stop, title, description, category, lang FROM epg_programmes"
            " WHERE epg_id = ? AND stop > ? AND start < ? ORDER BY start, id"));
    q.addBindValue(guideId);
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QJsonArray items;
    while (q.next()) {
        items.append(QJsonObject {{QStringLiteral("start"), Database::isoTime(q.value(0))},
                                  {QStringLiteral("stop"), Database::isoTime(q.value(1))},
                                  {QStringLiteral("title"), q.value(2).toString()},
                                  {QStringLiteral("description"), Database::jsonValue(q.value(3))},
                                  {QStringLiteral("category"), Database::jsonValue(q.value(4))},
                                  {QStringLiteral("lang"), Database::jsonValue(q.value(5))}});
    }
    return items;
}
