#include "broadcast.h"

#include "clientsink.h"
#include "engine/aceengine.h"
#include "storage/settings.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QUuid>

namespace {
constexpr qsizetype kTsPacket = 188;
constexpr char kTsSync = 0x47;
} // namespace

StreamConfig StreamConfig::fromSettings(const Settings &s)
{
    StreamConfig c;
    c.startTimeoutMs = s.streamStartTimeoutSeconds() * 1000;
    c.lingerMs = s.streamLingerSeconds() * 1000;
    c.emptyTimeoutMs = s.streamEmptyTimeoutSeconds() * 1000;
    c.maxQueuedBytes = s.clientMaxQueuedBytes();
    c.behindTimeoutMs = s.clientBehindTimeoutSeconds() * 1000;
    c.maxEngineSessions = s.maxEngineSessions();
    c.maxAnonymousSessions = s.aceAnonymousSessions();
    c.statPollMs = s.statPollIntervalSeconds() * 1000;
    c.readChunkBytes = s.streamReadChunkBytes();
    return c;
}

Broadcast::Broadcast(const StreamSource &source, AceEngine *engine, QNetworkAccessManager *network,
                     const StreamConfig &config, QObject *parent)
    : QObject(parent), m_source(source), m_key(source.key()), m_engine(engine), m_config(config),
      m_network(network)
{
    m_startTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        failStart(504, QStringLiteral("%1 sent no data within %2 s")
                               .arg(m_source.isAce() ? QStringLiteral("the engine")
                                                     : QStringLiteral("the source"))
                               .arg(m_config.startTimeoutMs / 1000));
    });
    connect(&m_lingerTimer, &QTimer::timeout, this,
            [this] { stop(QStringLiteral("no players for %1 s").arg(m_config.lingerMs / 1000)); });
    connect(&m_statTimer, &QTimer::timeout, this, &Broadcast::pollStat);
}

Broadcast::~Broadcast()
{
    for (QNetworkReply *reply : {m_sessionReply.data(), m_upstream.data(), m_statReply.data()}) {
        if (reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QString Broadcast::stateName() const
{
    switch (m_state) {
    case State::Starting:
        return QStringLiteral("starting");
    case State::Running:
        return isLingering() ? QStringLiteral("lingering") : QStringLiteral("running");
    case State::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

QString Broadcast::label() const
{
    return m_key;
}

ClientSink *Broadcast::sink(quint64 id) const
{
    for (ClientSink *s : m_sinks) {
        if (s->id() == id)
            return s;
    }
    return nullptr;
}

void Broadcast::start()
{
    m_clock.start();
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_startTimer.start(m_config.startTimeoutMs);
    if (m_source.isAce()) {
        requestEngineSession();
    } else {
        qCInfo(lcStream).noquote() << "Opening" << label();
        openUpstream(QUrl(m_source.id));
    }
}

void Broadcast::requestEngineSession()
{
    if (!m_engine) {
        failStart(503, QStringLiteral("no engine configured"));
        return;
    }
    // A fresh player id per upstream session: the engine serves one live stream per pid.
    m_pid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qCInfo(lcStream).noquote() << "Starting an engine session for" << label() << "pid" << m_pid;
    QNetworkReply *reply = m_engine->requestSession(m_source.kind == StreamSource::Kind::AceInfohash
                                                            ? QStringLiteral("infohash")
                                                            : QStringLiteral("id"),
                                                    m_source.id, m_pid, m_config.startTimeoutMs);
    m_sessionReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onEngineSessionReply(reply); });
}

void Broadcast::onEngineSessionReply(QNetworkReply *reply)
{
    reply->deleteLater();
    m_sessionReply = nullptr;
    if (m_state != State::Starting)
        return;
    if (!m_engine) {
        failStart(503, QStringLiteral("no engine configured"));
        return;
    }
    const AceEngine::SessionResult result = m_engine->parseSession(reply);
    if (!result.session) {
        failStart(result.status, result.error);
        return;
    }
    m_statUrl = result.session->statUrl;
    m_commandUrl = result.session->commandUrl;
    qCInfo(lcStream).noquote() << "Engine session for" << label() << "is"
                               << result.session->sessionId << "- opening its playback URL";
    openUpstream(result.session->playbackUrl);
}

void Broadcast::openUpstream(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", "AceHub");
    if (!m_network) {
        failStart(503, QStringLiteral("AceHub is stopping"));
        return;
    }
    QNetworkReply *reply = m_network->get(request);
    m_upstream = reply;
    connect(reply, &QNetworkReply::readyRead, this, &Broadcast::onUpstreamReadyRead);
    connect(reply, &QNetworkReply::finished, this, &Broadcast::onUpstreamFinished);
}

void Broadcast::onUpstreamReadyRead()
{
    const qint64 now = m_clock.elapsed();
    if (Q_UNLIKELY(m_silenceLogged)) {
        m_silenceLogged = false;
        qCInfo(lcStream).noquote() << "Data from" << label() << "resumed after"
                                   << QString::number((now - m_lastDataMs) / 1000.0, 'f', 1) << "s";
    }
    m_lastDataMs = now;
    if (m_state == State::Starting) {
        const int status = m_upstream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 400) {
            failStart(502,
                      QStringLiteral("%1 answered HTTP %2")
                              .arg(m_source.isAce() ? QStringLiteral("the engine's playback URL")
                                                    : QStringLiteral("the source"))
                              .arg(status));
            return;
        }
        if (m_upstream->bytesAvailable() <= 0)
            return;
        becomeRunning();
        readAndDeliver();
        return;
    }
    if (m_state != State::Running)
        return;
    // Let a few readyReads gather into one bigger chunk: per player, each chunk costs a
    // syscall, so fewer, larger writes are what keeps the CPU per GB low. A player waiting for
    // its first bytes is served at once.
    if (!m_pendingJoin && m_upstream->bytesAvailable() < m_config.readChunkBytes)
        return;
    readAndDeliver();
}

void Broadcast::becomeRunning()
{
    m_state = State::Running;
    m_startTimer.stop();
    qCInfo(lcStream).noquote() << "Stream" << label() << "is flowing after" << m_clock.elapsed()
                               << "ms;" << m_sinks.size() << "players";
    for (ClientSink *s : std::as_const(m_sinks))
        s->startStream();
    m_pendingJoin = !m_sinks.isEmpty();
    if (m_statUrl.isValid() && m_config.statPollMs > 0) {
        m_statTimer.start(m_config.statPollMs);
        pollStat();
    }
}

void Broadcast::readAndDeliver()
{
    if (!m_upstream)
        return;
    const QByteArray chunk = m_upstream->readAll();
    if (chunk.isEmpty())
        return;
    m_lastDeliverMs = m_clock.elapsed();
    deliver(chunk);
    m_bytesIn += chunk.size();
}

qsizetype Broadcast::packetBoundary(const QByteArray &chunk)
{
    const qsizetype size = chunk.size();
    const char *data = chunk.constData();
    if (m_syncPhase >= 0) {
        const qsizetype i = (m_syncPhase - m_bytesIn % kTsPacket + kTsPacket) % kTsPacket;
        if (i >= size)
            return -1; // a chunk shorter than a packet: wait for the next one
        if (data[i] == kTsSync)
            return i;
    }
    // Find (again) a sync byte confirmed by the next packet's.
    for (qsizetype i = 0; i + kTsPacket < size; ++i) {
        if (data[i] == kTsSync && data[i + kTsPacket] == kTsSync) {
            if (m_syncPhase >= 0)
                qCInfo(lcStream).noquote() << "TS sync of" << label() << "moved";
            m_syncPhase = (m_bytesIn + i) % kTsPacket;
            return i;
        }
    }
    if (size >= 8 * kTsPacket) {
        qCWarning(lcStream).noquote() << label() << "does not look like MPEG-TS: no sync byte";
        return 0;
    }
    return -1;
}

void Broadcast::deliver(const QByteArray &chunk)
{
    const qint64 now = m_clock.elapsed();
    qsizetype boundary = -2; // not looked for yet
    m_pendingJoin = false;
    const QList<ClientSink *> sinks = m_sinks; // a player can leave while we write
    for (ClientSink *s : sinks) {
        if (!s->isOpen())
            continue;
        if (Q_LIKELY(s->isAligned())) {
            s->write(chunk);
        } else {
            if (boundary == -2)
                boundary = packetBoundary(chunk);
            if (boundary < 0) {
                m_pendingJoin = true;
                continue;
            }
            s->setAligned();
            s->write(chunk, boundary);
        }
        checkQueue(s, now);
    }
}

void Broadcast::checkQueue(ClientSink *sink, qint64 nowMs)
{
    const qint64 queued = sink->bytesQueued();
    if (Q_LIKELY(queued <= m_config.maxQueuedBytes)) {
        sink->setOverCapSince(0);
        return;
    }
    if (queued > 2 * m_config.maxQueuedBytes) {
        removeSink(sink, QStringLiteral("%1 KiB queued, twice the cap").arg(queued / 1024), true);
        return;
    }
    if (sink->overCapSince() == 0) {
        sink->setOverCapSince(qMax<qint64>(1, nowMs));
        qCInfo(lcStream).noquote() << "Player" << sink->id() << "on" << label()
                                   << "is falling behind:" << queued / 1024 << "KiB queued";
    }
    if (nowMs - sink->overCapSince() >= m_config.behindTimeoutMs)
        removeSink(sink,
                   QStringLiteral("over the %1 KiB queue cap for %2 s")
                           .arg(m_config.maxQueuedBytes / 1024)
                           .arg((nowMs - sink->overCapSince()) / 1000.0, 0, 'f', 1),
                   true);
}

void Broadcast::checkTimeouts()
{
    if (m_state != State::Running)
        return;
    const qint64 now = m_clock.elapsed();
    if (!m_silenceLogged && now - m_lastDataMs >= 1000) {
        m_silenceLogged = true;
        qCWarning(lcStream).noquote()
                << "No data from" << label() << "for" << (now - m_lastDataMs) / 1000
                << "s; the stream ends after" << m_config.emptyTimeoutMs / 1000 << "s of silence";
    }
    if (now - m_lastDataMs > m_config.emptyTimeoutMs) {
        finish(QStringLiteral("no data from %1 for %2 s")
                       .arg(m_source.isAce() ? QStringLiteral("the engine")
                                             : QStringLiteral("the source"))
                       .arg(m_config.emptyTimeoutMs / 1000));
        return;
    }
    // Bytes held back to gather a bigger chunk (a slow or stalling upstream) wait at most a tick.
    if (m_upstream && m_upstream->bytesAvailable() > 0 && now - m_lastDeliverMs > 500)
        readAndDeliver();
    const QList<ClientSink *> sinks = m_sinks;
    for (ClientSink *s : sinks) {
        if (s->isOpen() && s->overCapSince() != 0)
            checkQueue(s, now);
    }
}

void Broadcast::addSink(ClientSink *sink)
{
    sink->setParent(this);
    m_sinks.append(sink);
    connect(sink, &ClientSink::gone, this,
            [this, sink] { removeSink(sink, QStringLiteral("hung up"), false); });
    if (m_lingerTimer.isActive()) {
        m_lingerTimer.stop();
        qCInfo(lcStream).noquote() << "Player" << sink->id() << "came back to" << label()
                                   << "within the linger: served from the running session";
    }
    qCInfo(lcStream).noquote() << "Player" << sink->id() << "(" + sink->address() + ")"
                               << "joined" << label() << "-" << m_sinks.size() << "players";
    if (m_state == State::Running) {
        sink->startStream();
        m_pendingJoin = true;
        if (m_upstream && m_upstream->bytesAvailable() > 0)
            readAndDeliver();
    }
}

bool Broadcast::dropSink(quint64 id, const QString &reason)
{
    ClientSink *s = sink(id);
    if (!s)
        return false;
    removeSink(s, reason, true);
    return true;
}

void Broadcast::removeSink(ClientSink *sink, const QString &reason, bool dropped)
{
    if (!m_sinks.removeOne(sink))
        return;
    disconnect(sink, nullptr, this, nullptr);
    const quint64 id = sink->id();
    const QString tag = sink->tag();
    const qint64 seconds = sink->connectedAt().secsTo(QDateTime::currentDateTimeUtc());
    if (dropped) {
        qCWarning(lcStream).noquote() << "Player" << id << "(" + sink->address() + ")"
                                      << "dropped from" << label() << ":" << reason;
        sink->close(true);
    } else if (m_state != State::Ended) {
        qCInfo(lcStream).noquote()
                << "Player" << id << "(" + sink->address() + ")" << reason << "- left" << label()
                << "after" << seconds << "s," << sink->bytesSent() / 1024 << "KiB sent;"
                << m_sinks.size() << "players left";
    }
    sink->deleteLater();
    Q_EMIT sinkRemoved(id, tag);
    updateLinger();
}

void Broadcast::updateLinger()
{
    if (!m_sinks.isEmpty() || m_state == State::Ended || m_lingerTimer.isActive())
        return;
    qCInfo(lcStream).noquote() << "No players left on" << label() << "- stopping in"
                               << m_config.lingerMs / 1000 << "s unless one comes back";
    m_lingerTimer.start(m_config.lingerMs); // 0 still goes through the event loop
}

void Broadcast::onUpstreamFinished()
{
    if (m_state == State::Ended || !m_upstream)
        return;
    QNetworkReply *reply = m_upstream;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString what
            = m_source.isAce() ? QStringLiteral("the engine") : QStringLiteral("the source");
    if (m_state == State::Starting) {
        if (httpStatus >= 400)
            failStart(502, QStringLiteral("%1 answered HTTP %2").arg(what).arg(httpStatus));
        else if (httpStatus == 0 && reply->error() != QNetworkReply::NoError)
            failStart(503, QStringLiteral("%1 is unreachable: %2").arg(what, reply->errorString()));
        else
            failStart(502, QStringLiteral("%1 closed the stream before sending data").arg(what));
        return;
    }
    if (reply->bytesAvailable() > 0)
        readAndDeliver();
    finish(reply->error() != QNetworkReply::NoError
                   ? QStringLiteral("%1 failed: %2").arg(what, reply->errorString())
                   : QStringLiteral("%1 closed the stream").arg(what));
}

void Broadcast::failStart(int status, const QString &message)
{
    if (m_state != State::Starting)
        return;
    qCWarning(lcStream).noquote() << "Cannot start" << label() << ":" << message << "- answering"
                                  << status << "to" << m_sinks.size() << "waiting players";
    m_state = State::Ended;
    const QList<ClientSink *> sinks = m_sinks;
    for (ClientSink *s : sinks)
        s->fail(status, message);
    m_state = State::Starting;
    finish(message);
}

void Broadcast::stop(const QString &reason)
{
    if (m_state == State::Starting && !m_sinks.isEmpty()) {
        failStart(503, QStringLiteral("stream stopped: %1").arg(reason));
        return;
    }
    if (m_state == State::Starting)
        qCInfo(lcStream).noquote() << "Stopping" << label() << "before data flowed:" << reason;
    finish(reason);
}

void Broadcast::finish(const QString &reason)
{
    if (m_state == State::Ended)
        return;
    const bool wasRunning = m_state == State::Running;
    if (wasRunning && m_upstream && m_upstream->bytesAvailable() > 0)
        readAndDeliver(); // what arrived before the end still reaches the players
    m_state = State::Ended;
    m_startTimer.stop();
    m_lingerTimer.stop();
    m_statTimer.stop();
    if (m_sessionReply && m_engine) {
        // The engine may be creating the session right now: let getstream finish and stop
        // whatever it started, or it would keep downloading a channel nobody watches.
        QNetworkReply *reply = m_sessionReply;
        m_sessionReply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        AceEngine *engine = m_engine;
        const QString name = label();
        connect(reply, &QNetworkReply::finished, engine, [reply, engine, name] {
            reply->deleteLater();
            const AceEngine::SessionResult result = engine->parseSession(reply);
            if (result.session && result.session->commandUrl.isValid()) {
                engine->stopSession(result.session->commandUrl, name);
                qCInfo(lcStream).noquote() << "Told the engine to stop the session of" << name
                                           << "that started after its players left";
            }
        });
    }
    for (QNetworkReply *reply : {m_sessionReply.data(), m_upstream.data(), m_statReply.data()}) {
        if (reply) {
            // Deleting an unfinished reply aborts it; abort() itself must not run inside the
            // reply's own signal, which is where a failed start often comes from.
            disconnect(reply, nullptr, this, nullptr);
            reply->deleteLater();
        }
    }
    if (wasRunning)
        qCInfo(lcStream).noquote()
                << "Stream" << label() << "ended:" << reason << "-" << m_bytesIn / 1024
                << "KiB received," << m_sinks.size() << "players closed";
    const QList<ClientSink *> sinks = m_sinks;
    for (ClientSink *s : sinks) {
        s->close(false); // what is queued still reaches the player
        removeSink(s, reason, false);
    }
    sendStopCommand();
    Q_EMIT finished(reason);
}

void Broadcast::sendStopCommand()
{
    if (!m_commandUrl.isValid() || !m_engine)
        return;
    m_engine->stopSession(m_commandUrl, label());
    m_commandUrl = QUrl();
    qCInfo(lcStream).noquote() << "Told the engine to stop the session of" << label();
}

void Broadcast::pollStat()
{
    if (m_statReply || !m_statUrl.isValid() || !m_engine)
        return;
    QNetworkReply *reply = m_engine->requestStat(m_statUrl);
    m_statReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_statReply = nullptr;
        const QJsonObject response = AceEngine::parseStat(reply);
        if (!response.isEmpty())
            m_stat = response;
    });
}

QJsonObject Broadcast::toJson() const
{
    QJsonArray clients;
    for (const ClientSink *s : m_sinks) {
        clients.append(QJsonObject {
                {QStringLiteral("id"), qint64(s->id())},
                {QStringLiteral("address"), s->address()},
                {QStringLiteral("user_agent"), s->userAgent()},
                {QStringLiteral("tag"), s->tag()},
                {QStringLiteral("bytes_sent"), s->bytesSent()},
                {QStringLiteral("bytes_queued"), s->bytesQueued()},
                {QStringLiteral("connected_at"), s->connectedAt().toString(Qt::ISODate)},
        });
    }
    QJsonObject engine;
    if (m_source.isAce()) {
        static const char *const keys[]
                = {"status", "peers", "speed_down", "speed_up", "downloaded", "uploaded"};
        for (const char *k : keys) {
            const QJsonValue v = m_stat.value(QLatin1String(k));
            engine.insert(QLatin1String(k), v.isUndefined() ? QJsonValue() : v);
        }
    }
    QJsonObject o {
            {QStringLiteral("key"), m_key},
            {QStringLiteral("kind"), m_source.kindName()},
            {m_source.kindName(), m_source.id},
            {QStringLiteral("state"), stateName()},
            {QStringLiteral("bytes_in"), m_bytesIn},
            {QStringLiteral("started_at"), m_startedAt.toString(Qt::ISODate)},
            {QStringLiteral("clients"), clients},
    };
    if (m_source.isAce()) {
        o.insert(QStringLiteral("pid"), m_pid);
        o.insert(QStringLiteral("stat_url"),
                 m_statUrl.isValid() ? QJsonValue(m_statUrl.toString()) : QJsonValue());
        o.insert(QStringLiteral("engine"), engine);
    }
    return o;
}
