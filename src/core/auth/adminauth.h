#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QThreadPool>

#include "admincredential.h"
#include "http/deferredreply.h"

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

class Database;
class DeferredReply;
class HttpFront;
class QHttpServerResponder;
class Settings;
struct HttpRequest;

// Admin authentication of the /api routes: HTTP Basic ("admin" + the admin password), a
// Bearer session token from POST /api/login, or the same token as the acehub_session cookie
// (for browsers; a state-changing request by cookie must pass the CSRF rule). The desktop
// panel's local token (Server::setLocalAdminToken) is accepted as a Bearer token. PBKDF2 costs tens
// of ms, so a verified password is remembered by a keyed hash (never in clear) for a while and
// tokens live in memory with an expiry. PBKDF2 never runs on the server thread: a login, a
// password change and an uncached Basic password are checked on the verifier thread (at most
// kMaxPendingLogins at once, more get 429) and answered later through DeferredReply; a Basic
// request that passes then runs its route. Requests with the same Basic password arriving
// while it is checked wait for that one check (a client opening many connections at once). Failed attempts, by login or by Basic, are counted
// per address: past the limit the address gets 429 until its window has passed.
class AdminAuth final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminAuth)

public:
    static constexpr const char *kUser = "admin";
    static constexpr int kMaxPendingLogins = 4;

    static constexpr const char *kCookie = "acehub_session";

    // database and settings outlive this object (the Server owns them); http: the front
    // whose reading of a connection stops while its login is checked.
    AdminAuth(Database *database, const Settings &settings, HttpFront *http,
              QObject *parent = nullptr);
    ~AdminAuth() override;

    // A token accepted as Bearer for this object's lifetime, never stored (the desktop
    // panel's start-up token); empty: none.
    void setLocalToken(const QString &token);

    // The HttpFront admin guard: true lets the request through; otherwise 401 or 429 was sent.
    bool guard(const HttpRequest &req, QHttpServerResponder &r);

    // POST /api/login {"password": "...", "username": "admin"?} -> {"token", "expires_at"}.
    // The password is checked on a worker thread; the answer follows on the connection.
    void handleLogin(const HttpRequest &req, QHttpServerResponder &r);
    // POST /api/logout: 204; forgets the token used (Bearer or cookie) and clears the cookie.
    void handleLogout(const HttpRequest &req, QHttpServerResponder &r);
    // GET /api/session: {"authenticated", "via", "expires_at"} for the credentials used.
    void handleSession(const HttpRequest &req, QHttpServerResponder &r);
    // POST /api/password {"current_password", "new_password"}: changes the admin password and
    // ends every other session (tokens and remembered passwords; the caller's token stays).
    void handleChangePassword(const HttpRequest &req, QHttpServerResponder &r);

    // Forgets every token and cached credential (after the admin password changes).
    void reset();

private:
    enum class Via { None, Cookie, Bearer, Basic };
    // Which credentials a request carries (Authorization wins over the cookie); no checks.
    struct Credentials
    {
        Via via = Via::None;
        QByteArray secret; // the token (Bearer, cookie) or the base64 user:password (Basic)
    };
    static Credentials credentialsOf(const HttpRequest &req);
    static bool passesCsrf(const HttpRequest &req);
    static QByteArray sessionCookie(const QString &token, qint64 maxAgeSeconds);
    static QByteArray tokenKey(const QByteArray &token);
    QByteArray verifiedKey(const AdminCredential::Hash &stored, const QString &password) const;
    bool isVerified(const QByteArray &key) const;
    void rememberVerified(const QByteArray &key, const QHostAddress &peer);
    QJsonObject tokenAnswer(const QHostAddress &peer);
    void finishLogin(DeferredReply &reply, const QHostAddress &peer, const QByteArray &key,
                     bool verified);
    int retryAfterSeconds(const QHostAddress &peer);
    void recordFailure(const QHostAddress &peer);
    QString issueToken(qint64 *expiresAt);
    bool tokenValid(const QByteArray &token);
    bool isLocalToken(const QByteArray &token) const;
    void sendUnauthorized(QHttpServerResponder &r, const QString &message, bool basic);
    void sendLimited(QHttpServerResponder &r, int retryAfter, bool busy = false);

    Database *m_database;
    const Settings &m_settings;
    QPointer<HttpFront> m_http;
    QByteArray m_localTokenKey; // SHA-256 of the local token; empty: none
    QByteArray m_secret; // per process: keys the cache of verified passwords
    QHash<QByteArray, qint64> m_verified; // HMAC(secret, stored hash + password) -> expiry ms
    QHash<QByteArray, qint64> m_tokens; // SHA-256 of the token -> expiry ms
    QHash<QString, QList<qint64>> m_failures; // address -> failure times (ms)
    QThreadPool m_verifier; // one thread: every PBKDF2 derivation
    int m_pendingLogins = 0; // checks queued or running on m_verifier
    struct BasicWaiter
    {
        DeferredReply reply;
        QHostAddress peer;
    };
    // Basic passwords being checked: the key of each (verifiedKey) -> the requests waiting.
    QHash<QByteArray, QList<BasicWaiter>> m_basicChecks;
};
