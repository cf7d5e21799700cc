#include "deferredreply.h"

#include "http/httpfront.h"
#include "http/httputil.h"

#include <QJsonObject>
#include <QTcpSocket>

struct DeferredReply::State
{
    QPointer<QTcpSocket> socket;
    QPointer<HttpFront> front;
    const QHttpServerRequest *request = nullptr; // QtHttpServer's; alive while socket is
    QHash<QString, QString> pathArgs;
    int route = -1;
    bool head = false;
    bool done = false;

    ~State()
    {
        if (!done && socket && front)
            finish(500, "application/json", R"({"error":"the answer was lost"})", {});
    }

    void finish(int status, const QByteArray &contentType, const QByteArray &body,
                const Headers &headers)
    {
        done = true;
        if (!socket || !front)
            return;
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->write(Http::responseBytes(status, contentType, body, headers, head, false));
        front->resumeReading(socket);
    }
};

DeferredReply::DeferredReply(const HttpRequest &req) : m_state(std::make_shared<State>())
{
    m_state->socket = req.socket;
    m_state->front = req.front;
    m_state->request = &req.http;
    m_state->pathArgs = req.pathArgs;
    m_state->route = req.route;
    m_state->head = req.method() == QHttpServerRequest::Method::Head;
    if (req.front && req.socket)
        req.front->pauseReading(req.socket);
}

bool DeferredReply::isConnected() const
{
    return m_state->socket && m_state->socket->state() == QAbstractSocket::ConnectedState;
}

bool DeferredReply::isHead() const
{
    return m_state->head;
}

void DeferredReply::send(int status, const QByteArray &contentType, const QByteArray &body,
                         const Headers &headers)
{
    if (!m_state->done)
        m_state->finish(status, contentType, body, headers);
}

void DeferredReply::sendJson(const QJsonValue &value, int status)
{
    const Http::JsonAnswer answer = Http::jsonAnswer(value, status);
    send(answer.status, "application/json", answer.body, answer.headers);
}

void DeferredReply::sendError(int status, const QString &message)
{
    sendJson(QJsonObject {{QStringLiteral("error"), message}}, status);
}

void DeferredReply::sendDatabaseError(const QString &error)
{
    const Http::JsonAnswer answer = Http::databaseErrorAnswer(error);
    send(answer.status, "application/json", answer.body, answer.headers);
}

void DeferredReply::dispatch()
{
    State &s = *m_state;
    if (s.done)
        return;
    s.done = true;
    if (!s.socket || !s.front || s.socket->state() != QAbstractSocket::ConnectedState) {
        if (s.socket && s.front)
            s.front->resumeReading(s.socket);
        return;
    }
    s.front->dispatch(*s.request, s.socket, s.route, s.pathArgs);
}
