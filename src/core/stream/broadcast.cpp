#include "broadcast.h"

#include "engine/aceengine.h"
#include "storage/settings.h"
#include "streamsink.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QUuid>

namespace {
// Held upstream bytes wait at most this long for a bigger chunk: a 1 Mbit/s stream then flows
// in small steady steps instead of half-second bursts.
constexpr int kGatherMs = 60;
// A resumed stream without a keyframe in this many bytes goes on at a packet boundary.
constexpr qint64 kResumeWaitBytes = 4 * 1024 * 1024;
// A player joining a stream that sent nothing for this long waits for fresh bytes.
constexpr qint64 kFreshMs = 1000;
constexpr int kRetryFirstMs = 500;
constexpr int kRetryMaxMs = 5000;
} // namespace

StreamConfig StreamConfig::fromSettings(const Settings &s)
{
    StreamConfig c;
    c.startTimeoutMs = s.streamStartTimeoutSeconds() * 1000;
    c.lingerMs = s.streamLingerSeconds() * 1000;
    c.emptyTimeoutMs = s.streamEmptyTimeoutSeconds() * 1000;
    c.stallMs = s.streamStallSeconds() * 1000;
    c.recoverMs = s.streamRecoverSeconds() * 1000;
    c.maxQueuedBytes = s.clientMaxQueuedBytes();
    c.behindTimeoutMs = s.clientBehindTimeoutSeconds() * 1000;
    c.maxEngineSessions = s.maxEngineSessions();
    c.maxAnonymousSessions = s.aceAnonymousSessions();
    c.statPollMs = s.statPollIntervalSeconds() * 1000;
    c.readChunkBytes = s.streamReadChunkBytes();
    c.keyframeCacheBytes = s.streamKeyframeCacheBytes();
    return c;
}

Broadcast::Broadcast(const StreamSource &source, AceEngine *engine, QNetworkAccessManager *network,
                     const StreamConfig &config, QObject *parent)
    : QObject(parent), m_source(source), m_key(source.key()), m_engine(engine), m_config(config),
      m_network(network)
{
    m_startTimer.setSingleShot(true);
    m_lingerTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_gatherTimer.setSingleShot(true);
    m_gatherTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        failStart(504, QStringLiteral("%1 sent no data within %2 s")
                               .arg(what())
                               .arg(m_config.startTimeoutMs / 1000));
    });
    connect(&m_lingerTimer, &QTimer::timeout, this,
            [this] { stop(QStringLiteral("no players for %1 s").arg(m_config.lingerMs / 1000)); });
    connect(&m_statTimer, &QTimer::timeout, this, &Broadcast::pollStat);
    connect(&m_retryTimer, &QTimer::timeout, this, &Broadcast::openSource);
    connect(&m_gatherTimer, &QTimer::timeout, this, &Broadcast::readAndDeliver);
}

Broadcast::~Broadcast()
{
    if (m_sessionReply && m_engine) {
        m_engine->stopWhenAnswered(m_sessionReply, label());
        m_sessionReply = nullptr;
    }
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
    case State::Recovering:
        return QStringLiteral("recovering");
    case State::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

QString Broadcast::label() const
{
    return m_key;
}

QString Broadcast::what() const
{
    return m_source.isAce() ? QStringLiteral("the engine") : QStringLiteral("the source");
}

StreamSink *Broadcast::sink(quint64 id) const
{
    for (StreamSink *s : m_sinks) {
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
    if (!m_source.isAce())
        qCInfo(lcStream).noquote() << "Opening" << label();
    openSource();
}

void Broadcast::openSource()
{
    m_attemptSinceMs = m_clock.elapsed();
    if (m_state == State::Recovering) {
        ++m_attempts;
        qCInfo(lcStream).noquote() << "Re-opening" << label() << "(attempt" << m_attempts << ")";
    }
    if (m_source.isAce())
        requestEngineSession();
    else
        openUpstream(QUrl(m_source.id));
}

void Broadcast::requestEngineSession()
{
    if (!m_engine) {
        if (m_state == State::Recovering)
            retry(QStringLiteral("no engine configured"));
        else
            failStart(503, QStringLiteral("no engine configured"));
        return;
    }
    // A fresh player id per upstream session: the engine serves one live stream per pid.
    m_pid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qCInfo(lcStream).noquote() << "Starting an engine session for" << label() << "pid" << m_pid;
    // The getstream call outlives the start timeout: an engine that answers late has made a
    // session, and only its answer tells how to stop it (see AceEngine::stopWhenAnswered).
    QNetworkReply *reply = m_engine->requestSession(
            m_source.kind == StreamSource::Kind::AceInfohash ? QStringLiteral("infohash")
                                                             : QStringLiteral("id"),
            m_source.id, m_pid, m_config.startTimeoutMs + 60000);
    m_sessionReply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onEngineSessionReply(reply); });
}

void Broadcast::onEngineSessionReply(QNetworkReply *reply)
{
    reply->deleteLater();
    m_sessionReply = nullptr;
    if (m_state != State::Starting && m_state != State::Recovering)
        return;
    if (!m_engine) {
        failStart(503, QStringLiteral("no engine configured"));
        return;
    }
    const AceEngine::SessionResult result = m_engine->parseSession(reply);
    if (!result.session) {
        if (m_state == State::Recovering)
            retry(result.error);
        else
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
    if (m_state == State::Starting || m_state == State::Recovering) {
        const int status = m_upstream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 400) {
            const QString message
                    = QStringLiteral("%1 answered HTTP %2")
                              .arg(m_source.isAce() ? QStringLiteral("the engine's playback URL")
                                                    : QStringLiteral("the source"))
                              .arg(status);
            if (m_state == State::Recovering)
                retry(message);
            else
                failStart(502, message);
            return;
        }
        if (m_upstream->bytesAvailable() <= 0)
            return;
        m_lastDataMs = now;
        becomeRunning();
        readAndDeliver();
        return;
    }
    if (Q_UNLIKELY(m_silenceLogged)) {
        m_silenceLogged = false;
        qCInfo(lcStream).noquote() << "Data from" << label() << "resumed after"
                                   << QString::number((now - m_lastDataMs) / 1000.0, 'f', 1) << "s";
    }
    m_lastDataMs = now;
    if (m_state != State::Running)
        return;
    // Let a few readyReads gather into one bigger chunk: per player, each chunk costs a
    // syscall, so fewer, larger writes are what keeps the CPU per GB low. A player waiting for
    // its first bytes is served at once, and held bytes wait kGatherMs at most.
    if (!m_pendingJoin && m_upstream->bytesAvailable() < m_config.readChunkBytes) {
        if (!m_gatherTimer.isActive())
            m_gatherTimer.start(kGatherMs);
        return;
    }
    readAndDeliver();
}

void Broadcast::becomeRunning()
{
    const bool recovered = m_state == State::Recovering;
    m_state = State::Running;
    m_startTimer.stop();
    m_retryTimer.stop();
    if (recovered) {
        qCInfo(lcStream).noquote()
                << "Stream" << label() << "recovered after" << m_clock.elapsed() - m_recoverSinceMs
                << "ms (attempt" << QString::number(m_attempts) + ");" << m_sinks.size()
                << "players kept";
        m_recoverSinceMs = -1;
        ++m_recoveries;
    } else {
        qCInfo(lcStream).noquote() << "Stream" << label() << "is flowing after" << m_clock.elapsed()
                                   << "ms;" << m_sinks.size() << "players";
    }
    m_pendingJoin = !m_sinks.isEmpty();
    if (m_statUrl.isValid() && m_config.statPollMs > 0) {
        m_statTimer.start(m_config.statPollMs);
        pollStat();
    }
    Q_EMIT stateChanged(stateName(), QString());
}

void Broadcast::readAndDeliver()
{
    m_gatherTimer.stop();
    if (!m_upstream)
        return;
    const QByteArray chunk = m_upstream->readAll();
    if (chunk.isEmpty())
        return;
    deliver(chunk);
    m_bytesIn += chunk.size();
}

void Broadcast::deliver(const QByteArray &chunk)
{
    const qint64 now = m_clock.elapsed();
    const TsScanner::Result scan = m_scanner.feed(chunk);
    updateCache(chunk, scan);
    if (m_waitKeyframe) {
        m_resumeHeldBytes += chunk.size();
        if (!m_cacheChunks.isEmpty()) {
            m_waitKeyframe = false;
        } else if (m_resumeHeldBytes > kResumeWaitBytes) {
            m_waitKeyframe = false;
            qCInfo(lcStream).noquote() << "No keyframe found in" << m_resumeHeldBytes / 1024
                                       << "KiB of" << label() << "- resuming at a packet boundary";
        }
    }
    m_pendingJoin = false;
    const QList<StreamSink *> sinks = m_sinks; // a player can leave while we write
    for (StreamSink *s : sinks) {
        if (!s->isOpen())
            continue;
        if (Q_LIKELY(s->isAligned())) {
            s->write(chunk);
        } else if (!join(s, chunk, scan)) {
            m_pendingJoin = true;
            continue;
        }
        checkQueue(s, now);
    }
    m_joinFromStart = false;
}

bool Broadcast::join(StreamSink *sink, const QByteArray &chunk, const TsScanner::Result &scan)
{
    // At a start every waiting player gets the stream from its first byte; later joiners (and
    // players resumed after a recovery) from the last keyframe, with its PAT and PMT first.
    if (!m_joinFromStart && !m_cacheChunks.isEmpty()) {
        sink->startStream();
        writeCache(sink);
        sink->setAligned();
        return true;
    }
    if (m_waitKeyframe || scan.firstPacket < 0)
        return false;
    sink->startStream();
    sink->write(chunk, scan.firstPacket);
    sink->setAligned();
    return true;
}

void Broadcast::updateCache(const QByteArray &chunk, const TsScanner::Result &scan)
{
    const QByteArray previous = std::exchange(m_lastChunk, chunk);
    if (m_config.keyframeCacheBytes <= 0)
        return;
    if (scan.keyframe != TsScanner::kNone) {
        m_cacheChunks.clear();
        m_cachePsi = m_scanner.psi();
        if (scan.keyframe >= 0) {
            m_cacheOffset = scan.keyframe;
        } else if (previous.size() >= -scan.keyframe) {
            m_cacheChunks.append(previous);
            m_cacheOffset = previous.size() + scan.keyframe;
        } else {
            return; // not expected: a packet start is always in the chunk before
        }
        m_cacheChunks.append(chunk);
        m_cacheBytes = m_cachePsi.size() - m_cacheOffset;
        for (const QByteArray &c : std::as_const(m_cacheChunks))
            m_cacheBytes += c.size();
        return;
    }
    if (m_cacheChunks.isEmpty())
        return;
    m_cacheChunks.append(chunk);
    m_cacheBytes += chunk.size();
    if (m_cacheBytes > m_config.keyframeCacheBytes) {
        if (!m_cacheOverflowLogged) {
            m_cacheOverflowLogged = true;
            qCInfo(lcStream).noquote()
                    << "A keyframe interval of" << label() << "is over"
                    << m_config.keyframeCacheBytes / 1024
                    << "KiB (stream_keyframe_cache_kib): joiners wait for the next packet";
        }
        dropCache();
    }
}

void Broadcast::dropCache()
{
    m_cacheChunks.clear();
    m_cachePsi.clear();
    m_cacheBytes = 0;
    m_cacheOffset = 0;
}

void Broadcast::writeCache(StreamSink *sink)
{
    sink->write(m_cachePsi);
    for (qsizetype i = 0; i < m_cacheChunks.size(); ++i)
        sink->write(m_cacheChunks.at(i), i == 0 ? m_cacheOffset : 0);
}

void Broadcast::checkQueue(StreamSink *sink, qint64 nowMs)
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
    if (m_state == State::Ended || m_state == State::Starting)
        return;
    const qint64 now = m_clock.elapsed();
    m_rateIn.sample(now, m_bytesIn);
    for (StreamSink *s : std::as_const(m_sinks))
        s->sampleRate(now);
    // Players who joined while the upstream was silent wait as at a start.
    const QList<StreamSink *> sinks = m_sinks;
    for (StreamSink *s : sinks) {
        s->checkPeer(); // may emit gone(): removed from m_sinks, deleted later
        if (!s->isStreaming() && s->isOpen()
            && s->connectedAt().msecsTo(QDateTime::currentDateTimeUtc())
                       >= m_config.startTimeoutMs) {
            const QString message = QStringLiteral("%1 sent no data within %2 s")
                                            .arg(what())
                                            .arg(m_config.startTimeoutMs / 1000);
            disconnect(s, &StreamSink::gone, this, nullptr);
            s->fail(504, message);
            removeSink(s, message, false);
        }
    }
    if (m_state == State::Recovering) {
        if (now - m_recoverSinceMs >= m_config.recoverMs) {
            finish(QStringLiteral("recovery gave up after %1 s: %2")
                           .arg((now - m_recoverSinceMs) / 1000)
                           .arg(m_recoverReason));
        } else if (m_upstream && !m_retryTimer.isActive()
                   && now - m_attemptSinceMs >= m_config.stallMs) {
            retry(QStringLiteral("no data from %1 for %2 s")
                          .arg(what())
                          .arg(m_config.stallMs / 1000));
        }
        return;
    }
    if (!m_silenceLogged && now - m_lastDataMs >= 1000) {
        m_silenceLogged = true;
        qCWarning(lcStream).noquote()
                << "No data from" << label() << "for" << (now - m_lastDataMs) / 1000 << "s";
    }
    if (now - m_lastDataMs > m_config.emptyTimeoutMs) {
        finish(QStringLiteral("no data from %1 for %2 s")
                       .arg(what())
                       .arg(m_config.emptyTimeoutMs / 1000));
        return;
    }
    if (now - m_lastDataMs >= m_config.stallMs) {
        upstreamFailed(QStringLiteral("no data from %1 for %2 s")
                               .arg(what())
                               .arg(m_config.stallMs / 1000));
        return;
    }
    for (StreamSink *s : sinks) {
        if (s->isOpen() && s->overCapSince() != 0)
            checkQueue(s, now);
    }
}

void Broadcast::addSink(StreamSink *sink)
{
    sink->setParent(this);
    m_sinks.append(sink);
    connect(sink, &StreamSink::gone, this,
            [this, sink] { removeSink(sink, QStringLiteral("hung up"), false); });
    if (m_channel.isEmpty() && sink->info().channelId > 0) {
        m_channel = QJsonObject {{QStringLiteral("id"), sink->info().channelId},
                                 {QStringLiteral("name"), sink->info().channelName},
                                 {QStringLiteral("number"), sink->info().channelNumber}};
    }
    if (m_lingerTimer.isActive()) {
        m_lingerTimer.stop();
        qCInfo(lcStream).noquote() << "Player" << sink->id() << "came back to" << label()
                                   << "within the linger: served from the running session";
        if (m_state == State::Running)
            Q_EMIT stateChanged(stateName(), QString());
    }
    qCInfo(lcStream).noquote() << "Player" << sink->id() << "(" + sink->address() + ")"
                               << "joined" << label() << "-" << m_sinks.size() << "players";
    if (m_state != State::Running)
        return; // it waits for the first bytes, as at a start
    const bool fresh = m_clock.elapsed() - m_lastDataMs < kFreshMs;
    if (fresh && !m_cacheChunks.isEmpty() && !m_waitKeyframe) {
        // A picture at once: the bytes since the last keyframe, then the live ones.
        sink->startStream();
        writeCache(sink);
        sink->setAligned();
        checkQueue(sink, m_clock.elapsed());
        return;
    }
    m_pendingJoin = true;
    if (m_upstream && m_upstream->bytesAvailable() > 0)
        readAndDeliver();
}

bool Broadcast::dropSink(quint64 id, const QString &reason)
{
    StreamSink *s = sink(id);
    if (!s)
        return false;
    removeSink(s, reason, true);
    return true;
}

void Broadcast::removeSink(StreamSink *sink, const QString &reason, bool dropped)
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
        sink->close(true); // a reset: nothing queued lingers in the kernel for a dead reader
    } else if (m_state != State::Ended) {
        qCInfo(lcStream).noquote()
                << "Player" << id << "(" + sink->address() + ")" << reason << "- left" << label()
                << "after" << seconds << "s," << sink->bytesSent() / 1024 << "KiB sent;"
                << m_sinks.size() << "players left";
    }
    sink->deleteLater();
    Q_EMIT sinkRemoved(id, tag, reason);
    updateLinger();
}

void Broadcast::updateLinger()
{
    if (!m_sinks.isEmpty() || m_state == State::Ended || m_lingerTimer.isActive())
        return;
    if (m_state == State::Recovering) {
        finish(QStringLiteral("no players left while recovering"));
        return;
    }
    qCInfo(lcStream).noquote() << "No players left on" << label() << "- stopping in"
                               << m_config.lingerMs / 1000 << "s unless one comes back";
    m_lingerTimer.start(m_config.lingerMs); // 0 still goes through the event loop
    if (m_state == State::Running)
        Q_EMIT stateChanged(stateName(), QString());
}

void Broadcast::onUpstreamFinished()
{
    if (m_state == State::Ended || !m_upstream)
        return;
    QNetworkReply *reply = m_upstream;
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString reason;
    int status = 502;
    if (httpStatus >= 400) {
        reason = QStringLiteral("%1 answered HTTP %2").arg(what()).arg(httpStatus);
    } else if (m_state != State::Running && httpStatus == 0
               && reply->error() != QNetworkReply::NoError) {
        status = 503;
        reason = QStringLiteral("%1 is unreachable: %2").arg(what(), reply->errorString());
    } else if (m_state != State::Running) {
        reason = QStringLiteral("%1 closed the stream before sending data").arg(what());
    } else {
        reason = reply->error() != QNetworkReply::NoError
                         ? QStringLiteral("%1 failed: %2").arg(what(), reply->errorString())
                         : QStringLiteral("%1 closed the stream").arg(what());
    }
    switch (m_state) {
    case State::Starting:
        failStart(status, reason);
        return;
    case State::Recovering:
        retry(reason);
        return;
    case State::Running:
        if (reply->bytesAvailable() > 0)
            readAndDeliver();
        upstreamFailed(reason);
        return;
    case State::Ended:
        return;
    }
}

void Broadcast::releaseUpstream()
{
    m_gatherTimer.stop();
    m_statTimer.stop();
    for (QNetworkReply *reply : {m_upstream.data(), m_statReply.data()}) {
        if (reply) {
            // Deleting an unfinished reply aborts it; abort() itself must not run inside the
            // reply's own signal, which is where a failure often comes from.
            disconnect(reply, nullptr, this, nullptr);
            reply->deleteLater();
        }
    }
    m_upstream = nullptr;
    m_statReply = nullptr;
    if (m_sessionReply && m_engine) {
        disconnect(m_sessionReply, nullptr, this, nullptr);
        m_engine->stopWhenAnswered(m_sessionReply, label());
    }
    m_sessionReply = nullptr;
    sendStopCommand();
    m_statUrl = QUrl();
    m_stat = QJsonObject();
}

void Broadcast::upstreamFailed(const QString &reason)
{
    if (m_sinks.isEmpty() || m_config.recoverMs <= 0) {
        finish(reason);
        return;
    }
    qCWarning(lcStream).noquote() << "Upstream of" << label() << "lost:" << reason
                                  << "- re-opening it for up to" << m_config.recoverMs / 1000
                                  << "s;" << m_sinks.size() << "players kept";
    if (m_upstream && m_upstream->bytesAvailable() > 0)
        readAndDeliver();
    releaseUpstream();
    // Players keep a whole number of packets: a packet the old upstream cut short is filled
    // up, so the resumed stream starts on a packet boundary.
    if (const qsizetype partial = m_scanner.partialBytes(); partial > 0) {
        const QByteArray fill(TsScanner::kPacket - partial, char(0xff));
        for (StreamSink *s : std::as_const(m_sinks)) {
            if (s->isAligned())
                s->write(fill);
        }
    }
    m_scanner.reset();
    dropCache();
    m_lastChunk.clear();
    for (StreamSink *s : std::as_const(m_sinks))
        s->setAligned(false);
    m_waitKeyframe = true;
    m_resumeHeldBytes = 0;
    m_silenceLogged = false;
    m_state = State::Recovering;
    m_recoverSinceMs = m_clock.elapsed();
    m_recoverReason = reason;
    m_attempts = 0;
    Q_EMIT stateChanged(stateName(), reason);
    openSource();
}

void Broadcast::retry(const QString &reason)
{
    m_recoverReason = reason;
    releaseUpstream();
    const qint64 left = m_config.recoverMs - (m_clock.elapsed() - m_recoverSinceMs);
    if (left <= 0) {
        finish(QStringLiteral("recovery gave up after %1 s: %2")
                       .arg(m_config.recoverMs / 1000)
                       .arg(reason));
        return;
    }
    const int delay
            = int(qMin<qint64>(qMin(kRetryFirstMs << qMin(m_attempts - 1, 4), kRetryMaxMs), left));
    qCInfo(lcStream).noquote() << "Re-opening" << label() << "failed:" << reason
                               << "- trying again in" << delay << "ms";
    m_retryTimer.start(delay);
}

void Broadcast::failStart(int status, const QString &message)
{
    if (m_state != State::Starting)
        return;
    qCWarning(lcStream).noquote() << "Cannot start" << label() << ":" << message << "- answering"
                                  << status << "to" << m_sinks.size() << "waiting players";
    m_state = State::Ended; // players answered now are not "leaving" a running stream
    const QList<StreamSink *> sinks = m_sinks;
    for (StreamSink *s : sinks)
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
    const bool wasStarted = m_state != State::Starting;
    m_state = State::Ended;
    m_startTimer.stop();
    m_lingerTimer.stop();
    m_retryTimer.stop();
    releaseUpstream();
    if (wasStarted)
        qCInfo(lcStream).noquote()
                << "Stream" << label() << "ended:" << reason << "-" << m_bytesIn / 1024
                << "KiB received," << m_sinks.size() << "players closed";
    const QList<StreamSink *> sinks = m_sinks;
    for (StreamSink *s : sinks) {
        if (s->isStreaming())
            s->close(false); // what is queued still reaches the player
        else
            s->fail(503, QStringLiteral("stream ended: %1").arg(reason));
        removeSink(s, reason, false);
    }
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
    for (const StreamSink *s : m_sinks)
        clients.append(s->toJson());
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
            {QStringLiteral("rate_in"), qRound64(rateIn())},
            {QStringLiteral("recoveries"), m_recoveries},
            {QStringLiteral("channel"), m_channel.isEmpty() ? QJsonValue() : QJsonValue(m_channel)},
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
