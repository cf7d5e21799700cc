#include "servercontroller.h"

#include "server.h"

#include <QRandomGenerator>

ServerController::ServerController(const QString &dataDir, const Settings &settings,
                                   QObject *parent)
    : QObject(parent), m_server(new Server(dataDir, settings))
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    m_token = QString::fromLatin1(random.toHex());
    m_server->setLocalAdminToken(m_token);
    m_thread.setObjectName(QStringLiteral("acehub-server"));
    m_server->moveToThread(&m_thread);
    connect(m_server, &Server::started, this, &ServerController::started);
    connect(m_server, &Server::failed, this, &ServerController::failed);
    connect(m_server, &Server::adminPasswordGenerated, this,
            &ServerController::adminPasswordGenerated);
    m_thread.start();
}

ServerController::~ServerController()
{
    shutdown();
}

void ServerController::start()
{
    QMetaObject::invokeMethod(m_server, &Server::start, Qt::QueuedConnection);
}

void ServerController::shutdown()
{
    if (!m_server)
        return;
    Server *server = m_server;
    m_server = nullptr;
    // The server's objects (sockets, network replies, the database connection) belong to its
    // thread: stop and delete it there, then join the thread.
    QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ServerController::requestHealth()
{
    if (!m_server)
        return;
    Server *server = m_server;
    QMetaObject::invokeMethod(server, [this, server] {
        const QJsonObject health = server->isRunning() ? server->health() : QJsonObject();
        QMetaObject::invokeMethod(
                this, [this, health] { Q_EMIT healthUpdated(health); }, Qt::QueuedConnection);
    });
}
