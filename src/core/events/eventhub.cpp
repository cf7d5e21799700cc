#include "eventhub.h"

#include "catalog/channelchecker.h"
#include "catalog/sourcemanager.h"
#include "engine/aceengine.h"
#include "log/logger.h"
#include "stream/broadcast.h"
#include "stream/streammanager.h"
#include "stream/streamsink.h"
#include "version.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace {

constexpr qint64 kImportProgressGapMs = 250; // import.progress: at most 4 a second per source

qint64 monotonicMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QJsonArray playersOf(const QJsonObject &stream)
{
    const QJsonValue players = stream.value(QLatin1String("players"));
    return players.isArray() ? players.toArray() : stream.value(QLatin1String("clients")).toArray();
}

} // namespace

EventHub::EventHub(QObject *parent)
    : QObject(parent),
      m_instance(QString::number(QRandomGenerator::system()->generate() & 0xffffff, 16)
                         .rightJustified(6, QLatin1Char('0')))
{
    m_stats.setInterval(1000);
    connect(&m_stats, &QTimer::timeout, this, &EventHub::tick);
}

EventHub::~EventHub() = default;

QString EventHub::lastId() const
{
    return m_next > 1 ? QStringLiteral("%1.%2").arg(m_instance).arg(m_next - 1) : QString();
}

QByteArray EventHub::format(const QByteArray &id, const QString &type, const QJsonObject &data)
{
    QByteArray wire;
    if (!id.isEmpty())
        wire += "id: " + id + '\n';
    wire += "event: " + type.toUtf8()
            + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    return wire;
}

void EventHub::publish(const QString &type, const QJsonObject &data)
{
    const quint64 n = m_next++;
    const QByteArray wire
            = format(QStringLiteral("%1.%2").arg(m_instance).arg(n).toLatin1(), type, data);
    m_replay.emplace_back(n, wire);
    while (m_replay.size() > size_t(kReplay))
        m_replay.pop_front();
    Q_EMIT published(Event {wire, -1});
}

void EventHub::publishTransient(const QString &type, const QJsonObject &data, int logRank)
{
    Q_EMIT published(Event {format({}, type, data), logRank});
}

void EventHub::changed(const QString &area, const QString &action, const QList<qint64> &ids,
                       const QStringList &keys)
{
    QJsonObject data {{QStringLiteral("area"), area}, {QStringLiteral("action"), action}};
    if (!ids.isEmpty()) {
        QJsonArray a;
        for (qint64 id : ids)
            a.append(id);
        data.insert(QStringLiteral("ids"), a);
    }
    if (!keys.isEmpty())
        data.insert(QStringLiteral("keys"), QJsonArray::fromStringList(keys));
    publish(QStringLiteral("changed"), data);
}

QByteArray EventHub::helloEvent() const
{
    const QString last = lastId();
    return format({}, QStringLiteral("hello"),
                  {{QStringLiteral("instance"), m_instance},
                   {QStringLiteral("version"), QStringLiteral(ACEHUB_VERSION)},
                   {QStringLiteral("last_id"), last.isEmpty() ? QJsonValue() : QJsonValue(last)}});
}

QByteArray EventHub::resyncEvent() const
{
    // Carries the newest id, so the client's next reconnect asks from here.
    return format(lastId().toLatin1(), QStringLiteral("resync"), {});
}

std::optional<QList<QByteArray>> EventHub::replayAfter(const QByteArray &lastEventId) const
{
    const int dot = lastEventId.lastIndexOf('.');
    if (dot <= 0 || lastEventId.left(dot) != m_instance.toLatin1())
        return std::nullopt;
    bool ok = false;
    const quint64 n = lastEventId.mid(dot + 1).toULongLong(&ok);
    if (!ok || n >= m_next)
        return std::nullopt;
    // Every event after n must still be in the buffer.
    const quint64 oldest = m_replay.empty() ? m_next : m_replay.front().first;
    if (n + 1 < oldest)
        return std::nullopt;
    QList<QByteArray> out;
    for (const auto &e : m_replay) {
        if (e.first > n)
            out.append(e.second);
    }
    return out;
}

// ---- sources of events --------------------------------------------------------------------------

void EventHub::watchStreams(StreamManager *streams)
{
    m_streams = streams;
    if (!streams)
        return;
    connect(streams, &StreamManager::streamStarted, this, &EventHub::onStreamStarted);
    connect(streams, &StreamManager::streamEnded, this, &EventHub::onStreamEnded);
    connect(streams, &StreamManager::playerJoined, this, &EventHub::onPlayerJoined);
    connect(streams, &StreamManager::playerLeft, this,
            [this](const QString &key, quint64 id, const QString &reason) {
                m_playerBytes.remove(id);
                publish(QStringLiteral("player.left"), {{QStringLiteral("key"), key},
                                                        {QStringLiteral("id"), qint64(id)},
                                                        {QStringLiteral("reason"), reason}});
            });
    connect(streams, &StreamManager::streamStateChanged, this,
            [this](const QString &key, const QString &state, const QString &reason) {
                QJsonObject data {{QStringLiteral("key"), key}, {QStringLiteral("state"), state}};
                if (!reason.isEmpty())
                    data.insert(QStringLiteral("reason"), reason);
                publish(QStringLiteral("stream.state"), data);
            });
}

void EventHub::onStreamStarted(const QString &key)
{
    Broadcast *b = m_streams ? m_streams->stream(key) : nullptr;
    publish(QStringLiteral("stream.started"),
            b ? b->toJson() : QJsonObject {{QStringLiteral("key"), key}});
    if (m_listeners > 0 && !m_stats.isActive())
        m_stats.start();
}

void EventHub::setListeners(int count)
{
    m_listeners = count;
    if (count == 0) {
        m_stats.stop();
        m_playerBytes.clear();
        m_streamBytes.clear();
        m_statsSent = false;
    } else if (!m_stats.isActive() && m_streams && m_streams->streamCount() > 0) {
        m_stats.start();
    }
}

void EventHub::onStreamEnded(const QString &key, const QString &reason)
{
    m_streamBytes.remove(key);
    publish(QStringLiteral("stream.ended"),
            {{QStringLiteral("key"), key}, {QStringLiteral("reason"), reason}});
}

void EventHub::onPlayerJoined(const QString &key, quint64 clientId)
{
    Broadcast *b = m_streams ? m_streams->stream(key) : nullptr;
    StreamSink *sink = b ? b->sink(clientId) : nullptr;
    QJsonObject player
            = sink ? sink->toJson() : QJsonObject {{QStringLiteral("id"), qint64(clientId)}};
    publish(QStringLiteral("player.joined"),
            {{QStringLiteral("key"), key}, {QStringLiteral("player"), player}});
}

void EventHub::tick()
{
    const QJsonArray streams = m_streams ? m_streams->toJson() : QJsonArray();
    if (streams.isEmpty()) {
        m_stats.stop();
        m_playerBytes.clear();
        m_streamBytes.clear();
        if (m_statsSent)
            publishTransient(QStringLiteral("stats"), {{QStringLiteral("streams"), QJsonArray()}});
        m_statsSent = false;
        return;
    }
    QJsonArray out;
    for (const QJsonValue &v : streams) {
        const QJsonObject s = v.toObject();
        const QString key = s.value(QLatin1String("key")).toString();
        // Rates: the stream object's own (bytes/s over its window) when it has them, else what
        // went through since the last tick.
        const qint64 bytesIn = s.value(QLatin1String("bytes_in")).toInteger();
        const qint64 rateIn
                = s.contains(QLatin1String("rate_in"))
                          ? s.value(QLatin1String("rate_in")).toInteger()
                          : qMax<qint64>(0, bytesIn - m_streamBytes.value(key, bytesIn));
        m_streamBytes.insert(key, bytesIn);
        QJsonArray players;
        for (const QJsonValue &pv : playersOf(s)) {
            const QJsonObject p = pv.toObject();
            const quint64 id = quint64(p.value(QLatin1String("id")).toInteger());
            const qint64 sent = p.value(QLatin1String("bytes_sent")).toInteger();
            const qint64 rate = p.contains(QLatin1String("rate"))
                                        ? p.value(QLatin1String("rate")).toInteger()
                                        : qMax<qint64>(0, sent - m_playerBytes.value(id, sent));
            m_playerBytes.insert(id, sent);
            players.append(QJsonObject {{QStringLiteral("id"), qint64(id)},
                                        {QStringLiteral("rate"), rate},
                                        {QStringLiteral("bytes_sent"), sent}});
        }
        QJsonObject stat {{QStringLiteral("key"), key},
                          {QStringLiteral("rate_in"), rateIn},
                          {QStringLiteral("bytes_in"), bytesIn},
                          {QStringLiteral("players"), players}};
        if (s.contains(QLatin1String("engine")))
            stat.insert(QStringLiteral("engine"), s.value(QLatin1String("engine")));
        out.append(stat);
    }
    publishTransient(QStringLiteral("stats"), {{QStringLiteral("streams"), out}});
    m_statsSent = true;
}

void EventHub::watchEngine(AceEngine *engine)
{
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &AceEngine::reachabilityChanged, this, [this](bool reachable) {
        QJsonObject data {{QStringLiteral("reachable"), reachable}};
        if (m_engine && reachable && !m_engine->version().isEmpty())
            data.insert(QStringLiteral("version"), m_engine->version());
        if (m_engine && !reachable && !m_engine->lastError().isEmpty())
            data.insert(QStringLiteral("error"), m_engine->lastError());
        publish(QStringLiteral("engine"), data);
    });
}

void EventHub::watchImports(SourceManager *sources)
{
    m_sources = sources;
    if (!sources)
        return;
    connect(sources, &SourceManager::importStarted, this,
            [this](SourceManager::Kind kind, int id, const QString &name) {
                m_imports.insert((quint64(kind) << 32) | quint32(id), {});
                publish(QStringLiteral("import.started"),
                        {{QStringLiteral("kind"), SourceManager::kindName(kind)},
                         {QStringLiteral("source_id"), id},
                         {QStringLiteral("name"), name}});
            });
    connect(sources, &SourceManager::progressChanged, this,
            [this](SourceManager::Kind kind, int id, const QJsonObject &progress) {
                onImportProgress(int(kind), id, progress);
            });
    connect(sources, &SourceManager::importResult, this,
            [this](SourceManager::Kind kind, int id, const QJsonObject &result) {
                m_imports.remove((quint64(kind) << 32) | quint32(id));
                QJsonObject data {{QStringLiteral("kind"), SourceManager::kindName(kind)},
                                  {QStringLiteral("source_id"), id}};
                for (auto it = result.begin(); it != result.end(); ++it)
                    data.insert(it.key(), it.value());
                publish(QStringLiteral("import.finished"), data);
            });
}

void EventHub::onImportProgress(int kind, int id, const QJsonObject &progress)
{
    const QString state = progress.value(QLatin1String("state")).toString();
    if (state == QLatin1String("idle"))
        return; // the end: import.finished says it
    const quint64 key = (quint64(kind) << 32) | quint32(id);
    ImportSeen &seen = m_imports[key];
    const qint64 now = monotonicMs();
    if (seen.state == state && seen.reportedMs > 0 && now - seen.reportedMs < kImportProgressGapMs)
        return;
    seen.state = state;
    seen.reportedMs = now;
    QJsonObject data {{QStringLiteral("kind"), SourceManager::kindName(SourceManager::Kind(kind))},
                      {QStringLiteral("source_id"), id}};
    for (auto it = progress.begin(); it != progress.end(); ++it)
        data.insert(it.key(), it.value());
    publish(QStringLiteral("import.progress"), data);
}

void EventHub::watchChecks(ChannelChecker *checker)
{
    if (!checker)
        return;
    connect(checker, &ChannelChecker::checked, this,
            [this](int channelId, const QString &status, const QString &error) {
                QJsonObject data {{QStringLiteral("channel_id"), channelId},
                                  {QStringLiteral("status"), status},
                                  {QStringLiteral("checked_at"), isoNow()}};
                if (!error.isEmpty())
                    data.insert(QStringLiteral("error"), error);
                publish(QStringLiteral("check"), data);
            });
}

void EventHub::watchLog(Logger *logger)
{
    if (!logger)
        return;
    // Always queued: a line may come from any thread, and one logged while an event is being
    // written (a dropped client) must not write into that loop.
    connect(logger, &Logger::lineLogged, this, &EventHub::onLogLine, Qt::QueuedConnection);
}

void EventHub::onLogLine(const LogLine &line)
{
    publishTransient(QStringLiteral("log"),
                     {{QStringLiteral("id"), qint64(line.id)},
                      {QStringLiteral("time"), line.time.toUTC().toString(Qt::ISODateWithMs)},
                      {QStringLiteral("level"), line.levelName()},
                      {QStringLiteral("category"), line.category},
                      {QStringLiteral("message"), line.message}},
                     line.levelRank());
}
