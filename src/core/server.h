#pragma once

#include "storage/settings.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

class AceEngine;
class AdminAuth;
class ChannelChecker;
class Database;
class EventHub;
class HttpFront;
class StreamManager;
class SourceManager;

// Composes AceHub: storage, settings, logger file, engine client and the HTTP front. The
// daemon and the GUI both create one Server and talk to it (in GUI mode from another thread,
// through queued signals and calls only).
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    // settings: defaults with the environment and command-line layers already applied; the
    // stored layer is read from the database at start().
    Server(const QString &dataDir, const Settings &settings, QObject *parent = nullptr);
    ~Server() override;

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;
    const Settings &settings() const { return m_settings; }
    QString errorString() const { return m_error; }
    bool isRunning() const { return m_running; }
    quint16 port() const;
    qint64 uptimeSeconds() const;

    Database *database() const { return m_database.get(); }
    HttpFront *http() const { return m_http; }
    AceEngine *engine() const { return m_engine; }
    StreamManager *streams() const { return m_streams; }
    // catalog: imports of channel and EPG sources, engine channel checks
    SourceManager *sourceManager() const { return m_sources; }
    ChannelChecker *channelChecker() const { return m_checker; }
    // What changes, for GET /api/events (null while stopped).
    EventHub *events() const { return m_events; }

    QJsonObject health() const;

    // After stop(): engine stop commands still on their way (the engine client lives on for
    // at most 2 s, until they are answered); engineStopsDone() follows. The event loop has to
    // run meanwhile (the daemon's main() does), nothing here waits.
    bool hasPendingEngineStops() const { return !m_stoppingEngine.isNull(); }

    // The desktop panel's start-up token: accepted as a Bearer token on the admin API for this
    // server's lifetime and never stored. Call before start() (from the thread that owns the
    // Server, before it moves to its own thread).
    void setLocalAdminToken(const QString &token) { m_localAdminToken = token; }
    QString localAdminToken() const { return m_localAdminToken; }

    // Validates every value first; writes all of them or none. Returns the error naming the key.
    std::optional<QString> updateSettings(const QVariantMap &values);

public Q_SLOTS:
    bool start();
    void stop();

Q_SIGNALS:
    void started(quint16 port);
    void failed(const QString &error);
    void stopped();
    // First start with no admin credential stored: the one-time password to show the user.
    void adminPasswordGenerated(const QString &password);
    void settingsChanged();
    void engineStopsDone();

private:
    bool fail(const QString &error);
    void applyRuntimeSettings();
    void registerRoutes();
    void registerAdminRoutes();

    QString m_dataDir;
    Settings m_settings;
    QString m_error;
    QString m_localAdminToken;
    bool m_running = false;
    QElapsedTimer m_uptime;
    std::unique_ptr<Database> m_database;
    HttpFront *m_http = nullptr; // child; deleted in stop()
    AceEngine *m_engine = nullptr; // child; deleted in stop()
    QPointer<AceEngine> m_stoppingEngine; // child; the engine client of a stopped server
    StreamManager *m_streams = nullptr; // child; deleted in stop(), before the HTTP front
    // catalog: children, deleted in stop() before the database closes
    SourceManager *m_sources = nullptr;
    ChannelChecker *m_checker = nullptr;
    AdminAuth *m_auth = nullptr; // child; deleted in stop() with the catalog
    EventHub *m_events = nullptr; // child; deleted in stop() after the HTTP front
};
