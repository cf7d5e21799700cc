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
#include <optional>

class HttpFront;

// What a route handler sees of a request.
struct HttpRequest
{
    const QHttpServerRequest &http;
    QTcpSocket *socket; // owned by the HTTP server; hold it as QPointer if kept
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
        QString source; // the pattern as given
    };
    void run(const Route &route, HttpRequest &req, QHttpServerResponder &responder);

    QList<Route> m_routes;
    QHash<QObject *, int> m_paused; // socket -> answers pending on it
    QSet<QObject *> m_detached; // sockets whose readyRead no longer reaches QtHttpServer
    Guard m_adminGuard;
    QHash<QString, RouteGuard> m_routeGuards; // route pattern -> its guard
    QPointer<HttpListener> m_listener;
};
