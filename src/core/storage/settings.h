#pragma once

#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QProcessEnvironment>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <optional>

// One setting: its key, type, default, accepted range and the line the README table shows.
struct SettingSpec
{
    QString key;
    QMetaType::Type type;
    QVariant defaultValue;
    QVariant minimum; // for numbers
    QVariant maximum;
    QStringList choices; // for strings with a fixed set of values
    QString description;
    // For the settings forms of the faces (GET /api/settings/schema): the group the key shows
    // in ("server", "engine", "streams", "catalog", "players", "admin", "logs"), the unit of a
    // number ("s", "ms", "KiB", "MiB", "h", "days"; empty: none) and whether a new value only
    // takes effect after AceHub restarts. Filled in by Settings::specs() from the key.
    QString group;
    QString unit;
    bool restart = false;

    QString environmentName() const; // ACEHUB_<KEY>
    // "int", "string", "enum" (choices) or "address" (an IP address).
    QString typeName() const;
};

// AceHub's settings: one typed home with defaults. Layers, each overriding the one before:
// defaults < stored (the database, written by the admin API) < ACEHUB_* environment <
// command line. A value object: copy it to hand a snapshot to another thread.
class Settings final
{
public:
    enum class Layer { Default, Stored, Environment, CommandLine };

    static const QList<SettingSpec> &specs();
    static const SettingSpec *spec(const QString &key);

    // Checks and converts a value for key (from JSON, text or a variant). Returns the error,
    // naming the key, or nothing with *normalized set. fromJson: the value came from a JSON
    // document (the admin API, a backup): its type must be the setting's (a number for a number,
    // a string for a string), where text from the environment or the command line is parsed.
    static std::optional<QString> validate(const QString &key, const QVariant &value,
                                           QVariant *normalized, bool fromJson = false);

    void setStored(const QVariantMap &values); // unknown or invalid keys are ignored
    QStringList applyEnvironment(const QProcessEnvironment &env); // returns the errors
    std::optional<QString> setCommandLine(const QString &key, const QVariant &value);
    std::optional<QString> setStoredValue(const QString &key, const QVariant &value);

    QVariant value(const QString &key) const;
    Layer layerOf(const QString &key) const;
    static QString layerName(Layer layer);
    QVariantMap stored() const { return m_stored; }

    // Typed getters, the only way the rest of the code reads settings.
    QString bindAddress() const { return value(QStringLiteral("bind")).toString(); }
    QHostAddress bindHostAddress() const;
    quint16 port() const { return quint16(value(QStringLiteral("port")).toUInt()); }
    int httpMaxConnections() const { return value(QStringLiteral("http_max_connections")).toInt(); }
    qint64 httpMaxRequestBytes() const
    {
        return value(QStringLiteral("http_max_request_mib")).toLongLong() * 1024 * 1024;
    }
    int httpIdleTimeoutSeconds() const
    {
        return value(QStringLiteral("http_idle_timeout_s")).toInt();
    }
    QString engineHost() const { return value(QStringLiteral("engine_host")).toString(); }
    quint16 enginePort() const { return quint16(value(QStringLiteral("engine_port")).toUInt()); }
    QString engineScheme() const { return value(QStringLiteral("engine_scheme")).toString(); }
    QString logLevel() const { return value(QStringLiteral("log_level")).toString(); }
    int logRingLines() const { return value(QStringLiteral("log_ring_lines")).toInt(); }
    qint64 logFileMaxBytes() const
    {
        return value(QStringLiteral("log_file_max_kib")).toLongLong() * 1024;
    }
    int logFileCount() const { return value(QStringLiteral("log_file_count")).toInt(); }
    int engineProbeIntervalSeconds() const
    {
        return value(QStringLiteral("engine_probe_interval_s")).toInt();
    }
    // stream proxy
    int streamStartTimeoutSeconds() const
    {
        return value(QStringLiteral("stream_start_timeout_s")).toInt();
    }
    int streamLingerSeconds() const { return value(QStringLiteral("stream_linger_s")).toInt(); }
    int streamEmptyTimeoutSeconds() const
    {
        return value(QStringLiteral("stream_empty_timeout_s")).toInt();
    }
    qint64 clientMaxQueuedBytes() const
    {
        return value(QStringLiteral("client_max_queued_kib")).toLongLong() * 1024;
    }
    int clientBehindTimeoutSeconds() const
    {
        return value(QStringLiteral("client_behind_timeout_s")).toInt();
    }
    int maxEngineSessions() const { return value(QStringLiteral("max_engine_sessions")).toInt(); }
    int statPollIntervalSeconds() const
    {
        return value(QStringLiteral("stat_poll_interval_s")).toInt();
    }
    int streamStallSeconds() const { return value(QStringLiteral("stream_stall_s")).toInt(); }
    int streamRecoverSeconds() const { return value(QStringLiteral("stream_recover_s")).toInt(); }
    qint64 streamKeyframeCacheBytes() const
    {
        return value(QStringLiteral("stream_keyframe_cache_kib")).toLongLong() * 1024;
    }
    qint64 streamReadChunkBytes() const
    {
        return value(QStringLiteral("stream_read_chunk_kib")).toLongLong() * 1024;
    }
    // players: Xtream Codes API
    QString xtreamTimezone() const { return value(QStringLiteral("xtream_timezone")).toString(); }
    bool xtreamSameAddressReplaces() const
    {
        return value(QStringLiteral("xtream_same_address_replaces")).toInt() != 0;
    }
    // catalog: channel and EPG sources
    int sourceFetchTimeoutSeconds() const
    {
        return value(QStringLiteral("source_fetch_timeout_s")).toInt();
    }
    qint64 sourceFetchMaxBytes() const
    {
        return value(QStringLiteral("source_fetch_max_mib")).toLongLong() * 1024 * 1024;
    }
    int epgDaysBack() const { return value(QStringLiteral("epg_days_back")).toInt(); }
    int epgDaysAhead() const { return value(QStringLiteral("epg_days_ahead")).toInt(); }
    int channelCheckDelayMs() const
    {
        return value(QStringLiteral("channel_check_delay_ms")).toInt();
    }
    int channelCheckTimeoutSeconds() const
    {
        return value(QStringLiteral("channel_check_timeout_s")).toInt();
    }
    int adminSessionHours() const { return value(QStringLiteral("admin_session_hours")).toInt(); }
    int adminLoginMaxFailures() const
    {
        return value(QStringLiteral("admin_login_max_failures")).toInt();
    }
    int adminLoginWindowSeconds() const
    {
        return value(QStringLiteral("admin_login_window_s")).toInt();
    }

    // Parses "HOST:PORT" (or "[v6]:PORT") as given to --engine / ACEHUB_ENGINE.
    static bool splitHostPort(const QString &text, QString *host, quint16 *port);

private:
    QVariantMap m_stored;
    QVariantMap m_environment;
    QVariantMap m_commandLine;
};
