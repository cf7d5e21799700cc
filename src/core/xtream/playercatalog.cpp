#include "playercatalog.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// One row per visible channel with its effective values; "cat" is the effective category, or
// NULL when it has none (or the category was deleted). %1 is the effective guide id.
const char *const kVisible
        = "SELECT c.id AS id,"
          " COALESCE(c.custom_number, c.number) AS number,"
          " COALESCE(c.custom_name, c.name) AS name,"
          " COALESCE(c.custom_logo, c.logo) AS logo,"
          " %1 AS epg_id,"
          " k.id AS cat, k.name AS cat_name, COALESCE(k.sort_order, 2147483647) AS cat_order,"
          " c.added_at AS added_at, c.kind AS kind, c.content_id AS content_id,"
          " c.infohash AS infohash, c.url AS url"
          " FROM channels c"
          " LEFT JOIN categories k ON k.id = COALESCE(c.custom_category_id, c.category_id)"
          " WHERE c.active = 1 AND c.hidden = 0";

// The catalog's guide matcher may record the guide channel it found in channels.guide_id
// (catalog schema); where that column exists it sits between the user's choice and the import.
QString visibleChannels(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    bool matched = false;
    q.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('channels') WHERE name = 'guide_id'"));
    matched = q.next();
    return QString::fromLatin1(kVisible).arg(
            matched ? QStringLiteral("COALESCE(c.custom_epg_id, c.guide_id, c.epg_id)")
                    : QStringLiteral("COALESCE(c.custom_epg_id, c.epg_id)"));
}

// The user's allowed categories as an SQL condition on "cat" (ids are numbers from the DB).
QString allowedCondition(const XtreamUser &user)
{
    if (user.categoryIds.isEmpty())
        return {};
    QStringList ids;
    for (qint64 id : user.categoryIds)
        ids << QString::number(id);
    return QStringLiteral(" AND cat IN (%1)").arg(ids.join(QLatin1Char(',')));
}

PlayerCatalog::Channel readChannel(const QSqlQuery &q)
{
    PlayerCatalog::Channel c;
    c.id = q.value(QStringLiteral("id")).toLongLong();
    const QVariant number = q.value(QStringLiteral("number"));
    c.num = number.isNull() ? c.id : number.toLongLong();
    c.name = q.value(QStringLiteral("name")).toString();
    c.logo = q.value(QStringLiteral("logo")).toString();
    c.epgId = q.value(QStringLiteral("epg_id")).toString();
    const QVariant cat = q.value(QStringLiteral("cat"));
    c.categoryId = cat.isNull() ? PlayerCatalog::kUncategorizedId : cat.toLongLong();
    c.categoryName = cat.isNull() ? PlayerCatalog::uncategorizedName()
                                  : q.value(QStringLiteral("cat_name")).toString();
    c.addedAt = q.value(QStringLiteral("added_at")).toLongLong();
    c.kind = q.value(QStringLiteral("kind")).toString();
    c.contentId = q.value(QStringLiteral("content_id")).toString();
    c.infohash = q.value(QStringLiteral("infohash")).toString();
    c.url = q.value(QStringLiteral("url")).toString();
    return c;
}

} // namespace

QString PlayerCatalog::uncategorizedName()
{
    return QCoreApplication::translate("PlayerCatalog", "Uncategorized");
}

QList<PlayerCatalog::Category> PlayerCatalog::categories(const QSqlDatabase &db,
                                                         const XtreamUser &user)
{
    QList<Category> out;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT cat, MIN(cat_name), MIN(cat_order) AS o FROM (%1) WHERE 1%2"
                          " GROUP BY cat ORDER BY cat IS NULL, o, MIN(cat_name), cat")
                   .arg(visibleChannels(db), allowedCondition(user)));
    while (q.next()) {
        const bool none = q.value(0).isNull();
        out.append({none ? kUncategorizedId : q.value(0).toLongLong(),
                    none ? uncategorizedName() : q.value(1).toString()});
    }
    if (q.lastError().isValid())
        qCWarning(lcPlayers).noquote() << "categories query failed:" << q.lastError().text();
    return out;
}

QList<PlayerCatalog::Channel> PlayerCatalog::channels(const QSqlDatabase &db,
                                                      const XtreamUser &user,
                                                      std::optional<qint64> categoryId)
{
    QString where = allowedCondition(user);
    if (categoryId) {
        where += *categoryId == kUncategorizedId ? QStringLiteral(" AND cat IS NULL")
                                                 : QStringLiteral(" AND cat = %1").arg(*categoryId);
    }
    QList<Channel> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.exec(QStringLiteral(
                   "SELECT * FROM (%1) WHERE 1%2"
                   " ORDER BY cat IS NULL, cat_order, cat_name, COALESCE(number, id), name, id")
                   .arg(visibleChannels(db), where));
    while (q.next())
        out.append(readChannel(q));
    if (q.lastError().isValid())
        qCWarning(lcPlayers).noquote() << "channels query failed:" << q.lastError().text();
    return out;
}

std::optional<PlayerCatalog::Channel> PlayerCatalog::channel(const QSqlDatabase &db,
                                                             const XtreamUser &user, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT * FROM (%1) WHERE id = ?%2")
                      .arg(visibleChannels(db), allowedCondition(user)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readChannel(q);
}

std::optional<PlayerCatalog::Channel>
PlayerCatalog::channelOfAceId(const QSqlDatabase &db, bool infohash, const QString &id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT * FROM (%1) WHERE %2 = ? LIMIT 1")
                      .arg(visibleChannels(db),
                           infohash ? QStringLiteral("infohash") : QStringLiteral("content_id")));
    q.addBindValue(id.toLower());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readChannel(q);
}

QList<PlayerCatalog::Programme>
PlayerCatalog::programmes(const QSqlDatabase &db, const QString &epgId, qint64 from, int limit)
{
    QList<Programme> out;
    if (epgId.isEmpty())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, epg_id, start, stop, title, description, lang, category"
                             " FROM epg_programmes WHERE epg_id = ? AND stop > ?"
                             " ORDER BY start, id LIMIT ?"));
    q.addBindValue(epgId);
    q.addBindValue(from);
    q.addBindValue(limit > 0 ? limit : -1);
    q.exec();
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                    q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString(), q.value(7).toString()});
    }
    return out;
}
