#pragma once

#include "catalog/sourcemanager.h"
#include "storage/storeresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <optional>

struct ImportOutcome;

// Channel sources (channel_sources, M3U) and guide sources (epg_sources, XMLTV) in SQLite: what
// /api/sources and /api/epg-sources edit and what SourceManager schedules and records. Every
// call uses the connection it is given (the calling thread's).
class SourceStore final
{
public:
    using Kind = SourceManager::Kind;

    // A source as the admin API shows it, without its live "progress" (SourceManager's):
    // {"id", "name", "location", "enabled", "refresh_interval_s", "created_at", "status"{...},
    // "channels" | "programmes"}.
    static std::optional<QJsonObject> byId(const QSqlDatabase &db, Kind kind, qint64 id);
    static std::optional<QList<QJsonObject>> list(const QSqlDatabase &db, Kind kind,
                                                  QString *error);
    static bool exists(const QSqlDatabase &db, Kind kind, qint64 id);
    // Whether a source of this kind has exactly this name (uploads are told apart by name).
    static bool nameTaken(const QSqlDatabase &db, Kind kind, const QString &name);

    // fields: "name" and "location" (required), "enabled" (default true), "refresh_interval_s"
    // (default a day for channels, 12 hours for guides), checked by the caller.
    static StoreResult create(const QSqlDatabase &db, Kind kind, const QJsonObject &fields,
                              qint64 now);
    static StoreResult update(const QSqlDatabase &db, Kind kind, qint64 id,
                              const QJsonObject &fields);
    // In one transaction: a channel source's channels stay (with the user's edits) but are no
    // longer offered; a guide source's programmes go and channels are matched to guides again.
    static StoreResult remove(const QSqlDatabase &db, Kind kind, qint64 id, qint64 now);

    // ---- for SourceManager ----
    // Enabled sources with an interval whose last refresh is at least that old.
    static std::optional<QList<int>> due(const QSqlDatabase &db, Kind kind, qint64 now,
                                         QString *error);
    static QList<int> enabledIds(const QSqlDatabase &db, Kind kind);
    struct Location
    {
        QString location;
        QString name;
    };
    static std::optional<Location> location(const QSqlDatabase &db, Kind kind, qint64 id);
    // last_refresh_at, last_status, last_error, last_imported, last_skipped.
    static StoreResult recordOutcome(const QSqlDatabase &db, Kind kind, qint64 id,
                                     const ImportOutcome &outcome, qint64 now);
};
