#pragma once

#include "userstore.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

// What a player sees of the catalog: small read-only queries over the effective values
// (COALESCE(custom_x, x)) of active, non-hidden channels, limited to the user's categories.
class PlayerCatalog final
{
public:
    // Channels without a category are listed under this id (the last category).
    static constexpr qint64 kUncategorizedId = 0;

    struct Category
    {
        qint64 id = 0;
        QString name;
    };

    struct Channel
    {
        qint64 id = 0;
        qint64 num = 0; // the effective channel number, or the id when it has none
        QString name;
        QString logo;
        QString epgId;
        qint64 categoryId = kUncategorizedId;
        QString categoryName;
        qint64 addedAt = 0;
        QString kind; // "acestream" or "direct"
        QString contentId;
        QString infohash;
        QString url;
    };

    struct Programme
    {
        qint64 id = 0;
        QString epgId;
        qint64 start = 0; // UTC seconds
        qint64 stop = 0;
        QString title;
        QString description;
        QString lang;
        QString category;
    };

    static QString uncategorizedName();

    // Categories holding at least one channel the user may see, in the catalog's order.
    static QList<Category> categories(const QSqlDatabase &db, const XtreamUser &user);
    // In category order, then by number and name; categoryId limits to one category.
    static QList<Channel> channels(const QSqlDatabase &db, const XtreamUser &user,
                                   std::optional<qint64> categoryId = std::nullopt);
    static std::optional<Channel> channel(const QSqlDatabase &db, const XtreamUser &user,
                                          qint64 id);
    // The visible channel with this AceStream content id or infohash (an anonymous /ace player
    // names only the id; the faces show the channel): one indexed row.
    static std::optional<Channel> channelOfAceId(const QSqlDatabase &db, bool infohash,
                                                 const QString &id);
    // Programmes of one guide channel that end after `from`, by start time; limit <= 0: all.
    static QList<Programme> programmes(const QSqlDatabase &db, const QString &epgId, qint64 from,
                                       int limit = 0);
};
