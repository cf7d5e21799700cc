#pragma once

#include "ratemeter.h"
#include "streamsource.h"
#include "tsscanner.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class AceEngine;
class QNetworkReply;
class Settings;
class StreamSink;

// The proxy's settings, as one snapshot the StreamManager hands to each Broadcast.
struct StreamConfig
{
    int startTimeoutMs = 30000;
    int lingerMs = 15000;
    int emptyTimeoutMs = 60000;
    int stallMs = 10000;
    int recoverMs = 30000;
    qint64 maxQueuedBytes = 8 * 1024 * 1024;
    int behindTimeoutMs = 10000;
    int maxEngineSessions = 8;
    int statPollMs = 5000;
    qint64 readChunkBytes = 32 * 1024;
    qint64 keyframeCacheBytes = 8 * 1024 * 1024;

    static StreamConfig fromSettings(const Settings &settings);
};

// One upstream fanned out to many players: an AceStream engine session (getstream json, then
// the playback URL) or a plain http(s) MPEG-TS URL. Bytes read on the upstream's readyRead go
// straight into every player's sink as one shared QByteArray. It keeps the bytes since the
// stream's last keyframe (shared chunks, no copy) for players who join, and re-opens a failed
// upstream while its players wait (see docs/proxy.md, "Recovery").
class Broadcast final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Broadcast)

public:
    enum class State { Starting, Running, Recovering, Ended };

    // network: carries the upstream GET (the StreamManager's pool; it outlives the broadcast).
    Broadcast(const StreamSource &source, AceEngine *engine, QNetworkAccessManager *network,
              const StreamConfig &config, QObject *parent = nullptr);
    ~Broadcast() override;

    const StreamSource &source() const { return m_source; }
    QString key() const { return m_key; }
    State state() const { return m_state; }
    // starting, running, lingering, recovering, ended
    QString stateName() const;
    bool isLingering() const { return m_lingerTimer.isActive(); }
    QList<StreamSink *> sinks() const { return m_sinks; }
    StreamSink *sink(quint64 id) const;
    qint64 bytesIn() const { return m_bytesIn; }
    double rateIn() const { return m_rateIn.rate(); }
    QDateTime startedAt() const { return m_startedAt; }
    QString pid() const { return m_pid; }
    QUrl statUrl() const { return m_statUrl; }
    QUrl commandUrl() const { return m_commandUrl; }
    QJsonObject engineStat() const { return m_stat; }
    int recoveries() const { return m_recoveries; }
    void setConfig(const StreamConfig &config) { m_config = config; }

    void start();
    // Adds a player: it gets the stream once data flows (at once, from the last keyframe, if it
    // already does).
    void addSink(StreamSink *sink);
    bool dropSink(quint64 id, const QString &reason);
    // Ends the broadcast: players' connections close, the engine is told to stop.
    void stop(const QString &reason);
    // Called about once a second: stalls, recovery deadlines, waiting and slow players, rates.
    void checkTimeouts();

    QJsonObject toJson() const;

Q_SIGNALS:
    void sinkRemoved(quint64 id, const QString &tag, const QString &reason);
    // state: running, lingering, recovering (starting is the state of a new broadcast).
    void stateChanged(const QString &state, const QString &reason);
    // The broadcast has ended; the owner deletes it later.
    void finished(const QString &reason);

private:
    void openSource();
    void requestEngineSession();
    void onEngineSessionReply(QNetworkReply *reply);
    void openUpstream(const QUrl &url);
    void onUpstreamReadyRead();
    void onUpstreamFinished();
    void becomeRunning();
    void readAndDeliver();
    void deliver(const QByteArray &chunk);
    bool join(StreamSink *sink, const QByteArray &chunk, const TsScanner::Result &scan);
    void updateCache(const QByteArray &chunk, const TsScanner::Result &scan);
    void dropCache();
    void writeCache(StreamSink *sink);
    void checkQueue(StreamSink *sink, qint64 nowMs);
    void removeSink(StreamSink *sink, const QString &reason, bool dropped);
    void upstreamFailed(const QString &reason);
    void retry(const QString &reason);
    void releaseUpstream();
    void failStart(int status, const QString &message);
    void finish(const QString &reason);
    void sendStopCommand();
    void pollStat();
    void updateLinger();
    QString what() const; // "the engine" or "the source", for messages
    QString label() const;

    StreamSource m_source;
    QString m_key;
    QPointer<AceEngine> m_engine;
    StreamConfig m_config;
    State m_state = State::Starting;
    QString m_pid;
    QUrl m_statUrl;
    QUrl m_commandUrl;
    QJsonObject m_stat;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    QJsonObject m_channel; // of the first player whose route knew it

    QPointer<QNetworkAccessManager> m_network;
    QPointer<QNetworkReply> m_sessionReply;
    QPointer<QNetworkReply> m_upstream;
    QPointer<QNetworkReply> m_statReply;
    QList<StreamSink *> m_sinks; // children; oldest first
    bool m_pendingJoin = false; // a player waits for its first aligned bytes
    bool m_joinFromStart
            = true; // the first bytes of a start go to every waiting player as they are
    qint64 m_bytesIn = 0;
    RateMeter m_rateIn;
    qint64 m_lastDataMs = 0;
    bool m_silenceLogged = false;

    // Join at a keyframe: the psi (PAT + PMT) and the chunks since the last random-access
    // point, the first from m_cacheOffset on.
    TsScanner m_scanner;
    QByteArray m_lastChunk;
    QByteArray m_cachePsi;
    QList<QByteArray> m_cacheChunks;
    qsizetype m_cacheOffset = 0;
    qint64 m_cacheBytes = 0;
    bool m_cacheOverflowLogged = false;

    // Recovery: a failed upstream re-opened while the players wait.
    qint64 m_recoverSinceMs = -1;
    qint64 m_attemptSinceMs = 0;
    int m_attempts = 0;
    int m_recoveries = 0;
    QString m_recoverReason;
    bool m_waitKeyframe = false; // resumed players get bytes from a keyframe on
    qint64 m_resumeHeldBytes = 0;

    QTimer m_startTimer;
    QTimer m_lingerTimer;
    QTimer m_statTimer;
    QTimer m_retryTimer;
    QTimer m_gatherTimer;
};
