#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QString>

// How the panel writes sizes, rates and the API's ISO 8601 times for people.
namespace GuiFormat {

inline QString bytes(double n)
{
    return QLocale().formattedDataSize(qint64(n), 1, QLocale::DataSizeTraditionalFormat);
}

inline QString rate(double bytesPerSecond)
{
    return QCoreApplication::translate("GuiFormat", "%1/s").arg(bytes(bytesPerSecond));
}

// ISO 8601 (or, from servers older than 0.2, epoch seconds) to a local date and time.
inline QDateTime time(const QJsonValue &v)
{
    if (v.isDouble())
        return QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()));
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toLocalTime() : QDateTime();
}

inline QString timeText(const QJsonValue &v)
{
    const QDateTime t = time(v);
    return t.isValid() ? QLocale().toString(t, QLocale::ShortFormat) : QString();
}

} // namespace GuiFormat
