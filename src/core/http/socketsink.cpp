#include "socketsink.h"

#include "httpfront.h"
#include "httplistener.h"
#include "httputil.h"

#include <QHttpServerResponder>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {

// Queued chunks handed to the kernel by one sendmsg(2) when a player catches up.
constexpr int kMaxIovecs = 32;

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

} // namespace

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
    // While it waits for the stream, whatever the player sends is read and ignored.
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
}

SocketSink::~SocketSink()
{
    if (m_fd >= 0) {
        closeDescriptor(!m_closeWhenDrained);
    } else if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        if (!m_closing)
            m_socket->abort();
    }
}

qint64 SocketSink::bytesQueued() const
{
    if (m_fd >= 0)
        return m_queued;
    return m_socket ? m_socket->bytesToWrite() : 0;
}

bool SocketSink::isOpen() const
{
    return !m_closing && (m_fd >= 0 || m_socket);
}

bool SocketSink::takeDescriptor()
{
    const int fd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return false; // out of descriptors: the player is closed
    m_fd = fd;
    HttpListener::handOver(m_socket, this);
    disconnect(m_socket, nullptr, this, nullptr);
    // Qt closes its descriptor and the server forgets the connection; ours keeps it open.
    std::exchange(m_socket, nullptr)->abort();
    m_writable = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
    m_writable->setEnabled(false);
    connect(m_writable, &QSocketNotifier::activated, this, [this] {
        if (drain() && m_queue.empty() && m_closeWhenDrained)
            peerGone();
    });
    return true;
}

void SocketSink::writeHead()
{
    if (!takeDescriptor()) {
        close(true);
        return;
    }
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: " + m_head.contentType
                      + "\r\nCache-Control: no-cache, no-store\r\n"
                        "Access-Control-Allow-Origin: *\r\n"
                        "Connection: close\r\n";
    for (const auto &h : std::as_const(m_head.extraHeaders))
        head += h.first + ": " + h.second + "\r\n";
    head += "\r\n";
    writeBytes(head, 0);
}

void SocketSink::writeBytes(const QByteArray &chunk, qsizetype offset)
{
    if (m_fd < 0 || m_closing)
        return;
    if (m_queue.empty()) {
        // The fast path: nothing queued, so the kernel takes the bytes now.
        const qsizetype size = chunk.size() - offset;
        const ssize_t n = ::send(m_fd, chunk.constData() + offset, size_t(size),
                                 MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n == size)
            return;
        if (n < 0 && !wouldBlock(errno)) {
            peerGone(); // EPIPE, ECONNRESET: the player hung up
            return;
        }
        if (n > 0)
            offset += n;
    }
    m_queue.push_back({chunk, offset});
    m_queued += chunk.size() - offset;
    m_writable->setEnabled(true);
}

bool SocketSink::drain()
{
    while (!m_queue.empty()) {
        iovec iov[kMaxIovecs];
        int count = 0;
        for (auto it = m_queue.cbegin(); it != m_queue.cend() && count < kMaxIovecs;
             ++it, ++count) {
            iov[count].iov_base = const_cast<char *>(it->bytes.constData() + it->offset);
            iov[count].iov_len = size_t(it->bytes.size() - it->offset);
        }
        msghdr message = {};
        message.msg_iov = iov;
        message.msg_iovlen = size_t(count);
        ssize_t n = ::sendmsg(m_fd, &message, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0) {
            if (wouldBlock(errno))
                return true;
            peerGone();
            return false;
        }
        m_queued -= n;
        while (n > 0) {
            Pending &front = m_queue.front();
            const qsizetype left = front.bytes.size() - front.offset;
            if (n < left) {
                front.offset += n;
                return true; // the kernel is full for now
            }
            n -= left;
            m_queue.pop_front();
        }
    }
    m_writable->setEnabled(false);
    return true;
}

void SocketSink::checkPeer()
{
    if (m_fd < 0 || m_closing)
        return;
    // A hang-up reads as end of file (or a reset); bytes the player sends are read and ignored.
    char discard[4096];
    for (;;) {
        const ssize_t n = ::recv(m_fd, discard, sizeof discard, MSG_DONTWAIT);
        if (n > 0)
            continue;
        if (n == 0 || !wouldBlock(errno))
            peerGone();
        return;
    }
}

void SocketSink::fail(int status, const QString &text)
{
    if (!isOpen())
        return;
    if (m_fd >= 0) { // not expected: a started stream is closed, not failed
        close(true);
        return;
    }
    Http::writeAndClose(m_socket, status, "text/plain; charset=utf-8", text.toUtf8() + '\n');
    m_closing = true;
}

void SocketSink::close(bool abort)
{
    if (m_closing)
        return;
    if (m_fd < 0) {
        if (!m_socket)
            return;
        m_closing = true;
        if (abort)
            m_socket->abort();
        else
            m_socket->disconnectFromHost(); // flushes what is queued, then closes
        return;
    }
    if (!abort && !m_queue.empty()) {
        m_closing = true; // no more writes; gone once the queue is in the kernel
        m_closeWhenDrained = true;
        return;
    }
    m_closeWhenDrained = !abort;
    peerGone();
}

void SocketSink::peerGone()
{
    m_closing = true;
    closeDescriptor(!m_closeWhenDrained);
    notifyGone();
}

void SocketSink::closeDescriptor(bool reset)
{
    if (m_fd < 0)
        return;
    // Not deleted here: this may run inside the notifier's own activated().
    m_writable->setEnabled(false);
    std::exchange(m_writable, nullptr)->deleteLater();
    if (reset) {
        // A reset, not a FIN behind megabytes the player will never read: with a zero linger
        // the kernel drops the queue and frees the connection at once.
        const struct linger zero = {1, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &zero, sizeof zero);
    } else {
        // Unread bytes from the player would turn the close into a reset, cutting the tail of
        // the stream: read them first.
        char discard[4096];
        while (::recv(m_fd, discard, sizeof discard, MSG_DONTWAIT) > 0) { }
    }
    ::close(std::exchange(m_fd, -1));
    m_queue.clear();
    m_queued = 0;
}
