#include "migrations.h"

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> all {
            {1,
             "catalog, users, settings and the admin credential",
             {
                     // Key/value home of the settings written by the admin API (Settings' stored
                     // layer).
                     QStringLiteral("CREATE TABLE settings ("
                                    " key TEXT PRIMARY KEY,"
                                    " value TEXT NOT NULL)"),
                     // Only a salted PBKDF2 hash of the admin password is ever stored.
                     QStringLiteral("CREATE TABLE admin_credential ("
                                    " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                    " algorithm TEXT NOT NULL,"
                                    " iterations INTEGER NOT NULL,"
                                    " salt BLOB NOT NULL,"
                                    " hash BLOB NOT NULL,"
                                    " updated_at INTEGER NOT NULL)"),
                     QStringLiteral("CREATE TABLE categories ("
                                    " id INTEGER PRIMARY KEY,"
                                    " name TEXT NOT NULL UNIQUE,"
                                    " sort_order INTEGER NOT NULL DEFAULT 0,"
                                    " created_at INTEGER NOT NULL)"),
                     QStringLiteral("CREATE TABLE channel_sources ("
                                    " id INTEGER PRIMARY KEY,"
                                    " name TEXT NOT NULL,"
                                    " location TEXT NOT NULL," // http(s) URL or local file path
                                    " enabled INTEGER NOT NULL DEFAULT 1,"
                                    " refresh_interval_s INTEGER NOT NULL DEFAULT 86400,"
                                    " last_refresh_at INTEGER,"
                                    " last_status TEXT NOT NULL DEFAULT 'never',"
                                    " last_error TEXT,"
                                    " last_imported INTEGER NOT NULL DEFAULT 0,"
                                    " last_skipped INTEGER NOT NULL DEFAULT 0,"
                                    " created_at INTEGER NOT NULL)"),
                     // Imported values sit beside the user's own edits (custom_*, hidden): a
                     // refresh rewrites only the former, so edits survive. Effective value:
                     // COALESCE(custom_x, x).
                     QStringLiteral(
                             "CREATE TABLE channels ("
                             " id INTEGER PRIMARY KEY,"
                             " source_id INTEGER REFERENCES channel_sources(id) ON DELETE SET NULL,"
                             " kind TEXT NOT NULL CHECK (kind IN ('acestream', 'direct')),"
                             " content_id TEXT," // 40 hex, AceStream content id
                             " infohash TEXT," // 40 hex, AceStream infohash
                             " url TEXT," // direct http(s) MPEG-TS source
                             " name TEXT NOT NULL,"
                             " tvg_name TEXT,"
                             " number INTEGER,"
                             " category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,"
                             " logo TEXT,"
                             " epg_id TEXT,"
                             " custom_name TEXT,"
                             " custom_number INTEGER,"
                             " custom_category_id INTEGER REFERENCES categories(id) ON DELETE SET "
                             "NULL,"
                             " custom_logo TEXT,"
                             " custom_epg_id TEXT,"
                             " hidden INTEGER NOT NULL DEFAULT 0,"
                             " active INTEGER NOT NULL DEFAULT 1,"
                             " check_status TEXT,"
                             " checked_at INTEGER,"
                             " added_at INTEGER NOT NULL,"
                             " updated_at INTEGER NOT NULL,"
                             " CHECK (content_id IS NOT NULL OR infohash IS NOT NULL OR url IS NOT "
                             "NULL))"),
                     QStringLiteral(
                             "CREATE UNIQUE INDEX channels_content_id ON channels(content_id)"
                             " WHERE content_id IS NOT NULL"),
                     QStringLiteral("CREATE UNIQUE INDEX channels_infohash ON channels(infohash)"
                                    " WHERE infohash IS NOT NULL"),
                     QStringLiteral("CREATE UNIQUE INDEX channels_url ON channels(url) WHERE url "
                                    "IS NOT NULL"),
                     QStringLiteral("CREATE INDEX channels_category ON channels(category_id)"),
                     QStringLiteral("CREATE TABLE epg_sources ("
                                    " id INTEGER PRIMARY KEY,"
                                    " name TEXT NOT NULL,"
                                    " location TEXT NOT NULL,"
                                    " enabled INTEGER NOT NULL DEFAULT 1,"
                                    " refresh_interval_s INTEGER NOT NULL DEFAULT 43200,"
                                    " last_refresh_at INTEGER,"
                                    " last_status TEXT NOT NULL DEFAULT 'never',"
                                    " last_error TEXT,"
                                    " last_imported INTEGER NOT NULL DEFAULT 0,"
                                    " last_skipped INTEGER NOT NULL DEFAULT 0,"
                                    " created_at INTEGER NOT NULL)"),
                     // The guide's own channel list, for matching channels by id or display name.
                     QStringLiteral("CREATE TABLE epg_channels ("
                                    " source_id INTEGER NOT NULL REFERENCES epg_sources(id) ON "
                                    "DELETE CASCADE,"
                                    " epg_id TEXT NOT NULL,"
                                    " display_name TEXT,"
                                    " icon TEXT,"
                                    " PRIMARY KEY (source_id, epg_id))"),
                     QStringLiteral("CREATE TABLE epg_programmes ("
                                    " id INTEGER PRIMARY KEY,"
                                    " source_id INTEGER NOT NULL REFERENCES epg_sources(id) ON "
                                    "DELETE CASCADE,"
                                    " epg_id TEXT NOT NULL,"
                                    " start INTEGER NOT NULL," // UTC seconds since the epoch
                                    " stop INTEGER NOT NULL,"
                                    " title TEXT NOT NULL,"
                                    " description TEXT,"
                                    " category TEXT,"
                                    " lang TEXT)"),
                     QStringLiteral("CREATE INDEX epg_programmes_channel_start ON "
                                    "epg_programmes(epg_id, start)"),
                     // Xtream accounts. The protocol puts the password in every URL, so it is kept
                     // as is.
                     QStringLiteral("CREATE TABLE users ("
                                    " id INTEGER PRIMARY KEY,"
                                    " username TEXT NOT NULL UNIQUE,"
                                    " password TEXT NOT NULL,"
                                    " enabled INTEGER NOT NULL DEFAULT 1,"
                                    " expires_at INTEGER," // NULL: never
                                    " max_connections INTEGER NOT NULL DEFAULT 1,"
                                    " created_at INTEGER NOT NULL)"),
                     QStringLiteral(
                             "CREATE TABLE user_categories ("
                             " user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
                             " category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE "
                             "CASCADE,"
                             " PRIMARY KEY (user_id, category_id))"),
             }},
            {2,
             "catalog: guide matching, check errors, guide channel names",
             {
                     // The guide channel id the matcher found (tvg-id present in a guide, else the
                     // normalised name); the effective guide id is COALESCE(custom_epg_id,
                     // guide_id, epg_id).
                     QStringLiteral("ALTER TABLE channels ADD COLUMN guide_id TEXT"),
                     // Why the last engine check failed (check_status says whether it did).
                     QStringLiteral("ALTER TABLE channels ADD COLUMN check_error TEXT"),
                     // A guide channel's further <display-name>s, tab-separated, for name matching.
                     QStringLiteral("ALTER TABLE epg_channels ADD COLUMN other_names TEXT"),
                     QStringLiteral(
                             "CREATE INDEX epg_programmes_source ON epg_programmes(source_id)"),
                     QStringLiteral("CREATE INDEX channels_source ON channels(source_id)"),
             }},
            {3,
             "players: end the oldest stream instead of refusing one over max_connections",
             {
                     QStringLiteral("ALTER TABLE users ADD COLUMN replace_oldest INTEGER NOT NULL "
                                    "DEFAULT 0"),
             }},
    };
    return all;
}
