#include "httpfront.h"

#include "httplistener.h"
#include "httputil.h"
#include "log/logger.h"

#include <QMetaEnum>
#include <QTcpSocket>

HttpFront::HttpFront(QObject *parent) : QAbstractHttpServer(parent) { }

QRegularExpression HttpFront::compilePattern(const QString &pattern, QStringList *names)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString regex;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        regex += QRegularExpression::escape(pattern.mid(last, m.capturedStart() - last));
        regex += QStringLiteral("([^/]+)");
        *names << m.captured(1);
        last = m.capturedEnd();
    }
    regex += QRegularExpression::escape(pattern.mid(last));
    return QRegularExpression(QRegularExpression::anchoredPattern(regex));
}

bool HttpFront::matchPath(const QRegularExpression &pattern, const QStringList &names,
                          const QString &encodedPath, QHash<QString, QString> *args)
{
    const auto match = pattern.match(encodedPath);
    if (!match.hasMatch())
        return false;
    for (int i = 0; i < names.size(); ++i)
        args->insert(names.at(i), QUrl::fromPercentEncoding(match.captured(i + 1).toUtf8()));
    return true;
}

void HttpFront::route(Methods methods, const QString &pattern, Access access, Handler handler)
{
    QStringList names;
    QRegularExpression regex = compilePattern(pattern, &names);
    m_routes.append({methods, std::move(regex), names, access, std::move(handler), pattern});
}

void HttpFront::addRouteGuard(const QStringList &patterns, RouteGuard guard)
{
    for (const QString &pattern : patterns)
        m_routeGuards.insert(pattern, guard);
}

std::optional<bool> HttpFront::adminCredentials(const HttpRequest &req, QHttpServerResponder &r)
{
    // value() finds a header whatever its case, on Qt 6.4 and 6.8 alike.
    const bool present = !req.http.value("Authorization").isEmpty()
                         || req.http.value("Cookie").contains("acehub_session=");
    if (!present || !m_adminGuard)
        return false;
    if (!m_adminGuard(req, r))
        return std::nullopt;
    return true;
}

bool HttpFront::listenOn(const QHostAddress &address, quint16 port, const Limits &limits,
                         QString *error)
{
    auto *listener = new HttpListener(limits, this);
    if (!listener->listen(address, port)) {
        *error = listener->errorString();
        delete listener;
        return false;
    }
    bind(listener);
    m_listener = listener;
    return true;
}

int HttpFront::openConnections() const
{
    return m_listener ? m_listener->openConnections() : 0;
}

quint16 HttpFront::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void HttpFront::close()
{
    if (m_listener)
        m_listener->close();
}

QString HttpFront::methodName(Method method)
{
    return QString::fromLatin1(QMetaEnum::fromType<Method>().valueToKey(int(method))).toUpper();
}

HttpFront::~HttpFront()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    // A kept responder points at QtHttpServer's connection handler, which the base class
    // deletes: the responders go first.
    m_held.clear();
#endif
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool HttpFront::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    handle(request, socket, responder);
    return true;
}

void HttpFront::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const Http::ConnectionScope connection(responder, socket);
    Http::sendError(responder, Http::Status::NotFound,
                    QStringLiteral("not found: ") + request.url().path());
}
#else
// Qt 6.5+ hands a handler no socket: every socket was made by AceHub's own listener, which finds
// the request's one by its peer address and port.
bool HttpFront::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket
            = m_listener ? m_listener->connectionFrom(request.remoteAddress(), request.remotePort())
                         : nullptr;
    handle(request, socket, responder);
    return true;
}

// Called by Qt for what it does not hand to handleRequest (a WebSocket upgrade).
void HttpFront::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const Http::ConnectionScope connection(
            responder,
            m_listener ? m_listener->connectionFrom(request.remoteAddress(), request.remotePort())
                       : nullptr);
    Http::sendError(responder, Http::Status::NotFound,
                    QStringLiteral("not found: ") + request.url().path());
}
#endif

void HttpFront::handle(const QHttpServerRequest &request, QTcpSocket *socket,
                       QHttpServerResponder &responder)
{
    const Http::ConnectionScope connection(responder, socket);
    // Matched percent-encoded, so that an argument may hold an encoded '/' (a stream key such
    // as url%3Ahttp%3A%2F%2F…); each argument is then decoded once.
    const QString path = request.url().path(QUrl::FullyEncoded);
    Methods allowed;
    for (int index = 0; index < m_routes.size(); ++index) {
        const Route &r = m_routes.at(index);
        QHash<QString, QString> args;
        if (!matchPath(r.pattern, r.argNames, path, &args))
            continue;
        if (!r.methods.testFlag(request.method())) {
            allowed |= r.methods;
            continue;
        }
        HttpRequest req {request, socket, std::move(args)};
        req.front = this;
        req.route = index;
        run(r, req, responder);
        return;
    }
    if (allowed) {
        QStringList names;
        const QMetaEnum e = QMetaEnum::fromType<Method>();
        for (int i = 0; i < e.keyCount(); ++i) {
            const auto m = Method(e.value(i));
            if (m != Method::Unknown && m != Method::AnyKnown && allowed.testFlag(m))
                names << methodName(m);
        }
        const QByteArray allow = names.join(QStringLiteral(", ")).toLatin1();
        const QByteArray body = QByteArrayLiteral("{\"error\":\"method ")
                                + methodName(request.method()).toLatin1()
                                + QByteArrayLiteral(" not allowed\"}");
        const Http::HeadScope head(request.method() == Method::Head);
        Http::send(responder, Http::Status::MethodNotAllowed, "application/json", body,
                   {{"Allow", allow}});
        return;
    }
    const Http::HeadScope head(request.method() == Method::Head);
    Http::sendError(responder, Http::Status::NotFound,
                    QStringLiteral("not found: ") + request.url().path());
}

void HttpFront::run(const Route &route, HttpRequest &req, QHttpServerResponder &responder)
{
    const Http::HeadScope head(req.method() == Method::Head);
    if (route.access == Access::Admin && m_adminGuard && !m_adminGuard(req, responder))
        return;
    if (route.access == Access::Public) {
        const auto guard = m_routeGuards.constFind(route.source);
        if (guard != m_routeGuards.cend() && !(*guard)(req, responder))
            return;
    }
    route.handler(req, responder);
}

void HttpFront::forgetConnection(QObject *socket)
{
    m_paused.remove(socket);
    m_detached.remove(socket);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    m_unread.remove(socket);
#else
    m_held.erase(socket);
#endif
}

void HttpFront::pauseReading(QTcpSocket *socket)
{
    // Not only on the first pause: when dispatch() runs a route again, the answer it replaces
    // still counts, but on Qt 6.5+ its responder is no longer kept, and a handler that defers
    // again must keep it, or Qt would answer a pipelined request first.
    if (m_paused[socket]++ == 0)
        connect(socket, &QObject::destroyed, this, &HttpFront::forgetConnection,
                Qt::UniqueConnection);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (!m_unread.contains(socket) && !m_detached.contains(socket)) {
        // QtHttpServer reads the socket only on readyRead: cut that, and the bytes of a
        // pipelined request wait in the socket until the connection is handed back.
        QObject::disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        m_unread.insert(socket);
    }
#else
    // Qt's connection handler reads nothing more while the request's responder lives: keep it.
    // (Cutting readyRead would do nothing: that connection belongs to Qt's handler.)
    if (m_held.count(socket) == 0) {
        QHttpServerResponder *responder = Http::ConnectionScope::responderOf(socket);
        if (!responder) {
            qCWarning(lcHttp) << "An answer was deferred outside its request's handler: the"
                                 " connection is not paused";
            return;
        }
        m_held[socket] = std::make_unique<QHttpServerResponder>(std::move(*responder));
    }
#endif
}

void HttpFront::resumeReading(QTcpSocket *socket)
{
    auto it = m_paused.find(socket);
    if (it == m_paused.end() || --it.value() > 0)
        return;
    m_paused.erase(it);
    if (m_detached.contains(socket))
        return; // taken out for good meanwhile (a stream): never handed back
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    if (!m_unread.remove(socket) || !m_listener
        || socket->state() != QAbstractSocket::ConnectedState)
        return;
    // Handed back as a new connection: QtHttpServer connects its reader again, with a fresh
    // request parser, and reads what was pipelined meanwhile.
    disconnect(socket, &QObject::destroyed, this, nullptr);
    m_listener->readopt(socket);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(socket, &QAbstractSocket::readyRead, Qt::QueuedConnection);
#else
    // The responder goes: Qt's handler reads on, what was pipelined meanwhile first (or, if the
    // connection closed, frees it and its socket).
    m_held.erase(socket);
#endif
}

void HttpFront::dispatch(const QHttpServerRequest &request, QTcpSocket *socket, int route,
                         const QHash<QString, QString> &pathArgs)
{
    if (route < 0 || route >= m_routes.size())
        return resumeReading(socket);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    QHttpServerResponder responder = makeResponder(request, socket);
#else
    // The request's own responder, kept while it was paused; it goes at the end of this
    // function unless the handler keeps it again (defers again, or streams).
    std::unique_ptr<QHttpServerResponder> held;
    const auto it = m_held.find(socket);
    if (it == m_held.end() || m_detached.contains(socket))
        return resumeReading(socket);
    held = std::move(it->second);
    m_held.erase(it);
    QHttpServerResponder &responder = *held;
#endif
    const Http::ConnectionScope connection(responder, socket);
    HttpRequest req {request, socket, pathArgs};
    req.front = this;
    req.route = route;
    run(m_routes.at(route), req, responder);
    resumeReading(socket); // the deferred answer this replaces; a new deferral holds it paused
}

void HttpFront::detach(const HttpRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = request.socket;
    HttpFront *front = request.front;
    if (!socket || !front || front->m_detached.contains(socket))
        return;
    front->m_detached.insert(socket);
    connect(socket, &QObject::destroyed, front, &HttpFront::forgetConnection, Qt::UniqueConnection);
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    Q_UNUSED(responder);
    QObject::disconnect(socket, &QTcpSocket::readyRead, front, nullptr);
#else
    if (front->m_held.count(socket) == 0) // else paused: its responder is kept already
        front->m_held[socket] = std::make_unique<QHttpServerResponder>(std::move(responder));
    // Released when the connection closes: Qt then deletes its handler and the socket.
    connect(socket, &QTcpSocket::disconnected, front,
            [front, socket] { front->m_held.erase(socket); });
#endif
}
