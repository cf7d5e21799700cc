#include "channelstore.h"

#include "catalog/categorystore.h"
#include "catalog/m3uparser.h"
#include "storage/database.h"
#include "storage/rowupdate.h"
#include "storage/writetransaction.h"

#include <QSqlQuery>

namespace {

const QString kColumns = QStringLiteral(
        "c.id, c.source_id, c.kind, c.content_id, c.infohash, c.url,"
        " COALESCE(c.custom_name, c.name), COALESCE(c.custom_number, c.number),"
        " COALESCE(c.custom_category_id, c.category_id), COALESCE(c.custom_logo, c.logo),"
        " COALESCE(c.custom_epg_id, c.guide_id, c.epg_id),"
        " c.name, c.number, c.category_id, c.logo, c.epg_id, c.tvg_name,"
        " c.custom_name, c.custom_number, c.custom_category_id, c.custom_logo, c.custom_epg_id,"
        " c.hidden, c.active, c.check_status, c.check_error, c.checked_at, c.added_at, "
        "c.updated_at, c.guide_id,"
        " (SELECT cat.name FROM categories cat"
        " WHERE cat.id = COALESCE(c.custom_category_id, c.category_id))");

const QString kDuplicate = QStringLiteral("address: a channel with this address already exists");

QJsonObject readChannel(const QSqlQuery &q)
{
    const auto v = [&q](int i) { return Database::jsonValue(q.value(i)); };
    return {
            {QStringLiteral("id"), q.value(0).toInt()},
            {QStringLiteral("source_id"), v(1)},
            {QStringLiteral("kind"), q.value(2).toString()},
            {QStringLiteral("content_id"), v(3)},
            {QStringLiteral("infohash"), v(4)},
            {QStringLiteral("url"), v(5)},
            {QStringLiteral("name"), q.value(6).toString()},
            {QStringLiteral("number"), v(7)},
            {QStringLiteral("category_id"), v(8)},
            {QStringLiteral("logo"), v(9)},
            {QStringLiteral("epg_id"), v(10)},
            {QStringLiteral("imported"),
             QJsonObject {{QStringLiteral("name"), q.value(11).toString()},
                          {QStringLiteral("number"), v(12)},
                          {QStringLiteral("category_id"), v(13)},
                          {QStringLiteral("logo"), v(14)},
                          {QStringLiteral("epg_id"), v(15)},
                          {QStringLiteral("tvg_name"), v(16)}}},
            {QStringLiteral("custom"), QJsonObject {{QStringLiteral("name"), v(17)},
                                                    {QStringLiteral("number"), v(18)},
                                                    {QStringLiteral("category_id"), v(19)},
                                                    {QStringLiteral("logo"), v(20)},
                                                    {QStringLiteral("epg_id"), v(21)}}},
            {QStringLiteral("hidden"), q.value(22).toInt() != 0},
            {QStringLiteral("active"), q.value(23).toInt() != 0},
            {QStringLiteral("check_status"), v(24)},
            {QStringLiteral("check_error"), v(25)},
            {QStringLiteral("checked_at"), Database::isoTime(q.value(26))},
            {QStringLiteral("added_at"), Database::isoTime(q.value(27))},
            {QStringLiteral("updated_at"), Database::isoTime(q.value(28))},
            {QStringLiteral("guide_id"), v(29)},
            {QStringLiteral("category"), v(30)},
    };
}

// A category_id an edit gives must name a category (null clears it).
std::optional<StoreResult> unknownCategory(const QSqlDatabase &db, const QJsonObject &fields)
{
    const QJsonValue category = fields.value(QLatin1String("category_id"));
    if (!category.isDouble() || CategoryStore::exists(db, category.toInteger()))
        return std::nullopt;
    return StoreResult::invalid(
            QStringLiteral("category_id: no such category: %1").arg(category.toInteger()));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace

std::optional<QJsonObject> ChannelStore::page(const QSqlDatabase &db, const Filter &filter,
                                              QString *error)
{
    QStringList where;
    QVariantList binds;
    if (!filter.search.isEmpty()) {
        where << QStringLiteral(
                "(COALESCE(c.custom_name, c.name) LIKE ? ESCAPE '\\'"
                " OR c.tvg_name LIKE ? ESCAPE '\\'"
                " OR c.content_id = ? OR c.infohash = ? OR c.url LIKE ? ESCAPE '\\')");
        QString pattern = filter.search;
        pattern.replace(QLatin1String("\\"), QLatin1String("\\\\"))
                .replace(QLatin1String("%"), QLatin1String("\\%"))
                .replace(QLatin1String("_"), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        binds << pattern << pattern << filter.search.toLower() << filter.search.toLower()
              << pattern;
    }
    if (filter.categoryId) {
        if (*filter.categoryId == 0) {
            where << QStringLiteral("COALESCE(c.custom_category_id, c.category_id) IS NULL");
        } else {
            where << QStringLiteral("COALESCE(c.custom_category_id, c.category_id) = ?");
            binds << *filter.categoryId;
        }
    }
    if (filter.sourceId) {
        if (*filter.sourceId == 0) {
            where << QStringLiteral("c.source_id IS NULL");
        } else {
            where << QStringLiteral("c.source_id = ?");
            binds << *filter.sourceId;
        }
    }
    if (!filter.kind.isEmpty()) {
        where << QStringLiteral("c.kind = ?");
        binds << filter.kind;
    }
    if (filter.active) {
        where << QStringLiteral("c.active = ?");
        binds << (*filter.active ? 1 : 0);
    }
    if (filter.hidden) {
        where << QStringLiteral("c.hidden = ?");
        binds << (*filter.hidden ? 1 : 0);
    }
    if (filter.checkStatus == QLatin1String("none")) {
        where << QStringLiteral("c.check_status IS NULL");
    } else if (!filter.checkStatus.isEmpty()) {
        where << QStringLiteral("c.check_status = ?");
        binds << filter.checkStatus;
    }
    QString order;
    switch (filter.sort) {
    case Filter::Sort::Number:
        order = QStringLiteral("COALESCE(c.custom_number, c.number) IS NULL, "
                               "COALESCE(c.custom_number, c.number), c.id");
        break;
    case Filter::Sort::Name:
        order = QStringLiteral("COALESCE(c.custom_name, c.name) COLLATE NOCASE, c.id");
        break;
    case Filter::Sort::Id:
        order = QStringLiteral("c.id");
        break;
    case Filter::Sort::AddedAt:
        order = QStringLiteral("c.added_at DESC, c.id");
        break;
    }
    const QString whereSql
            = where.isEmpty() ? QString()
                              : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    QSqlQuery count(db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM channels c") + whereSql);
    for (const QVariant &b : std::as_const(binds))
        count.addBindValue(b);
    if (!count.exec() || !count.next()) {
        *error = count.lastError().text();
        return std::nullopt;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM channels c%2 ORDER BY %3 LIMIT ? OFFSET ?")
                      .arg(kColumns, whereSql, order));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    q.addBindValue(filter.limit);
    q.addBindValue(filter.offset);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QJsonArray items;
    while (q.next())
        items.append(readChannel(q));
    return QJsonObject {{QStringLiteral("items"), items},
                        {QStringLiteral("total"), count.value(0).toInt()},
                        {QStringLiteral("offset"), filter.offset},
                        {QStringLiteral("limit"), filter.limit}};
}

std::optional<QJsonObject> ChannelStore::byId(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM channels c WHERE c.id = ?").arg(kColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readChannel(q);
}

bool ChannelStore::exists(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM channels WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next();
}

StoreResult ChannelStore::create(const QSqlDatabase &db, const M3uEntry &address,
                                 const QJsonObject &fields, qint64 now)
{
    if (const auto invalid = unknownCategory(db, fields))
        return *invalid;
    WriteTransaction tx(db);
    if (!tx.isOpen())
        return StoreResult::failed(tx.error());
    QVariant number = Database::bindValue(fields.value(QLatin1String("number")));
    if (number.isNull()) {
        QSqlQuery n(db);
        if (n.exec(QStringLiteral("SELECT COALESCE(MAX(MAX(COALESCE(number, 0)), "
                                  "MAX(COALESCE(custom_number, 0))), 0) + 1 FROM channels"))
            && n.next())
            number = n.value(0);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO channels(kind, content_id, infohash, url, name, number,"
                             " category_id, logo, epg_id, hidden, added_at, updated_at)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(address.kind == M3uEntry::Kind::Direct ? QStringLiteral("direct")
                                                          : QStringLiteral("acestream"));
    q.addBindValue(textOrNull(address.contentId));
    q.addBindValue(textOrNull(address.infohash));
    q.addBindValue(textOrNull(address.url));
    q.addBindValue(fields.value(QLatin1String("name")).toString().trimmed());
    q.addBindValue(number);
    q.addBindValue(Database::bindValue(fields.value(QLatin1String("category_id"))));
    q.addBindValue(Database::bindValue(fields.value(QLatin1String("logo"))));
    q.addBindValue(Database::bindValue(fields.value(QLatin1String("epg_id"))));
    q.addBindValue(fields.value(QLatin1String("hidden")).toBool() ? 1 : 0);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return StoreResult::writeFailed(q.lastError(), kDuplicate);
    const qint64 id = q.lastInsertId().toLongLong();
    if (!tx.commit())
        return StoreResult::failed(tx.error());
    return StoreResult::created(id);
}

StoreResult ChannelStore::update(const QSqlDatabase &db, qint64 id, const QJsonObject &fields,
                                 qint64 now)
{
    if (!exists(db, id))
        return StoreResult::notFound();
    if (const auto invalid = unknownCategory(db, fields))
        return *invalid;
    RowUpdate update(QStringLiteral("channels"));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QVariant v = Database::bindValue(it.value());
        // An emptied text field clears the edit, like null.
        if (v.typeId() == QMetaType::QString && v.toString().isEmpty())
            v = QVariant(QMetaType(QMetaType::QString));
        update.set(it.key() == QLatin1String("hidden") ? it.key()
                                                       : QStringLiteral("custom_") + it.key(),
                   v);
    }
    if (update.isEmpty())
        return {};
    update.set(QStringLiteral("updated_at"), now);
    return update.exec(db, id);
}

StoreResult ChannelStore::updateMany(const QSqlDatabase &db, const QList<qint64> &ids,
                                     const QJsonObject &fields, qint64 now)
{
    if (const auto invalid = unknownCategory(db, fields))
        return *invalid;
    WriteTransaction tx(db);
    if (!tx.isOpen())
        return StoreResult::failed(tx.error());
    for (int i = 0; i < ids.size(); ++i) {
        if (!exists(db, ids.at(i)))
            return StoreResult::invalid(
                    QStringLiteral("ids[%1]: no such channel: %2").arg(i).arg(ids.at(i)));
    }
    QStringList sets;
    QVariantList values;
    if (fields.contains(QLatin1String("category_id"))) {
        sets << QStringLiteral("custom_category_id = ?");
        values << Database::bindValue(fields.value(QLatin1String("category_id")));
    }
    if (fields.contains(QLatin1String("hidden"))) {
        sets << QStringLiteral("hidden = ?");
        values << (fields.value(QLatin1String("hidden")).toBool() ? 1 : 0);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE channels SET %1, updated_at = ? WHERE id = ?")
                      .arg(sets.join(QStringLiteral(", "))));
    for (const qint64 id : ids) {
        for (const QVariant &v : std::as_const(values))
            q.addBindValue(v);
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return StoreResult::failed(q.lastError());
    }
    if (!tx.commit())
        return StoreResult::failed(tx.error());
    return {};
}

StoreResult ChannelStore::remove(const QSqlDatabase &db, qint64 id)
{
    return RowUpdate::remove(db, QStringLiteral("channels"), id);
}
