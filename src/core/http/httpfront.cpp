#include "httpfront.h"

#include "httplistener.h"
#include "httputil.h"
#include "log/logger.h"

#include <QMetaEnum>
#include <QTcpSocket>

HttpFront::HttpFront(QObject *parent) : QAbstractHttpServer(parent) { }

void HttpFront::route(Methods methods, const QString &pattern, Access access, Handler handler)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString regex;
    QStringList names;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        regex += QRegularExpression::escape(pattern.mid(last, m.capturedStart() - last));
        regex += QStringLiteral("([^/]+)");
        names << m.captured(1);
        last = m.capturedEnd();
    }
    regex += QRegularExpression::escape(pattern.mid(last));
    m_routes.append({methods, QRegularExpression(QRegularExpression::anchoredPattern(regex)), names,
                     access, std::move(handler)});
}

bool HttpFront::listenOn(const QHostAddress &address, quint16 port, const Limits &limits,
                         QString *error)
{
    auto *listener = new HttpListener(limits.maxConnections, limits.idleTimeoutSeconds,
                                      limits.maxRequestBytes, this);
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
        const auto match = r.pattern.match(path);
        if (!match.hasMatch())
            continue;
        if (!r.methods.testFlag(request.method())) {
            allowed |= r.methods;
            continue;
        }
        HttpRequest req {request, socket, {}, this};
        for (int i = 0; i < r.argNames.size(); ++i)
            req.pathArgs.insert(r.argNames.at(i),
                                QUrl::fromPercentEncoding(match.captured(i + 1).toUtf8()));
        const Http::HeadScope head(request.method() == Method::Head);
        if (r.access == Access::Admin && m_adminGuard && !m_adminGuard(req, responder))
            return;
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
