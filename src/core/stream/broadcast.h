#pragma once

#include "streamsource.h"

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
class ClientSink;
class QNetworkReply;
class Settings;

// The proxy's settings, as one snapshot the StreamManager hands to each Broadcast.
struct StreamConfig
{
    int startTimeoutMs = 30000;
    int lingerMs = 15000;
    int emptyTimeoutMs = 60000;
    qint64 maxQueuedBytes = 8 * 1024 * 1024;
    int behindTimeoutMs = 10000;
    int maxEngineSessions = 8;
    // Sessions players without an account (/ace/getstream) may start; below
    // maxEngineSessions, the rest are always left for Xtream users.
    int maxAnonymousSessions = 2;
    int statPollMs = 5000;
    qint64 readChunkBytes = 32 * 1024;

    static StreamConfig fromSettings(const Settings &settings);
};

// One upstream fanned out to many players: an AceStream engine session (getstream json, then
// the playback URL) or a plain http(s) MPEG-TS URL. Bytes read on the upstream's readyRead go
// straight into every player's socket as one shared QByteArray; nothing is queued here.
class Broadcast final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Broadcast)

public:
    enum class State { Starting, Running, Ended };

    // network: carries the upstream GET (the StreamManager's pool; it outlives the broadcast).
    Broadcast(const StreamSource &source, AceEngine *engine, QNetworkAccessManager *network,
              const StreamConfig &config, QObject *parent = nullptr);
    ~Broadcast() override;

    const StreamSource &source() const { return m_source; }
    QString key() const { return m_key; }
    State state() const { return m_state; }
    QString stateName() const;
    bool isLingering() const { return m_lingerTimer.isActive(); }
    QList<ClientSink *> sinks() const { return m_sinks; }
    ClientSink *sink(quint64 id) const;
    qint64 bytesIn() const { return m_bytesIn; }
    QDateTime startedAt() const { return m_startedAt; }
    QString pid() const { return m_pid; }
    QUrl statUrl() const { return m_statUrl; }
    QUrl commandUrl() const { return m_commandUrl; }
    QJsonObject engineStat() const { return m_stat; }
    void setConfig(const StreamConfig &config) { m_config = config; }

    void start();
    // Adds a player: it gets the 200 once data flows (at once if it already does).
    void addSink(ClientSink *sink);
    bool dropSink(quint64 id, const QString &reason);
    // Ends the broadcast: players' connections close, the engine is told to stop.
    void stop(const QString &reason);
    // Called about once a second: the empty timeout and players stuck over the queue cap.
    void checkTimeouts();

    QJsonObject toJson() const;

Q_SIGNALS:
    void sinkRemoved(quint64 id, const QString &tag);
    // The broadcast has ended; the owner deletes it later.
    void finished(const QString &reason);

private:
    void requestEngineSession();
    void onEngineSessionReply(QNetworkReply *reply);
    void openUpstream(const QUrl &url);
    void onUpstreamReadyRead();
    void onUpstreamFinished();
    void becomeRunning();
    void readAndDeliver();
    void deliver(const QByteArray &chunk);
    qsizetype packetBoundary(const QByteArray &chunk);
    void checkQueue(ClientSink *sink, qint64 nowMs);
    void removeSink(ClientSink *sink, const QString &reason, bool dropped);
    void failStart(int status, const QString &message);
    void finish(const QString &reason);
    void sendStopCommand();
    void pollStat();
    void updateLinger();
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

    QPointer<QNetworkAccessManager> m_network;
    QPointer<QNetworkReply> m_sessionReply;
    QPointer<QNetworkReply> m_upstream;
    QPointer<QNetworkReply> m_statReply;
    QList<ClientSink *> m_sinks; // children; oldest first
    bool m_pendingJoin = false; // a player waits for its first aligned bytes
    qint64 m_bytesIn = 0;
    qint64 m_lastDataMs = 0;
    qint64 m_lastDeliverMs = 0;
    bool m_silenceLogged = false;
    qint64 m_syncPhase = -1; // stream offset modulo 188 of packet starts; -1 until found

    QTimer m_startTimer;
    QTimer m_lingerTimer;
    QTimer m_statTimer;
};
