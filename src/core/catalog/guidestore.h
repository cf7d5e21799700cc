#pragma once

#include <QJsonArray>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// What the guide sources brought, in SQLite: their channels (epg_channels) and programmes
// (epg_programmes), as the admin API reads them. Imports write them (CatalogImport).
class GuideStore final
{
public:
    // The guides' channels whose id, display name or other names contain search (any case;
    // empty: all), by display name: [{"source_id", "epg_id", "display_name", "icon",
    // "other_names": [...]}], at most limit from offset. *total: how many match.
    static std::optional<QJsonArray> channels(const QSqlDatabase &db, const QString &search,
                                              qint64 limit, qint64 offset, qint64 *total,
                                              QString *error);

    // The programmes of one guide id that overlap [from, to), in order: [{"start", "stop",
    // "title", "description", "category", "lang"}] with ISO 8601 UTC times.
    static std::optional<QJsonArray> programmes(const QSqlDatabase &db, const QString &guideId,
                                                qint64 from, qint64 to, QString *error);
};
