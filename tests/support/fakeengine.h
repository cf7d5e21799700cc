#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>

class QTcpSocket;

// A fake AceStream engine: a real HTTP/1.1 server (127.0.0.1 by default) that speaks the part of
// the engine API AceHub uses (shared/reference/ENGINE_API.md) and plays real MPEG-TS (H.264 +
// MP2 made once by ffmpeg at build time, looped) at a chosen bitrate. It doubles as a plain
// HTTP MPEG-TS source for direct channels. Used in-process by the tests and as the executable
// `acehub-fake-engine` (see fakeengine_main.cpp) for trying AceHub and for the benchmark.
//
// Routes (GET only; any content id or infohash of 40 hex is accepted):
//   /webui/api/service?method=get_version          {"result": {"version": "3.1.74", ...}}
//   /server/api?method=get_media_files&content_id= {"result": {"files": [...], "infohash": ...}}
//   /ace/getstream?id|content_id|infohash=<40 hex>&format=json&pid=<pid>
//        starts a session: {"response": {"playback_url", "stat_url", "command_url", ...}}
//   /ace/getstream?id=<40 hex>                     starts a session and streams TS directly
//   /ace/r/<infohash>/<session>                    the session's playback (302 to
//                                                  /content/<infohash>/<session> if
//                                                  redirectPlayback)
//   /ace/stat/<infohash>/<session>                 {"response": {"status": "dl", "peers", ...}}
//   /ace/cmd/<infohash>/<session>?method=stop      ends the session, closes its playbacks
//   /ts/<name>                                     a plain endless TS source (direct channels)
// Playback bodies are close-delimited MPEG-TS written in slices that do not respect packet
// boundaries, paced to bitrateKbps.
//
// Faults (set faults() before the request they should affect):
//   errorMessage      getstream json answers {"response": null, "error": errorMessage}
//   getstreamDelayMs  getstream answers only after this delay
//   startDelayMs      playback sends headers at once but its first byte only after this delay
//   stallAfterBytes / stallMs   playback sends nothing for stallMs after stallAfterBytes
//   closeAfterBytes   playback closes the connection after this many bytes (an engine
//                     restart, a P2P stall it gives up on); closePlaybacks: how many playbacks
//                     it ends (-1: every one), later sessions play on
//   failStops         the next failStops stop commands answer HTTP 500 and stop nothing
//   playbackStatus    playback (and /ts/) answers this HTTP status with a short text instead
//   setRefusing(true) closes the listening socket: connections are refused until false
class FakeEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeEngine)

public:
    struct Faults
    {
        QString errorMessage;
        int getstreamDelayMs = 0;
        int startDelayMs = 0;
        qint64 stallAfterBytes = -1;
        int stallMs = 0;
        qint64 closeAfterBytes = -1;
        int closePlaybacks = -1;
        int failStops = 0;
        int playbackStatus = 0;
    };

    explicit FakeEngine(QObject *parent = nullptr);
    ~FakeEngine() override;

    // port 0: any free port. Returns false (and why in errorString()) if it cannot listen.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    QString baseUrl() const; // http://127.0.0.1:<port>

    void setBitrateKbps(int kbps) { m_bitrateKbps = kbps; }
    int bitrateKbps() const { return m_bitrateKbps; }
    void setRedirectPlayback(bool redirect) { m_redirectPlayback = redirect; }
    // The TS looped by every playback; defaults to the ffmpeg sample built with the tests.
    bool loadTs(const QString &path);
    const QByteArray &tsData() const { return m_ts; }
    static QString defaultTsPath();
    // The same picture with a keyframe every 4 s (GOP of 100 frames at 25 fps) instead of 1 s.
    static QString longGopTsPath();

    Faults &faults() { return m_faults; }
    void setRefusing(bool refusing);

    // Counters since construction (or resetCounters()).
    int requestCount() const { return m_requests.size(); }
    QStringList requests() const { return m_requests; } // "GET /path?query" in arrival order
    int getstreamRequests() const { return m_getstreamRequests; }
    int sessionsStarted() const { return m_sessionsStarted; }
    int sessionsStopped() const { return m_sessionsStopped; }
    int stopsRefused() const { return m_stopsRefused; }
    int statRequests() const { return m_statRequests; }
    int playbackConnections() const { return m_playbackConnections; }
    int activePlaybacks() const { return int(m_streams.size()); }
    int directRequests() const { return m_directRequests; }
    qint64 bytesServed() const { return m_bytesServed; }
    QStringList pids() const { return m_pids; } // the pid of each getstream, in order
    // The local address each session playback was reached on (what the client connected to).
    QStringList playbackAddresses() const { return m_playbackAddresses; }
    void resetCounters();

Q_SIGNALS:
    void requestReceived(const QString &line);
    void sessionStopped(const QString &session);

private:
    struct Session
    {
        QString id;
        QString infohash;
        QString pid;
        bool stopped = false;
        qint64 bytesSent = 0;
    };
    struct Stream
    {
        QPointer<QTcpSocket> socket;
        QString session; // empty for /ts/ sources
        qint64 sent = 0;
        qint64 position = 0; // in m_ts
        double budget = 0;
        qint64 startAtMs = 0; // first byte not before this (slow start)
        qint64 stallUntilMs = -1;
        bool stalled = false;
        qint64 closeAfter = -1;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target);
    void answer(QTcpSocket *socket, int status, const QByteArray &type, const QByteArray &body,
                const QByteArray &extraHeaders = {});
    void answerJson(QTcpSocket *socket, const QJsonObject &object);
    void getstream(QTcpSocket *socket, const QUrlQuery &query);
    void startStream(QTcpSocket *socket, const QString &session);
    void stopSession(const QString &id);
    void onTick();
    Session *session(const QString &path, QString *infohash);

    QTcpServer m_server;
    QHostAddress m_address = QHostAddress::LocalHost;
    quint16 m_port = 0;
    QString m_error;
    QByteArray m_ts;
    int m_bitrateKbps = 8000;
    bool m_redirectPlayback = false;
    Faults m_faults;
    QHash<QString, Session> m_sessions;
    QList<Stream> m_streams;
    QHash<QTcpSocket *, QByteArray> m_pending; // request bytes read so far
    QTimer m_tick;
    QElapsedTimer m_clock;
    qint64 m_lastTickMs = 0;
    int m_nextSession = 1;

    QStringList m_requests;
    QStringList m_pids;
    QStringList m_playbackAddresses;
    int m_getstreamRequests = 0;
    int m_sessionsStarted = 0;
    int m_sessionsStopped = 0;
    int m_stopsRefused = 0;
    int m_statRequests = 0;
    int m_playbackConnections = 0;
    int m_directRequests = 0;
    qint64 m_bytesServed = 0;
};
