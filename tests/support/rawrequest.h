#pragma once

#include <QByteArray>
#include <optional>

// One HTTP/1.1 request as a test server built on QTcpSocket reads it.
struct RawRequest
{
    QByteArray method; // empty for a bad request (request line, Content-Length)
    QByteArray target;
    QByteArray head; // the request line and the headers
    QByteArray body; // as long as Content-Length says
};

// Takes the first whole request (head, and the body its Content-Length announces) off the
// front of what a connection sent so far; nullopt while it has not all arrived.
std::optional<RawRequest> takeRawRequest(QByteArray &buffer);
