#include "httplistener.h"

#include "log/logger.h"

#include <QTcpSocket>

namespace {

// Answers with an error the server's parser never sees, then closes.
void refuse(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &message)
{
    const QByteArray body = "{\"error\":\"" + message + "\"}";
    socket->write("HTTP/1.1 " + statusLine
                  + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace

HttpListener::HttpListener(int maxConnections, int idleTimeoutSeconds, qint64 maxRequestBytes,
                           QObject *parent)
    : QTcpServer(parent), m_maxConnections(maxConnections),
      m_idleTimeoutMs(qint64(idleTimeoutSeconds) * 1000), m_maxRequestBytes(maxRequestBytes)
{
    m_clock.start();
    // Qt's default backlog of 50 overflows when hundreds of players connect at once: the kernel
    // drops their SYNs and they retry only after 1 s, then 3 s. The kernel caps it at somaxconn.
    setListenBacklogSize(4096);
    setMaxPendingConnections(4096);
    connect(&m_sweepTimer, &QTimer::timeout, this, &HttpListener::sweep);
    m_sweepTimer.start(int(qBound(qint64(1000), m_idleTimeoutMs / 4, qint64(30000))));
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (openConnections() >= m_maxConnections) {
        qCWarning(lcHttp) << "Refused a connection from" << socket->peerAddress().toString()
                          << "- already" << openConnections() << "open (http_max_connections)";
        refuse(socket, "503 Service Unavailable", "too many connections");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    const QPair<QHostAddress, quint16> peer {socket->peerAddress(), socket->peerPort()};
    m_connections.insert(socket, {m_clock.elapsed(), 0, peer});
    m_byPeer.insert(peer, socket);
    // Connected before the server's own readyRead handler, so this runs first and sees the
    // bytes the server is about to take: all of them count towards the request until an
    // answer goes out (QtHttpServer 6.4 buffers a whole request, body included, in memory).
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        Connection &c = m_connections[socket];
        c.lastActivityMs = m_clock.elapsed();
        c.requestBytes += socket->bytesAvailable();
        if (c.requestBytes <= m_maxRequestBytes)
            return;
        qCWarning(lcHttp) << "Refused a request of more than" << m_maxRequestBytes / 1024
                          << "KiB from" << socket->peerAddress().toString()
                          << "(http_max_request_mib)";
        // Nobody reads from this socket any more; what is buffered is dropped.
        QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
        socket->skip(socket->bytesAvailable());
        refuse(socket, "413 Payload Too Large", "request too large");
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
        Connection &c = m_connections[socket];
        c.lastActivityMs = m_clock.elapsed();
        c.requestBytes = 0; // an answer went out: the next bytes start a new request
    });
    connect(socket, &QObject::destroyed, this, [this](QObject *object) { forget(object); });
    addPendingConnection(socket); // QTcpServer emits newConnection() once this returns
}

namespace {
constexpr char kStreamingProperty[] = "acehub_streaming";
}

void HttpListener::markStreaming(QTcpSocket *socket)
{
    socket->setProperty(kStreamingProperty, true);
}

void HttpListener::sweep()
{
    const qint64 now = m_clock.elapsed();
    QList<QTcpSocket *> idle;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (now - it.value().lastActivityMs > m_idleTimeoutMs
            && !it.key()->property(kStreamingProperty).toBool())
            idle << static_cast<QTcpSocket *>(it.key());
    }
    for (QTcpSocket *socket : idle) {
        qCDebug(lcHttp) << "Closing idle connection from" << socket->peerAddress().toString();
        forget(socket); // counted as closed now; the server deletes it later
        socket->abort();
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        socket->deleteLater();
#endif
    }
}

void HttpListener::forget(QObject *socket)
{
    const auto it = m_connections.constFind(socket);
    if (it == m_connections.cend())
        return;
    const auto peer = m_byPeer.constFind(it->peer);
    if (peer != m_byPeer.cend() && peer.value() == socket)
        m_byPeer.erase(peer);
    m_connections.erase(it);
}

QTcpSocket *HttpListener::connectionFrom(const QHostAddress &address, quint16 port) const
{
    return m_byPeer.value({address, port}, nullptr);
}
