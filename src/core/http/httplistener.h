#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPair>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

// The listening socket of the HTTP front, with what QtHttpServer 6.4 lacks: a cap on open
// connections (the one over it gets a 503 and is closed), a cap on a request's size (413 and
// closed: the server would otherwise buffer any body whole) and an idle timeout (a connection
// with nothing read or written for that long, such as a vanished keep-alive client, is closed).
// A connection handed over to a stream (see markStreaming) is left to the stream's own checks.
class HttpListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)

public:
    // Called by whoever takes a socket out of the request/response cycle (a player's stream):
    // it is then written to outside QTcpSocket's signals and never counted idle.
    static void markStreaming(QTcpSocket *socket);

    HttpListener(int maxConnections, int idleTimeoutSeconds, qint64 maxRequestBytes,
                 QObject *parent = nullptr);

    int openConnections() const { return int(m_connections.size()); }
    // The open connection from this peer address and port, or null (Qt 6.5+ hands a request
    // handler no socket; every one is made here).
    QTcpSocket *connectionFrom(const QHostAddress &address, quint16 port) const;

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void sweep();
    void forget(QObject *socket);

    int m_maxConnections;
    qint64 m_idleTimeoutMs;
    QElapsedTimer m_clock;
    QTimer m_sweepTimer;
    qint64 m_maxRequestBytes;
    struct Connection
    {
        qint64 lastActivityMs = 0; // m_clock time of its last read or write
        qint64 requestBytes = 0; // read since the last answer went out
        QPair<QHostAddress, quint16> peer;
    };
    QHash<QObject *, Connection> m_connections;
    QHash<QPair<QHostAddress, quint16>, QTcpSocket *> m_byPeer;
};
