#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <deque>
#include <optional>

class AceEngine;
class ChannelChecker;
class Logger;
class SourceManager;
class StreamManager;
struct LogLine;

// What changes in AceHub, as the events of GET /api/events (docs/admin-api.md): it watches the
// streams, the engine, imports, checks and the log, and is told of edits (changed()). Each
// event is formatted once, as the bytes every event client gets; the last kReplay events that
// carry an id are kept for clients that reconnect with Last-Event-ID. No HTTP here: the events
// route (http/) writes what published() hands it.
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    static constexpr int kReplay = 1000;

    // One event, ready for the wire ("id: …\nevent: …\ndata: …\n\n").
    struct Event
    {
        QByteArray wire;
        int logRank = -1; // a log line's level (LogLine::levelRank); -1: not a log line
    };

    explicit EventHub(QObject *parent = nullptr);
    ~EventHub() override;

    // The sources of events; each may be null. They must outlive this hub or be QObjects it
    // can watch (all are).
    void watchStreams(StreamManager *streams);
    void watchEngine(AceEngine *engine);
    void watchImports(SourceManager *sources);
    void watchChecks(ChannelChecker *checker);
    void watchLog(Logger *logger);

    QString instance() const { return m_instance; }
    QString lastId() const; // "" before the first event with an id

    // An event with an id, kept for the replay.
    void publish(const QString &type, const QJsonObject &data);
    // An event without an id, not replayed (stats, log lines: a reconnecting client wants the
    // next ones, not the missed ones, and they must not push the rest out of the replay).
    void publishTransient(const QString &type, const QJsonObject &data, int logRank = -1);
    // "changed": area ("settings", "users", "channels", …), action ("created", "updated",
    // "deleted", "bulk", "restored"), the ids or keys concerned (empty: not given).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids = {},
                 const QStringList &keys = {});

    // How many clients listen (EventsRoutes tells). The once-a-second stats are built only while
    // someone listens and something streams: with no client they would cost a JSON build of
    // every player each second for nobody.
    void setListeners(int count);

    // What a client connecting now gets first: "hello".
    QByteArray helloEvent() const;
    // The events after lastEventId, oldest first; nothing when the client has everything;
    // nullopt when that id is unknown (another instance, or older than the replay): then the
    // client gets resyncEvent().
    std::optional<QList<QByteArray>> replayAfter(const QByteArray &lastEventId) const;
    QByteArray resyncEvent() const;

Q_SIGNALS:
    // Every event, as it happens (for the event clients).
    void published(const EventHub::Event &event);

private:
    static QByteArray format(const QByteArray &id, const QString &type, const QJsonObject &data);
    void onPlayerJoined(const QString &key, quint64 clientId);
    void onStreamStarted(const QString &key);
    void onStreamEnded(const QString &key, const QString &reason);
    void onLogLine(const LogLine &line);
    void onImportProgress(int kind, int id, const QJsonObject &progress);
    void tick();

    QString m_instance;
    quint64 m_next = 1;
    std::deque<QPair<quint64, QByteArray>> m_replay; // (n, wire), oldest first

    QPointer<StreamManager> m_streams;
    QPointer<AceEngine> m_engine;
    QPointer<SourceManager> m_sources;
    QTimer m_stats; // once a second while anything streams and anyone listens
    int m_listeners = 0;
    bool m_statsSent = false; // a non-empty stats went out: one empty one follows the end
    QHash<quint64, qint64> m_playerBytes; // player id -> bytes sent at the last tick
    QHash<QString, qint64> m_streamBytes; // key -> bytes in at the last tick
    struct ImportSeen
    {
        QString state;
        qint64 reportedMs = 0;
    };
    QHash<quint64, ImportSeen> m_imports; // (kind << 32 | id) -> what was last sent
};
