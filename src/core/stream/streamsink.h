#pragma once

#include "ratemeter.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

// Who a player is, as far as the stream core knows: what the route that made its sink knew.
struct PlayerInfo
{
    QString tag; // groups players for per-user limits ("user:alice"); empty for none
    QString user; // the Xtream username; empty for anonymous /ace players
    qint64 channelId = 0; // the catalog channel it plays; 0 when the route does not know one
    QString channelName;
    qint64 channelNumber = 0;
};

// One player as the stream core sees it: somewhere to write a stream's bytes. The stream core
// never knows how the bytes travel (http/ makes sinks from requests: SocketSink); it starts the
// stream (the success head), writes shared chunks, fails a start with a status and a short
// text, and closes gracefully or with a reset. A sink emits gone() once when its player goes.
class StreamSink : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamSink)

public:
    ~StreamSink() override;

    quint64 id() const { return m_id; }
    void setId(quint64 id) { m_id = id; } // by the StreamManager when it attaches the sink
    const PlayerInfo &info() const { return m_info; }
    void setInfo(const PlayerInfo &info) { m_info = info; }
    QString tag() const { return m_info.tag; }
    QString address() const { return m_address; }
    QString userAgent() const { return m_userAgent; }
    QDateTime connectedAt() const { return m_connectedAt; }
    qint64 bytesSent() const { return m_bytesSent; }
    // Bytes per second over the last ~5 s (sampled once a second by the StreamManager).
    double rate() const { return m_rate.rate(); }
    void sampleRate(qint64 nowMs) { m_rate.sample(nowMs, m_bytesSent); }

    bool isStreaming() const { return m_streaming; }
    // False until the first byte was written at a TS packet boundary.
    bool isAligned() const { return m_aligned; }
    void setAligned(bool aligned = true) { m_aligned = aligned; }
    // Monotonic ms since the queue went over the cap; 0 while under it.
    qint64 overCapSince() const { return m_overCapSince; }
    void setOverCapSince(qint64 ms) { m_overCapSince = ms; }

    // Bytes written and not yet taken by the player's connection.
    virtual qint64 bytesQueued() const = 0;
    virtual bool isOpen() const = 0;
    // Sends the success head once (for HTTP: "200 OK" and the stream's headers).
    void startStream();
    // Writes chunk from offset on. Full chunks are handed over shared (no copy).
    void write(const QByteArray &chunk, qsizetype offset = 0);
    // Before startStream(): answers an error status with a short text and closes.
    virtual void fail(int status, const QString &text) = 0;
    // Ends the stream: graceful (what is queued still goes out) or abort (a reset: nothing
    // queued is kept, by us or the kernel).
    virtual void close(bool abort) = 0;
    // Called about once a second: finds out whether a player that nothing was written to lately
    // has hung up (a sink that learns it only from failed writes). Emits gone() if so.
    virtual void checkPeer() { }

    // The player object of /api/streams.
    QJsonObject toJson() const;

Q_SIGNALS:
    // The player's connection closed (it hung up, or close() finished). Emitted once.
    void gone(quint64 id);

protected:
    StreamSink(const QString &address, const QString &userAgent, QObject *parent = nullptr);
    virtual void writeHead() = 0;
    virtual void writeBytes(const QByteArray &chunk, qsizetype offset) = 0;
    // For the implementation: its player went away.
    void notifyGone();

private:
    quint64 m_id = 0;
    PlayerInfo m_info;
    QString m_address;
    QString m_userAgent;
    QDateTime m_connectedAt;
    qint64 m_bytesSent = 0;
    qint64 m_overCapSince = 0;
    RateMeter m_rate;
    bool m_streaming = false;
    bool m_aligned = false;
    bool m_gone = false;
};
