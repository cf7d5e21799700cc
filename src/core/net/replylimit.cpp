#include "replylimit.h"

#include "log/logger.h"

#include <QNetworkReply>
#include <QTimer>

namespace {

constexpr char kExceededProperty[] = "acehub_limit_exceeded";

void stop(QNetworkReply *reply, const QString &why, const QString &label)
{
    if (reply->isFinished() || !reply->property(kExceededProperty).isNull())
        return;
    reply->setProperty(kExceededProperty, why);
    qCWarning(lcEngine).noquote() << "Aborted" << label << "from"
                                  << reply->url().toDisplayString(QUrl::RemoveQuery) << "-" << why;
    // Not from inside the reply's own signal: its owner may be handling that signal too.
    QMetaObject::invokeMethod(reply, &QNetworkReply::abort, Qt::QueuedConnection);
}

QString sizeText(qint64 bytes)
{
    return bytes >= 1024 * 1024 ? QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024))
                                : QStringLiteral("%1 KiB").arg(qMax<qint64>(1, bytes / 1024));
}

} // namespace

void ReplyLimit::apply(QNetworkReply *reply, qint64 maxBytes, int deadlineMs, const QString &label)
{
    const QString tooLarge = QStringLiteral("larger than %1").arg(sizeText(maxBytes));
    // The announced length stops it before a byte of an oversized body is held.
    QObject::connect(
            reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes, tooLarge, label] {
                if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > maxBytes)
                    stop(reply, tooLarge, label);
            });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [reply, maxBytes, tooLarge, label](qint64 received, qint64) {
                         if (received > maxBytes)
                             stop(reply, tooLarge, label);
                     });
    auto *deadline = new QTimer(reply); // goes with the reply
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, deadlineMs, label] {
        stop(reply,
             QStringLiteral("not finished within %1 s").arg(qMax(1, (deadlineMs + 999) / 1000)),
             label);
    });
    QObject::connect(reply, &QNetworkReply::finished, deadline, &QTimer::stop);
    deadline->start(deadlineMs);
}

QString ReplyLimit::exceeded(const QNetworkReply *reply)
{
    return reply->property(kExceededProperty).toString();
}
