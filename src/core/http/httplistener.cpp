#include "httplistener.h"

#include "log/logger.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace {

constexpr char kStreamingProperty[] = "acehub_streaming";
constexpr char kListenerProperty[] = "acehub_listener";
// A refused connection gets this long to take its error answer before it is cut.
constexpr qint64 kRefusedGraceMs = 5000;

// Answers with an error the server's parser never sees, then closes.
void refuse(QTcpSocket *socket, const QByteArray &statusLine, const QByteArray &message)
{
    const QByteArray body = "{\"error\":\"" + message + "\"}";
    socket->write("HTTP/1.1 " + statusLine
                  + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->disconnectFromHost();
}

QString addressKey(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4);
    return v4 ? QHostAddress(ip4).toString() : address.toString();
}

// Where the head in buffer ends (just past its empty line), searching from `from`; -1 if it
// does not yet. Lines end in CRLF, or in a bare LF, which the server's parser accepts too.
qsizetype headEnd(const QByteArray &buffer, qsizetype from)
{
    for (qsizetype i = buffer.indexOf('\n', from); i >= 0; i = buffer.indexOf('\n', i + 1)) {
        if (i + 1 < buffer.size() && buffer.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < buffer.size() && buffer.at(i + 1) == '\r' && buffer.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

} // namespace

HttpListener::HttpListener(const Limits &limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{
    m_clock.start();
    // Qt's default backlog of 50 overflows when hundreds of players connect at once: the kernel
    // drops their SYNs and they retry only after 1 s, then 3 s. The kernel caps it at somaxconn.
    setListenBacklogSize(4096);
    setMaxPendingConnections(4096);
    connect(&m_sweepTimer, &QTimer::timeout, this, &HttpListener::sweep);
    const qint64 shortest
            = qMin(qint64(limits.idleTimeoutSeconds), qint64(limits.headTimeoutSeconds));
    m_sweepTimer.start(int(qBound(qint64(250), shortest * 1000 / 4, qint64(30000))));
}

void HttpListener::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    const QString address = addressKey(socket->peerAddress());
    const int fromAddress = m_perAddress.value(address);
    if (openConnections() >= m_limits.maxConnections
        || fromAddress >= m_limits.maxConnectionsPerAddress) {
        const bool total = openConnections() >= m_limits.maxConnections;
        // A flood would flood the log too: one line per second at most, with the count.
        ++m_refusedSinceLog;
        if (!m_refusalLogged.isValid() || m_refusalLogged.elapsed() >= 1000) {
            qCWarning(lcHttp).noquote()
                    << "Refused" << m_refusedSinceLog << "connection(s), the last from" << address
                    << "-"
                    << (total ? QStringLiteral("%1 open (http_max_connections)")
                                        .arg(openConnections())
                              : QStringLiteral("%1 open from that address "
                                               "(http_max_connections_per_address)")
                                        .arg(fromAddress));
            m_refusalLogged.start();
            m_refusedSinceLog = 0;
        }
        refuse(socket, "503 Service Unavailable", "too many connections");
        socket->setReadBufferSize(4096); // whatever it sends is not ours to hold
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kRefusedGraceMs, socket, &QObject::deleteLater);
        return;
    }
    Connection c;
    c.address = address;
    c.lastActivityMs = m_clock.elapsed();
    c.peer = {socket->peerAddress(), socket->peerPort()};
    m_byPeer.insert(c.peer, socket);
    m_connections.insert(socket, c);
    m_perAddress[address] = fromAddress + 1;
    socket->setProperty(kListenerProperty, QVariant::fromValue<QObject *>(this));
    // Connected before the server's own readyRead handler, so this runs first and sees the
    // bytes the server is about to take (QtHttpServer 6.4 reads all there is each time and
    // buffers a whole request, body included, in memory).
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { onBytesWritten(socket); });
    connect(socket, &QObject::destroyed, this, &HttpListener::forget);
    addPendingConnection(socket); // QTcpServer emits newConnection() once this returns
}

void HttpListener::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->refusedAtMs >= 0
        || socket->property(kStreamingProperty).toBool())
        return;
    Connection &c = *it;
    const qint64 now = m_clock.elapsed();
    c.lastActivityMs = now;
    const qint64 available = socket->bytesAvailable();
    c.requestBytes += available;
    m_bufferedBytes += available;
    if (c.requestBytes > m_limits.maxRequestBytes) {
        qCWarning(lcHttp) << "Refused a request of more than" << m_limits.maxRequestBytes / 1024
                          << "KiB from" << c.address << "(http_max_request_mib)";
        refuseRequest(socket, "413 Payload Too Large", "request too large");
        return;
    }
    if (m_bufferedBytes > m_limits.maxBufferedBytes) {
        qCWarning(lcHttp) << "Refused a request from" << c.address << "- unanswered requests hold"
                          << m_bufferedBytes / 1024 << "KiB (http_max_buffered_mib)";
        refuseRequest(socket, "503 Service Unavailable", "server busy");
        return;
    }
    // Body bytes are skipped by their count, never copied: peeking every byte of an upload of
    // many MiB (a restore) was where the server thread spent most of its late turns. Only bytes
    // that may hold a head are looked at.
    qint64 skipped = 0;
    if (!c.inHead && !c.bodyUntilAnswer) {
        skipped = qMin(c.bodyLeft, available);
        c.bodyLeft -= skipped;
        if (c.bodyLeft == 0)
            c.inHead = true;
        if (skipped == available)
            return;
    } else if (!c.inHead) {
        return; // a chunked body: its end is the server's to find
    }
    // Walk the new bytes: a head, then the body it announces, then the next head.
    const QByteArray data = socket->peek(available);
    qsizetype pos = skipped;
    while (pos < data.size()) {
        if (!c.inHead) {
            if (c.bodyUntilAnswer)
                break;
            const qint64 take = qMin(c.bodyLeft, qint64(data.size() - pos));
            c.bodyLeft -= take;
            pos += take;
            if (c.bodyLeft == 0)
                c.inHead = true;
            continue;
        }
        if (c.head.isEmpty()) {
            // Line ends between requests are not the start of a head (RFC 9112, 2.2).
            while (pos < data.size() && (data.at(pos) == '\r' || data.at(pos) == '\n'))
                ++pos;
            if (pos == data.size())
                break;
            c.headStartedMs = now;
        }
        const qsizetype before = c.head.size();
        // One byte over the cap is enough to know it is over.
        c.head.append(data.constData() + pos,
                      qMin(data.size() - pos, qsizetype(kMaxHeadBytes + 1) - before));
        const qsizetype end = headEnd(c.head, qMax<qsizetype>(0, before - 2));
        if (end < 0) {
            if (c.head.size() > kMaxHeadBytes) {
                qCWarning(lcHttp) << "Refused a request head of more than" << kMaxHeadBytes / 1024
                                  << "KiB from" << c.address;
                refuseRequest(socket, "431 Request Header Fields Too Large",
                              "request head too large");
                return;
            }
            break;
        }
        pos += end - before;
        c.head.truncate(end);
        headComplete(c);
    }
}

void HttpListener::headComplete(Connection &c)
{
    const QList<QByteArray> lines = c.head.split('\n');
    bool keepAlive = false;
    bool close = false;
    c.bodyLeft = 0;
    c.bodyUntilAnswer = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed().toLower();
        if (name == "content-length") {
            c.bodyLeft = qMax(qint64(0), value.toLongLong());
        } else if (name == "transfer-encoding") {
            c.bodyUntilAnswer = value.contains("chunked");
        } else if (name == "connection") {
            for (const QByteArray &token : value.split(',')) {
                close = close || token.trimmed() == "close";
                keepAlive = keepAlive || token.trimmed() == "keep-alive";
            }
        }
    }
    const bool http10 = lines.value(0).trimmed().endsWith("HTTP/1.0");
    // Once asked for, it stays: a pipelined request behind a "close" is not answered.
    c.closeAfterAnswer = c.closeAfterAnswer || close || (http10 && !keepAlive);
    c.head = QByteArray();
    c.headStartedMs = -1;
    c.inHead = !c.bodyUntilAnswer && c.bodyLeft == 0;
}

void HttpListener::onBytesWritten(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it;
    c.lastActivityMs = m_clock.elapsed();
    // An answer went out: the next bytes start a new request.
    m_bufferedBytes -= c.requestBytes;
    c.requestBytes = 0;
    if (c.bodyUntilAnswer) {
        c.bodyUntilAnswer = false;
        c.inHead = true;
    }
    if (c.closeAfterAnswer && socket->bytesToWrite() == 0
        && !socket->property(kStreamingProperty).toBool()
        && socket->state() == QAbstractSocket::ConnectedState) {
        qCDebug(lcHttp) << "Closing the connection from" << c.address
                        << "after its answer, as asked";
        socket->disconnectFromHost();
    }
}

void HttpListener::refuseRequest(QTcpSocket *socket, const QByteArray &statusLine,
                                 const QByteArray &message)
{
    Connection &c = m_connections[socket];
    m_bufferedBytes -= c.requestBytes;
    c.requestBytes = 0;
    c.head = QByteArray();
    c.refusedAtMs = m_clock.elapsed();
    // Nobody reads from this socket any more: what is buffered is dropped, and what still comes
    // stays in the kernel (a small read buffer stops Qt reading more).
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    socket->skip(socket->bytesAvailable());
    socket->setReadBufferSize(4096);
    refuse(socket, statusLine, message);
}

void HttpListener::forget(QObject *socket)
{
    const auto it = m_connections.constFind(socket);
    if (it == m_connections.cend())
        return;
    m_bufferedBytes -= it->requestBytes;
    const auto peer = m_byPeer.constFind(it->peer);
    if (peer != m_byPeer.cend() && peer.value() == socket)
        m_byPeer.erase(peer);
    if (--m_perAddress[it->address] <= 0)
        m_perAddress.remove(it->address);
    m_connections.erase(it);
}

void HttpListener::markStreaming(QTcpSocket *socket)
{
    socket->setProperty(kStreamingProperty, true);
}

void HttpListener::handOver(QTcpSocket *socket, QObject *owner)
{
    auto *self
            = qobject_cast<HttpListener *>(socket->property(kListenerProperty).value<QObject *>());
    if (!self)
        return;
    const auto it = self->m_connections.find(socket);
    if (it == self->m_connections.end())
        return;
    Connection c = std::move(*it);
    self->m_connections.erase(it);
    self->m_bufferedBytes -= std::exchange(c.requestBytes, 0);
    const auto peer = self->m_byPeer.constFind(c.peer);
    if (peer != self->m_byPeer.cend() && peer.value() == socket)
        self->m_byPeer.erase(peer);
    c.handedOver = true;
    self->m_connections.insert(owner, c);
    connect(owner, &QObject::destroyed, self, &HttpListener::forget);
}

void HttpListener::sweep()
{
    const qint64 now = m_clock.elapsed();
    const qint64 idleMs = qint64(m_limits.idleTimeoutSeconds) * 1000;
    const qint64 headMs = qint64(m_limits.headTimeoutSeconds) * 1000;
    QList<QTcpSocket *> idle;
    QList<QTcpSocket *> slow;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        const Connection &c = it.value();
        if (c.handedOver)
            continue; // not a socket any more: the stream checks its own player
        auto *socket = static_cast<QTcpSocket *>(it.key());
        if (c.refusedAtMs >= 0) {
            if (now - c.refusedAtMs > kRefusedGraceMs)
                idle << socket; // it never took its error answer
        } else if (socket->property(kStreamingProperty).toBool()) {
            continue;
        } else if (c.inHead && c.headStartedMs >= 0 && now - c.headStartedMs > headMs) {
            slow << socket;
        } else if (now - c.lastActivityMs > idleMs) {
            idle << socket;
        }
    }
    for (QTcpSocket *socket : std::as_const(slow)) {
        qCInfo(lcHttp).noquote() << "Closing a connection from" << m_connections[socket].address
                                 << "whose request head took more than"
                                 << m_limits.headTimeoutSeconds << "s (http_head_timeout_s)";
        refuseRequest(socket, "408 Request Timeout", "request head not complete in time");
    }
    for (QTcpSocket *socket : std::as_const(idle)) {
        qCDebug(lcHttp).noquote() << "Closing idle connection from"
                                  << m_connections[socket].address;
        forget(socket); // counted as closed now; the server deletes it later
        socket->abort();
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        socket->deleteLater();
#endif
    }
}

QTcpSocket *HttpListener::connectionFrom(const QHostAddress &address, quint16 port) const
{
    return m_byPeer.value({address, port}, nullptr);
}
