#include "categoriesroutes.h"

#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

namespace {

std::optional<QJsonObject> categoryJson(const QSqlDatabase &db, int id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT cat.id, cat.name, cat.sort_order, cat.created_at,"
                             " (SELECT COUNT(*) FROM channels c WHERE "
                             "COALESCE(c.custom_category_id, c.category_id) = cat.id)"
                             " FROM categories cat WHERE cat.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return QJsonObject {{QStringLiteral("id"), q.value(0).toInt()},
                        {QStringLiteral("name"), q.value(1).toString()},
                        {QStringLiteral("sort_order"), q.value(2).toInt()},
                        {QStringLiteral("created_at"), isoTime(q.value(3))},
                        {QStringLiteral("channels"), q.value(4).toInt()}};
}

const QList<Field> kCategoryFields {
        {"name", Type::String, false, 1, 200},
        {"sort_order", Type::Int, false, -1000000, 1000000},
};

} // namespace

CategoriesRoutes::CategoriesRoutes(HttpFront *http, Database *db) : QObject(http), m_db(db)
{
    http->route(M::Get | M::Head, QStringLiteral("/api/categories"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    if (badRequest(r, checkQueryNames(req.query(), {})))
                        return;
                    // Each category's channel count scans the channels: on a worker.
                    answerOnWorker(req, &m_workers, m_db, this, [](const QSqlDatabase &db) {
                        QSqlQuery q(db);
                        if (!q.exec(QStringLiteral(
                                    "SELECT cat.id, cat.name, cat.sort_order, cat.created_at,"
                                    " (SELECT COUNT(*) FROM channels c WHERE "
                                    "COALESCE(c.custom_category_id, c.category_id) = cat.id)"
                                    " FROM categories cat ORDER BY cat.sort_order, cat.id")))
                            return Answer::databaseError(q.lastError().text());
                        QJsonArray items;
                        while (q.next()) {
                            items.append(QJsonObject {
                                    {QStringLiteral("id"), q.value(0).toInt()},
                                    {QStringLiteral("name"), q.value(1).toString()},
                                    {QStringLiteral("sort_order"), q.value(2).toInt()},
                                    {QStringLiteral("created_at"), isoTime(q.value(3))},
                                    {QStringLiteral("channels"), q.value(4).toInt()}});
                        }
                        return Answer::json(QJsonObject {{QStringLiteral("items"), items}});
                    });
                });

    http->route(
            M::Post, QStringLiteral("/api/categories"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body
                    || badRequest(r, checkObject(*body, kCategoryFields, {QStringLiteral("name")})))
                    return;
                QSqlDatabase db = m_db->connection();
                QVariant order = nullOr(body->value(QLatin1String("sort_order")));
                if (order.isNull()) {
                    QSqlQuery n(db);
                    if (n.exec(QStringLiteral(
                                "SELECT COALESCE(MAX(sort_order), -1) + 1 FROM categories"))
                        && n.next())
                        order = n.value(0);
                }
                QSqlQuery q(db);
                q.prepare(QStringLiteral(
                        "INSERT INTO categories(name, sort_order, created_at) VALUES (?, ?, ?)"));
                q.addBindValue(body->value(QLatin1String("name")).toString().trimmed());
                q.addBindValue(order);
                q.addBindValue(QDateTime::currentSecsSinceEpoch());
                if (!q.exec())
                    return writeFailed(
                            r, q, QStringLiteral("name: a category with this name already exists"));
                const int id = q.lastInsertId().toInt();
                Http::sendJson(r, *categoryJson(db, id), Status::Created);
                Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("created"), {id});
            });

    // Registered before /api/categories/{id} so "order" is not taken for an id.
    http->route(
            M::Put | M::Post, QStringLiteral("/api/categories/order"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body
                    || badRequest(r, checkObject(*body,
                                                 {{"ids", Type::IntList, false, 1,
                                                   std::numeric_limits<int>::max()}},
                                                 {QStringLiteral("ids")})))
                    return;
                QSqlDatabase db = m_db->connection();
                const QJsonArray ids = body->value(QLatin1String("ids")).toArray();
                QSet<qint64> seen;
                for (int i = 0; i < ids.size(); ++i) {
                    const qint64 id = ids.at(i).toInteger();
                    if (seen.contains(id)) {
                        Http::sendError(r, Status::BadRequest,
                                        QStringLiteral("ids[%1]: %2 appears twice").arg(i).arg(id));
                        return;
                    }
                    seen.insert(id);
                    if (!exists(db, QStringLiteral("categories"), id)) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("ids[%1]: no such category: %2").arg(i).arg(id));
                        return;
                    }
                }
                if (!db.transaction())
                    return dbError(r, db.lastError().text());
                QSqlQuery q(db);
                // Listed categories first, in the given order; the others keep their relative order
                // after them.
                QList<qint64> order;
                for (const QJsonValue &v : ids)
                    order << v.toInteger();
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
                    if (!q.exec()) {
                        const QString error = q.lastError().text();
                        db.rollback();
                        return dbError(r, error);
                    }
                }
                if (!db.commit())
                    return dbError(r, db.lastError().text());
                Http::sendJson(r, QJsonObject {{QStringLiteral("ok"), true}});
                Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("bulk"), {});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "category");
                    if (!id)
                        return;
                    if (const auto c = categoryJson(m_db->connection(), *id))
                        Http::sendJson(r, *c);
                    else
                        Http::sendError(r, Status::NotFound,
                                        QStringLiteral("no such category: %1").arg(*id));
                });

    http->route(
            M::Patch | M::Put, QStringLiteral("/api/categories/{id}"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto id = pathId(req, r, "category");
                if (!id)
                    return;
                const auto body = jsonBody(req, r);
                if (!body || badRequest(r, checkObject(*body, kCategoryFields)))
                    return;
                QSqlDatabase db = m_db->connection();
                if (!exists(db, QStringLiteral("categories"), *id)) {
                    Http::sendError(r, Status::NotFound,
                                    QStringLiteral("no such category: %1").arg(*id));
                    return;
                }
                QStringList sets;
                QVariantList binds;
                for (auto it = body->begin(); it != body->end(); ++it) {
                    sets << QStringLiteral("%1 = ?").arg(it.key());
                    binds << nullOr(it.value());
                }
                if (!sets.isEmpty()) {
                    QSqlQuery q(db);
                    q.prepare(QStringLiteral("UPDATE categories SET %1 WHERE id = ?")
                                      .arg(sets.join(QStringLiteral(", "))));
                    for (const QVariant &b : binds)
                        q.addBindValue(b);
                    q.addBindValue(*id);
                    if (!q.exec())
                        return writeFailed(
                                r, q,
                                QStringLiteral("name: a category with this name already exists"));
                }
                Http::sendJson(r, *categoryJson(db, *id));
                Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("updated"), {*id});
            });

    http->route(M::Delete, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    // Its channels fall back to no category (ON DELETE SET NULL); a later import of
                    // the same group-title creates the category again.
                    if (const auto id = deleteById(m_db->connection(), req, r,
                                                   QStringLiteral("categories"), "category"))
                        Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("deleted"),
                                       {*id});
                });
}

CategoriesRoutes::~CategoriesRoutes()
{
    // Tasks post to this object and read the database: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
