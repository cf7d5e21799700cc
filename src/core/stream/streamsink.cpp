#include "streamsink.h"

StreamSink::StreamSink(const QString &address, const QString &userAgent, QObject *parent)
    : QObject(parent), m_address(address), m_userAgent(userAgent),
      m_connectedAt(QDateTime::currentDateTimeUtc())
{ }

StreamSink::~StreamSink() = default;

void StreamSink::startStream()
{
    if (!isOpen() || m_streaming)
        return;
    m_streaming = true;
    writeHead();
}

void StreamSink::write(const QByteArray &chunk, qsizetype offset)
{
    if (!isOpen())
        return;
    const qsizetype size = chunk.size() - offset;
    if (size <= 0)
        return;
    m_bytesSent += size;
    writeBytes(chunk, offset);
}

void StreamSink::notifyGone()
{
    if (m_gone)
        return;
    m_gone = true;
    Q_EMIT gone(m_id);
}

QJsonObject StreamSink::toJson() const
{
    return QJsonObject {
            {QStringLiteral("id"), qint64(m_id)},
            {QStringLiteral("address"), m_address},
            {QStringLiteral("user_agent"), m_userAgent},
            {QStringLiteral("tag"), m_info.tag},
            {QStringLiteral("user"),
             m_info.user.isEmpty() ? QJsonValue() : QJsonValue(m_info.user)},
            {QStringLiteral("bytes_sent"), m_bytesSent},
            {QStringLiteral("bytes_queued"), bytesQueued()},
            {QStringLiteral("rate"), qRound64(rate())},
            {QStringLiteral("connected_at"), m_connectedAt.toString(Qt::ISODate)},
    };
}
