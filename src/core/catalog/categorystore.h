#pragma once

#include "storage/storeresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <optional>

// Channel categories in SQLite: what /api/categories reads and edits. Every call uses the
// connection it is given (the calling thread's), so it may run on a worker.
class CategoryStore final
{
public:
    // Each as the admin API shows it: {"id", "name", "sort_order", "created_at", "channels"},
    // in their order.
    static std::optional<QJsonArray> list(const QSqlDatabase &db, QString *error);
    static std::optional<QJsonObject> byId(const QSqlDatabase &db, qint64 id);
    static bool exists(const QSqlDatabase &db, qint64 id);

    // fields: "name" (required to create) and "sort_order" (default: after the last), already
    // checked for type and range by the caller. Conflict when the name is taken.
    static StoreResult create(const QSqlDatabase &db, const QJsonObject &fields, qint64 now);
    static StoreResult update(const QSqlDatabase &db, qint64 id, const QJsonObject &fields);
    // The listed categories first, in the given order; the others keep their relative order
    // after them. Invalid (naming ids[i]) for a repeated or unknown id; nothing is written then.
    static StoreResult reorder(const QSqlDatabase &db, const QList<qint64> &ids);
    // Its channels fall back to no category (ON DELETE SET NULL).
    static StoreResult remove(const QSqlDatabase &db, qint64 id);
};
