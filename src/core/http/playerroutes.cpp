#include "playerroutes.h"

#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httputil.h"
#include "http/liveroutes.h"
#include "storage/database.h"
#include "storage/settings.h"
#include "xtream/playercatalog.h"
#include "xtream/playlistwriter.h"
#include "xtream/xmltvwriter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

namespace {

// The largest POSTed form a player route reads.
constexpr qsizetype kMaxFormBytes = 64 * 1024;

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

QByteArray headerValue(const HttpRequest &req, const QByteArray &name)
{
    return req.http.value(name); // case-insensitive
}

void addForm(QHash<QString, QString> *out, QString encoded)
{
    // Form encoding (and PHP, which players are written against) reads '+' as a space.
    encoded.replace(QLatin1Char('+'), QStringLiteral("%20"));
    const QUrlQuery query(encoded);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        out->insert(item.first, item.second);
}

// The answer Http::sendJson would give, for a late answer.
template<typename Json>
PlayerRoutes::LateAnswer jsonAnswer(const Json &value)
{
    return {"application/json",
            QJsonDocument(value).toJson(QJsonDocument::Compact),
            {{"Cache-Control", "no-store"}}};
}

} // namespace

PlayerRoutes::PlayerRoutes(Database *db, const Settings *settings, StreamManager *streams,
                           HttpFront *http)
    : QObject(http), m_db(db), m_settings(settings), m_streams(streams), m_http(http)
{
    m_builders.setMaxThreadCount(2);
    using Access = HttpFront::Access;
    using M = HttpFront::Method;
    auto bind = [this](void (PlayerRoutes::*handler)(const HttpRequest &, QHttpServerResponder &)) {
        return [this, handler](const HttpRequest &req, QHttpServerResponder &r) {
            // Parsing a form costs server-thread time by its size; players post a few fields.
            if (req.method() == HttpFront::Method::Post && req.http.body().size() > kMaxFormBytes) {
                qCInfo(lcPlayers).noquote() << "Refused a form body of" << req.http.body().size()
                                            << "bytes on" << req.http.url().path();
                Http::sendError(r, Http::Status::PayloadTooLarge,
                                QStringLiteral("body: a form of at most %1 KiB expected")
                                        .arg(kMaxFormBytes / 1024));
                return;
            }
            (this->*handler)(req, r);
        };
    };
    http->route(M::Get | M::Head | M::Post, QStringLiteral("/player_api.php"), Access::Public,
                bind(&PlayerRoutes::playerApi));
    http->route(M::Get | M::Head | M::Post, QStringLiteral("/get.php"), Access::Public,
                bind(&PlayerRoutes::playlist));
    http->route(M::Get | M::Head | M::Post, QStringLiteral("/xmltv.php"), Access::Public,
                bind(&PlayerRoutes::guide));
    http->route(M::Get | M::Head | M::Post, QStringLiteral("/panel_api.php"), Access::Public,
                bind(&PlayerRoutes::panelApi));
}

PlayerRoutes::~PlayerRoutes()
{
    // Builders read the database: they finish before it closes.
    m_builders.clear();
    m_builders.waitForDone();
}

void PlayerRoutes::answerLate(const HttpRequest &req, QHttpServerResponder &, const QString &what,
                              Builder build)
{
    // The connection waits (nothing pipelined behind this request is answered first) while the
    // answer is built on a worker; then it is answered and kept alive like any other.
    DeferredReply reply(req);
    struct Built
    {
        LateAnswer answer;
        qint64 buildMs = 0;
    };
    // ~PlayerRoutes waits for the builders, so `this` outlives every task.
    Api::onWorker(
            &m_builders, m_db, this,
            [build = std::move(build)](const QSqlDatabase &db) {
                QElapsedTimer clock;
                clock.start();
                Built built {build(db), 0};
                built.buildMs = clock.elapsed();
                return built;
            },
            [reply, what](Built built) mutable {
                if (!reply.isConnected()) {
                    qCInfo(lcPlayers).noquote() << what << "built, but the player had gone";
                    return;
                }
                reply.send(200, built.answer.contentType, built.answer.body, built.answer.headers);
                qCInfo(lcPlayers).noquote() << what << "sent:" << built.answer.body.size()
                                            << "bytes, built in" << built.buildMs << "ms";
            });
}

int PlayerRoutes::activeConnections(const QString &username) const
{
    return LiveRoutes::activeConnections(m_streams, username);
}

QHash<QString, QString> PlayerRoutes::parameters(const HttpRequest &req)
{
    return formParameters(req.http.url().query(QUrl::FullyEncoded), req.http.body(),
                          headerValue(req, "Content-Type"),
                          req.method() == HttpFront::Method::Post);
}

QHash<QString, QString> PlayerRoutes::formParameters(const QString &encodedQuery,
                                                     const QByteArray &body,
                                                     const QByteArray &contentType, bool post)
{
    QHash<QString, QString> out;
    addForm(&out, encodedQuery);
    if (post) {
        const QByteArray type = contentType.toLower();
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded"))
            addForm(&out, QString::fromUtf8(body));
    }
    return out;
}

std::optional<XtreamJson::Endpoint> PlayerRoutes::hostEndpoint(const QByteArray &host)
{
    static const QRegularExpression hostRe(
            QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?$"));
    const auto m = hostRe.match(QString::fromLatin1(host.trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    const QString port = m.captured(2);
    return XtreamJson::Endpoint {m.captured(1), port.isEmpty() ? QStringLiteral("80") : port};
}

XtreamJson::Endpoint PlayerRoutes::endpoint(const HttpRequest &req)
{
    if (const auto fromHost = hostEndpoint(headerValue(req, "Host")))
        return *fromHost;
    XtreamJson::Endpoint e;
    if (req.socket) {
        QHostAddress local = req.socket->localAddress();
        bool v4 = false;
        const quint32 ip4 = local.toIPv4Address(&v4);
        if (v4)
            local = QHostAddress(ip4);
        e.host = local.protocol() == QAbstractSocket::IPv6Protocol
                         ? QStringLiteral("[%1]").arg(local.toString())
                         : local.toString();
        e.port = QString::number(req.socket->localPort());
    }
    return e;
}

QTimeZone PlayerRoutes::timeZone() const
{
    const QString id = m_settings->xtreamTimezone();
    if (!id.isEmpty()) {
        QTimeZone zone(id.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::systemTimeZone();
}

PlayerRoutes::SignIn PlayerRoutes::signIn(const HttpRequest &req, const QString &username,
                                          const QString &password)
{
    bool v4 = false;
    const QHostAddress peer = req.http.remoteAddress();
    const quint32 ip4 = peer.toIPv4Address(&v4);
    const QString address = v4 ? QHostAddress(ip4).toString() : peer.toString();
    const Settings &settings = *m_settings;
    m_logins.setLimits(settings.xtreamLoginMaxFailures(), settings.xtreamLoginWindowSeconds());
    SignIn out;
    out.retryAfter = m_logins.retryAfter(address, username);
    if (out.retryAfter > 0) {
        qCDebug(lcPlayers).noquote() << "Held back a login of" << username << "from" << address;
        return out;
    }
    out.user = UserStore::authenticate(m_db->connection(), username, password);
    if (out.user) {
        m_logins.succeeded(address, username);
    } else if (m_logins.failed(address, username)) {
        qCWarning(lcPlayers).noquote()
                << "Too many failed player logins from" << address << "or for username" << username
                << "- further logins get 429 for a while (xtream_login_max_failures"
                << settings.xtreamLoginMaxFailures() << "in" << settings.xtreamLoginWindowSeconds()
                << "s)";
    } else {
        qCInfo(lcPlayers).noquote() << "Failed player login for" << username << "from" << address;
    }
    return out;
}

void PlayerRoutes::sendThrottled(QHttpServerResponder &r, int retryAfter)
{
    Http::send(r, Http::Status::TooManyRequests, "application/json",
               QJsonDocument(QJsonObject {{QStringLiteral("error"),
                                           QStringLiteral("too many failed logins; try again in "
                                                          "%1 s")
                                                   .arg(retryAfter)}})
                       .toJson(QJsonDocument::Compact),
               {{"Retry-After", QByteArray::number(retryAfter)}, {"Cache-Control", "no-store"}});
}

PlayerRoutes::Auth PlayerRoutes::authenticate(const HttpRequest &req,
                                              const QHash<QString, QString> &params)
{
    Auth auth;
    const SignIn in = signIn(req, params.value(QStringLiteral("username")),
                             params.value(QStringLiteral("password")));
    auth.user = in.user;
    auth.retryAfter = in.retryAfter;
    auth.active = auth.user && auth.user->status(nowSeconds()) == XtreamUser::Status::Active;
    return auth;
}

QJsonObject PlayerRoutes::accountBlock(const HttpRequest &req, const XtreamUser &user,
                                       qint64 now) const
{
    return {
            {QStringLiteral("user_info"),
             XtreamJson::userInfo(user, activeConnections(user.username), now)},
            {QStringLiteral("server_info"), XtreamJson::serverInfo(endpoint(req), timeZone(), now)},
    };
}

void PlayerRoutes::playerApi(const HttpRequest &req, QHttpServerResponder &r)
{
    const auto params = parameters(req);
    const Auth auth = authenticate(req, params);
    if (auth.retryAfter > 0) {
        sendThrottled(r, auth.retryAfter);
        return;
    }
    if (!auth.user) {
        // What the original panel answers, and what clients are written against.
        Http::sendJson(r, QJsonObject {{QStringLiteral("user_info"),
                                        QJsonObject {{QStringLiteral("auth"), 0}}}});
        return;
    }
    const qint64 now = nowSeconds();
    const XtreamUser &user = *auth.user;
    const QString action = params.value(QStringLiteral("action"));
    if (!auth.active) {
        Http::sendJson(r, accountBlock(req, user, now));
        return;
    }
    QSqlDatabase db = m_db->connection();
    if (action == QLatin1String("get_live_categories")) {
        // Counting what a user may see walks the channels: built off the server thread too.
        answerLate(req, r, QStringLiteral("Live categories for ") + user.username,
                   [user](const QSqlDatabase &db) {
                       QJsonArray out;
                       for (const auto &c : PlayerCatalog::categories(db, user))
                           out.append(XtreamJson::category(c));
                       return jsonAnswer(out);
                   });
    } else if (action == QLatin1String("get_live_streams")) {
        std::optional<qint64> category;
        const QString text = params.value(QStringLiteral("category_id"));
        if (!text.isEmpty()) {
            bool ok = false;
            category = text.toLongLong(&ok);
            if (!ok) {
                Http::sendJson(r, QJsonArray());
                return;
            }
        }
        answerLate(req, r, QStringLiteral("Live streams for ") + user.username,
                   [user, category](const QSqlDatabase &db) {
                       QJsonArray out;
                       for (const auto &c : PlayerCatalog::channels(db, user, category))
                           out.append(XtreamJson::liveStream(c));
                       return jsonAnswer(out);
                   });
    } else if (action == QLatin1String("get_vod_categories")
               || action == QLatin1String("get_vod_streams")
               || action == QLatin1String("get_series_categories")
               || action == QLatin1String("get_series")) {
        Http::sendJson(r, QJsonArray()); // live only
    } else if (action == QLatin1String("get_short_epg")
               || action == QLatin1String("get_simple_data_table")) {
        const bool full = action == QLatin1String("get_simple_data_table");
        bool ok = false;
        const qint64 streamId = params.value(QStringLiteral("stream_id")).toLongLong(&ok);
        QJsonArray listings;
        const auto channel = ok ? PlayerCatalog::channel(db, user, streamId) : std::nullopt;
        if (channel) {
            qint64 limit = 4;
            const QString limitText = params.value(QStringLiteral("limit"));
            if (full)
                limit = 0;
            else if (!limitText.isEmpty() && !Http::parseInt(limitText, 1, 1000, &limit))
                limit = 4;
            const QTimeZone zone = timeZone();
            // The short EPG starts with what is on now; the full table keeps the last day too.
            const qint64 from = full ? now - XmltvWriter::kPastSeconds : now;
            for (const auto &p : PlayerCatalog::programmes(db, channel->epgId, from, int(limit)))
                listings.append(XtreamJson::epgListing(p, zone, now, full));
        }
        Http::sendJson(r, QJsonObject {{QStringLiteral("epg_listings"), listings}});
    } else {
        // No action, or one a live-only server does not know (get_profile, …): the account.
        Http::sendJson(r, accountBlock(req, user, now));
    }
}

std::optional<XtreamUser> PlayerRoutes::activeUserOrRefuse(const HttpRequest &req,
                                                           const QHash<QString, QString> &params,
                                                           QHttpServerResponder &r)
{
    const Auth auth = authenticate(req, params);
    if (auth.retryAfter > 0) {
        sendThrottled(r, auth.retryAfter);
        return std::nullopt;
    }
    if (!auth.user) {
        // Wrong credentials: an empty 404, as the original panel answers on get.php.
        Http::send(r, Http::Status::NotFound, "text/plain", {});
        return std::nullopt;
    }
    if (!auth.active) {
        Http::sendText(r, Http::Status::Forbidden,
                       QStringLiteral("account %1")
                               .arg(XtreamUser::statusName(auth.user->status(nowSeconds()))));
        return std::nullopt;
    }
    return auth.user;
}

void PlayerRoutes::playlist(const HttpRequest &req, QHttpServerResponder &r)
{
    const auto params = parameters(req);
    const auto signedIn = activeUserOrRefuse(req, params, r);
    if (!signedIn)
        return;
    const QString type = params.value(QStringLiteral("type"), QStringLiteral("m3u_plus"));
    PlaylistWriter::Format format;
    if (type == QLatin1String("m3u_plus") || type.isEmpty()) {
        format = PlaylistWriter::Format::M3uPlus;
    } else if (type == QLatin1String("m3u")) {
        format = PlaylistWriter::Format::M3u;
    } else {
        Http::sendError(r, Http::Status::BadRequest,
                        QStringLiteral("type: expected m3u_plus or m3u"));
        return;
    }
    const XtreamUser user = *signedIn;
    const XtreamJson::Endpoint at = endpoint(req);
    answerLate(
            req, r, QStringLiteral("Playlist for ") + user.username,
            [user, at, format](const QSqlDatabase &db) {
                return LateAnswer {
                        "audio/x-mpegurl; charset=utf-8",
                        PlaylistWriter::write(PlayerCatalog::channels(db, user), at, user, format),
                        {{"Content-Disposition", "attachment; filename=\"playlist.m3u\""},
                         {"Cache-Control", "no-store"}}};
            });
}

void PlayerRoutes::guide(const HttpRequest &req, QHttpServerResponder &r)
{
    const auto params = parameters(req);
    const auto signedIn = activeUserOrRefuse(req, params, r);
    if (!signedIn)
        return;
    if (req.method() == HttpFront::Method::Head) {
        // The length is not known without building the guide; a HEAD only learns that it is there.
        Http::sendHead(r, Http::Status::Ok, {{"Content-Type", "application/xml; charset=utf-8"}});
        return;
    }
    // Built on a worker with its own connection; meanwhile the server serves others.
    const XtreamUser user = *signedIn;
    const qint64 now = nowSeconds();
    answerLate(req, r, QStringLiteral("XMLTV for ") + user.username,
               [user, now](const QSqlDatabase &db) {
                   return LateAnswer {"application/xml; charset=utf-8",
                                      XmltvWriter::write(db, user, now),
                                      {{"Cache-Control", "no-store"}}};
               });
}

void PlayerRoutes::panelApi(const HttpRequest &req, QHttpServerResponder &r)
{
    const auto params = parameters(req);
    const Auth auth = authenticate(req, params);
    if (auth.retryAfter > 0) {
        sendThrottled(r, auth.retryAfter);
        return;
    }
    if (!auth.user) {
        Http::sendJson(r, QJsonObject {{QStringLiteral("user_info"),
                                        QJsonObject {{QStringLiteral("auth"), 0}}}});
        return;
    }
    const qint64 now = nowSeconds();
    QJsonObject out = accountBlock(req, *auth.user, now);
    if (!auth.active) {
        Http::sendJson(r, out);
        return;
    }
    // The account block is read here (active connections live on this thread); the catalog,
    // which may hold tens of thousands of channels, is added on a worker.
    const XtreamUser user = *auth.user;
    answerLate(req, r, QStringLiteral("Panel for ") + user.username,
               [user, out](const QSqlDatabase &db) mutable {
                   QJsonArray live;
                   for (const auto &c : PlayerCatalog::categories(db, user))
                       live.append(XtreamJson::category(c));
                   QJsonObject channels;
                   for (const auto &c : PlayerCatalog::channels(db, user)) {
                       QJsonObject o = XtreamJson::liveStream(c);
                       o.insert(QStringLiteral("category_name"), c.categoryName);
                       channels.insert(QString::number(c.id), o);
                   }
                   out.insert(QStringLiteral("categories"),
                              QJsonObject {{QStringLiteral("live"), live},
                                           {QStringLiteral("movie"), QJsonArray()},
                                           {QStringLiteral("series"), QJsonArray()}});
                   out.insert(QStringLiteral("available_channels"), channels);
                   return jsonAnswer(out);
               });
}
