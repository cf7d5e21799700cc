#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <memory>

class HttpFront;
class QHttpServerRequest;
class QTcpSocket;
struct HttpRequest;

// An answer given after the route handler has returned: work done on a worker thread, a
// password checked off the server thread. Creating one stops the HTTP server reading that
// connection, so a request pipelined behind this one is not parsed nor answered before it;
// send() writes the answer and hands the connection back, and whatever was pipelined is then
// answered after it, in order (keep-alive as usual).
//
// A copyable handle: every copy shares one answer (the first send() wins). The last copy gone
// without an answer sends a 500, so a connection is never left hanging. Server thread only.
//
// Everything that depends on QtHttpServer's internals lives here and in HttpFront's
// pauseReading / resumeReading / dispatch: on Qt 6.4 the server's readyRead connection is cut
// and the socket is handed back to the server as a fresh connection (the request object
// QtHttpServer keeps for the socket stays untouched meanwhile, so dispatch() can run the route on
// it). Qt 6.8 has no QHttpServerResponder::socket() and a moved-out responder kept alive pauses
// reading by itself: there this class would keep the responder and write through it.
class DeferredReply final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // Pauses reading req's connection until this reply is answered.
    explicit DeferredReply(const HttpRequest &req);

    // False once the client has gone (answering is then a no-op).
    bool isConnected() const;
    bool isHead() const;

    // The complete answer. While a HEAD request is answered, only the headers go out (with the
    // body's Content-Length).
    void send(int status, const QByteArray &contentType, const QByteArray &body,
              const Headers &headers = {});
    // As Http::sendJson / sendError / sendDatabaseError.
    void sendJson(const QJsonValue &value, int status = 200);
    void sendError(int status, const QString &message);
    void sendDatabaseError(const QString &error);

    // Runs the route that matched the request again, now, as though it had just arrived, guards
    // included - e.g. once an uncached password was verified on a worker (the guard then finds
    // it remembered and lets it through). The handler answers through an ordinary responder, or
    // defers again.
    void dispatch();

private:
    struct State;
    std::shared_ptr<State> m_state;
};
