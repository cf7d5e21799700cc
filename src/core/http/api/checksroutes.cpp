#include "checksroutes.h"

#include "catalog/channelchecker.h"
#include "catalog/checkstore.h"
#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"

#include <QJsonArray>

namespace {
using M = HttpFront::Method;
using Access = HttpFront::Access;
using Status = Http::Status;
using namespace Api;
} // namespace

ChecksRoutes::ChecksRoutes(HttpFront *http, Database *db, ChannelChecker *checker)
    : QObject(http), m_db(db), m_checker(checker)
{
    // Engine checks: one at a time, throttled (ChannelChecker).
    http->route(M::Post, QStringLiteral("/api/channels/{id}/check"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    const auto id = pathId(req, r, "channel");
                    if (!id)
                        return;
                    const auto kind = CheckStore::kind(m_db->connection(), *id);
                    if (!kind)
                        return notFound(r, "channel", *id);
                    if (*kind != QLatin1String("acestream")) {
                        Http::sendError(
                                r, Status::BadRequest,
                                QStringLiteral("id: only AceStream channels can be checked"));
                        return;
                    }
                    m_checker->enqueue({*id});
                    Http::sendJson(r, m_checker->status(), Status::Accepted);
                });
    http->route(M::Get | M::Head, QStringLiteral("/api/checks"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    Http::sendJson(r, m_checker->status());
                });
    http->route(M::Post, QStringLiteral("/api/checks"), Access::Admin,
                [this](const HttpRequest &req, QHttpServerResponder &r) {
                    QJsonObject body;
                    if (!req.http.body().trimmed().isEmpty()) {
                        const auto parsed = jsonBody(req, r);
                        if (!parsed)
                            return;
                        body = *parsed;
                    }
                    if (badRequest(r, checkObject(body, {{"ids", Type::IntList, false, 1,
                                                          std::numeric_limits<int>::max()}})))
                        return;
                    QList<int> ids;
                    for (const QJsonValue &v : body.value(QLatin1String("ids")).toArray())
                        ids << int(v.toInteger());
                    if (body.contains(QLatin1String("ids")) && ids.isEmpty()) {
                        QJsonObject status = m_checker->status();
                        status.insert(QStringLiteral("added"), 0);
                        return Http::sendJson(r, status, Status::Accepted);
                    }
                    // Which channels are AceStream ones (every active one without ids) is read
                    // on a worker: the catalog may hold tens of thousands.
                    DeferredReply reply(req);
                    onWorker(
                            &m_workers, m_db, this,
                            [ids](const QSqlDatabase &db) {
                                return ChannelChecker::aceStreamIds(db, ids);
                            },
                            [this, reply](const QList<int> &aceStreamIds) mutable {
                                const int queued = m_checker->enqueueChecked(aceStreamIds);
                                QJsonObject status = m_checker->status();
                                status.insert(QStringLiteral("added"), queued);
                                reply.sendJson(status, 202);
                            });
                });
    http->route(M::Delete, QStringLiteral("/api/checks"), Access::Admin,
                [this](const HttpRequest &, QHttpServerResponder &r) {
                    m_checker->clear();
                    Http::sendJson(r, m_checker->status());
                });
}

ChecksRoutes::~ChecksRoutes()
{
    // Tasks read the database and post to this object: they finish first.
    m_workers.clear();
    m_workers.waitForDone();
}
