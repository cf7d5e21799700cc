#pragma once

#include "storage/storeresult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// What engine checks read and write on channels: which channels are AceStream ones, their
// content id or infohash, and each check's verdict (check_status, check_error, checked_at).
class CheckStore final
{
public:
    // The channel's kind ("acestream", "direct"), nothing when there is no such channel.
    static std::optional<QString> kind(const QSqlDatabase &db, qint64 channelId);
    // Every active AceStream channel, in channel-number order.
    static QList<int> activeAceStreamIds(const QSqlDatabase &db);

    struct Target
    {
        QString contentId; // one of the two is set
        QString infohash;
    };
    // What to ask the engine about; nothing when the channel is gone or not an AceStream one.
    static std::optional<Target> target(const QSqlDatabase &db, qint64 channelId);

    // status: "ok", "unavailable" or "error"; an empty error is stored as NULL.
    static StoreResult save(const QSqlDatabase &db, qint64 channelId, const QString &status,
                            const QString &error, qint64 at);
};
