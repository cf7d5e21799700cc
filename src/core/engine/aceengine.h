#pragma once

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

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
