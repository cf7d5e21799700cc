#include "streamplayer.h"

StreamPlayer::StreamPlayer(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &StreamPlayer::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_neverRead && m_socket.isOpen())
            onReadyRead();
        m_closed = true;
        Q_EMIT closed();
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.state() == QAbstractSocket::UnconnectedState && !m_closed) {
            m_closed = true;
            Q_EMIT closed();
        }
    });
}

void StreamPlayer::open(const QUrl &url, const QByteArray &method,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    m_clock.start();
    if (m_neverRead)
        m_socket.setReadBufferSize(1);
    m_socket.connectToHost(url.host(), quint16(url.port(80)));
    QByteArray request = method + ' ' + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
                         + " HTTP/1.1\r\nHost: " + url.host().toLatin1()
                         + "\r\nUser-Agent: StreamPlayer/1.0\r\n";
    for (const auto &h : headers)
        request += h.first + ": " + h.second + "\r\n";
    m_socket.write(request + "\r\n");
}

void StreamPlayer::close()
{
    m_socket.abort();
}

QByteArray StreamPlayer::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void StreamPlayer::onReadyRead()
{
    if (m_neverRead)
        return;
    QByteArray data = m_socket.readAll();
    if (!m_headersDone) {
        m_head += data;
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_head.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        m_status = statusLine.value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        data = m_head.mid(end + 4);
        m_head.clear();
        m_headersDone = true;
        m_headersMs = m_clock.elapsed();
        Q_EMIT headersReceived();
    }
    if (data.isEmpty())
        return;
    if (m_firstByteMs < 0)
        m_firstByteMs = m_clock.elapsed();
    m_bodyBytes += data.size();
    if (m_keepBody)
        m_body += data;
    Q_EMIT bodyReceived(m_bodyBytes);
}
