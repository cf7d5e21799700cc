#pragma once

#include "stream/streamsink.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QTcpSocket>

class QHttpServerResponder;
struct HttpRequest;

// A player's connection as a stream sink, taken over from QtHttpServer (HttpFront::detach, on Qt
// 6.4 and 6.8+ alike): it keeps the socket as a QPointer, never the responder, writes the HTTP
// head itself once data flows (or an error status), then pushes the stream's bytes straight into
// the socket; it closes the socket, never deletes it.
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

    qint64 bytesQueued() const override { return m_socket ? m_socket->bytesToWrite() : 0; }
    bool isOpen() const override { return m_socket && !m_closing; }
    void fail(int status, const QString &text) override;
    void close(bool abort) override;

protected:
    void writeHead() override;
    void writeBytes(const QByteArray &chunk, qsizetype offset) override;

private:
    SocketSink(QTcpSocket *socket, const QString &userAgent, const Head &head);

    QPointer<QTcpSocket> m_socket; // owned by the HTTP server
    Head m_head;
    bool m_closing = false;
};
