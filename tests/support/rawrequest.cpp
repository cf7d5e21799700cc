#include "rawrequest.h"

#include <QList>

std::optional<RawRequest> takeRawRequest(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    RawRequest request;
    request.head = buffer.left(end);
    qint64 length = 0;
    for (const QByteArray &line : request.head.split('\n')) {
        if (!line.toLower().startsWith("content-length:"))
            continue;
        bool ok = false;
        length = line.mid(15).trimmed().toLongLong(&ok);
        if (!ok || length < 0 || length > (qint64(1) << 30)) {
            buffer.clear(); // nothing after it can be framed: a bad request, the rest dropped
            return request;
        }
    }
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    const qsizetype lineEnd = request.head.indexOf("\r\n");
    const QList<QByteArray> parts
            = (lineEnd < 0 ? request.head : request.head.left(lineEnd)).split(' ');
    if (parts.size() >= 3) {
        request.method = parts.at(0);
        request.target = parts.at(1);
    }
    return request;
}
