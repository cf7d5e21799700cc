#pragma once

#include "http/httpfront.h"
#include "xtream/loginthrottle.h"
#include "xtream/userstore.h"
#include "xtream/xtreamjson.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QTimeZone>
#include <QUrlQuery>

#include <functional>

class Database;
class Settings;
class StreamManager;

// What IPTV players use: /player_api.php, /get.php, /xmltv.php and /panel_api.php over the
// Xtream users and the catalog.
class PlayerRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerRoutes)

public:
    // Registers its routes on http. settings: the server's, read at each request; streams: for
    // each account's active connections.
    PlayerRoutes(Database *db, const Settings *settings, StreamManager *streams, HttpFront *http);
    ~PlayerRoutes() override;

    // Streams a user has open now (their active_cons).
    int activeConnections(const QString &username) const;

    // Every player sign-in goes through here: the account with these credentials (whatever its
    // status), counted by the login throttle. retryAfter > 0: too many failed logins from this
    // address or for this username; nothing was checked (answer 429 with Retry-After).
    struct SignIn
    {
        std::optional<XtreamUser> user;
        int retryAfter = 0;
    };
    SignIn signIn(const HttpRequest &req, const QString &username, const QString &password);
    // The 429 of a throttled sign-in.
    static void sendThrottled(QHttpServerResponder &r, int retryAfter);

    // The parameters of a request: the query, then a POSTed form body over it ('+' is a space).
    static QHash<QString, QString> parameters(const HttpRequest &req);
    // The same from their parts: the encoded query, the body and its Content-Type (read only
    // for a POST).
    static QHash<QString, QString> formParameters(const QString &encodedQuery,
                                                  const QByteArray &body,
                                                  const QByteArray &contentType, bool post);
    // The host and port of a Host header, or nothing when it is not one.
    static std::optional<XtreamJson::Endpoint> hostEndpoint(const QByteArray &host);
    // The address the player used (its Host header), or the socket's local address without one.
    static XtreamJson::Endpoint endpoint(const HttpRequest &req);
    QTimeZone timeZone() const;

    // A 200 answer built on a worker with its own database connection.
    struct LateAnswer
    {
        QByteArray contentType;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

private:
    struct Auth
    {
        std::optional<XtreamUser> user;
        bool active = false;
        int retryAfter = 0; // throttled: see signIn
    };
    Auth authenticate(const HttpRequest &req, const QHash<QString, QString> &params);
    // get.php and xmltv.php: the active account, or nothing once a 404, 403 or 429 was sent.
    std::optional<XtreamUser> activeUserOrRefuse(const HttpRequest &req,
                                                 const QHash<QString, QString> &params,
                                                 QHttpServerResponder &r);
    QJsonObject accountBlock(const HttpRequest &req, const XtreamUser &user, qint64 now) const;

    void playerApi(const HttpRequest &req, QHttpServerResponder &r);
    void playlist(const HttpRequest &req, QHttpServerResponder &r);
    void guide(const HttpRequest &req, QHttpServerResponder &r);
    void panelApi(const HttpRequest &req, QHttpServerResponder &r);

    using Builder = std::function<LateAnswer(const QSqlDatabase &db)>;
    // Answers req later, built off the server thread (DeferredReply): a request pipelined
    // behind it is answered after it, and the connection stays open. what names the answer in
    // the log.
    void answerLate(const HttpRequest &req, QHttpServerResponder &r, const QString &what,
                    Builder build);

    Database *m_db;
    const Settings *m_settings;
    StreamManager *m_streams;
    HttpFront *m_http;
    LoginThrottle m_logins;
    QThreadPool
            m_builders; // large answers (lists, guides) are built here, not on the server thread
};
