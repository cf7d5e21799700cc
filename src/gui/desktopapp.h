#pragma once

#include "storage/settings.h"

#include <QDialog>
#include <QObject>
#include <QPointer>
#include <memory>

class ApiClient;
class MainWindow;

class ServerController;
class TrayIcon;

// Desktop mode put together: the Server in its own thread, the panel connected to it over
// loopback with the controller's token, the tray icon, the first-start password. Quit (menu,
// Ctrl+Q, tray) ends the event loop with 0; the caller then shuts the server down.
class DesktopApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopApp)

public:
    DesktopApp(const QString &dataDir, const Settings &settings, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Shows the window and starts the local server.
    void start();
    void shutdown();
    int exitCode() const { return m_exitCode; }

    MainWindow *window() const { return m_window.get(); }
    ApiClient *api() const { return m_api; }
    TrayIcon *tray() const { return m_tray; }
    QDialog *passwordDialog() const { return m_passwordDialog; }
    quint16 localPort() const { return m_port; }
    QString localToken() const;

    // Whether a tray icon is used: a system tray exists, or ACEHUB_ASSUME_TRAY is set (tests
    // under the offscreen platform, which has none).
    static bool trayWanted();

private:
    void connectLocal();
    void showPassword(const QString &password);
    void failed(const QString &error);

    QString m_dataDir;
    Settings m_settings;
    ApiClient *m_api;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ServerController> m_controller;
    TrayIcon *m_tray = nullptr;
    QPointer<QDialog> m_passwordDialog;
    quint16 m_port = 0;
    int m_exitCode = 0;
    bool m_asking = false; // a sign-in dialog is already up
};
