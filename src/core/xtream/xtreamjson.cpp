#include "xtreamjson.h"

#include <QDateTime>

namespace XtreamJson {

namespace {
QString str(qint64 n)
{
    return QString::number(n);
}
} // namespace

QString Endpoint::baseUrl() const
{
    return QStringLiteral("http://%1:%2").arg(host, port);
}

QString localTime(qint64 epoch, const QTimeZone &zone)
{
    return QDateTime::fromSecsSinceEpoch(epoch, zone)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonObject userInfo(const XtreamUser &user, int activeConnections, qint64 now)
{
    return {
            {QStringLiteral("username"), user.username},
            {QStringLiteral("password"), user.password},
            {QStringLiteral("message"), QString()},
            {QStringLiteral("auth"), 1},
            {QStringLiteral("status"), XtreamUser::statusName(user.status(now))},
            {QStringLiteral("exp_date"), str(user.expiresAt.value_or(kNeverExpires))},
            {QStringLiteral("is_trial"), QStringLiteral("0")},
            {QStringLiteral("active_cons"), str(activeConnections)},
            {QStringLiteral("created_at"), str(user.createdAt)},
            {QStringLiteral("max_connections"), str(user.maxConnections)},
            {QStringLiteral("allowed_output_formats"), QJsonArray {QStringLiteral("ts")}},
    };
}

QJsonObject serverInfo(const Endpoint &endpoint, const QTimeZone &zone, qint64 now)
{
    return {
            {QStringLiteral("url"), endpoint.host},
            {QStringLiteral("port"), endpoint.port},
            {QStringLiteral("https_port"), QString()},
            {QStringLiteral("server_protocol"), QStringLiteral("http")},
            {QStringLiteral("rtmp_port"), QString()},
            {QStringLiteral("timezone"), QString::fromUtf8(zone.id())},
            {QStringLiteral("timestamp_now"), now},
            {QStringLiteral("time_now"), localTime(now, zone)},
            {QStringLiteral("process"), true},
    };
}

QJsonObject category(const PlayerCatalog::Category &category)
{
    return {
            {QStringLiteral("category_id"), str(category.id)},
            {QStringLiteral("category_name"), category.name},
            {QStringLiteral("parent_id"), 0},
    };
}

QJsonObject liveStream(const PlayerCatalog::Channel &c)
{
    return {
            {QStringLiteral("num"), c.num},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("stream_type"), QStringLiteral("live")},
            {QStringLiteral("stream_id"), c.id},
            {QStringLiteral("stream_icon"), c.logo},
            {QStringLiteral("epg_channel_id"),
             c.epgId.isEmpty() ? QJsonValue() : QJsonValue(c.epgId)},
            {QStringLiteral("added"), str(c.addedAt)},
            {QStringLiteral("category_id"), str(c.categoryId)},
            // Every category the channel is in, as numbers (current panels send it; clients
            // such as @iptv/xtream-api require it). A channel is in exactly one here.
            {QStringLiteral("category_ids"), QJsonArray {c.categoryId}},
            {QStringLiteral("custom_sid"), QString()},
            {QStringLiteral("tv_archive"), 0},
            {QStringLiteral("direct_source"), QString()},
            {QStringLiteral("tv_archive_duration"), 0},
    };
}

QJsonObject epgListing(const PlayerCatalog::Programme &p, const QTimeZone &zone, qint64 now,
                       bool full)
{
    QJsonObject o {
            {QStringLiteral("id"), str(p.id)},
            {QStringLiteral("epg_id"), str(p.id)},
            {QStringLiteral("title"), QString::fromLatin1(p.title.toUtf8().toBase64())},
            {QStringLiteral("lang"), p.lang},
            {QStringLiteral("start"), localTime(p.start, zone)},
            {QStringLiteral("end"), localTime(p.stop, zone)},
            {QStringLiteral("description"), QString::fromLatin1(p.description.toUtf8().toBase64())},
            {QStringLiteral("channel_id"), p.epgId},
            {QStringLiteral("start_timestamp"), str(p.start)},
            {QStringLiteral("stop_timestamp"), str(p.stop)},
    };
    if (full) {
        o.insert(QStringLiteral("now_playing"), p.start <= now && now < p.stop ? 1 : 0);
        o.insert(QStringLiteral("has_archive"), 0);
    }
    return o;
}

} // namespace XtreamJson
