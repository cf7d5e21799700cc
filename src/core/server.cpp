#include "server.h"

#include "auth/adminauth.h"
#include "auth/admincredential.h"
#include "auth/initialpassword.h"
#include "catalog/catalogimport.h"
#include "catalog/channelchecker.h"
#include "catalog/sourcemanager.h"
#include "engine/aceengine.h"
#include "events/eventhub.h"
#include "http/aceaccess.h"
#include "http/api/authroutes.h"
#include "http/api/backuproutes.h"
#include "http/api/categoriesroutes.h"
#include "http/api/channelsroutes.h"
#include "http/api/checksroutes.h"
#include "http/api/connectroutes.h"
#include "http/api/eventsroutes.h"
#include "http/api/healthroutes.h"
#include "http/api/logsroutes.h"
#include "http/api/settingsroutes.h"
#include "http/api/sourcesroutes.h"
#include "http/api/usersroutes.h"
#include "http/httpfront.h"
#include "http/httputil.h"
#include "http/liveroutes.h"
#include "http/playerroutes.h"
#include "http/streamroutes.h"
#include "http/webroutes.h"
#include "log/logger.h"
#include "storage/database.h"
#include "stream/streammanager.h"
#include "version.h"

#include <QDir>
#include <QJsonArray>
#include <QTimer>

namespace {

// The edits a route class stores reach the faces as "changed" events.
template<typename Routes>
void reportingChanges(Routes *routes, EventHub *events)
{
    QObject::connect(routes, &Routes::changed, events,
                     [events](const QString &area, const QString &action,
                              const QList<qint64> &ids) { events->changed(area, action, ids); });
}

} // namespace

Server::Server(const QString &dataDir, const Settings &settings, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_settings(settings)
{
    Q_INIT_RESOURCE(acehub); // resources of a static library are not registered on their own
}

Server::~Server()
{
    stop();
    delete m_stoppingEngine;
}

QString Server::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("acehub.sqlite"));
}

quint16 Server::port() const
{
    return m_http ? m_http->port() : 0;
}

qint64 Server::uptimeSeconds() const
{
    return m_uptime.isValid() ? m_uptime.elapsed() / 1000 : 0;
}

bool Server::fail(const QString &error)
{
    m_error = error;
    qCCritical(lcServer).noquote() << error;
    stop();
    Q_EMIT failed(error);
    return false;
}

bool Server::start()
{
    if (m_running)
        return true;
    m_error.clear();
    if (!QDir().mkpath(m_dataDir))
        return fail(tr("Cannot create the data directory %1").arg(m_dataDir));

    m_database = std::make_unique<Database>(databasePath());
    const Database::OpenResult opened = m_database->open();
    if (!opened.ok)
        return fail(tr("Cannot open the database: %1").arg(opened.error));
    m_settings.setStored(m_database->loadSettings());

    if (Logger *logger = Logger::instance()) {
        QString error;
        if (!logger->openFile(QDir(m_dataDir).filePath(QStringLiteral("logs")),
                              m_settings.logFileMaxBytes(), m_settings.logFileCount(), &error))
            qCWarning(lcServer).noquote() << "Cannot open the log file:" << error;
    }
    applyRuntimeSettings();
    qCInfo(lcServer).noquote() << "AceHub" << ACEHUB_VERSION << "starting; data directory"
                               << QDir(m_dataDir).absolutePath() << "schema version"
                               << opened.toVersion;
    if (const int stale = CatalogImport::removeStaleStagingFiles())
        qCInfo(lcServer) << "Removed" << stale << "staging file(s) an interrupted import left in"
                         << QDir::tempPath();

    if (!AdminCredential::exists(m_database->connection())) {
        const QString password = AdminCredential::generatePassword();
        if (auto error = AdminCredential::set(m_database->connection(), password))
            return fail(tr("Cannot store the admin credential: %1").arg(*error));
        // Kept before it is shown, so a start that fails right after never loses it.
        if (!InitialPassword::save(m_dataDir, password))
            qCWarning(lcServer).noquote()
                    << "Cannot keep the generated admin password in"
                    << InitialPassword::path(m_dataDir) << "(it is shown once)";
        qCInfo(lcServer).noquote()
                << "No admin password was set: a random one was generated, shown and kept in"
                << InitialPassword::path(m_dataDir)
                << "until it is changed (acehub --set-admin-password)";
        Q_EMIT adminPasswordGenerated(password);
    } else {
        InitialPassword::forgetIfStale(m_dataDir, m_database->connection());
    }

    m_engine = new AceEngine(this);
    QUrl engineUrl;
    engineUrl.setScheme(m_settings.engineScheme());
    engineUrl.setHost(m_settings.engineHost());
    engineUrl.setPort(m_settings.enginePort());
    m_engine->setBaseUrl(engineUrl);

    m_http = new HttpFront(this);
    m_events = new EventHub(this);
    m_events->watchEngine(m_engine);
    m_events->watchLog(Logger::instance());
    new EventsRoutes(m_events, m_http); // child of m_http: goes with it
    new ConnectRoutes(m_database.get(), m_settings, m_http); // child of m_http
    registerRoutes();
    // stream proxy
    m_streams = new StreamManager(m_engine, StreamConfig::fromSettings(m_settings), this);
    connect(this, &Server::settingsChanged, m_streams,
            [this] { m_streams->setConfig(StreamConfig::fromSettings(m_settings)); });
    registerStreamRoutes(m_http, m_streams, m_database.get());
    AceAccess::registerGuard(m_http, &m_settings); // who may use them (ace_access)
    m_events->watchStreams(m_streams);

    // catalog and admin API: route objects are children of m_http and go with it
    m_sources = new SourceManager(m_database.get(), &m_settings, this);
    m_checker = new ChannelChecker(m_database.get(), &m_settings, m_engine, this);
    m_events->watchImports(m_sources);
    m_events->watchChecks(m_checker);
    m_auth = new AdminAuth(m_database.get(), m_settings, m_http, this);
    m_auth->setLocalToken(m_localAdminToken);
    registerAdminRoutes();

    // players: Xtream Codes API
    auto *players = new PlayerRoutes(m_database.get(), &m_settings, m_streams,
                                     m_http); // child of m_http: goes with it
    reportingChanges(new UsersRoutes(m_http, m_database.get(), m_streams), m_events);
    // last: /U/P/{id} matches any three-segment path
    new LiveRoutes(m_database.get(), &m_settings, m_http, m_streams, players);

    QString error;
    HttpFront::Limits limits;
    limits.maxConnections = m_settings.httpMaxConnections();
    limits.idleTimeoutSeconds = m_settings.httpIdleTimeoutSeconds();
    limits.maxRequestBytes = m_settings.httpMaxRequestBytes();
    // hostile clients: heads, per-address and buffered-bytes caps
    limits.maxConnectionsPerAddress = m_settings.httpMaxConnectionsPerAddress();
    limits.headTimeoutSeconds = m_settings.httpHeadTimeoutSeconds();
    limits.maxBufferedBytes = m_settings.httpMaxBufferedBytes();
    if (!m_http->listenOn(m_settings.bindHostAddress(), m_settings.port(), limits, &error)) {
        return fail(tr("Cannot listen on %1 port %2: %3. Is another AceHub running? Choose "
                       "another port with --port or ACEHUB_PORT.")
                            .arg(m_settings.bindAddress())
                            .arg(m_settings.port())
                            .arg(error));
    }
    m_engine->startProbing(m_settings.engineProbeIntervalSeconds());
    m_sources->start(); // catalog: refreshes sources on their intervals
    m_uptime.start();
    m_running = true;
    qCInfo(lcServer).noquote() << QStringLiteral("Listening on %1:%2")
                                          .arg(m_settings.bindAddress())
                                          .arg(m_http->port());
    Q_EMIT started(m_http->port());
    return true;
}

void Server::stop()
{
    const bool wasRunning = m_running;
    m_running = false;
    delete m_streams; // ends every stream (and its engine session) while the sockets exist
    m_streams = nullptr;
    // catalog: a running import is cancelled and joined before the database closes
    delete m_auth;
    m_auth = nullptr;
    delete m_checker;
    m_checker = nullptr;
    delete m_sources;
    m_sources = nullptr;
    if (m_http) {
        m_http->close();
        delete m_http; // closes every player and API connection it still holds
        m_http = nullptr;
    }
    delete m_events;
    m_events = nullptr;
    if (m_engine && m_engine->pendingStops() > 0) {
        // Deleting the engine client now would abort the stop commands the streams just sent
        // (the engine would keep downloading): it lives on until they are answered, 2 s at most.
        constexpr int kStopGraceMs = 2000;
        delete m_stoppingEngine; // from an earlier stop
        m_stoppingEngine = m_engine;
        m_engine->stopProbing();
        connect(m_engine, &AceEngine::stopsFinished, m_engine, &QObject::deleteLater);
        QTimer::singleShot(kStopGraceMs, m_engine, &QObject::deleteLater);
        connect(m_engine, &QObject::destroyed, this, &Server::engineStopsDone);
    } else {
        delete m_engine;
    }
    m_engine = nullptr;
    if (m_database)
        m_database->close();
    m_database.reset();
    if (wasRunning) {
        qCInfo(lcServer) << "Stopped";
        if (Logger *logger = Logger::instance())
            logger->closeFile();
        Q_EMIT stopped();
    }
}

void Server::applyRuntimeSettings()
{
    if (Logger *logger = Logger::instance()) {
        logger->setLevel(m_settings.logLevel());
        logger->setCapacity(m_settings.logRingLines());
    }
}

std::optional<QString> Server::updateSettings(const QVariantMap &values)
{
    Settings next = m_settings;
    QVariantMap normalized;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QVariant v;
        if (auto error = Settings::validate(it.key(), it.value(), &v, true))
            return error;
        normalized.insert(it.key(), v);
        next.setStoredValue(it.key(), v);
    }
    QString error;
    if (!m_database || !m_database->saveSettings(normalized, &error))
        return QStringLiteral("cannot save settings: %1").arg(error);
    m_settings = next;
    applyRuntimeSettings();
    qCInfo(lcServer) << "Settings changed:" << normalized.keys().join(QStringLiteral(", "));
    if (m_events)
        m_events->changed(QStringLiteral("settings"), QStringLiteral("updated"), {},
                          normalized.keys());
    Q_EMIT settingsChanged();
    return std::nullopt;
}

QJsonObject Server::health() const
{
    QJsonObject engine {
            {QStringLiteral("url"), m_engine ? m_engine->baseUrl().toString() : QString()},
            {QStringLiteral("reachable"), m_engine && m_engine->isReachable()},
    };
    if (m_engine && m_engine->lastCheck().isValid()) {
        engine.insert(QStringLiteral("checked_at"), m_engine->lastCheck().toString(Qt::ISODate));
        if (m_engine->isReachable())
            engine.insert(QStringLiteral("version"), m_engine->version());
        else
            engine.insert(QStringLiteral("error"), m_engine->lastError());
    } else {
        engine.insert(QStringLiteral("checked_at"), QJsonValue::Null);
    }
    return {
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("version"), QStringLiteral(ACEHUB_VERSION)},
            {QStringLiteral("uptime_s"), uptimeSeconds()},
            {QStringLiteral("engine"), engine},
    };
}

void Server::registerRoutes()
{
    new HealthRoutes(m_http, [this] { return health(); });

    new WebRoutes(m_http); // the dashboard at "/": child of m_http, goes with it

    new LogsRoutes(m_http);
}

void Server::registerAdminRoutes()
{
    Database *db = m_database.get();
    const auto writeSettings = [this](const QVariantMap &values) { return updateSettings(values); };
    new AuthRoutes(m_http, m_auth);
    reportingChanges(new ChannelsRoutes(m_http, db), m_events);
    new ChecksRoutes(m_http, db, m_checker);
    reportingChanges(new CategoriesRoutes(m_http, db), m_events);
    reportingChanges(new SourcesRoutes(m_http, db, m_sources,
                                       QDir(m_dataDir).filePath(QStringLiteral("uploads"))),
                     m_events);
    new SettingsRoutes(m_http, &m_settings, writeSettings);
    reportingChanges(new BackupRoutes(m_http, db, &m_settings, writeSettings, m_sources, m_checker,
                                      m_engine),
                     m_events);
}
