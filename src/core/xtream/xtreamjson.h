#pragma once

#include "playercatalog.h"
#include "userstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

// The Xtream Codes JSON shapes, typed the way players expect them (see XTREAM_API.md):
// auth and timestamp_now are numbers, the other account scalars strings, ids as the panel
// sends them.
namespace XtreamJson {

// exp_date of an account that never expires: some clients crash on null, and Java clients
// parse it into a 32-bit int, so it stays below 2^31 (2038-01-01 00:00:00 UTC).
constexpr qint64 kNeverExpires = 2145916800;

// Where the player reached us: the Host header it used, so the links work from any address.
struct Endpoint
{
    QString host; // bare host, IPv6 in brackets
    QString port; // as a string, as the protocol wants it
    QString baseUrl() const;
};

QJsonObject userInfo(const XtreamUser &user, int activeConnections, qint64 now);
QJsonObject serverInfo(const Endpoint &endpoint, const QTimeZone &zone, qint64 now);
QJsonObject category(const PlayerCatalog::Category &category);
QJsonObject liveStream(const PlayerCatalog::Channel &channel);
// One entry of get_short_epg (full = false) or get_simple_data_table (full = true).
QJsonObject epgListing(const PlayerCatalog::Programme &programme, const QTimeZone &zone, qint64 now,
                       bool full);
// "2026-11-21 17:00:00" in zone.
QString localTime(qint64 epoch, const QTimeZone &zone);

} // namespace XtreamJson
