#pragma once

#include "stream/streamsink.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <deque>

class QHttpServerResponder;
struct HttpRequest;

// A player's connection as a stream sink, taken over from QtHttpServer (HttpFront::detach, on Qt
// 6.4 and 6.8+ alike). Until the stream starts it answers through the server's QTcpSocket (an
// error status, or the player hanging up while it waits). When the stream starts it takes the
// connection's descriptor for itself (a duplicate; Qt's socket is then closed and the server
// forgets it, while HttpListener keeps counting the connection until the sink is gone) and
// writes the head and the stream's bytes with send(2): straight to the kernel while it takes
// them, else onto its own queue of shared chunks, drained when the descriptor is writable.
// Why not QTcpSocket: it keeps a read notifier on every connection, so with a thousand players
// each pass of the event loop polled a thousand descriptors — about a sixth of AceHub's CPU.
// A sink's descriptor is polled only while it has bytes queued; whether the player hung up is
// seen when a send fails, or by checkPeer() (called once a second) when nothing is sent.
// Any long-lived response can use it (a TS stream, an event stream): the head is configurable.
class SocketSink final : public StreamSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketSink)

public:
    // The success head: "200 OK", Content-Type, Cache-Control: no-cache, no-store,
    // Access-Control-Allow-Origin: *, Connection: close, then extraHeaders.
    struct Head
    {
        QByteArray contentType = "video/mp2t";
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
    };

    // Takes the player's socket out of the responder. Returns null when the player has
    // already gone. The responder must not be used afterwards.
    static SocketSink *take(const HttpRequest &request, QHttpServerResponder &responder,
                            const Head &head);
    static SocketSink *take(const HttpRequest &request, QHttpServerResponder &responder);
    ~SocketSink() override;

    qint64 bytesQueued() const override;
    bool isOpen() const override;
    void fail(int status, const QString &text) override;
    void close(bool abort) override;
    void checkPeer() override;

protected:
    void writeHead() override;
    void writeBytes(const QByteArray &chunk, qsizetype offset) override;

private:
    struct Pending
    {
        QByteArray bytes; // shared with the other players' queues
        qsizetype offset = 0; // what of it the kernel already took
    };

    SocketSink(QTcpSocket *socket, const QString &userAgent, const Head &head);
    // Moves the connection from Qt's socket onto a descriptor of our own (see the class note).
    bool takeDescriptor();
    // Hands the kernel what is queued until it would block. False when the player is gone.
    bool drain();
    void closeDescriptor(bool reset);
    void peerGone();

    QPointer<QTcpSocket> m_socket; // owned by the HTTP server; null once the stream started
    int m_fd = -1; // ours once the stream started
    QSocketNotifier *m_writable = nullptr; // enabled only while m_queue holds bytes
    std::deque<Pending> m_queue;
    qint64 m_queued = 0;
    Head m_head;
    bool m_closing = false;
    bool m_closeWhenDrained = false;
};
