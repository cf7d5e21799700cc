#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>

#include <functional>

class HttpFront;
class HttpListener;

// What a route handler sees of a request.
struct HttpRequest
{
    const QHttpServerRequest &http;
    QTcpSocket *socket; // owned by the HTTP server; hold it as QPointer if kept
    QHash<QString, QString> pathArgs;
    HttpFront *front = nullptr; // the router that matched it (see DeferredReply)
    int route = -1; // which of its routes

    QString arg(const QString &name) const { return pathArgs.value(name); }
    QUrlQuery query() const { return http.query(); }
    QHttpServerRequest::Method method() const { return http.method(); }
};

// AceHub's HTTP front: QtHttpServer's connection handling with AceHub's own router, so that
// methods (405 with Allow), path arguments, the JSON 404 and the admin guard live in one place.
class HttpFront final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFront)

public:
    using Method = QHttpServerRequest::Method;
    using Methods = QHttpServerRequest::Methods;
    using Handler = std::function<void(const HttpRequest &, QHttpServerResponder &)>;
    // Returns true to let the request through; otherwise it has answered (401, 429, …).
    using Guard = std::function<bool(const HttpRequest &, QHttpServerResponder &)>;
    enum class Access { Public, Admin };

    explicit HttpFront(QObject *parent = nullptr);

    // pattern: a path with {name} placeholders for one segment each, e.g. "/api/streams/{key}".
    void route(Methods methods, const QString &pattern, Access access, Handler handler);
    void setAdminGuard(Guard guard) { m_adminGuard = std::move(guard); }

    struct Limits
    {
        int maxConnections = 2048;
        int idleTimeoutSeconds = 300;
        qint64 maxRequestBytes = 32 * 1024 * 1024;
    };
    // limits: see HttpListener.
    bool listenOn(const QHostAddress &address, quint16 port, const Limits &limits, QString *error);
    int openConnections() const;
    quint16 port() const;
    void close();

    static QString methodName(Method method);

    // The glue of DeferredReply (use that class, not these): stop QtHttpServer reading a
    // connection while an answer is pending (counted: a deferred answer may defer again), hand
    // it back once the last is written, and run a matched route again on a paused request.
    void pauseReading(QTcpSocket *socket);
    void resumeReading(QTcpSocket *socket);
    void dispatch(const QHttpServerRequest &request, QTcpSocket *socket, int route,
                  const QHash<QString, QString> &pathArgs);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        Methods methods;
        QRegularExpression pattern;
        QStringList argNames;
        Access access;
        Handler handler;
    };
    void run(const Route &route, const HttpRequest &req, QHttpServerResponder &responder,
             bool guarded);

    QList<Route> m_routes;
    QHash<QObject *, int> m_paused; // socket -> answers pending on it
    QSet<QObject *> m_detached; // sockets whose readyRead no longer reaches QtHttpServer
    Guard m_adminGuard;
    QPointer<HttpListener> m_listener;
};
