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
    bool present = false;
    for (const auto &h : req.http.headers()) {
        present = present || h.first.compare("Authorization", Qt::CaseInsensitive) == 0
                  || (h.first.compare("Cookie", Qt::CaseInsensitive) == 0
                      && h.second.contains("acehub_session="));
    }
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

bool HttpFront::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
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
        return true;
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
        return true;
    }
    const Http::HeadScope head(request.method() == Method::Head);
    Http::sendError(responder, Http::Status::NotFound,
                    QStringLiteral("not found: ") + request.url().path());
    return true;
}

void HttpFront::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
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

void HttpFront::pauseReading(QTcpSocket *socket)
{
    if (m_paused[socket]++ > 0)
        return;
    if (!m_detached.contains(socket)) {
        // QtHttpServer reads the socket only on readyRead: cut that, and the bytes of a
        // pipelined request wait in the socket until the connection is handed back.
        QObject::disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        m_detached.insert(socket);
        connect(socket, &QObject::destroyed, this, [this](QObject *object) {
            m_paused.remove(object);
            m_detached.remove(object);
        });
    }
}

void HttpFront::resumeReading(QTcpSocket *socket)
{
    auto it = m_paused.find(socket);
    if (it == m_paused.end() || --it.value() > 0)
        return;
    m_paused.erase(it);
    if (!m_detached.remove(socket) || !m_listener
        || socket->state() != QAbstractSocket::ConnectedState)
        return;
    // Handed back as a new connection: QtHttpServer connects its reader again, with a fresh
    // request parser, and reads what was pipelined meanwhile.
    disconnect(socket, &QObject::destroyed, this, nullptr);
    m_listener->readopt(socket);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(socket, &QAbstractSocket::readyRead, Qt::QueuedConnection);
}

void HttpFront::dispatch(const QHttpServerRequest &request, QTcpSocket *socket, int route,
                         const QHash<QString, QString> &pathArgs)
{
    if (route < 0 || route >= m_routes.size())
        return resumeReading(socket);
    QHttpServerResponder responder = makeResponder(request, socket);
    HttpRequest req {request, socket, pathArgs};
    req.front = this;
    req.route = route;
    run(m_routes.at(route), req, responder);
    resumeReading(socket); // the deferred answer this replaces; a new deferral holds it paused
}
