#pragma once

#include <QHttpServerResponder>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

class QTcpSocket;

// Small helpers every route uses to answer in AceHub's one JSON shape.
namespace Http {

using Status = QHttpServerResponder::StatusCode;

// Writes a complete response. While a HEAD request is being handled (see HeadScope) only the
// status line and headers go out, with the Content-Length the body would have had.
void send(QHttpServerResponder &responder, Status status, const QByteArray &contentType,
          const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});

// Status line and headers only, exactly these (no Content-Length): a HEAD answered without
// knowing the length, a 304.
void sendHead(QHttpServerResponder &responder, Status status,
              const QList<QPair<QByteArray, QByteArray>> &headers);

// A complete answer written straight to a socket the router no longer drives (a stream that
// failed to start, an answer built on a worker thread): "Connection: close", then closed once
// written. headOnly: the headers with the body's Content-Length, no body.
void writeAndClose(QTcpSocket *socket, int status, const QByteArray &contentType,
                   const QByteArray &body,
                   const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {},
                   bool headOnly = false);
QByteArray reasonPhrase(int status);
// The bytes of a complete answer (headOnly: without the body; close: "Connection: close").
QByteArray responseBytes(int status, const QByteArray &contentType, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &extraHeaders, bool headOnly,
                         bool close);

// Set by the router around a handler: the connection the responder answers on. Qt 6.5+ gives a
// responder no socket, and its writes cannot answer a HEAD with the body's Content-Length, so
// there AceHub writes its answers into the socket itself.
class ConnectionScope
{
public:
    ConnectionScope(QHttpServerResponder &responder, QTcpSocket *socket);
    ~ConnectionScope();
    Q_DISABLE_COPY_MOVE(ConnectionScope)
    // The socket of the responder being handled, or null.
    static QTcpSocket *socketOf(const QHttpServerResponder &responder);
    // The responder of the request being handled on this socket, or null (HttpFront takes it
    // to pause a connection on Qt 6.5+).
    static QHttpServerResponder *responderOf(const QTcpSocket *socket);

private:
    QHttpServerResponder *m_previousResponder;
    QTcpSocket *m_previousSocket;
};

// Set by the router around a HEAD request's handler.
class HeadScope
{
public:
    explicit HeadScope(bool head);
    ~HeadScope();
    static bool active();

private:
    bool m_previous;
};

void sendJson(QHttpServerResponder &responder, const QJsonValue &value, Status status = Status::Ok);
// {"error": message} with the status; errors are short, for a person reading a log or a UI.
void sendError(QHttpServerResponder &responder, Status status, const QString &message);
void sendText(QHttpServerResponder &responder, Status status, const QString &text);
// A complete JSON answer, for the responder or for a late answer (DeferredReply).
struct JsonAnswer
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // Cache-Control, Retry-After
};
JsonAnswer jsonAnswer(const QJsonValue &value, int status = 200);
// A failed database statement: 503 + Retry-After: 2 when another connection (an import) held
// the lock ("database is locked", see Database::isBusy), else 500 with the error text.
JsonAnswer databaseErrorAnswer(const QString &error);
void sendDatabaseError(QHttpServerResponder &responder, const QString &error);

// Parses a non-negative integer query value; nullopt-like false when absent or malformed.
bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *out);

} // namespace Http
