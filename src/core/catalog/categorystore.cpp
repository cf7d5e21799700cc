#include "categorystore.h"

#include "storage/database.h"
#include "storage/rowupdate.h"
#include "storage/writetransaction.h"

#include <QDateTime>
#include <QSet>
#include <QSqlQuery>

namespace {

const QString kSelect = QStringLiteral("SELECT cat.id, cat.name, cat.sort_order, cat.created_at,"
                                       " (SELECT COUNT(*) FROM channels c WHERE"
                                       " COALESCE(c.custom_category_id, c.category_id) = cat.id)"
                                       " FROM categories cat");

const QString kDuplicate = QStringLiteral("name: a category with this name already exists");

QJsonObject readCategory(const QSqlQuery &q)
{
    return QJsonObject {{QStringLiteral("id"), q.value(0).toLongLong()},
                        {QStringLiteral("name"), q.value(1).toString()},
                        {QStringLiteral("sort_order"), q.value(2).toInt()},
                        {QStringLiteral("created_at"), Database::isoTime(q.value(3))},
                        {QStringLiteral("channels"), q.value(4).toInt()}};
}

} // namespace

std::optional<QJsonArray> CategoryStore::list(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(kSelect + QStringLiteral(" ORDER BY cat.sort_order, cat.id"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QJsonArray items;
    while (q.next())
        items.append(readCategory(q));
    return items;
}

std::optional<QJsonObject> CategoryStore::byId(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(kSelect + QStringLiteral(" WHERE cat.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readCategory(q);
}

bool CategoryStore::exists(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM categories WHERE id = ?"));
    q.addBindValue(id);
    return q.exec() && q.next();
}

StoreResult CategoryStore::create(const QSqlDatabase &db, const QJsonObject &fields, qint64 now)
{
    QVariant order = Database::bindValue(fields.value(QLatin1String("sort_order")));
    if (order.isNull()) {
        QSqlQuery n(db);
        if (n.exec(QStringLiteral("SELECT COALESCE(MAX(sort_order), -1) + 1 FROM categories"))
            && n.next())
            order = n.value(0);
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "INSERT INTO categories(name, sort_order, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(fields.value(QLatin1String("name")).toString().trimmed());
    q.addBindValue(order);
    q.addBindValue(now);
    if (!q.exec())
        return StoreResult::writeFailed(q.lastError(), kDuplicate);
    return StoreResult::created(q.lastInsertId().toLongLong());
}

StoreResult CategoryStore::update(const QSqlDatabase &db, qint64 id, const QJsonObject &fields)
{
    if (!exists(db, id))
        return StoreResult::notFound();
    RowUpdate update(QStringLiteral("categories"));
    for (const QString &column : {QStringLiteral("name"), QStringLiteral("sort_order")})
        update.setFrom(fields, column);
    return update.exec(db, id, kDuplicate);
}

StoreResult CategoryStore::reorder(const QSqlDatabase &db, const QList<qint64> &ids)
{
    QSet<qint64> seen;
    for (int i = 0; i < ids.size(); ++i) {
        const qint64 id = ids.at(i);
        if (seen.contains(id))
            return StoreResult::invalid(QStringLiteral("ids[%1]: %2 appears twice").arg(i).arg(id));
        seen.insert(id);
        if (!exists(db, id))
            return StoreResult::invalid(
                    QStringLiteral("ids[%1]: no such category: %2").arg(i).arg(id));
    }
    QSqlDatabase conn = db;
    WriteTransaction tx(conn);
    if (!tx.isOpen())
        return StoreResult::failed(tx.error());
    QList<qint64> order = ids;
    QSqlQuery q(conn);
    if (q.exec(QStringLiteral("SELECT id FROM categories ORDER BY sort_order, id"))) {
        while (q.next()) {
            if (!seen.contains(q.value(0).toLongLong()))
                order << q.value(0).toLongLong();
        }
    }
    q.prepare(QStringLiteral("UPDATE categories SET sort_order = ? WHERE id = ?"));
    for (int i = 0; i < order.size(); ++i) {
        q.addBindValue(i);
        q.addBindValue(order.at(i));
        if (!q.exec())
            return StoreResult::failed(q.lastError());
    }
    if (!tx.commit())
        return StoreResult::failed(tx.error());
    return {};
}

StoreResult CategoryStore::remove(const QSqlDatabase &db, qint64 id)
{
    return RowUpdate::remove(db, QStringLiteral("categories"), id);
}
