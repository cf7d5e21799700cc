#include "streammanager.h"

#include "engine/aceengine.h"
#include "streamsink.h"

#include <QElapsedTimer>
#include <algorithm>

StreamManager::StreamManager(AceEngine *engine, const StreamConfig &config, QObject *parent)
    : QObject(parent), m_engine(engine), m_config(config)
{
    // One timer for all streams: empty timeouts and players stuck over the queue cap. Nothing
    // runs per chunk.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &StreamManager::onTick);
}

StreamManager::~StreamManager()
{
    stopAll(QStringLiteral("AceHub is stopping"));
    qDeleteAll(findChildren<Broadcast *>(QString(), Qt::FindDirectChildrenOnly));
}

void StreamManager::setConfig(const StreamConfig &config)
{
    m_config = config;
    for (Broadcast *b : std::as_const(m_broadcasts))
        b->setConfig(config);
}

quint64 StreamManager::attach(const StreamSource &source, StreamSink *sink)
{
    const auto refuse = [sink](int status, const QString &text) {
        sink->fail(status, text);
        sink->deleteLater();
        return quint64(0);
    };
    const bool valid = source.isAce() ? StreamSource::isValidAceId(source.id)
                                      : StreamSource::isValidDirectUrl(source.id);
    if (!valid)
        return refuse(400, QStringLiteral("invalid stream source: %1").arg(source.key()));
    if (!sink->isOpen()) {
        sink->deleteLater();
        return 0;
    }
    Broadcast *broadcast = m_broadcasts.value(source.key());
    if (!broadcast) {
        if (source.isAce() && engineSessionCount() >= m_config.maxEngineSessions) {
            // Make room by ending a session nobody watches (a lingering one) if there is one.
            for (Broadcast *b : std::as_const(m_broadcasts)) {
                if (b->source().isAce() && b->sinks().isEmpty()) {
                    b->stop(QStringLiteral("making room for %1").arg(source.key()));
                    break;
                }
            }
        }
        if (source.isAce() && engineSessionCount() >= m_config.maxEngineSessions) {
            qCWarning(lcStream).noquote()
                    << "Refused" << source.key() << ": already" << engineSessionCount()
                    << "engine sessions (max_engine_sessions)";
            return refuse(503, tr("Too many streams: the limit of %1 engine sessions is reached "
                                  "(setting max_engine_sessions).")
                                       .arg(m_config.maxEngineSessions));
        }
    }
    const quint64 id = m_nextClientId++;
    sink->setId(id);
    const bool starting = !broadcast;
    if (starting)
        broadcast = createBroadcast(source);
    m_clients.insert(id, broadcast);
    broadcast->addSink(sink);
    Q_EMIT clientAttached(id, sink->tag());
    if (starting)
        Q_EMIT streamStarted(source.key());
    Q_EMIT playerJoined(source.key(), id);
    if (starting)
        broadcast->start(); // may fail at once and answer the player
    return id;
}

Broadcast *StreamManager::createBroadcast(const StreamSource &source)
{
    QNetworkAccessManager *network = networkForUpstream();
    auto *broadcast = new Broadcast(source, m_engine, network, m_config, this);
    m_networkOf.insert(broadcast, network);
    m_broadcasts.insert(source.key(), broadcast);
    const QString key = source.key();
    connect(broadcast, &Broadcast::sinkRemoved, this,
            [this, key](quint64 id, const QString &tag, const QString &reason) {
                m_clients.remove(id);
                Q_EMIT clientDetached(id, tag);
                Q_EMIT playerLeft(key, id, reason);
            });
    connect(broadcast, &Broadcast::stateChanged, this,
            [this, key](const QString &state, const QString &reason) {
                Q_EMIT streamStateChanged(key, state, reason);
            });
    connect(broadcast, &Broadcast::finished, this,
            [this, broadcast](const QString &reason) { onFinished(broadcast, reason); });
    if (!m_tick.isActive())
        m_tick.start();
    return broadcast;
}

void StreamManager::onFinished(Broadcast *broadcast, const QString &reason)
{
    const QString key = broadcast->key();
    if (m_broadcasts.value(key) == broadcast)
        m_broadcasts.remove(key);
    m_networkOf.remove(broadcast);
    broadcast->deleteLater();
    if (m_broadcasts.isEmpty())
        m_tick.stop();
    Q_EMIT streamEnded(key, reason);
}

QNetworkAccessManager *StreamManager::networkForUpstream()
{
    return m_networks.pick([this](QNetworkAccessManager *network) {
        return int(std::count(m_networkOf.cbegin(), m_networkOf.cend(), network));
    });
}

void StreamManager::onTick()
{
    const QList<Broadcast *> all = m_broadcasts.values();
    for (Broadcast *b : all)
        b->checkTimeouts();
}

int StreamManager::clientCount() const
{
    return int(m_clients.size());
}

int StreamManager::engineSessionCount() const
{
    return int(std::count_if(m_broadcasts.cbegin(), m_broadcasts.cend(),
                             [](const Broadcast *b) { return b->source().isAce(); }));
}

int StreamManager::clientCountForTag(const QString &tag) const
{
    return int(clientsForTag(tag).size());
}

QList<quint64> StreamManager::clientsForTag(const QString &tag) const
{
    QList<quint64> ids;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (StreamSink *s = it.value()->sink(it.key()); s && s->tag() == tag)
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end()); // ids grow with time: oldest first
    return ids;
}

bool StreamManager::dropClient(quint64 clientId, const QString &reason)
{
    Broadcast *b = m_clients.value(clientId);
    return b && b->dropSink(clientId, reason);
}

bool StreamManager::stopStream(const QString &key, const QString &reason)
{
    Broadcast *b = m_broadcasts.value(key);
    if (!b)
        return false;
    qCInfo(lcStream).noquote() << "Stopping" << key << ":" << reason;
    b->stop(reason);
    return true;
}

void StreamManager::stopAll(const QString &reason)
{
    const QList<Broadcast *> all = m_broadcasts.values();
    for (Broadcast *b : all)
        b->stop(reason);
}

QJsonArray StreamManager::toJson() const
{
    QList<Broadcast *> all = m_broadcasts.values();
    std::sort(all.begin(), all.end(), [](const Broadcast *a, const Broadcast *b) {
        return a->startedAt() < b->startedAt();
    });
    QJsonArray out;
    for (const Broadcast *b : std::as_const(all))
        out.append(b->toJson());
    return out;
}

QJsonObject StreamManager::playerJson(quint64 clientId) const
{
    const Broadcast *b = m_clients.value(clientId);
    const StreamSink *s = b ? b->sink(clientId) : nullptr;
    return s ? s->toJson() : QJsonObject();
}
