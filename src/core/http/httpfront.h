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

#include "httplistener.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>

class HttpFront;

// What a route handler sees of a request.
struct HttpRequest
{
    const QHttpServerRequest &http;
    QTcpSocket *socket; // owned by the HTTP server; hold it as QPointer if kept, never delete it
    QHash<QString, QString> pathArgs;
    bool admin = false; // set by a route guard that found valid admin credentials
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
    // Runs before the handler of the public routes with exactly these patterns (registered
    // before or after): returns true to let the request through, otherwise it has answered. It
    // may mark the request as the admin's (see adminCredentials).
    using RouteGuard = std::function<bool(HttpRequest &, QHttpServerResponder &)>;
    void addRouteGuard(const QStringList &patterns, RouteGuard guard);
    // For a route guard on a public route: whether the request carries admin credentials (an
    // Authorization header, the session cookie) that the admin guard accepts. Credentials that
    // are there but wrong get the admin guard's answer (401, 429) and nullopt.
    std::optional<bool> adminCredentials(const HttpRequest &req, QHttpServerResponder &r);

    using Limits = HttpListener::Limits;
    // limits: see HttpListener.
    bool listenOn(const QHostAddress &address, quint16 port, const Limits &limits, QString *error);
    int openConnections() const;
    HttpListener *listener() const { return m_listener; }
    quint16 port() const;
    void close();

    static QString methodName(Method method);
    // A route pattern as the router matches it: an anchored expression over the percent-encoded
    // path, one group per {name} (their names in *names).
    static QRegularExpression compilePattern(const QString &pattern, QStringList *names);
    // Matches a percent-encoded path; on a match each argument is decoded once into *args.
    static bool matchPath(const QRegularExpression &pattern, const QStringList &names,
                          const QString &encodedPath, QHash<QString, QString> *args);

    // The glue of DeferredReply (use that class, not these): stop QtHttpServer reading a
    // connection while an answer is pending (counted: a deferred answer may defer again), hand
    // it back once the last is written, and run a matched route again on a paused request.
    // Pausing must happen inside the route's handler (it takes the connection's responder on
    // Qt 6.5+).
    void pauseReading(QTcpSocket *socket);
    void resumeReading(QTcpSocket *socket);
    void dispatch(const QHttpServerRequest &request, QTcpSocket *socket, int route,
                  const QHash<QString, QString> &pathArgs);

    // Takes the request's connection out of QtHttpServer's request cycle for good, for an
    // answer written later then closed (Http::writeAndClose) or a stream: the server reads
    // nothing more from it, and the caller writes into request.socket itself and closes it when
    // done (close, never delete: on Qt 6.5+ QtHttpServer owns it by a raw pointer). The
    // responder must not be used after. Qt 6.4 cuts the server's readyRead; on 6.5+ the
    // moved-out responder is kept here until the connection closes, as that is what keeps Qt
    // from reading it.
    static void detach(const HttpRequest &request, QHttpServerResponder &responder);

    ~HttpFront() override;

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &responder) override;
#endif

private:
    struct Route
    {
        Methods methods;
        QRegularExpression pattern;
        QStringList argNames;
        Access access;
        Handler handler;
        QString source; // the pattern as given
    };
    void run(const Route &route, HttpRequest &req, QHttpServerResponder &responder);

    QList<Route> m_routes;
    // Routes a request Qt handed over (either Qt version).
    void handle(const QHttpServerRequest &request, QTcpSocket *socket,
                QHttpServerResponder &responder);
    void forgetConnection(QObject *socket);

    QHash<QObject *, int> m_paused; // socket -> answers pending on it
    QSet<QObject *> m_detached; // sockets taken out for good (detach()): never handed back
    Guard m_adminGuard;
    QHash<QString, RouteGuard> m_routeGuards; // route pattern -> its guard
    QPointer<HttpListener> m_listener;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QSet<QObject *> m_unread; // sockets whose readyRead no longer reaches QtHttpServer
#else
    // Responders moved out of QtHttpServer's request cycle: while one lives, Qt reads nothing
    // more from its connection. Paused ones are released on resumeReading(), detached ones
    // when the connection closes.
    std::map<QObject *, std::unique_ptr<QHttpServerResponder>> m_held;
#endif
};
