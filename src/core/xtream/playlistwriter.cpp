#include "playlistwriter.h"

#include <QUrl>
#include <QUrlQuery>

namespace {
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.trimmed();
}

QString pathPart(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}
} // namespace

QString PlaylistWriter::quoted(const QString &value)
{
    QString v = oneLine(value);
    v.replace(QLatin1Char('"'), QLatin1Char('\''));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

QString PlaylistWriter::guideUrl(const XtreamJson::Endpoint &endpoint, const XtreamUser &user)
{
    return QStringLiteral("%1/xmltv.php?username=%2&password=%3")
            .arg(endpoint.baseUrl(), pathPart(user.username), pathPart(user.password));
}

QString PlaylistWriter::streamUrl(const XtreamJson::Endpoint &endpoint, const XtreamUser &user,
                                  qint64 channelId)
{
    // One multi-argument arg(): a percent-encoded password (%3F…) must not be taken for a marker.
    return QStringLiteral("%1/live/%2/%3/%4.ts")
            .arg(endpoint.baseUrl(), pathPart(user.username), pathPart(user.password),
                 QString::number(channelId));
}

QByteArray PlaylistWriter::write(const QList<PlayerCatalog::Channel> &channels,
                                 const XtreamJson::Endpoint &endpoint, const XtreamUser &user,
                                 Format format)
{
    QString out;
    out.reserve(channels.size() * 256 + 256);
    if (format == Format::M3uPlus) {
        const QString guide = quoted(guideUrl(endpoint, user));
        out += QStringLiteral("#EXTM3U x-tvg-url=%1 url-tvg=%1\n").arg(guide);
    } else {
        out += QStringLiteral("#EXTM3U\n");
    }
    for (const PlayerCatalog::Channel &c : channels) {
        if (format == Format::M3uPlus) {
            out += QStringLiteral("#EXTINF:-1 tvg-id=%1 tvg-name=%2 tvg-logo=%3 tvg-chno=%4"
                                  " group-title=%5,%6\n")
                           .arg(quoted(c.epgId), quoted(c.name), quoted(c.logo),
                                quoted(QString::number(c.num)), quoted(c.categoryName),
                                oneLine(c.name));
        } else {
            out += QStringLiteral("#EXTINF:-1,%1\n").arg(oneLine(c.name));
        }
        out += streamUrl(endpoint, user, c.id) + QLatin1Char('\n');
    }
    return out.toUtf8();
}
