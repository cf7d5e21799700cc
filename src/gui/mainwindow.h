#pragma once

#include <QJsonObject>
#include <QMainWindow>

class QLabel;
class QPlainTextEdit;
class QSystemTrayIcon;
struct LogLine;

// The control panel's window: server status at the top and the live log below. Further pages
// (streams, players, channels, users) are added as tabs by the issues that bring them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void setListening(quint16 port);
    void setHealth(const QJsonObject &health);
    void appendLogLine(const LogLine &line);
    void setTrayIcon(QSystemTrayIcon *tray) { m_tray = tray; }

    QString statusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QLabel *m_address = nullptr;
    QLabel *m_engine = nullptr;
    QLabel *m_uptime = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_trayHintShown = false;
};
