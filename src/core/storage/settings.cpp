#include "settings.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace {

SettingSpec intSpec(const char *key, int def, int min, int max, const char *description)
{
    return {QString::fromLatin1(key),      QMetaType::Int, def, min, max, {},
            QString::fromUtf8(description)}; // descriptions hold "…" and other UTF-8
}

SettingSpec stringSpec(const char *key, const char *def, QStringList choices,
                       const char *description)
{
    return {QString::fromLatin1(key),
            QMetaType::QString,
            QString::fromLatin1(def),
            {},
            {},
            std::move(choices),
            QString::fromUtf8(description)};
}

} // namespace

QString SettingSpec::environmentName() const
{
    return QStringLiteral("ACEHUB_") + key.toUpper();
}

QString SettingSpec::typeName() const
{
    if (type == QMetaType::Int)
        return QStringLiteral("int");
    if (!choices.isEmpty())
        return QStringLiteral("enum");
    if (key == QLatin1String("bind"))
        return QStringLiteral("address");
    return QStringLiteral("string");
}

namespace {

// The schema's group, unit and restart flag of each key, from its name: one rule per family
// of keys, so a new setting gets them without a second list to keep in step (tst_settings
// checks every key has a group).
void describe(SettingSpec &s)
{
    const QString &k = s.key;
    auto starts = [&k](const char *prefix) { return k.startsWith(QLatin1String(prefix)); };
    if (k == QLatin1String("bind") || k == QLatin1String("port") || starts("http_"))
        s.group = QStringLiteral("server");
    else if (starts("engine_"))
        s.group = QStringLiteral("engine");
    else if (starts("stream_") || starts("client_") || starts("stat_") || starts("ace_")
             || k == QLatin1String("max_engine_sessions"))
        s.group = QStringLiteral("streams");
    else if (starts("source_") || starts("epg_") || starts("channel_"))
        s.group = QStringLiteral("catalog");
    else if (starts("xtream_"))
        s.group = QStringLiteral("players");
    else if (starts("admin_"))
        s.group = QStringLiteral("admin");
    else if (starts("log_"))
        s.group = QStringLiteral("logs");

    if (s.type == QMetaType::Int) {
        static const QList<QPair<QLatin1String, QLatin1String>> units {
                {QLatin1String("_ms"), QLatin1String("ms")},
                {QLatin1String("_s"), QLatin1String("s")},
                {QLatin1String("_kib"), QLatin1String("KiB")},
                {QLatin1String("_mib"), QLatin1String("MiB")},
                {QLatin1String("_hours"), QLatin1String("h")},
                {QLatin1String("_back"), QLatin1String("days")},
                {QLatin1String("_ahead"), QLatin1String("days")},
        };
        for (const auto &u : units) {
            if (k.endsWith(u.first)) {
                s.unit = u.second;
                break;
            }
        }
    }
    // Read once at start (the listener, the engine client and its probe, the log file); every
    // other setting applies at once.
    s.restart = s.group == QLatin1String("server") || s.group == QLatin1String("engine")
                || starts("log_file_");
}

QList<SettingSpec> described(QList<SettingSpec> specs)
{
    for (SettingSpec &s : specs)
        describe(s);
    return specs;
}

} // namespace

const QList<SettingSpec> &Settings::specs()
{
    // Keys and descriptions are marked for lupdate: the desktop panel shows a setting's name
    // (context SettingName, from its key) and its description (context Settings, from the
    // English the schema sends) in the user's language; the API itself stays English.
    static const QList<SettingSpec> all = described({
            stringSpec(QT_TRANSLATE_NOOP("SettingName", "bind"), "0.0.0.0", {},
                       QT_TRANSLATE_NOOP("Settings", "Address the HTTP server listens on (0.0.0.0: "
                                                     "all IPv4 interfaces, :: all).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "port"), 6880, 0, 65535,
                    QT_TRANSLATE_NOOP("Settings", "HTTP port for players, the API and the "
                                                  "dashboard (0: any free port).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "http_max_connections"), 2048, 8, 100000,
                    QT_TRANSLATE_NOOP("Settings", "Open HTTP connections at most (players and "
                                                  "API); one more gets a 503.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "http_max_request_mib"), 32, 1, 1024,
                    QT_TRANSLATE_NOOP("Settings", "Largest request AceHub accepts (a restore's "
                                                  "JSON, a form), in MiB; larger: "
                                                  "413.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "http_idle_timeout_s"), 300, 2, 86400,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "A connection with nothing read or written for this long is closed.")),
            stringSpec(QT_TRANSLATE_NOOP("SettingName", "engine_host"), "127.0.0.1", {},
                       QT_TRANSLATE_NOOP("Settings", "Host of the AceStream engine.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "engine_port"), 6878, 1, 65535,
                    QT_TRANSLATE_NOOP("Settings", "HTTP port of the AceStream engine.")),
            stringSpec(QT_TRANSLATE_NOOP("SettingName", "engine_scheme"), "http",
                       {QStringLiteral("http"), QStringLiteral("https")},
                       QT_TRANSLATE_NOOP("Settings", "Scheme used to reach the engine.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "engine_probe_interval_s"), 15, 2, 3600,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "How often the engine's get_version is polled for /api/health.")),
            stringSpec(QT_TRANSLATE_NOOP("SettingName", "log_level"), "info",
                       {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                        QStringLiteral("error")},
                       QT_TRANSLATE_NOOP("Settings", "Least severe AceHub log level kept.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "log_ring_lines"), 2000, 10, 100000,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "Log lines kept in memory for the control panel and /api/logs.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "log_file_max_kib"), 5120, 4, 1048576,
                    QT_TRANSLATE_NOOP("Settings",
                                      "Size at which logs/acehub.log is rotated, in KiB.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "log_file_count"), 3, 1, 50,
                    QT_TRANSLATE_NOOP("Settings", "Rotated log files kept (acehub.log.1 …).")),
            // stream proxy
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_start_timeout_s"), 30, 1, 600,
                    QT_TRANSLATE_NOOP("Settings", "How long a player waits for a stream's first "
                                                  "byte (engine prebuffering) "
                                                  "before a 504.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_linger_s"), 15, 0, 3600,
                    QT_TRANSLATE_NOOP("Settings", "How long a stream keeps running after its last "
                                                  "player left, so zapping back "
                                                  "is instant.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_empty_timeout_s"), 60, 1, 3600,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "A running stream that receives no data for this long is ended.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_stall_s"), 10, 1, 3600,
                    QT_TRANSLATE_NOOP("Settings", "A running stream that receives no data for this "
                                                  "long is re-opened (its "
                                                  "players wait).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_recover_s"), 30, 0, 3600,
                    QT_TRANSLATE_NOOP("Settings",
                                      "How long a failed stream is re-opened (a new engine "
                                      "session, a new request) "
                                      "before its players are closed (0: never re-opened).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_keyframe_cache_kib"), 8192, 0, 65536,
                    QT_TRANSLATE_NOOP("Settings",
                                      "Bytes kept since a stream's last keyframe, so a joining "
                                      "player starts with a "
                                      "picture, in KiB (0: joiners start at the next packet).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "client_max_queued_kib"), 8192, 64, 1048576,
                    QT_TRANSLATE_NOOP("Settings", "Bytes a player may have queued (not yet taken "
                                                  "by its connection) before it "
                                                  "counts as behind, in KiB.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "client_behind_timeout_s"), 10, 0, 600,
                    QT_TRANSLATE_NOOP("Settings", "A player over the queue cap for this long (or "
                                                  "at twice the cap) is dropped.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "max_engine_sessions"), 8, 1, 100,
                    QT_TRANSLATE_NOOP("Settings", "Most AceStream engine sessions at once; a new "
                                                  "channel beyond it gets a 503.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stat_poll_interval_s"), 5, 0, 3600,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "How often a running stream's engine stat_url is polled (0: never).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "stream_read_chunk_kib"), 64, 0, 4096,
                    QT_TRANSLATE_NOOP("Settings", "Upstream bytes gathered before they are written "
                                                  "to players (larger: fewer "
                                                  "syscalls per player).")),

            // catalog: channel and EPG sources
            intSpec(QT_TRANSLATE_NOOP("SettingName", "source_fetch_timeout_s"), 60, 5, 3600,
                    QT_TRANSLATE_NOOP("Settings", "Longest a playlist or guide download may stall "
                                                  "before it is abandoned.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "source_fetch_max_mib"), 200, 1, 4096,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "Largest playlist or guide AceHub downloads (and a playlist once "
                            "decompressed), in MiB.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "epg_days_back"), 1, 0, 30,
                    QT_TRANSLATE_NOOP("Settings", "Days of past programmes kept from each guide.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "epg_days_ahead"), 7, 1, 60,
                    QT_TRANSLATE_NOOP("Settings",
                                      "Days of future programmes kept from each guide.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "channel_check_delay_ms"), 3000, 200, 600000,
                    QT_TRANSLATE_NOOP("Settings", "Pause between two engine channel checks (bulk "
                                                  "checks crash the engine).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "channel_check_timeout_s"), 20, 2, 300,
                    QT_TRANSLATE_NOOP("Settings", "Longest one engine channel check may take.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "admin_session_hours"), 24, 1, 8760,
                    QT_TRANSLATE_NOOP("Settings",
                                      "Lifetime of an admin session token from /api/login.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "admin_login_max_failures"), 5, 1, 1000,
                    QT_TRANSLATE_NOOP("Settings", "Failed admin logins per address within "
                                                  "admin_login_window_s before 429.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "admin_login_window_s"), 300, 10, 86400,
                    QT_TRANSLATE_NOOP("Settings", "Window over which failed admin logins are "
                                                  "counted (and the lockout length).")),

            // players: Xtream Codes API
            stringSpec(
                    QT_TRANSLATE_NOOP("SettingName", "xtream_timezone"), "", {},
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "Time zone of server_info and EPG times for players, e.g. Europe/Rome "
                            "(empty: the system's).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "xtream_same_address_replaces"), 1, 0, 1,
                    QT_TRANSLATE_NOOP("Settings", "1: a player over its account's max_connections "
                                                  "coming from the address of one "
                                                  "of its "
                                                  "streams (a reconnect, a zap) replaces that "
                                                  "stream instead of being refused.")),

            // hostile clients: limits that keep one host or a flood from taking everything
            intSpec(QT_TRANSLATE_NOOP("SettingName", "http_max_connections_per_address"), 256, 1,
                    100000,
                    QT_TRANSLATE_NOOP("Settings", "Open HTTP connections from one client address "
                                                  "at most (loopback too); one "
                                                  "more gets a 503.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "http_head_timeout_s"), 10, 1, 600,
                    QT_TRANSLATE_NOOP("Settings",
                                      "A request head (request line and headers) must arrive whole "
                                      "within this "
                                      "long of its first byte; slower: 408 and closed.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "http_max_buffered_mib"), 128, 8, 65536,
                    QT_TRANSLATE_NOOP("Settings", "Bytes of unanswered requests all connections "
                                                  "together may hold, in MiB; a "
                                                  "request over it gets a 503.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "xtream_login_max_failures"), 10, 1, 10000,
                    QT_TRANSLATE_NOOP("Settings",
                                      "Failed player logins per address, and per username, within "
                                      "xtream_login_window_s before 429.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "xtream_login_window_s"), 300, 10, 86400,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "Window over which failed player logins are counted (and the lockout "
                            "length).")),
            stringSpec(QT_TRANSLATE_NOOP("SettingName", "ace_access"), "lan",
                       {QStringLiteral("anyone"), QStringLiteral("lan"), QStringLiteral("none")},
                       QT_TRANSLATE_NOOP(
                               "Settings",
                               "Who may use /ace/getstream and /ace/status without an account: "
                               "anyone, "
                               "lan (this machine's networks and loopback) or none (admin only).")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "ace_anonymous_sessions"), 2, 0, 100,
                    QT_TRANSLATE_NOOP(
                            "Settings",
                            "Engine sessions players without an account (/ace/getstream) may have; "
                            "keep it "
                            "below max_engine_sessions so Xtream accounts always have some left.")),
            intSpec(QT_TRANSLATE_NOOP("SettingName", "source_fetch_deadline_s"), 1800, 10, 86400,
                    QT_TRANSLATE_NOOP("Settings", "Longest a playlist or guide download may take "
                                                  "in all, however steadily it "
                                                  "trickles in.")),

    });
    return all;
}

const SettingSpec *Settings::spec(const QString &key)
{
    for (const SettingSpec &s : specs()) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

std::optional<QString> Settings::validate(const QString &key, const QVariant &value,
                                          QVariant *normalized, bool fromJson)
{
    const SettingSpec *s = spec(key);
    if (!s)
        return QStringLiteral("%1: unknown setting").arg(key);
    if (fromJson && s->type == QMetaType::Int && value.typeId() != QMetaType::Double
        && value.typeId() != QMetaType::Int && value.typeId() != QMetaType::LongLong)
        return QStringLiteral("%1: expected a number").arg(key);
    if (s->type == QMetaType::Int) {
        bool ok = false;
        qlonglong n = 0;
        if (value.typeId() == QMetaType::Double) {
            const double d = value.toDouble();
            ok = d == double(qlonglong(d));
            n = qlonglong(d);
        } else if (value.typeId() == QMetaType::QString
                   || value.typeId() == QMetaType::QByteArray) {
            n = value.toString().trimmed().toLongLong(&ok);
        } else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong
                   || value.typeId() == QMetaType::UInt || value.typeId() == QMetaType::ULongLong) {
            n = value.toLongLong(&ok);
        }
        if (!ok)
            return QStringLiteral("%1: expected a whole number").arg(key);
        if (n < s->minimum.toLongLong() || n > s->maximum.toLongLong())
            return QStringLiteral("%1: must be between %2 and %3")
                    .arg(key, s->minimum.toString(), s->maximum.toString());
        *normalized = int(n);
        return std::nullopt;
    }
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
        return QStringLiteral("%1: expected a string").arg(key);
    const QString text = value.toString().trimmed();
    if (!s->choices.isEmpty() && !s->choices.contains(text))
        return QStringLiteral("%1: must be one of %2")
                .arg(key, s->choices.join(QStringLiteral(", ")));
    if (key == QLatin1String("bind")) {
        // QHostAddress takes "1" for 0.0.0.1 (inet_aton): an IPv4 address has its four parts.
        static const QRegularExpression ipv4(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
        QHostAddress address;
        if (!(ipv4.match(text).hasMatch() || text.contains(QLatin1Char(':')))
            || !address.setAddress(text))
            return QStringLiteral("%1: not an IP address: %2").arg(key, text);
    }
    if (key == QLatin1String("engine_host")) {
        static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9.:_-]+$"));
        if (!hostRe.match(text).hasMatch())
            return QStringLiteral("%1: not a host name or address: %2").arg(key, text);
    }
    if (key == QLatin1String("xtream_timezone") && !text.isEmpty()
        && !QTimeZone::isTimeZoneIdAvailable(text.toUtf8()))
        return QStringLiteral("%1: unknown time zone: %2").arg(key, text);
    *normalized = text;
    return std::nullopt;
}

void Settings::setStored(const QVariantMap &values)
{
    m_stored.clear();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QVariant v;
        if (!validate(it.key(), it.value(), &v))
            m_stored.insert(it.key(), v);
    }
}

QStringList Settings::applyEnvironment(const QProcessEnvironment &env)
{
    QStringList errors;
    m_environment.clear();
    const QString engine = env.value(QStringLiteral("ACEHUB_ENGINE"));
    if (!engine.isEmpty()) {
        QString host;
        quint16 port = 0;
        if (splitHostPort(engine, &host, &port)) {
            m_environment.insert(QStringLiteral("engine_host"), host);
            m_environment.insert(QStringLiteral("engine_port"), int(port));
        } else {
            errors << QStringLiteral("ACEHUB_ENGINE: expected HOST:PORT, got %1").arg(engine);
        }
    }
    for (const SettingSpec &s : specs()) {
        if (!env.contains(s.environmentName()))
            continue;
        QVariant v;
        if (auto error = validate(s.key, env.value(s.environmentName()), &v))
            errors << s.environmentName() + QStringLiteral(": ") + *error;
        else
            m_environment.insert(s.key, v);
    }
    return errors;
}

std::optional<QString> Settings::setCommandLine(const QString &key, const QVariant &value)
{
    QVariant v;
    if (auto error = validate(key, value, &v))
        return error;
    m_commandLine.insert(key, v);
    return std::nullopt;
}

std::optional<QString> Settings::setStoredValue(const QString &key, const QVariant &value)
{
    QVariant v;
    if (auto error = validate(key, value, &v))
        return error;
    m_stored.insert(key, v);
    return std::nullopt;
}

QVariant Settings::value(const QString &key) const
{
    if (m_commandLine.contains(key))
        return m_commandLine.value(key);
    if (m_environment.contains(key))
        return m_environment.value(key);
    if (m_stored.contains(key))
        return m_stored.value(key);
    const SettingSpec *s = spec(key);
    Q_ASSERT_X(s, "Settings::value", qPrintable(key));
    return s ? s->defaultValue : QVariant();
}

Settings::Layer Settings::layerOf(const QString &key) const
{
    if (m_commandLine.contains(key))
        return Layer::CommandLine;
    if (m_environment.contains(key))
        return Layer::Environment;
    if (m_stored.contains(key))
        return Layer::Stored;
    return Layer::Default;
}

QString Settings::layerName(Layer layer)
{
    switch (layer) {
    case Layer::Default:
        return QStringLiteral("default");
    case Layer::Stored:
        return QStringLiteral("stored");
    case Layer::Environment:
        return QStringLiteral("environment");
    case Layer::CommandLine:
        return QStringLiteral("command line");
    }
    return {};
}

QHostAddress Settings::bindHostAddress() const
{
    return QHostAddress(bindAddress());
}

bool Settings::splitHostPort(const QString &text, QString *host, quint16 *port)
{
    static const QRegularExpression re(QStringLiteral("^\\[?([^\\[\\]]+?)\\]?:(\\d{1,5})$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return false;
    bool ok = false;
    const uint p = m.captured(2).toUInt(&ok);
    if (!ok || p == 0 || p > 65535)
        return false;
    *host = m.captured(1);
    *port = quint16(p);
    return true;
}
