#include "socketsink.h"

#include "httpfront.h"
#include "httplistener.h"
#include "httputil.h"

#include <QHttpServerResponder>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <sys/types.h>
#endif

SocketSink *SocketSink::take(const HttpRequest &request, QHttpServerResponder &responder,
                             const Head &head)
{
    QTcpSocket *socket = request.socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    // From here on the socket carries only our bytes: the server must not parse anything else
    // the player sends, or a stray request would be answered inside the stream.
    HttpFront::detach(request, responder);
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    HttpListener::markStreaming(socket);
    return new SocketSink(socket, QString::fromUtf8(request.http.value("User-Agent")), head);
}

SocketSink *SocketSink::take(const HttpRequest &request, QHttpServerResponder &responder)
{
    return take(request, responder, Head());
}

SocketSink::SocketSink(QTcpSocket *socket, const QString &userAgent, const Head &head)
    : StreamSink(socket->peerAddress().toString(), userAgent), m_socket(socket), m_head(head)
{
    // Whatever the player sends from now on is read and ignored.
    connect(socket, &QTcpSocket::readyRead, this, [this] {
        if (m_socket && m_socket->isOpen() && m_socket->bytesAvailable() > 0)
            m_socket->skip(m_socket->bytesAvailable());
    });
    const auto gone = [this] {
        m_closing = true;
        notifyGone();
    };
    connect(socket, &QTcpSocket::disconnected, this, gone);
    connect(socket, &QObject::destroyed, this, gone);
    // QTcpSocket writes one queued chunk per write notification, so a joiner handed the stream
    // since the last keyframe (a dozen chunks) or a player catching up took as many event-loop
    // passes, each polling every player's socket. Once the kernel takes bytes again, hand it
    // all that is queued, until it would block.
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket && m_socket->bytesToWrite() > 0)
            m_socket->flush();
    });
}

SocketSink::~SocketSink()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        if (!m_closing)
            m_socket->abort();
    }
}

void SocketSink::writeHead()
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + m_head.contentType
                      + "\r\nCache-Control: no-cache, no-store\r\n"
                        "Access-Control-Allow-Origin: *\r\n"
                        "Connection: close\r\n";
    for (const auto &h : std::as_const(m_head.extraHeaders))
        head += h.first + ": " + h.second + "\r\n";
    head += "\r\n";
    // Straight to the kernel like the stream's bytes: queued in Qt, the head (and so every
    // chunk behind it) would wait for the next event-loop pass.
    writeBytes(head, 0);
}

void SocketSink::writeBytes(const QByteArray &chunk, qsizetype offset)
{
    const qsizetype size = chunk.size() - offset;
#ifdef Q_OS_UNIX
    // The fast path: nothing queued in Qt, so hand the bytes to the kernel now. QTcpSocket would
    // otherwise queue them, arm a write notifier and write on the next loop pass: a poll, two
    // notifier toggles and a buffer append per chunk per player.
    if (m_socket->bytesToWrite() == 0) {
        const qintptr fd = m_socket->socketDescriptor();
        const ssize_t n = ::send(int(fd), chunk.constData() + offset, size_t(size),
                                 MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n == size)
            return;
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                close(true); // the player is gone (EPIPE, ECONNRESET)
                return;
            }
        } else {
            offset += n;
        }
    }
#endif
    if (offset == 0)
        m_socket->write(chunk); // shared with every other player's queue, not copied
    else
        m_socket->write(chunk.constData() + offset, chunk.size() - offset);
}

void SocketSink::fail(int status, const QString &text)
{
    if (!isOpen())
        return;
    Http::writeAndClose(m_socket, status, "text/plain; charset=utf-8", text.toUtf8() + '\n');
    m_closing = true;
}

void SocketSink::close(bool abort)
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    if (!abort) {
        m_socket->disconnectFromHost(); // flushes what is queued, then closes
        return;
    }
#ifdef Q_OS_UNIX
    // A reset, not a FIN behind megabytes the player will never read: with a zero linger the
    // kernel drops the queue and frees the connection at once.
    const struct linger reset = {1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
#endif
    m_socket->abort();
}
