#pragma once

#include "httpclient.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>
#include <QVariantMap>
#include <memory>

class Logger;
class Server;

// AceHub's Server in-process for one test: its own data directory and logger, listening on
// 127.0.0.1 at a free port, and the admin password generated at its first start for signed-in
// /api calls.
class TestServer final
{
public:
    TestServer();
    ~TestServer();

    // settings: command-line values on top of the loopback defaults (bind 127.0.0.1, port 0).
    // Returns false, with the reason in errorString(), if a value is refused or start() fails.
    bool start(const QVariantMap &settings = {});
    void stop();
    // Passed to Server::setLocalAdminToken before start().
    void setLocalAdminToken(const QString &token) { m_localAdminToken = token; }
    QString errorString() const { return m_error; }

    Server *server() const { return m_server.get(); }
    Logger *logger() const { return m_logger.get(); }
    QString dataDir() const { return m_dir.path(); }
    QString adminPassword() const { return m_adminPassword; }

    QUrl url(const QString &pathAndQuery) const;
    HttpResult api(const QByteArray &method, const QString &path, const QByteArray &body = {});
    HttpResult api(const QByteArray &method, const QString &path, const QJsonObject &body);

private:
    std::unique_ptr<Logger> m_logger;
    QTemporaryDir m_dir;
    std::unique_ptr<Server> m_server;
    QString m_adminPassword;
    QString m_localAdminToken;
    QString m_error;
};
