#include "httplistener.h"

#include "log/logger.h"

#include <QTcpSocket>

HttpListener::HttpListener(int maxConnections, int idleTimeoutSeconds, QObject *parent)
    : QTcpServer(parent), m_maxConnections(maxConnections),
      m_idleTimeoutMs(qint64(idleTimeoutSeconds) * 1000)
{
    m_clock.start();
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
        static const QByteArray body = "{\"error\":\"too many connections\"}";
        socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                      "Connection: close\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    m_lastActivity.insert(socket, m_clock.elapsed());
    auto touch = [this, socket] { m_lastActivity[socket] = m_clock.elapsed(); };
    connect(socket, &QTcpSocket::readyRead, this, touch);
    connect(socket, &QTcpSocket::bytesWritten, this, touch);
    connect(socket, &QObject::destroyed, this,
            [this](QObject *object) { m_lastActivity.remove(object); });
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
    for (auto it = m_lastActivity.cbegin(); it != m_lastActivity.cend(); ++it) {
        if (now - it.value() > m_idleTimeoutMs && !it.key()->property(kStreamingProperty).toBool())
            idle << static_cast<QTcpSocket *>(it.key());
    }
    for (QTcpSocket *socket : idle) {
        qCDebug(lcHttp) << "Closing idle connection from" << socket->peerAddress().toString();
        m_lastActivity.remove(socket); // counted as closed now; the server deletes it later
        socket->abort();
        socket->deleteLater();
    }
}
