#include "clientsink.h"

#include "http/httpfront.h"
#include "http/httplistener.h"
#include "http/httputil.h"
#include "streamsource.h"

#include <QHttpServerResponder>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <sys/types.h>
#endif

ClientSink *ClientSink::take(quint64 id, const HttpRequest &request,
                             QHttpServerResponder &responder, const QString &tag)
{
    QTcpSocket *socket = responder.socket();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return nullptr;
    // From here on the socket carries only our bytes: the server must not parse anything else
    // the player sends, or a stray request would be answered inside the TS stream.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    HttpListener::markStreaming(socket);
    auto *sink = new ClientSink(id, socket, tag);
    sink->m_userAgent = QString::fromUtf8(request.http.value("User-Agent"));
    return sink;
}

ClientSink::ClientSink(quint64 id, QTcpSocket *socket, const QString &tag)
    : m_id(id), m_socket(socket), m_tag(tag), m_address(socket->peerAddress().toString()),
      m_connectedAt(QDateTime::currentDateTimeUtc())
{
    // Whatever the player sends from now on is read and ignored.
    connect(socket, &QTcpSocket::readyRead, this, [this] {
        if (m_socket && m_socket->isOpen() && m_socket->bytesAvailable() > 0)
            m_socket->skip(m_socket->bytesAvailable());
    });
    connect(socket, &QTcpSocket::disconnected, this, &ClientSink::onGone);
    connect(socket, &QObject::destroyed, this, &ClientSink::onGone);
}

ClientSink::~ClientSink()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        if (!m_closing)
            m_socket->abort();
    }
}

void ClientSink::onGone()
{
    if (m_gone)
        return;
    m_gone = true;
    m_closing = true;
    Q_EMIT gone(m_id);
}

void ClientSink::startStream()
{
    startStream("video/mp2t",
                {{"Cache-Control", "no-cache, no-store"}, {"Access-Control-Allow-Origin", "*"}});
}

void ClientSink::startStream(const QByteArray &contentType,
                             const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!isOpen() || m_streaming)
        return;
    m_streaming = true;
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    head += "Connection: close\r\n\r\n";
    m_socket->write(head);
}

void ClientSink::write(const QByteArray &chunk, qsizetype offset)
{
    if (!isOpen())
        return;
    const qsizetype size = chunk.size() - offset;
    if (size <= 0)
        return;
    m_bytesSent += size;
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

void ClientSink::fail(int status, const QString &text)
{
    if (!isOpen())
        return;
    Http::writeAndClose(m_socket, status, "text/plain; charset=utf-8", text.toUtf8() + '\n');
    close(false);
}

void ClientSink::close(bool abort)
{
    if (!m_socket || m_closing)
        return;
    m_closing = true;
    if (abort)
        m_socket->abort();
    else
        m_socket->disconnectFromHost(); // flushes what is queued, then closes
}
