#include "httputil.h"

#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttpHeaders>
#endif

namespace Http {

namespace {
thread_local bool t_head = false;
thread_local QHttpServerResponder *t_responder = nullptr;
thread_local QTcpSocket *t_socket = nullptr;

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray responseHead(int status, const Headers &headers)
{
    QByteArray head
            = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    return head + "\r\n";
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
// Qt's own writes, for a responder handled outside the router (none is known to be).
void writeThroughQt(QHttpServerResponder &responder, Status status, const Headers &headers,
                    const QByteArray &body)
{
    QHttpHeaders qtHeaders;
    for (const auto &h : headers) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0)
            qtHeaders.append(h.first, h.second);
    }
    responder.write(body, qtHeaders, status);
}
#endif

// The answer's bytes, into the connection.
void writeResponse(QHttpServerResponder &responder, Status status, const Headers &headers,
                   const QByteArray &body)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    responder.writeStatusLine(status);
    for (const auto &h : headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(body);
#else
    QTcpSocket *socket = ConnectionScope::socketOf(responder);
    if (!socket) {
        writeThroughQt(responder, status, headers, body);
        return;
    }
    socket->write(responseHead(int(status), headers) + body);
#endif
}

} // namespace

ConnectionScope::ConnectionScope(QHttpServerResponder &responder, QTcpSocket *socket)
    : m_previousResponder(t_responder), m_previousSocket(t_socket)
{
    t_responder = &responder;
    t_socket = socket;
}

ConnectionScope::~ConnectionScope()
{
    t_responder = m_previousResponder;
    t_socket = m_previousSocket;
}

QTcpSocket *ConnectionScope::socketOf(const QHttpServerResponder &responder)
{
    return t_responder == &responder ? t_socket : nullptr;
}

QHttpServerResponder *ConnectionScope::responderOf(const QTcpSocket *socket)
{
    return socket && t_socket == socket ? t_responder : nullptr;
}

HeadScope::HeadScope(bool head) : m_previous(t_head)
{
    t_head = head;
}

HeadScope::~HeadScope()
{
    t_head = m_previous;
}

bool HeadScope::active()
{
    return t_head;
}

void send(QHttpServerResponder &responder, Status status, const QByteArray &contentType,
          const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    Headers headers {{"Content-Type", contentType},
                     {"Content-Length", QByteArray::number(body.size())}};
    headers += extraHeaders;
    writeResponse(responder, status, headers, t_head ? QByteArray() : body);
}

void sendHead(QHttpServerResponder &responder, Status status, const Headers &headers)
{
    writeResponse(responder, status, headers, QByteArray());
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

QByteArray responseBytes(int status, const QByteArray &contentType, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &extraHeaders, bool headOnly,
                         bool close)
{
    Headers headers {{"Content-Type", contentType},
                     {"Content-Length", QByteArray::number(body.size())}};
    headers += extraHeaders;
    if (close)
        headers.append(qMakePair(QByteArray("Connection"), QByteArray("close")));
    const QByteArray head = responseHead(status, headers);
    return headOnly ? head : head + body;
}

void writeAndClose(QTcpSocket *socket, int status, const QByteArray &contentType,
                   const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders,
                   bool headOnly)
{
    socket->write(responseBytes(status, contentType, body, extraHeaders, headOnly, true));
    socket->disconnectFromHost(); // after the bytes are written
}

JsonAnswer jsonAnswer(const QJsonValue &value, int status)
{
    return {status,
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact),
            {{"Cache-Control", "no-store"}}};
}

JsonAnswer databaseErrorAnswer(const QString &error)
{
    if (!Database::isBusy(error))
        return jsonAnswer(QJsonObject {{QStringLiteral("error"), error}}, 500);
    JsonAnswer answer
            = jsonAnswer(QJsonObject {{QStringLiteral("error"),
                                       QStringLiteral("the catalog is busy importing; try again")}},
                         503);
    answer.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("2")));
    return answer;
}

void sendJson(QHttpServerResponder &responder, const QJsonValue &value, Status status)
{
    const JsonAnswer answer = jsonAnswer(value, int(status));
    send(responder, status, "application/json", answer.body, answer.headers);
}

void sendError(QHttpServerResponder &responder, Status status, const QString &message)
{
    sendJson(responder, QJsonObject {{QStringLiteral("error"), message}}, status);
}

void sendDatabaseError(QHttpServerResponder &responder, const QString &error)
{
    const JsonAnswer answer = databaseErrorAnswer(error);
    send(responder, Status(answer.status), "application/json", answer.body, answer.headers);
}

void sendText(QHttpServerResponder &responder, Status status, const QString &text)
{
    send(responder, status, "text/plain; charset=utf-8", text.toUtf8() + '\n');
}

bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return false;
    *out = v;
    return true;
}

} // namespace Http
