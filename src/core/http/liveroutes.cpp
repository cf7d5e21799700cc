#include "liveroutes.h"

#include "http/httputil.h"
#include "http/playerroutes.h"
#include "http/streamroutes.h"
#include "storage/database.h"
#include "storage/settings.h"
#include "stream/streammanager.h"
#include "xtream/playercatalog.h"
#include "xtream/userstore.h"

#include <QDateTime>
#include <QSet>
#include <QUrl>

namespace {

QHostAddress plainAddress(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4) : address;
}

} // namespace

LiveRoutes::LiveRoutes(Database *db, const Settings *settings, HttpFront *http,
                       StreamManager *streams, PlayerRoutes *players)
    : QObject(http), m_db(db), m_settings(settings), m_players(players), m_streams(streams)
{
    connect(streams, &StreamManager::clientDetached, this,
            [this](quint64 clientId, const QString &) {
                m_peers.remove(clientId);
                m_accounts.remove(clientId);
            });
    m_accountCheck.setSingleShot(true);
    connect(&m_accountCheck, &QTimer::timeout, this, &LiveRoutes::checkAccounts);
    using Access = HttpFront::Access;
    using M = HttpFront::Method;
    auto handler = [this](const HttpRequest &req, QHttpServerResponder &r) { play(req, r); };
    http->route(M::Get | M::Head, QStringLiteral("/live/{user}/{password}/{id}"), Access::Public,
                handler);
    http->route(M::Get | M::Head, QStringLiteral("/{user}/{password}/{id}"), Access::Public,
                handler);
}

QString LiveRoutes::tag(const QString &username)
{
    return QStringLiteral("user:") + username;
}

int LiveRoutes::activeConnections(const StreamManager *streams, const QString &username)
{
    return streams ? streams->clientCountForTag(tag(username)) : 0;
}

void LiveRoutes::endStreams(StreamManager *streams, const QString &username, const QString &reason)
{
    if (!streams)
        return;
    const QList<quint64> open = streams->clientsForTag(tag(username));
    for (quint64 id : open)
        streams->dropClient(id, reason);
    if (!open.isEmpty())
        qCInfo(lcPlayers).noquote()
                << "Ended" << open.size() << "streams of" << username << ":" << reason;
}

void LiveRoutes::play(const HttpRequest &req, QHttpServerResponder &r)
{
    // The router decodes each path argument once.
    const QString username = req.arg(QStringLiteral("user"));
    // /U/P/{id} matches every three-segment path: without an account behind it, it is just
    // an unknown path and gets the router's 404.
    const bool bare = !req.http.url().path().startsWith(QLatin1String("/live/"));
    const QString password = req.arg(QStringLiteral("password"));
    QString idText = req.arg(QStringLiteral("id"));
    if (idText.endsWith(QLatin1String(".ts")))
        idText.chop(3);
    QSqlDatabase db = m_db->connection();
    const PlayerRoutes::SignIn signedIn = m_players->signIn(req, username, password);
    if (signedIn.retryAfter > 0) {
        PlayerRoutes::sendThrottled(r, signedIn.retryAfter);
        return;
    }
    const auto &user = signedIn.user;
    if (!user) {
        if (bare)
            Http::sendError(r, Http::Status::NotFound,
                            QStringLiteral("not found: ") + req.http.url().path());
        else
            Http::sendError(r, Http::Status::Unauthorized, tr("Wrong username or password."));
        return;
    }
    const auto status = user->status(QDateTime::currentSecsSinceEpoch());
    if (status != XtreamUser::Status::Active) {
        Http::sendError(r, Http::Status::Forbidden,
                        tr("The account is %1.").arg(XtreamUser::statusName(status)));
        return;
    }
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    const auto channel = ok ? PlayerCatalog::channel(db, *user, id) : std::nullopt;
    if (!channel) {
        Http::sendError(r, Http::Status::NotFound, tr("No channel %1.").arg(idText));
        return;
    }
    StreamSource source;
    if (channel->kind == QLatin1String("direct"))
        source = StreamSource::direct(channel->url);
    else if (!channel->contentId.isEmpty())
        source = StreamSource::aceContentId(channel->contentId);
    else
        source = StreamSource::aceInfohash(channel->infohash);
    if (!m_streams) {
        Http::sendError(r, Http::Status::ServiceUnavailable,
                        tr("The stream proxy is not running."));
        return;
    }
    const QHostAddress peer = plainAddress(req.http.remoteAddress());
    // A HEAD only probes: it starts nothing and takes no slot.
    if (req.method() != HttpFront::Method::Head && !admit(*user, peer, r))
        return;
    PlayerInfo info;
    info.tag = tag(user->username);
    info.user = user->username;
    info.channelId = channel->id;
    info.channelName = channel->name;
    info.channelNumber = channel->num;
    const quint64 client = servePlayer(m_streams, source, req, r, info);
    if (client) {
        m_peers.insert(client, peer);
        m_accounts.insert(client, {user->id, user->username, user->expiresAt});
        scheduleAccountCheck();
        qCInfo(lcPlayers).noquote()
                << "Player" << client << "of" << user->username << "from" << peer.toString()
                << "on channel" << channel->id << channel->name;
    }
}

bool LiveRoutes::admit(const XtreamUser &user, const QHostAddress &peer, QHttpServerResponder &r)
{
    const QList<quint64> open = m_streams->clientsForTag(tag(user.username));
    const qsizetype excess = open.size() - user.maxConnections + 1;
    if (excess <= 0)
        return true;
    // Streams to end, oldest first: those of the same address (a reconnect or a zap whose old
    // connection is not noticed closed yet), then, if the account asks for it, any.
    QList<quint64> victims;
    if (m_settings->xtreamSameAddressReplaces()) {
        for (quint64 id : open) {
            if (victims.size() < excess && m_peers.value(id) == peer)
                victims.append(id);
        }
    }
    if (user.replaceOldest) {
        for (quint64 id : open) {
            if (victims.size() < excess && !victims.contains(id))
                victims.append(id);
        }
    }
    if (victims.size() < excess) {
        qCInfo(lcPlayers).noquote()
                << "Refused a stream of" << user.username << "from" << peer.toString() << ":"
                << open.size() << "open, max_connections" << user.maxConnections;
        Http::sendError(r, Http::Status::TooManyRequests,
                        tr("Too many streams: %1 already has %2 open and max_connections is %3.")
                                .arg(user.username, QString::number(open.size()),
                                     QString::number(user.maxConnections)));
        return false;
    }
    for (quint64 id : std::as_const(victims)) {
        const bool sameAddress = m_peers.value(id) == peer;
        m_streams->dropClient(id, sameAddress
                                          ? QStringLiteral("replaced by a new stream of %1 from "
                                                           "the same address")
                                                    .arg(user.username)
                                          : QStringLiteral("ended for a newer stream of %1 "
                                                           "(max_connections, replace_oldest)")
                                                    .arg(user.username));
    }
    return true;
}

void LiveRoutes::scheduleAccountCheck()
{
    // Disabling or deleting an account ends its streams at once (the users routes); expiry has
    // no such moment, so it is watched here.
    constexpr qint64 kAtLeastEveryMs = 60 * 1000;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    qint64 wait = kAtLeastEveryMs;
    for (const Player &p : std::as_const(m_accounts)) {
        if (p.expiresAt)
            wait = qMin(wait, qMax(qint64(0), *p.expiresAt * 1000 - nowMs + 100));
    }
    if (m_accounts.isEmpty()) {
        m_accountCheck.stop();
        return;
    }
    if (!m_accountCheck.isActive() || m_accountCheck.remainingTime() > wait)
        m_accountCheck.start(int(wait));
}

void LiveRoutes::checkAccounts()
{
    QSqlDatabase db = m_db->connection();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QHash<qint64, QString> ended; // user id -> why
    QSet<qint64> seen;
    for (auto it = m_accounts.begin(); it != m_accounts.end(); ++it) {
        if (seen.contains(it->userId))
            continue;
        seen.insert(it->userId);
        const auto user = UserStore::byId(db, it->userId);
        if (!user) {
            ended.insert(it->userId, QStringLiteral("account deleted"));
            continue;
        }
        const auto status = user->status(now);
        if (status != XtreamUser::Status::Active)
            ended.insert(
                    it->userId,
                    QStringLiteral("account %1").arg(XtreamUser::statusName(status).toLower()));
        for (auto p = m_accounts.begin(); p != m_accounts.end(); ++p) {
            if (p->userId == user->id)
                p->expiresAt = user->expiresAt; // an edit may have moved it
        }
    }
    for (auto it = ended.cbegin(); it != ended.cend(); ++it) {
        QString username;
        for (const Player &p : std::as_const(m_accounts)) {
            if (p.userId == it.key())
                username = p.username;
        }
        endStreams(m_streams, username, it.value());
    }
    scheduleAccountCheck();
}
