#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <optional>

// Client of the AceStream engine's HTTP API (see shared/reference/ENGINE_API.md). Every call is
// asynchronous: nothing here ever waits on the engine.
class AceEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AceEngine)

public:
    explicit AceEngine(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl endpoint(const QString &path) const;

    // Reachability as last seen by the get_version probe; never blocks the caller.
    bool isReachable() const { return m_reachable; }
    QString version() const { return m_version; }
    QDateTime lastCheck() const { return m_lastCheck; }
    QString lastError() const { return m_lastError; }

    void startProbing(int intervalSeconds);
    void probe();

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
    // GET command_url?method=stop, fire and forget; a failure is logged with label.
    void stopSession(const QUrl &commandUrl, const QString &label);

Q_SIGNALS:
    void reachabilityChanged(bool reachable);

private:
    void onProbeFinished(QNetworkReply *reply);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QTimer m_probeTimer;
    QNetworkReply *m_probeReply = nullptr;
    bool m_reachable = false;
    bool m_probedOnce = false;
    QString m_version;
    QString m_lastError;
    QDateTime m_lastCheck;
};
