#include "adminauth.h"

#include "admincredential.h"
#include "http/api/apiinput.h"
#include "http/deferredreply.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "storage/database.h"
#include "storage/settings.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcAuth, "acehub.auth")

namespace {

constexpr qint64 kVerifiedTtlMs = 10 * 60 * 1000;
constexpr int kMaxVerified = 64;
constexpr int kMaxTokens = 1000;

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), n / 4);
    return bytes;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QHostAddress peerOf(const HttpRequest &req)
{
    return req.socket ? req.socket->peerAddress() : QHostAddress();
}

QString addressKey(const QHostAddress &peer)
{
    bool v4 = false;
    const quint32 ip4 = peer.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4).toString() : peer.toString();
}

} // namespace

AdminAuth::AdminAuth(Database *database, const Settings &settings, HttpFront *http, QObject *parent)
    : QObject(parent), m_database(database), m_settings(settings), m_http(http),
      m_secret(randomBytes(32))
{
    m_verifier.setMaxThreadCount(1);
}

void AdminAuth::setLocalToken(const QString &token)
{
    m_localTokenKey = token.isEmpty() ? QByteArray() : tokenKey(token.toUtf8());
}

QByteArray AdminAuth::tokenKey(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool AdminAuth::isLocalToken(const QByteArray &token) const
{
    // Compared as hashes, so the comparison's time says nothing about the token.
    return !m_localTokenKey.isEmpty() && !token.isEmpty() && tokenKey(token) == m_localTokenKey;
}

AdminAuth::Credentials AdminAuth::credentialsOf(const HttpRequest &req)
{
    const QByteArray header = req.http.value("Authorization").trimmed();
    if (!header.isEmpty()) {
        const int space = header.indexOf(' ');
        const QByteArray scheme = header.left(space).toLower();
        const QByteArray rest = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
        if (scheme == "bearer")
            return {Via::Bearer, rest};
        if (scheme == "basic")
            return {Via::Basic, rest};
        return {Via::None, header};
    }
    // Cookie: a=b; acehub_session=<token>; c=d
    const QList<QByteArray> cookies = req.http.value("Cookie").split(';');
    for (const QByteArray &cookie : cookies) {
        const QByteArray c = cookie.trimmed();
        const int eq = c.indexOf('=');
        if (eq > 0 && c.left(eq) == kCookie && eq + 1 < c.size())
            return {Via::Cookie, c.mid(eq + 1)};
    }
    return {};
}

bool AdminAuth::passesCsrf(const HttpRequest &req)
{
    using M = QHttpServerRequest::Method;
    const M method = req.method();
    if (method != M::Post && method != M::Put && method != M::Patch && method != M::Delete)
        return true;
    // A browser adds neither a custom header nor a foreign Origin equal to ours on its own:
    // a page of another site can send the cookie (a form post), never these.
    if (!req.http.value("X-Requested-With").trimmed().isEmpty())
        return true;
    const QByteArray origin = req.http.value("Origin").trimmed();
    const QByteArray host = req.http.value("Host").trimmed();
    return !origin.isEmpty() && !host.isEmpty()
           && origin.compare("http://" + host, Qt::CaseInsensitive) == 0;
}

QByteArray AdminAuth::sessionCookie(const QString &token, qint64 maxAgeSeconds)
{
    return QByteArray(kCookie) + '=' + token.toLatin1()
           + "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + QByteArray::number(maxAgeSeconds);
}

AdminAuth::~AdminAuth()
{
    m_verifier.waitForDone(); // a result queued to this object afterwards is dropped by Qt
}

void AdminAuth::reset()
{
    m_verified.clear();
    m_tokens.clear();
}

int AdminAuth::retryAfterSeconds(const QHostAddress &peer)
{
    const QString key = addressKey(peer);
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    const qint64 window = qint64(m_settings.adminLoginWindowSeconds()) * 1000;
    const qint64 now = nowMs();
    QList<qint64> &times = *it;
    while (!times.isEmpty() && times.first() + window <= now)
        times.removeFirst();
    if (times.isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (times.size() < m_settings.adminLoginMaxFailures())
        return 0;
    // Locked until the oldest counted failure leaves the window.
    return int(qMax<qint64>(1, (times.first() + window - now + 999) / 1000));
}

void AdminAuth::recordFailure(const QHostAddress &peer)
{
    QList<qint64> &times = m_failures[addressKey(peer)];
    times.append(nowMs());
    // Never more than the limit is needed to decide.
    while (times.size() > m_settings.adminLoginMaxFailures())
        times.removeFirst();
    if (m_failures.size() > 10000) // a flood from many addresses: start again rather than grow
        m_failures.clear();
}

QByteArray AdminAuth::verifiedKey(const AdminCredential::Hash &stored,
                                  const QString &password) const
{
    return QMessageAuthenticationCode::hash(stored.hash + stored.salt + password.toUtf8(), m_secret,
                                            QCryptographicHash::Sha256);
}

bool AdminAuth::isVerified(const QByteArray &key) const
{
    const auto it = m_verified.constFind(key);
    return it != m_verified.cend() && *it > nowMs();
}

void AdminAuth::rememberVerified(const QByteArray &key, const QHostAddress &peer)
{
    if (m_verified.size() >= kMaxVerified)
        m_verified.clear();
    m_verified.insert(key, nowMs() + kVerifiedTtlMs);
    m_failures.remove(addressKey(peer));
}

QString AdminAuth::issueToken(qint64 *expiresAt)
{
    const qint64 now = nowMs();
    if (m_tokens.size() >= kMaxTokens) {
        for (auto it = m_tokens.begin(); it != m_tokens.end();)
            it = *it <= now ? m_tokens.erase(it) : std::next(it);
        if (m_tokens.size() >= kMaxTokens)
            m_tokens.erase(m_tokens.begin());
    }
    const QByteArray token = randomBytes(32).toHex();
    *expiresAt = now + qint64(m_settings.adminSessionHours()) * 3600 * 1000;
    m_tokens.insert(tokenKey(token), *expiresAt);
    return QString::fromLatin1(token);
}

bool AdminAuth::tokenValid(const QByteArray &token)
{
    if (isLocalToken(token))
        return true;
    const QByteArray key = tokenKey(token);
    auto it = m_tokens.find(key);
    if (it == m_tokens.end())
        return false;
    if (*it <= nowMs()) {
        m_tokens.erase(it);
        return false;
    }
    return true;
}

void AdminAuth::sendUnauthorized(QHttpServerResponder &r, const QString &message, bool basic)
{
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("error"), message}})
                                    .toJson(QJsonDocument::Compact);
    // A Basic challenge only to a client that sent Basic: a browser shown one pops up a
    // password prompt and then caches the password for the site.
    Http::send(r, Http::Status::Unauthorized, "application/json", body,
               {{"WWW-Authenticate",
                 basic ? "Basic realm=\"AceHub\", charset=\"UTF-8\"" : "Bearer realm=\"AceHub\""},
                {"Cache-Control", "no-store"}});
}

void AdminAuth::sendLimited(QHttpServerResponder &r, int retryAfter, bool busy)
{
    const QByteArray body
            = QJsonDocument(
                      QJsonObject {
                              {QStringLiteral("error"),
                               (busy ? QStringLiteral(
                                        "too many password checks at once; try again in %1 s")
                                     : QStringLiteral("too many failed logins; try again in %1 s"))
                                       .arg(retryAfter)},
                              {QStringLiteral("retry_after_s"), retryAfter}})
                      .toJson(QJsonDocument::Compact);
    Http::send(r, Http::Status::TooManyRequests, "application/json", body,
               {{"Retry-After", QByteArray::number(retryAfter)}, {"Cache-Control", "no-store"}});
}

bool AdminAuth::guard(const HttpRequest &req, QHttpServerResponder &r)
{
    const Credentials c = credentialsOf(req);
    switch (c.via) {
    case Via::None:
        sendUnauthorized(r,
                         c.secret.isEmpty() ? QStringLiteral("authentication required")
                                            : QStringLiteral("unsupported authorization scheme"),
                         false);
        return false;
    case Via::Cookie:
        if (!tokenValid(c.secret)) {
            sendUnauthorized(r, QStringLiteral("invalid or expired session"), false);
            return false;
        }
        if (!passesCsrf(req)) {
            Http::sendError(r, Http::Status::Forbidden,
                            QStringLiteral("csrf: a request signed in by cookie that changes "
                                           "something needs X-Requested-With or this server's "
                                           "Origin"));
            return false;
        }
        return true;
    case Via::Bearer:
        if (tokenValid(c.secret))
            return true;
        sendUnauthorized(r, QStringLiteral("invalid or expired session token"), false);
        return false;
    case Via::Basic:
        break;
    }
    const auto decoded
            = QByteArray::fromBase64Encoding(c.secret, QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray text = decoded ? *decoded : QByteArray();
    const int colon = text.indexOf(':');
    if (colon < 0) {
        sendUnauthorized(r, QStringLiteral("malformed Basic credentials"), true);
        return false;
    }
    const QHostAddress peer = peerOf(req);
    if (text.left(colon) != kUser) {
        if (const int wait = retryAfterSeconds(peer)) {
            sendLimited(r, wait);
            return false;
        }
        recordFailure(peer);
        sendUnauthorized(r, QStringLiteral("wrong user name or password"), true);
        return false;
    }
    const QString password = QString::fromUtf8(text.mid(colon + 1));
    if (const int wait = retryAfterSeconds(peer)) {
        sendLimited(r, wait);
        return false;
    }
    const auto stored = AdminCredential::load(m_database->connection());
    if (!stored) {
        recordFailure(peer);
        sendUnauthorized(r, QStringLiteral("wrong user name or password"), true);
        return false;
    }
    const QByteArray key = verifiedKey(*stored, password);
    if (isVerified(key))
        return true;
    // The same password already being checked (a client opening several connections at once,
    // each with its Basic header): this request waits for that check rather than start another
    // or be refused. The connection caps bound how many wait.
    if (const auto waiting = m_basicChecks.find(key); waiting != m_basicChecks.end()) {
        waiting->append({DeferredReply(req), peer});
        return false;
    }
    if (m_pendingLogins >= kMaxPendingLogins) {
        sendLimited(r, 1, true);
        return false;
    }
    // An uncached password: PBKDF2 (~100 ms) runs on the verifier thread while the server
    // thread goes on; the connection waits (nothing pipelined behind it is answered first).
    // Verified, each waiting request runs again from the router: the guard then finds the
    // password remembered. Wrong: 401 to each, counted as one failure per address.
    m_basicChecks.insert(key, {{DeferredReply(req), peer}});
    ++m_pendingLogins;
    Api::offThread(
            &m_verifier, this,
            [hash = *stored, password] { return AdminCredential::verify(hash, password); },
            [this, key](bool verified) {
                --m_pendingLogins;
                const QList<BasicWaiter> waiters = m_basicChecks.take(key);
                if (verified) {
                    if (!waiters.isEmpty())
                        rememberVerified(key, waiters.first().peer);
                    for (BasicWaiter w : waiters)
                        w.reply.dispatch();
                    return;
                }
                QSet<QString> counted;
                for (BasicWaiter w : waiters) {
                    const QString address = addressKey(w.peer);
                    if (!counted.contains(address)) {
                        counted.insert(address);
                        recordFailure(w.peer);
                        qCWarning(lcAuth).noquote()
                                << "Failed admin authentication from" << address;
                    }
                    w.reply.send(401, "application/json",
                                 QJsonDocument(QJsonObject {{QStringLiteral("error"),
                                                             QStringLiteral("wrong user name or "
                                                                            "password")}})
                                         .toJson(QJsonDocument::Compact),
                                 {{"WWW-Authenticate", "Basic realm=\"AceHub\", charset=\"UTF-8\""},
                                  {"Cache-Control", "no-store"}});
                }
            });
    return false;
}

void AdminAuth::handleLogin(const HttpRequest &req, QHttpServerResponder &r)
{
    const QHostAddress peer = peerOf(req);
    if (const int wait = retryAfterSeconds(peer)) {
        sendLimited(r, wait);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(req.http.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Http::sendError(r, Http::Status::BadRequest,
                        QStringLiteral("body: expected a JSON object"));
        return;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("password") && it.key() != QLatin1String("username")) {
            Http::sendError(r, Http::Status::BadRequest,
                            QStringLiteral("%1: unknown field").arg(it.key()));
            return;
        }
    }
    if (!o.value(QLatin1String("password")).isString()) {
        Http::sendError(r, Http::Status::BadRequest, QStringLiteral("password: expected a string"));
        return;
    }
    if (o.contains(QLatin1String("username")) && !o.value(QLatin1String("username")).isString()) {
        Http::sendError(r, Http::Status::BadRequest, QStringLiteral("username: expected a string"));
        return;
    }
    const QString user = o.value(QLatin1String("username")).toString(QString::fromLatin1(kUser));
    const auto stored = AdminCredential::load(m_database->connection());
    if (user != QLatin1String(kUser) || !stored) {
        recordFailure(peer);
        sendUnauthorized(r, QStringLiteral("wrong user name or password"), false);
        return;
    }
    const QString password = o.value(QLatin1String("password")).toString();
    const QByteArray key = verifiedKey(*stored, password);
    if (isVerified(key)) {
        const QJsonObject answer = tokenAnswer(peer);
        Http::send(r, Http::Status::Ok, "application/json",
                   QJsonDocument(answer).toJson(QJsonDocument::Compact),
                   {{"Cache-Control", "no-store"},
                    {"Set-Cookie", sessionCookie(answer.value(QLatin1String("token")).toString(),
                                                 qint64(m_settings.adminSessionHours()) * 3600)}});
        return;
    }
    if (m_pendingLogins >= kMaxPendingLogins) {
        sendLimited(r, 1, true);
        return;
    }
    // PBKDF2 takes ~100 ms: it runs on the verifier thread, and the answer follows when it is
    // known, so the server thread never waits for it (nothing pipelined behind the login is
    // answered before it).
    DeferredReply reply(req);
    ++m_pendingLogins;
    Api::offThread(
            &m_verifier, this,
            [hash = *stored, password] { return AdminCredential::verify(hash, password); },
            [this, reply, peer, key](bool verified) mutable {
                finishLogin(reply, peer, key, verified);
            });
}

QJsonObject AdminAuth::tokenAnswer(const QHostAddress &peer)
{
    qint64 expiresAt = 0;
    const QString token = issueToken(&expiresAt);
    qCInfo(lcAuth).noquote() << "Admin logged in from" << addressKey(peer);
    return {{QStringLiteral("token"), token},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_at"),
             QDateTime::fromMSecsSinceEpoch(expiresAt, Qt::UTC).toString(Qt::ISODate)}};
}

void AdminAuth::finishLogin(DeferredReply &reply, const QHostAddress &peer, const QByteArray &key,
                            bool verified)
{
    --m_pendingLogins;
    QJsonObject answer;
    if (verified) {
        rememberVerified(key, peer);
        answer = tokenAnswer(peer);
    } else {
        recordFailure(peer);
        qCWarning(lcAuth).noquote() << "Failed admin login from" << addressKey(peer);
        answer = {{QStringLiteral("error"), QStringLiteral("wrong user name or password")}};
    }
    DeferredReply::Headers headers {{"Cache-Control", "no-store"}};
    if (verified)
        headers.append(qMakePair(QByteArray("Set-Cookie"),
                                 sessionCookie(answer.value(QLatin1String("token")).toString(),
                                               qint64(m_settings.adminSessionHours()) * 3600)));
    else
        headers.append(
                qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"AceHub\"")));
    reply.send(verified ? 200 : 401, "application/json",
               QJsonDocument(answer).toJson(QJsonDocument::Compact), headers);
}

void AdminAuth::handleLogout(const HttpRequest &req, QHttpServerResponder &r)
{
    const Credentials c = credentialsOf(req);
    if (c.via == Via::Bearer || c.via == Via::Cookie)
        m_tokens.remove(tokenKey(c.secret));
    // 204 has no body and no Content-Length.
    Http::sendHead(r, Http::Status::NoContent,
                   {{"Set-Cookie", sessionCookie(QString(), 0)}, {"Cache-Control", "no-store"}});
}

void AdminAuth::handleSession(const HttpRequest &req, QHttpServerResponder &r)
{
    // The guard let the request through: the credentials are good.
    const Credentials c = credentialsOf(req);
    QJsonValue expiresAt = QJsonValue::Null;
    if (c.via == Via::Bearer || c.via == Via::Cookie) {
        const auto it = m_tokens.constFind(tokenKey(c.secret));
        if (it != m_tokens.cend())
            expiresAt = QDateTime::fromMSecsSinceEpoch(*it, Qt::UTC).toString(Qt::ISODate);
    }
    const char *via = c.via == Via::Cookie ? "cookie" : c.via == Via::Basic ? "basic" : "bearer";
    Http::sendJson(r, QJsonObject {{QStringLiteral("authenticated"), true},
                                   {QStringLiteral("via"), QLatin1String(via)},
                                   {QStringLiteral("expires_at"), expiresAt}});
}

void AdminAuth::handleChangePassword(const HttpRequest &req, QHttpServerResponder &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(req.http.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Http::sendError(r, Http::Status::BadRequest,
                        QStringLiteral("body: expected a JSON object"));
        return;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("current_password")
            && it.key() != QLatin1String("new_password")) {
            Http::sendError(r, Http::Status::BadRequest,
                            QStringLiteral("%1: unknown field").arg(it.key()));
            return;
        }
    }
    for (const char *field : {"current_password", "new_password"}) {
        if (!o.value(QLatin1String(field)).isString()) {
            Http::sendError(r, Http::Status::BadRequest,
                            QStringLiteral("%1: expected a string").arg(QLatin1String(field)));
            return;
        }
    }
    const QString next = o.value(QLatin1String("new_password")).toString();
    if (next.size() < AdminCredential::kMinimumLength) {
        Http::sendError(r, Http::Status::BadRequest,
                        QStringLiteral("new_password: at least %1 characters")
                                .arg(AdminCredential::kMinimumLength));
        return;
    }
    // The current password again, even with a valid session: a left-open dashboard is not enough.
    const QHostAddress peer = peerOf(req);
    if (const int wait = retryAfterSeconds(peer)) {
        sendLimited(r, wait);
        return;
    }
    const auto stored = AdminCredential::load(m_database->connection());
    if (!stored) {
        Http::sendError(r, Http::Status::BadRequest,
                        QStringLiteral("current_password: wrong password"));
        return;
    }
    const QString current = o.value(QLatin1String("current_password")).toString();
    const QByteArray key = verifiedKey(*stored, current);
    const bool known = isVerified(key);
    if (m_pendingLogins >= kMaxPendingLogins) {
        sendLimited(r, 1, true);
        return;
    }
    // Checking the current password and deriving the new one's hash are PBKDF2 each: on the
    // verifier thread, with its own database connection; the answer follows.
    const Credentials c = credentialsOf(req);
    const QByteArray own
            = c.via == Via::Bearer || c.via == Via::Cookie ? tokenKey(c.secret) : QByteArray();
    struct Outcome
    {
        bool verified = false;
        std::optional<QString> error;
    };
    DeferredReply reply(req);
    ++m_pendingLogins;
    Api::onWorker(
            &m_verifier, m_database, this,
            [hash = *stored, current, next, known](const QSqlDatabase &db) {
                Outcome outcome;
                outcome.verified = known || AdminCredential::verify(hash, current);
                if (outcome.verified)
                    outcome.error = AdminCredential::set(db, next);
                return outcome;
            },
            [this, reply, peer, own](Outcome outcome) mutable {
                --m_pendingLogins;
                if (!outcome.verified) {
                    recordFailure(peer);
                    qCWarning(lcAuth).noquote()
                            << "Failed admin authentication from" << addressKey(peer);
                    return reply.sendError(400, QStringLiteral("current_password: wrong password"));
                }
                if (outcome.error)
                    return reply.sendDatabaseError(
                            QStringLiteral("cannot store the password: %1").arg(*outcome.error));
                // Every other session ends; the caller's token (Bearer or cookie) stays valid.
                const qint64 ownExpiry = m_tokens.value(own, 0);
                reset();
                if (ownExpiry > 0)
                    m_tokens.insert(own, ownExpiry);
                qCInfo(lcAuth).noquote() << "Admin password changed from" << addressKey(peer)
                                         << "; every other session ended";
                reply.sendJson(QJsonObject {{QStringLiteral("ok"), true}});
            });
}
