#include "testserver.h"

#include "log/logger.h"
#include "server.h"

#include <QJsonDocument>

TestServer::TestServer() : m_logger(std::make_unique<Logger>())
{
    m_logger->setEchoToStderr(qEnvironmentVariableIsSet("ACEHUB_TEST_VERBOSE"));
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start(const QVariantMap &settings)
{
    Settings s;
    s.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    s.setCommandLine(QStringLiteral("port"), 0);
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (auto error = s.setCommandLine(it.key(), it.value())) {
            m_error = *error;
            return false;
        }
    }
    m_server = std::make_unique<Server>(m_dir.path(), s);
    m_server->setLocalAdminToken(m_localAdminToken);
    QObject::connect(m_server.get(), &Server::adminPasswordGenerated, m_server.get(),
                     [this](const QString &password) { m_adminPassword = password; });
    if (!m_server->start()) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

void TestServer::stop()
{
    m_server.reset();
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(pathAndQuery));
}

HttpResult TestServer::api(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return httpRequest(method, url(path), body,
                       {basicAuth(m_adminPassword), {"Content-Type", "application/json"}});
}

HttpResult TestServer::api(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return api(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}
