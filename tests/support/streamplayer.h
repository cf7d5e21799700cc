#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>
#include <QUrl>

// A player for stream tests on a raw socket: one request, then the status line, the headers
// and the close-delimited body as they arrive. It can keep the body, or refuse to read at all
// (a player that stalls), so tests see exactly what went over the wire.
class StreamPlayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamPlayer)

public:
    explicit StreamPlayer(QObject *parent = nullptr);

    void setKeepBody(bool keep) { m_keepBody = keep; }
    // A player that never reads: Qt stops taking bytes from the kernel, whose buffers fill.
    void setNeverRead(bool neverRead) { m_neverRead = neverRead; }
    void open(const QUrl &url, const QByteArray &method = "GET",
              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void close();

    bool headersDone() const { return m_headersDone; }
    int status() const { return m_status; }
    QByteArray header(const QByteArray &name) const;
    QByteArray body() const { return m_body; } // when kept
    qint64 bodyBytes() const { return m_bodyBytes; }
    bool isClosed() const { return m_closed; }
    qint64 firstByteMs() const { return m_firstByteMs; } // -1 until the first body byte
    qint64 headersMs() const { return m_headersMs; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    QTcpSocket *socket() { return &m_socket; }

Q_SIGNALS:
    void headersReceived();
    void bodyReceived(qint64 total);
    void closed();

private:
    void onReadyRead();

    QTcpSocket m_socket;
    QElapsedTimer m_clock;
    QByteArray m_head;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    bool m_keepBody = false;
    bool m_neverRead = false;
    bool m_headersDone = false;
    bool m_closed = false;
    int m_status = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_firstByteMs = -1;
    qint64 m_headersMs = -1;
};
