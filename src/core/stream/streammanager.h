#pragma once

#include "engine/networkpool.h"

#include "broadcast.h"
#include "streamsource.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <vector>

class AceEngine;
class StreamSink;

// Owns every running Broadcast, one per source key, and serves players on them: the first
// player of a key starts the upstream, the others join it.
class StreamManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamManager)

public:
    StreamManager(AceEngine *engine, const StreamConfig &config, QObject *parent = nullptr);
    ~StreamManager() override;

    void setConfig(const StreamConfig &config);
    StreamConfig config() const { return m_config; }

    // Serves one player on the source and takes the sink (http/ makes it from the request; its
    // info() tag groups players, e.g. "user:alice", for per-user limits). Returns the player
    // id, or 0 when the player was refused at once (the sink answered 400/503 and is gone).
    quint64 attach(const StreamSource &source, StreamSink *sink);
    int clientCountForTag(const QString &tag) const;
    QList<quint64> clientsForTag(const QString &tag) const; // oldest first
    bool dropClient(quint64 clientId, const QString &reason);

    int streamCount() const { return int(m_broadcasts.size()); }
    int clientCount() const;
    int engineSessionCount() const;
    Broadcast *stream(const QString &key) const { return m_broadcasts.value(key); }
    QStringList keys() const { return m_broadcasts.keys(); }
    // Ends a stream at once (players' connections close, the engine is told to stop).
    bool stopStream(const QString &key, const QString &reason);
    void stopAll(const QString &reason);
    QJsonArray toJson() const;
    // The player object of /api/streams; empty for an unknown id.
    QJsonObject playerJson(quint64 clientId) const;

Q_SIGNALS:
    void clientAttached(quint64 clientId, const QString &tag);
    void clientDetached(quint64 clientId, const QString &tag);
    void playerJoined(const QString &key, quint64 clientId);
    void playerLeft(const QString &key, quint64 clientId, const QString &reason);
    void streamStarted(const QString &key);
    // state: running, lingering, recovering; reason for recovering (what failed).
    void streamStateChanged(const QString &key, const QString &state, const QString &reason);
    void streamEnded(const QString &key, const QString &reason);

private:
    Broadcast *createBroadcast(const StreamSource &source);
    void onFinished(Broadcast *broadcast, const QString &reason);
    void onTick();

    QNetworkAccessManager *networkForUpstream();

    QPointer<AceEngine> m_engine;
    // Upstreams are spread over a few QNetworkAccessManagers, kept for AceHub's lifetime: one
    // QNAM opens at most 6 connections per host and every upstream holds one forever, and
    // deleting a QNAM waits for its HTTP thread, which the server thread must never do.
    NetworkPool m_networks {4}; // upstreams: below QNAM's 6 connections per host
    QHash<Broadcast *, QNetworkAccessManager *> m_networkOf;
    StreamConfig m_config;
    QHash<QString, Broadcast *> m_broadcasts; // children
    QHash<quint64, Broadcast *> m_clients; // player id -> its broadcast
    quint64 m_nextClientId = 1;
    QTimer m_tick;
};
