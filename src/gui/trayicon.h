#pragma once

#include <QObject>

class MainWindow;
class QSystemTrayIcon;

// The tray icon: its picture says idle, streaming or engine down, its tooltip counts streams
// and players; its menu shows the window, opens the web dashboard, copies the playlist link
// and quits. Notifies (unless turned off) when the engine goes down or comes back and when an
// import fails.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    enum class State { Idle, Streaming, EngineDown };

    explicit TrayIcon(MainWindow *window);

    QSystemTrayIcon *icon() const { return m_tray; }
    State state() const { return m_state; }
    QString toolTip() const;

Q_SIGNALS:
    void quitRequested();

private:
    void update();
    void notify(const QString &title, const QString &text, bool warning);

    MainWindow *m_window;
    QSystemTrayIcon *m_tray;
    State m_state = State::Idle;
    bool m_engineDown = false;
    bool m_engineKnown = false;
};
