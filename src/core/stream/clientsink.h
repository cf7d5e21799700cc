#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTcpSocket>

class QHttpServerResponder;
struct HttpRequest;

// One player's connection, taken over from QtHttpServer. The only class that knows how Qt 6.4
// hands a socket out of a responder (see ARCHITECTURE.md, "QtHttpServer 6.4 facts"): it keeps
// the socket as a QPointer, never the responder, writes the HTTP head itself once data flows
// (or an error status), then pushes the broadcast's bytes straight into the socket.
class ClientSink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientSink)

public:
    // Takes the player's socket out of the responder. Returns null when the player has
    // already gone. The responder must not be used afterwards.
    static ClientSink *take(quint64 id, const HttpRequest &request, QHttpServerResponder &responder,
                            const QString &tag);
    ~ClientSink() override;

    quint64 id() const { return m_id; }
    QString tag() const { return m_tag; }
    QString address() const { return m_address; }
    QString userAgent() const { return m_userAgent; }
    QDateTime connectedAt() const { return m_connectedAt; }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesQueued() const { return m_socket ? m_socket->bytesToWrite() : 0; }
    bool isOpen() const { return m_socket && !m_closing; }
    bool isStreaming() const { return m_streaming; }
    // False until the first byte was written at a TS packet boundary.
    bool isAligned() const { return m_aligned; }
    void setAligned() { m_aligned = true; }

    // Monotonic ms since the queue went over the cap; 0 while under it.
    qint64 overCapSince() const { return m_overCapSince; }
    void setOverCapSince(qint64 ms) { m_overCapSince = ms; }

    // Writes "200 OK" and the stream headers; the body is then close-delimited MPEG-TS.
    void startStream();
    // The same with another content type and header lines (the event stream's).
    void startStream(const QByteArray &contentType,
                     const QList<QPair<QByteArray, QByteArray>> &headers);
    // Writes size bytes of chunk from offset. Full chunks are handed over shared (no copy in
    // AceHub); when the socket's own queue is empty the bytes go to the kernel at once.
    void write(const QByteArray &chunk, qsizetype offset = 0);
    // Before startStream(): answers an error status with a short text and closes.
    void fail(int status, const QString &text);
    // Ends the stream: graceful (flush what is queued) or abort (drop the queue).
    void close(bool abort);

Q_SIGNALS:
    // The player's connection closed (it hung up, or close() finished). Emitted once.
    void gone(quint64 id);

private:
    ClientSink(quint64 id, QTcpSocket *socket, const QString &tag);
    void onGone();

    quint64 m_id;
    QPointer<QTcpSocket> m_socket; // owned by the HTTP server
    QString m_tag;
    QString m_address;
    QString m_userAgent;
    QDateTime m_connectedAt;
    qint64 m_bytesSent = 0;
    qint64 m_overCapSince = 0;
    bool m_streaming = false;
    bool m_aligned = false;
    bool m_closing = false;
    bool m_gone = false;
};
