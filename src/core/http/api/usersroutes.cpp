#include "usersroutes.h"

#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "http/liveroutes.h"
#include "storage/database.h"
#include "xtream/userstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace {

std::optional<qint64> userId(const HttpRequest &req, QHttpServerResponder &r)
{
    qint64 id = 0;
    if (!Http::parseInt(req.arg(QStringLiteral("id")), 1, std::numeric_limits<qint64>::max(),
                        &id)) {
        Http::sendError(
                r, Http::Status::NotFound,
                QStringLiteral("id: no user with id %1").arg(req.arg(QStringLiteral("id"))));
        return std::nullopt;
    }
    return id;
}

} // namespace

UsersRoutes::UsersRoutes(HttpFront *http, Database *db, StreamManager *streams) : QObject(http)
{
    using Access = HttpFront::Access;
    using M = HttpFront::Method;

    Database *database = db;
    auto view = [streams](const XtreamUser &user) {
        QJsonObject o = user.toJson();
        o.insert(QStringLiteral("status"),
                 XtreamUser::statusName(user.status(QDateTime::currentSecsSinceEpoch())));
        o.insert(QStringLiteral("active_connections"),
                 LiveRoutes::activeConnections(streams, user.username));
        return o;
    };
    auto answer = [view](QHttpServerResponder &r, const UserStore::Result &result,
                         Http::Status okStatus) {
        if (!result.user) {
            if (result.httpStatus == 500)
                Http::sendDatabaseError(r, result.error);
            else
                Http::sendError(r, Http::Status(result.httpStatus), result.error);
            return;
        }
        Http::sendJson(r, view(*result.user), okStatus);
    };

    http->route(M::Get | M::Head, QStringLiteral("/api/users"), Access::Admin,
                [this, database, view](const HttpRequest &req, QHttpServerResponder &) {
                    // Read on a worker; each account's open streams are counted here, where
                    // the streams live.
                    DeferredReply reply(req);
                    Api::onWorker(
                            &m_workers, database, this,
                            [](const QSqlDatabase &db) { return UserStore::list(db); },
                            [reply, view](const QList<XtreamUser> &users) mutable {
                                QJsonArray out;
                                for (const XtreamUser &u : users)
                                    out.append(view(u));
                                reply.sendJson(QJsonObject {{QStringLiteral("users"), out},
                                                            {QStringLiteral("count"), out.size()}});
                            });
                });
    http->route(M::Post, QStringLiteral("/api/users"), Access::Admin,
                [this, database, answer](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto body = Api::jsonBody(req, r);
                    if (!body)
                        return;
                    const auto result = UserStore::create(database->connection(), *body,
                                                          QDateTime::currentSecsSinceEpoch());
                    if (result.user)
                        qCInfo(lcPlayers).noquote() << "User" << result.user->username << "created";
                    answer(r, result, Http::Status::Created);
                    if (result.user)
                        Q_EMIT changed(QStringLiteral("users"), QStringLiteral("created"),
                                       {result.user->id});
                });
    http->route(M::Get | M::Head, QStringLiteral("/api/users/{id}"), Access::Admin,
                [database, view](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = userId(req, r);
                    if (!id)
                        return;
                    const auto user = UserStore::byId(database->connection(), *id);
                    if (!user) {
                        Http::sendError(r, Http::Status::NotFound,
                                        QStringLiteral("id: no user with id %1").arg(*id));
                        return;
                    }
                    Http::sendJson(r, view(*user));
                });
    http->route(M::Put | M::Patch, QStringLiteral("/api/users/{id}"), Access::Admin,
                [this, database, streams, answer](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = userId(req, r);
                    if (!id)
                        return;
                    const auto body = Api::jsonBody(req, r);
                    if (!body)
                        return;
                    const auto before = UserStore::byId(database->connection(), *id);
                    const auto result = UserStore::update(database->connection(), *id, *body);
                    if (result.user) {
                        qCInfo(lcPlayers).noquote() << "User" << result.user->username << "updated";
                        const XtreamUser &after = *result.user;
                        const bool active = after.status(QDateTime::currentSecsSinceEpoch())
                                            == XtreamUser::Status::Active;
                        // The old streams were opened with the old credentials.
                        if (!active || after.username != before->username
                            || after.password != before->password)
                            LiveRoutes::endStreams(streams, before->username,
                                                   QStringLiteral("account changed"));
                    }
                    answer(r, result, Http::Status::Ok);
                    if (result.user)
                        Q_EMIT changed(QStringLiteral("users"), QStringLiteral("updated"), {*id});
                });
    http->route(M::Delete, QStringLiteral("/api/users/{id}"), Access::Admin,
                [this, database, streams](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = userId(req, r);
                    if (!id)
                        return;
                    const auto user = UserStore::byId(database->connection(), *id);
                    const auto result = UserStore::remove(database->connection(), *id);
                    if (result.httpStatus == 500) {
                        Http::sendDatabaseError(r, result.error);
                        return;
                    }
                    if (result.httpStatus != 200) {
                        Http::sendError(r, Http::Status(result.httpStatus), result.error);
                        return;
                    }
                    qCInfo(lcPlayers).noquote() << "User" << user->username << "deleted";
                    LiveRoutes::endStreams(streams, user->username,
                                           QStringLiteral("account deleted"));
                    Http::send(r, Http::Status::NoContent, "application/json", {});
                    Q_EMIT changed(QStringLiteral("users"), QStringLiteral("deleted"), {*id});
                });
}

UsersRoutes::~UsersRoutes()
{
    // Tasks read the database and post to this object: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
