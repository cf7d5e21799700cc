#include "adminauth.h"

#include "admincredential.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "server.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRandomGenerator>
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

AdminAuth::AdminAuth(Server *server, QObject *parent)
    : QObject(parent), m_server(server), m_secret(randomBytes(32))
{
    m_verifier.setMaxThreadCount(1);
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
    const qint64 window = qint64(m_server->settings().adminLoginWindowSeconds()) * 1000;
    const qint64 now = nowMs();
    QList<qint64> &times = *it;
    while (!times.isEmpty() && times.first() + window <= now)
        times.removeFirst();
    if (times.isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (times.size() < m_server->settings().adminLoginMaxFailures())
        return 0;
    // Locked until the oldest counted failure leaves the window.
    return int(qMax<qint64>(1, (times.first() + window - now + 999) / 1000));
}

void AdminAuth::recordFailure(const QHostAddress &peer)
{
    QList<qint64> &times = m_failures[addressKey(peer)];
    times.append(nowMs());
    // Never more than the limit is needed to decide.
    while (times.size() > m_server->settings().adminLoginMaxFailures())
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

AdminAuth::Verdict AdminAuth::checkPassword(const QHostAddress &peer, const QString &password)
{
    if (retryAfterSeconds(peer) > 0)
        return Verdict::Limited;
    const auto stored = AdminCredential::load(m_server->database()->connection());
    if (!stored) {
        recordFailure(peer);
        return Verdict::Wrong;
    }
    const QByteArray key = verifiedKey(*stored, password);
    if (isVerified(key))
        return Verdict::Ok;
    const qint64 now = nowMs();
    // One PBKDF2 derivation (~100 ms); afterwards the keyed hash answers for kVerifiedTtlMs.
    while (!m_derivations.isEmpty() && m_derivations.first().first + 1000 <= now)
        m_derivations.removeFirst();
    qint64 spent = 0;
    for (const auto &d : qAsConst(m_derivations))
        spent += d.second;
    if (spent >= kDerivationBudgetMs)
        return Verdict::Busy;
    QElapsedTimer timer;
    timer.start();
    const bool verified = AdminCredential::verify(*stored, password);
    m_derivations.append({nowMs(), timer.elapsed()});
    if (!verified) {
        recordFailure(peer);
        qCWarning(lcAuth).noquote() << "Failed admin authentication from" << addressKey(peer);
        return Verdict::Wrong;
    }
    rememberVerified(key, peer);
    return Verdict::Ok;
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
    *expiresAt = now + qint64(m_server->settings().adminSessionHours()) * 3600 * 1000;
    m_tokens.insert(QCryptographicHash::hash(token, QCryptographicHash::Sha256), *expiresAt);
    return QString::fromLatin1(token);
}

bool AdminAuth::tokenValid(const QByteArray &token)
{
    const QByteArray local = m_server->localAdminToken().toUtf8();
    if (!local.isEmpty() && token.size() == local.size()) {
        // Compared in constant time, like the stored tokens (whose hashes are compared).
        char diff = 0;
        for (qsizetype i = 0; i < token.size(); ++i)
            diff |= char(token.at(i) ^ local.at(i));
        if (diff == 0)
            return true;
    }
    const QByteArray key = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    auto it = m_tokens.find(key);
    if (it == m_tokens.end())
        return false;
    if (*it <= nowMs()) {
        m_tokens.erase(it);
        return false;
    }
    return true;
}

void AdminAuth::sendUnauthorized(QHttpServerResponder &r, const QString &message, bool bearer)
{
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("error"), message}})
                                    .toJson(QJsonDocument::Compact);
    // A Bearer client (the dashboard) gets a Bearer challenge, so browsers show no Basic prompt.
    Http::send(r, Http::Status::Unauthorized, "application/json", body,
               {{"WWW-Authenticate",
                 bearer ? "Bearer realm=\"AceHub\"" : "Basic realm=\"AceHub\", charset=\"UTF-8\""},
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
    const QByteArray header = req.http.value("Authorization").trimmed();
    if (header.isEmpty()) {
        sendUnauthorized(r, QStringLiteral("authentication required"), false);
        return false;
    }
    const int space = header.indexOf(' ');
    const QByteArray scheme = header.left(space).toLower();
    const QByteArray credentials = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
    if (scheme == "bearer") {
        if (tokenValid(credentials))
            return true;
        sendUnauthorized(r, QStringLiteral("invalid or expired session token"), true);
        return false;
    }
    if (scheme == "basic") {
        const auto decoded = QByteArray::fromBase64Encoding(
                credentials, QByteArray::AbortOnBase64DecodingErrors);
        const QByteArray text = decoded ? *decoded : QByteArray();
        const int colon = text.indexOf(':');
        if (colon < 0) {
            sendUnauthorized(r, QStringLiteral("malformed Basic credentials"), false);
            return false;
        }
        const QHostAddress peer = peerOf(req);
        if (text.left(colon) != kUser) {
            if (const int wait = retryAfterSeconds(peer)) {
                sendLimited(r, wait);
                return false;
            }
            recordFailure(peer);
            sendUnauthorized(r, QStringLiteral("wrong user name or password"), false);
            return false;
        }
        switch (checkPassword(peer, QString::fromUtf8(text.mid(colon + 1)))) {
        case Verdict::Ok:
            return true;
        case Verdict::Limited:
            sendLimited(r, retryAfterSeconds(peer));
            return false;
        case Verdict::Busy:
            sendLimited(r, 1, true);
            return false;
        case Verdict::Wrong:
            sendUnauthorized(r, QStringLiteral("wrong user name or password"), false);
            return false;
        }
    }
    sendUnauthorized(r, QStringLiteral("unsupported authorization scheme"), false);
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
    const auto stored = AdminCredential::load(m_server->database()->connection());
    if (user != QLatin1String(kUser) || !stored) {
        recordFailure(peer);
        sendUnauthorized(r, QStringLiteral("wrong user name or password"), true);
        return;
    }
    const QString password = o.value(QLatin1String("password")).toString();
    const QByteArray key = verifiedKey(*stored, password);
    if (isVerified(key)) {
        Http::sendJson(r, tokenAnswer(peer));
        return;
    }
    if (m_pendingLogins >= kMaxPendingLogins) {
        sendLimited(r, 1, true);
        return;
    }
    // PBKDF2 takes ~100 ms: it runs on a worker, and the answer is written to the connection
    // once it is known, so the server thread never waits for it. The router stops reading the
    // connection meanwhile (nothing may be answered before the login), which then closes.
    QPointer<QTcpSocket> socket = req.socket;
    HttpFront::detach(req, r);
    ++m_pendingLogins;
    m_verifier.start([this, socket, peer, key, hash = *stored, password] {
        const bool ok = AdminCredential::verify(hash, password);
        QMetaObject::invokeMethod(
                this, [this, socket, peer, key, ok] { finishLogin(socket, peer, key, ok); },
                Qt::QueuedConnection);
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

void AdminAuth::finishLogin(const QPointer<QTcpSocket> &socket, const QHostAddress &peer,
                            const QByteArray &key, bool verified)
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
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QList<QPair<QByteArray, QByteArray>> headers {{"Cache-Control", "no-store"}};
    if (!verified)
        headers.append(
                qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"AceHub\"")));
    Http::writeAndClose(socket, verified ? 200 : 401, "application/json",
                        QJsonDocument(answer).toJson(QJsonDocument::Compact), headers);
}

void AdminAuth::handleLogout(const HttpRequest &req, QHttpServerResponder &r)
{
    const QByteArray header = req.http.value("Authorization").trimmed();
    if (header.toLower().startsWith("bearer "))
        m_tokens.remove(
                QCryptographicHash::hash(header.mid(7).trimmed(), QCryptographicHash::Sha256));
    Http::sendJson(r, QJsonObject {{QStringLiteral("ok"), true}});
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
    switch (checkPassword(peer, o.value(QLatin1String("current_password")).toString())) {
    case Verdict::Ok:
        break;
    case Verdict::Wrong:
        Http::sendError(r, Http::Status::BadRequest,
                        QStringLiteral("current_password: wrong password"));
        return;
    case Verdict::Limited:
        sendLimited(r, retryAfterSeconds(peer));
        return;
    case Verdict::Busy:
        sendLimited(r, 1, true);
        return;
    }
    if (auto error = AdminCredential::set(m_server->database()->connection(), next)) {
        Http::sendDatabaseError(r, QStringLiteral("cannot store the password: %1").arg(*error));
        return;
    }
    reset();
    qCInfo(lcAuth).noquote() << "Admin password changed from" << addressKey(peer)
                             << "; every session ended";
    Http::sendJson(r, QJsonObject {{QStringLiteral("ok"), true}});
}
