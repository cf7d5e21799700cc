#include "streamroutes.h"

#include "httpfront.h"
#include "httputil.h"
#include "socketsink.h"
#include "storage/database.h"
#include "stream/streammanager.h"
#include "xtream/playercatalog.h"

#include <QJsonObject>

namespace {

// A "url:http://…" key is given percent-encoded (url%3Ahttp%3A%2F%2F…); the router decodes it.
QString keyArg(const HttpRequest &req)
{
    return req.arg(QStringLiteral("key"));
}

} // namespace

quint64 servePlayer(StreamManager *streams, const StreamSource &source, const HttpRequest &request,
                    QHttpServerResponder &responder, const PlayerInfo &info)
{
    if (request.method() == QHttpServerRequest::Method::Head) {
        // Players (Kodi, Jellyfin) probe with HEAD: answer as the stream would, start nothing.
        Http::sendHead(responder, Http::Status::Ok,
                       {{"Content-Type", "video/mp2t"},
                        {"Cache-Control", "no-cache, no-store"},
                        {"Access-Control-Allow-Origin", "*"}});
        return 0;
    }
    SocketSink *sink = SocketSink::take(request, responder);
    if (!sink)
        return 0;
    sink->setInfo(info);
    return streams->attach(source, sink);
}

void registerStreamRoutes(HttpFront *http, StreamManager *streams, Database *db)
{
    using Access = HttpFront::Access;
    using M = HttpFront::Method;

    const auto getstream = [streams, db](const HttpRequest &req, QHttpServerResponder &r) {
        QString error;
        // Checked before anything reaches the engine. A player's own pid is ignored:
        // each upstream session gets a fresh one.
        const auto source = StreamSource::fromAceQuery(req.query(), &error);
        if (!source) {
            Http::sendError(r, Http::Status::BadRequest, error);
            return;
        }
        // The admin's streams are not held to the anonymous budget (see AceAccess).
        PlayerInfo info;
        if (req.admin)
            info.tag = QStringLiteral("admin");
        // The Streams pages show the channel's name and number, not a 40-hex id.
        if (db && source->isAce() && req.method() != HttpFront::Method::Head) {
            const auto channel = PlayerCatalog::channelOfAceId(
                    db->connection(), source->kind == StreamSource::Kind::AceInfohash, source->id);
            if (channel) {
                info.channelId = channel->id;
                info.channelName = channel->name;
                info.channelNumber = channel->num;
            }
        }
        servePlayer(streams, *source, req, r, info);
    };
    // Players and other proxies use both spellings.
    http->route(M::Get | M::Head, QStringLiteral("/ace/getstream"), Access::Public, getstream);
    http->route(M::Get | M::Head, QStringLiteral("/ace/getstream/"), Access::Public, getstream);

    http->route(M::Get | M::Head, QStringLiteral("/ace/status"), Access::Public,
                [streams](const HttpRequest &req, QHttpServerResponder &r) {
                    const QUrlQuery query = req.query();
                    if (!query.hasQueryItem(QStringLiteral("id"))
                        && !query.hasQueryItem(QStringLiteral("content_id"))
                        && !query.hasQueryItem(QStringLiteral("infohash"))) {
                        Http::sendJson(r, QJsonObject {{QStringLiteral("streams"),
                                                        streams->streamCount()}});
                        return;
                    }
                    QString error;
                    const auto source = StreamSource::fromAceQuery(query, &error);
                    if (!source) {
                        Http::sendError(r, Http::Status::BadRequest, error);
                        return;
                    }
                    const Broadcast *b = streams->stream(source->key());
                    if (!b) {
                        Http::sendError(r, Http::Status::NotFound,
                                        QStringLiteral("no stream for %1").arg(source->id));
                        return;
                    }
                    QJsonObject status {
                            {QStringLiteral("id"), source->id},
                            {QStringLiteral("clients"), int(b->sinks().size())},
                            {QStringLiteral("state"), b->stateName()},
                            {QStringLiteral("bytes_in"), b->bytesIn()},
                    };
                    // The engine's URLs carry its session id: the admin's only (AceAccess).
                    if (req.admin)
                        status.insert(QStringLiteral("stat_url"),
                                      b->statUrl().isValid() ? QJsonValue(b->statUrl().toString())
                                                             : QJsonValue());
                    Http::sendJson(r, status);
                });

    http->route(M::Get | M::Head, QStringLiteral("/api/streams"), Access::Admin,
                [streams](const HttpRequest &, QHttpServerResponder &r) {
                    Http::sendJson(
                            r, QJsonObject {{QStringLiteral("streams"), streams->toJson()},
                                            {QStringLiteral("count"), streams->streamCount()},
                                            {QStringLiteral("clients"), streams->clientCount()}});
                });

    http->route(M::Get | M::Head | M::Delete, QStringLiteral("/api/streams/{key}"), Access::Admin,
                [streams](const HttpRequest &req, QHttpServerResponder &r) {
                    const QString key = keyArg(req);
                    Broadcast *b = streams->stream(key);
                    if (!b) {
                        Http::sendError(r, Http::Status::NotFound,
                                        QStringLiteral("key: no stream %1").arg(key));
                        return;
                    }
                    if (req.method() == QHttpServerRequest::Method::Delete) {
                        streams->stopStream(key, QStringLiteral("stopped by the admin"));
                        Http::sendJson(r, QJsonObject {{QStringLiteral("stopped"), key}});
                        return;
                    }
                    Http::sendJson(r, b->toJson());
                });

    http->route(M::Delete, QStringLiteral("/api/streams/{key}/clients/{id}"), Access::Admin,
                [streams](const HttpRequest &req, QHttpServerResponder &r) {
                    const QString key = keyArg(req);
                    Broadcast *b = streams->stream(key);
                    if (!b) {
                        Http::sendError(r, Http::Status::NotFound,
                                        QStringLiteral("key: no stream %1").arg(key));
                        return;
                    }
                    bool ok = false;
                    const quint64 id = req.arg(QStringLiteral("id")).toULongLong(&ok);
                    if (!ok || !b->sink(id)) {
                        Http::sendError(r, Http::Status::NotFound,
                                        QStringLiteral("id: no player %1 on %2")
                                                .arg(req.arg(QStringLiteral("id")), key));
                        return;
                    }
                    streams->dropClient(id, QStringLiteral("dropped by the admin"));
                    Http::sendJson(r, QJsonObject {{QStringLiteral("dropped"), qint64(id)}});
                });
}
