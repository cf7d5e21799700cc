#pragma once

#include "storage/storeresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <optional>

struct M3uEntry;

// Channels in SQLite: what /api/channels reads and edits. Every call uses the connection it is
// given (the calling thread's), so it may run on a worker. Edits by the admin go to the custom_*
// columns (an import never touches them); null clears an edit.
class ChannelStore final
{
public:
    // What a list is narrowed to; an unset member does not narrow it.
    struct Filter
    {
        QString search; // in the name, tvg-name, id, infohash or URL
        std::optional<qint64> categoryId; // 0: channels without a category
        std::optional<qint64> sourceId; // 0: channels added by hand
        QString kind; // "acestream" or "direct"
        std::optional<bool> active;
        std::optional<bool> hidden;
        QString checkStatus; // "ok", "unavailable", "error" or "none" (never checked)
        enum class Sort { Number, Name, Id, AddedAt } sort = Sort::Number;
        qint64 offset = 0;
        qint64 limit = 100;
    };

    // {"items", "total", "offset", "limit"}, each item as byId shows it.
    static std::optional<QJsonObject> page(const QSqlDatabase &db, const Filter &filter,
                                           QString *error);
    // One channel as the admin API shows it.
    static std::optional<QJsonObject> byId(const QSqlDatabase &db, qint64 id);
    static bool exists(const QSqlDatabase &db, qint64 id);

    // A channel added by hand at address; fields as kChannelEditFields (name required), already
    // checked for type and range. Invalid naming category_id for an unknown category, Conflict
    // when a channel has this address. number defaults to one after the highest.
    static StoreResult create(const QSqlDatabase &db, const M3uEntry &address,
                              const QJsonObject &fields, qint64 now);
    // The admin's edits of one channel (name, number, category_id, logo, epg_id, hidden).
    static StoreResult update(const QSqlDatabase &db, qint64 id, const QJsonObject &fields,
                              qint64 now);
    // category_id and/or hidden for every id, in one transaction: all or none. Invalid naming
    // ids[i] or category_id when one does not exist.
    static StoreResult updateMany(const QSqlDatabase &db, const QList<qint64> &ids,
                                  const QJsonObject &fields, qint64 now);
    // A channel still in its source's playlist comes back at the next refresh.
    static StoreResult remove(const QSqlDatabase &db, qint64 id);
};
