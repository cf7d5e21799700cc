#pragma once

#include <QString>

class QNetworkReply;

// Bounds a reply that is not a stream body (an engine's JSON answer, a playlist or guide
// download): past maxBytes of body, or unfinished deadlineMs after this call, it is aborted and
// logged. QNetworkRequest's transfer timeout alone restarts with every byte, so a reply
// trickling in forever, or one that never ends, would otherwise be held (and keep downloading)
// for good. The reply then finishes with OperationCanceledError; exceeded() says why.
class ReplyLimit final
{
public:
    static void apply(QNetworkReply *reply, qint64 maxBytes, int deadlineMs, const QString &label);
    // Why the reply was aborted ("larger than 64 KiB", "not finished within 5 s"), or empty.
    static QString exceeded(const QNetworkReply *reply);
};
