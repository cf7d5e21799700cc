#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QUrlQuery>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcStream)

// What a player asks to watch: an AceStream content id or infohash, or a plain http(s) URL
// serving MPEG-TS. One key per upstream: every player of the same key shares one upstream.
struct StreamSource
{
    enum class Kind { AceContentId, AceInfohash, Direct };
    Kind kind = Kind::AceContentId;
    QString id; // 40 lower-case hex for the Ace kinds; the http(s) URL for Direct

    QString key() const; // "ace:<cid>", "acehash:<ih>", "url:<url>"
    bool isAce() const { return kind != Kind::Direct; }
    QString kindName() const; // "content_id", "infohash", "url"

    static StreamSource aceContentId(const QString &id)
    {
        return {Kind::AceContentId, id.toLower()};
    }
    static StreamSource aceInfohash(const QString &id) { return {Kind::AceInfohash, id.toLower()}; }
    static StreamSource direct(const QString &url) { return {Kind::Direct, url}; }

    // True for exactly 40 hexadecimal characters (either case).
    static bool isValidAceId(const QString &id);
    // True for an absolute http or https URL with a host.
    static bool isValidDirectUrl(const QString &url);
    // Reads /ace/getstream's query: exactly one of id, content_id (content ids) or infohash.
    // On bad input returns nothing and sets *error to a short reason naming the field.
    static std::optional<StreamSource> fromAceQuery(const QUrlQuery &query, QString *error);
    // The inverse of key(); nothing for a malformed key.
    static std::optional<StreamSource> fromKey(const QString &key);
};
