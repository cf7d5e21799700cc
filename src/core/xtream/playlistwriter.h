#pragma once

#include "playercatalog.h"
#include "userstore.h"
#include "xtreamjson.h"

#include <QByteArray>

// The extended M3U a player downloads from get.php: channels with tvg-* attributes and
// /live/U/P/{id}.ts links on the address the player used.
class PlaylistWriter final
{
public:
    enum class Format { M3uPlus, M3u };

    // The guide URL players read from x-tvg-url / url-tvg.
    static QString guideUrl(const XtreamJson::Endpoint &endpoint, const XtreamUser &user);
    static QString streamUrl(const XtreamJson::Endpoint &endpoint, const XtreamUser &user,
                             qint64 channelId);
    static QByteArray write(const QList<PlayerCatalog::Channel> &channels,
                            const XtreamJson::Endpoint &endpoint, const XtreamUser &user,
                            Format format);
    // An attribute value in double quotes: quotes inside become ' and line breaks spaces.
    static QString quoted(const QString &value);
};
