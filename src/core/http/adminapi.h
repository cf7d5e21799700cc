#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSqlQuery>

class AdminAuth;
class HttpFront;
class QHttpServerResponder;
class Server;
struct HttpRequest;

// The admin REST API under /api (JSON): channels, categories, channel and EPG sources,
// channel checks, settings, logs, backup and restore. Installs AdminAuth as the HttpFront
// admin guard. Every input is checked completely before anything is written; errors are 400
// with the offending field named. Routes: docs/admin-api.md.
class AdminApi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminApi)

public:
    explicit AdminApi(Server *server, QObject *parent = nullptr);
    ~AdminApi() override;

    void registerRoutes(HttpFront *http);
    AdminAuth *auth() const { return m_auth; }

private:
    void registerChannelRoutes(HttpFront *http);
    void registerCategoryRoutes(HttpFront *http);
    void registerSourceRoutes(HttpFront *http);
    void registerSettingsRoutes(HttpFront *http);
    void registerBackupRoutes(HttpFront *http);

    QJsonObject channelJson(const QSqlQuery &q) const;
    std::optional<QJsonObject> channel(int id) const;

    Server *m_server;
    AdminAuth *m_auth; // child
};
