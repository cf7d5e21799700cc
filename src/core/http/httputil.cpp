#include "httputil.h"

#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace Http {

namespace {
thread_local bool t_head = false;
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
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &h : extraHeaders)
        responder.writeHeader(h.first, h.second);
    if (t_head)
        responder.writeBody(QByteArray());
    else
        responder.writeBody(body);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
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
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                      + "\r\nContent-Type: " + contentType
                      + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : extraHeaders)
        head += h.first + ": " + h.second + "\r\n";
    head += close ? "Connection: close\r\n\r\n" : "\r\n";
    return headOnly ? head : head + body;
}

void writeAndClose(QTcpSocket *socket, int status, const QByteArray &contentType,
                   const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &extraHeaders,
                   bool headOnly)
{
    socket->write(responseBytes(status, contentType, body, extraHeaders, headOnly, true));
    socket->disconnectFromHost(); // after the bytes are written
}

void sendJson(QHttpServerResponder &responder, const QJsonValue &value, Status status)
{
    const QByteArray body
            = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                              : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    send(responder, status, "application/json", body, {{"Cache-Control", "no-store"}});
}

void sendError(QHttpServerResponder &responder, Status status, const QString &message)
{
    sendJson(responder, QJsonObject {{QStringLiteral("error"), message}}, status);
}

void sendDatabaseError(QHttpServerResponder &responder, const QString &error)
{
    if (Database::isBusy(error)) {
        send(responder, Status::ServiceUnavailable, "application/json",
             QJsonDocument(
                     QJsonObject {{QStringLiteral("error"),
                                   QStringLiteral("the catalog is busy importing; try again")}})
                     .toJson(QJsonDocument::Compact),
             {{"Cache-Control", "no-store"}, {"Retry-After", "2"}});
        return;
    }
    sendError(responder, Status::InternalServerError, error);
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
