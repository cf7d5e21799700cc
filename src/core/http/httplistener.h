#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPair>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

// The listening socket of the HTTP front, with what QtHttpServer 6.4 lacks:
// - a cap on open connections (the one over it gets a 503 and is closed), and a cap per client
//   address, so one host cannot take every slot;
// - a request head of at most kMaxHeadBytes (431 and closed) that must be complete within a
//   deadline counted from its first byte (408 and closed: a slow sender cannot renew it byte by
//   byte);
// - a cap on a request's size (413 and closed: the server would otherwise buffer any body
//   whole), and on the bytes of unanswered requests all connections together hold (503);
// - an idle timeout (a connection with nothing read or written for that long, such as a
//   vanished keep-alive client, is closed);
// - "Connection: close" and HTTP/1.0 without keep-alive: closed once the answer is written.
// It sees every byte before the server's parser does (see incomingConnection). A connection
// handed over to a stream (see markStreaming) is left to the stream's own checks.
class HttpListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)

public:
    static constexpr qint64 kMaxHeadBytes = 64 * 1024;

    struct Limits
    {
        int maxConnections = 2048;
        int maxConnectionsPerAddress = 256;
        int idleTimeoutSeconds = 300;
        int headTimeoutSeconds = 10;
        qint64 maxRequestBytes = 32 * 1024 * 1024;
        qint64 maxBufferedBytes = 128 * 1024 * 1024;
    };

    // Called by whoever takes a socket out of the request/response cycle (a player's stream):
    // it is then written to outside QTcpSocket's signals and never counted idle.
    static void markStreaming(QTcpSocket *socket);
    // Called when a stream takes the connection's descriptor away from the socket (SocketSink):
    // the socket is about to close, but the connection lives on in owner and still counts
    // against the caps until owner is destroyed.
    static void handOver(QTcpSocket *socket, QObject *owner);

    explicit HttpListener(const Limits &limits, QObject *parent = nullptr);

    int openConnections() const { return int(m_connections.size()); }
    int openConnections(const QString &address) const { return m_perAddress.value(address); }
    // Bytes of unanswered requests (heads and bodies) held now.
    qint64 bufferedBytes() const { return m_bufferedBytes; }
    // The open connection from this peer address and port, or null (Qt 6.5+ hands a request
    // handler no socket; every one is made here).
    QTcpSocket *connectionFrom(const QHostAddress &address, quint16 port) const;
    // Hands a connection the HTTP server stopped reading back to it (see DeferredReply).
    void readopt(QTcpSocket *socket) { addPendingConnection(socket); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Connection
    {
        QString address;
        qint64 lastActivityMs = 0; // m_clock time of its last read or write
        qint64 requestBytes = 0; // read since the last answer went out
        // The head being read: its bytes so far (at most kMaxHeadBytes) and when it began.
        bool inHead = true;
        QByteArray head;
        qint64 headStartedMs = -1;
        qint64 bodyLeft = 0; // body bytes still expected after a head with Content-Length
        bool bodyUntilAnswer = false; // chunked: counted as request bytes until the answer
        bool closeAfterAnswer = false;
        qint64 refusedAtMs = -1; // an error answer was sent: nothing more is read
        QPair<QHostAddress, quint16> peer; // finds it for connectionFrom()
        bool handedOver = false; // the key is a stream that took the connection (handOver)
    };
    void onReadyRead(QTcpSocket *socket);
    void onBytesWritten(QTcpSocket *socket);
    // The head ended: reads what the rest of the request and the connection's end depend on.
    void headComplete(Connection &c);
    void refuseRequest(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &message);
    void forget(QObject *socket);
    void sweep();

    Limits m_limits;
    QElapsedTimer m_clock;
    QTimer m_sweepTimer;
    QHash<QObject *, Connection> m_connections;
    QHash<QString, int> m_perAddress; // open connections by client address
    qint64 m_bufferedBytes = 0; // sum of requestBytes
    QElapsedTimer m_refusalLogged;
    int m_refusedSinceLog = 0;
    QHash<QPair<QHostAddress, quint16>, QTcpSocket *> m_byPeer;
};
