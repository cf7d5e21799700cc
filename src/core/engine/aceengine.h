#pragma once

#include "networkpool.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>
#include <optional>
#include <vector>

// Client of the AceStream engine's HTTP API (see shared/reference/ENGINE_API.md). Every call is
// asynchronous: nothing here ever waits on the engine.
class AceEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AceEngine)

public:
    explicit AceEngine(QObject *parent = nullptr);
    ~AceEngine() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl endpoint(const QString &path) const;

    // Reachability as last seen by the get_version probe; never blocks the caller.
    bool isReachable() const { return m_reachable; }
    QString version() const { return m_version; }
    QDateTime lastCheck() const { return m_lastCheck; }
    QString lastError() const { return m_lastError; }

    void startProbing(int intervalSeconds);
    void stopProbing() { m_probeTimer.stop(); }
    void probe();

    // Short control calls (probe, stat, stop, channel checks). getstream calls, which an engine
    // may hold for many seconds, go through their own managers: QNAM queues a 7th request to
    // one host behind 6 pending ones, and a stop must never wait behind slow starts.
    QNetworkAccessManager *network() { return &m_network; }

    // An engine session as getstream?format=json describes it.
    struct Session
    {
        QUrl playbackUrl;
        QUrl statUrl;
        QUrl commandUrl;
        QString sessionId;
        QString infohash;
    };
    // What became of a getstream call: a session, or the HTTP status a proxy answers (502
    // engine error, 503 unreachable, 504 no answer in time) with a short reason.
    struct SessionResult
    {
        std::optional<Session> session;
        int status = 0;
        QString error;
    };

    // GET /ace/getstream?<idParam>=<id>&format=json&pid=<pid>, idParam "id" or "infohash". The
    // reply belongs to the caller (read it with parseSession() once finished, then deleteLater).
    QNetworkReply *requestSession(const QString &idParam, const QString &id, const QString &pid,
                                  int timeoutMs);
    // Session URLs on a loopback host are rewritten to the configured engine host: an engine
    // on another machine (a NAS, a container) names itself 127.0.0.1 in them.
    SessionResult parseSession(QNetworkReply *reply) const;
    QUrl reachableUrl(const QUrl &url) const;
    // GET stat_url; parseStat() gives the "response" object (empty while the engine has none).
    QNetworkReply *requestStat(const QUrl &statUrl);
    static QJsonObject parseStat(QNetworkReply *reply);
    // GET command_url?method=stop, fire and forget. A stop that fails (no connection, a
    // timeout, an HTTP error) is tried again with backoff, up to kStopAttempts times; a final
    // failure is logged with label.
    void stopSession(const QUrl &commandUrl, const QString &label);
    // Takes over a getstream call nobody waits for any more (its players left, the start timed
    // out): whenever the engine answers with a session, that session is stopped.
    void stopWhenAnswered(QNetworkReply *getstream, const QString &label);
    static constexpr int kStopAttempts = 5;
    // Stop commands sent and not yet answered (or failed).
    int pendingStops() const { return m_pendingStops; }

Q_SIGNALS:
    void reachabilityChanged(bool reachable);
    // pendingStops() fell to 0.
    void stopsFinished();

private:
    void onProbeFinished(QNetworkReply *reply);
    void sendStop(const QUrl &url, const QString &label, int attempt);
    QNetworkAccessManager *sessionNetwork();

    QNetworkAccessManager m_network;
    NetworkPool m_sessionNetworks {4}; // getstream calls: below QNAM's 6 connections per host
    int m_pendingStops = 0;
    bool m_closing = false;
    QUrl m_baseUrl;
    QTimer m_probeTimer;
    QNetworkReply *m_probeReply = nullptr;
    bool m_reachable = false;
    bool m_probedOnce = false;
    QString m_version;
    QString m_lastError;
    QDateTime m_lastCheck;
};
