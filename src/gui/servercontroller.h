#pragma once

#include "storage/settings.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>

class Server;

// Runs the Server in its own thread for the GUI. The GUI only ever talks to it through this
// object: commands go as queued calls, state comes back as queued signals, so a busy widget
// can never stall a stream and a busy server never freezes the window.
class ServerController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerController)

public:
    ServerController(const QString &dataDir, const Settings &settings, QObject *parent = nullptr);
    ~ServerController() override;

    // The Bearer token the panel uses on this server (random, minted here, never stored).
    QString localToken() const { return m_token; }

    void start();
    // Stops the server and joins its thread; safe to call twice.
    void shutdown();
    // Asks for a health snapshot; it arrives as healthUpdated().
    void requestHealth();

Q_SIGNALS:
    void started(quint16 port);
    void failed(const QString &error);
    void adminPasswordGenerated(const QString &password);
    void healthUpdated(const QJsonObject &health);

private:
    QThread m_thread;
    Server *m_server = nullptr;
    QString m_token;
};
