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
    // A kept responder points at QtHttpServer's connection handler, which the base class
    // deletes: the responders go first.
    m_detached.clear();
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool HttpFront::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    dispatch(request, socket, responder);
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
    dispatch(request, socket, responder);
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

void HttpFront::detach(const HttpRequest &request, QHttpServerResponder &responder)
{
    QTcpSocket *socket = request.socket;
    HttpFront *front = request.front;
    if (!socket || !front)
        return;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    Q_UNUSED(responder);
    QObject::disconnect(socket, &QTcpSocket::readyRead, front, nullptr);
#else
    if (socket->state() != QAbstractSocket::ConnectedState)
        return; // Qt frees the connection when the responder goes, at the end of the request
    front->m_detached[socket] = std::make_unique<QHttpServerResponder>(std::move(responder));
    // Released when the connection closes: Qt then deletes its handler and the socket.
    connect(socket, &QTcpSocket::disconnected, front,
            [front, socket] { front->m_detached.erase(socket); });
#endif
}

void HttpFront::dispatch(const QHttpServerRequest &request, QTcpSocket *socket,
                         QHttpServerResponder &responder)
{
    const Http::ConnectionScope connection(responder, socket);
    // Matched percent-encoded, so that an argument may hold an encoded '/' (a stream key such
    // as url%3Ahttp%3A%2F%2F…); each argument is then decoded once.
    const QString path = request.url().path(QUrl::FullyEncoded);
    Methods allowed;
    for (const Route &r : m_routes) {
        QHash<QString, QString> args;
        if (!matchPath(r.pattern, r.argNames, path, &args))
            continue;
        if (!r.methods.testFlag(request.method())) {
            allowed |= r.methods;
            continue;
        }
        HttpRequest req {request, socket, std::move(args)};
        req.front = this;
        const Http::HeadScope head(request.method() == Method::Head);
        if (r.access == Access::Admin && m_adminGuard && !m_adminGuard(req, responder))
            return;
        if (r.access == Access::Public) {
            const auto guard = m_routeGuards.constFind(r.source);
            if (guard != m_routeGuards.cend() && !(*guard)(req, responder))
                return;
        }
        r.handler(req, responder);
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
