#include "categoriesroutes.h"

#include "catalog/categorystore.h"
#include "http/api/apiinput.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QDateTime>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;

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
                        QString error;
                        const auto items = CategoryStore::list(db, &error);
                        if (!items)
                            return Answer::databaseError(error);
                        return Answer::json(QJsonObject {{QStringLiteral("items"), *items}});
                    });
                });

    http->route(
            M::Post, QStringLiteral("/api/categories"), Access::Admin,
            [this](const HttpRequest &req, QHttpServerResponder &r) {
                const auto body = jsonBody(req, r);
                if (!body
                    || badRequest(r, checkObject(*body, kCategoryFields, {QStringLiteral("name")})))
                    return;
                const QSqlDatabase db = m_db->connection();
                const StoreResult created
                        = CategoryStore::create(db, *body, QDateTime::currentSecsSinceEpoch());
                if (storeFailed(r, created, "category", 0))
                    return;
                Http::sendJson(r, *CategoryStore::byId(db, created.id), Status::Created);
                Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("created"),
                               {created.id});
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
                QList<qint64> ids;
                for (const QJsonValue &v : body->value(QLatin1String("ids")).toArray())
                    ids << v.toInteger();
                if (storeFailed(r, CategoryStore::reorder(m_db->connection(), ids), "category", 0))
                    return;
                Http::sendJson(r, QJsonObject {{QStringLiteral("ok"), true}});
                Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("bulk"), {});
            });

    http->route(M::Get | M::Head, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    if (const auto id = pathId(req, r, "category"))
                        sendFound(r, CategoryStore::byId(m_db->connection(), *id), "category", *id);
                });

    http->route(M::Patch | M::Put, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto edit = editRequest(req, r, "category", kCategoryFields);
                    if (!edit)
                        return;
                    const QSqlDatabase db = m_db->connection();
                    if (storeFailed(r, CategoryStore::update(db, edit->id, edit->body), "category",
                                    edit->id))
                        return;
                    sendFound(r, CategoryStore::byId(db, edit->id), "category", edit->id);
                    Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("updated"),
                                   {edit->id});
                });

    http->route(M::Delete, QStringLiteral("/api/categories/{id}"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    // Its channels fall back to no category (ON DELETE SET NULL); a later import of
                    // the same group-title creates the category again.
                    const auto id = pathId(req, r, "category");
                    if (!id
                        || storeFailed(r, CategoryStore::remove(m_db->connection(), *id),
                                       "category", *id))
                        return;
                    Http::sendJson(r, QJsonObject {{QStringLiteral("deleted"), *id}});
                    Q_EMIT changed(QStringLiteral("categories"), QStringLiteral("deleted"), {*id});
                });
}

CategoriesRoutes::~CategoriesRoutes()
{
    // Tasks post to this object and read the database: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
