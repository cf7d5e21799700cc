#pragma once

#include "http/httpfront.h"
#include "xtream/userstore.h"
#include "xtream/xtreamjson.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QTimeZone>
#include <QUrlQuery>

#include <functional>

class Server;

// What IPTV players use: /player_api.php, /get.php, /xmltv.php and /panel_api.php over the
// Xtream users and the catalog.
class PlayerRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlayerRoutes)

public:
    // Registers its routes on http; reads settings and the database through server.
    PlayerRoutes(Server *server, HttpFront *http);
    ~PlayerRoutes() override;

    // Streams a user has open now (their active_cons).
    int activeConnections(const QString &username) const;

    // The parameters of a request: the query, then a POSTed form body over it ('+' is a space).
    static QHash<QString, QString> parameters(const HttpRequest &req);
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
    };
    Auth authenticate(const QHash<QString, QString> &params) const;
    // get.php and xmltv.php: the active account, or nothing once a 404 or 403 was sent.
    std::optional<XtreamUser> activeUserOrRefuse(const QHash<QString, QString> &params,
                                                 QHttpServerResponder &r) const;
    QJsonObject accountBlock(const HttpRequest &req, const XtreamUser &user, qint64 now) const;

    void playerApi(const HttpRequest &req, QHttpServerResponder &r);
    void playlist(const HttpRequest &req, QHttpServerResponder &r);
    void guide(const HttpRequest &req, QHttpServerResponder &r);
    void panelApi(const HttpRequest &req, QHttpServerResponder &r);

    using Builder = std::function<LateAnswer(const QSqlDatabase &db)>;
    // Answers req later, off the server thread: the server stops reading the connection (so a
    // pipelined request cannot be answered first), the answer is written on the socket when it
    // is ready, with "Connection: close", and the connection is closed after it. what names the
    // answer in the log.
    void answerLate(const HttpRequest &req, QHttpServerResponder &r, const QString &what,
                    Builder build);

    Server *m_server;
    HttpFront *m_http;
    QThreadPool
            m_builders; // large answers (lists, guides) are built here, not on the server thread
};
