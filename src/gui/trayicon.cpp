#include "trayicon.h"

#include "apiclient.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "streamsmodel.h"

#include <QJsonObject>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace {

// The application icon with a coloured dot: none when idle, green streaming, red engine down.
QIcon stateIcon(TrayIcon::State state)
{
    QPixmap pixmap = QIcon(QStringLiteral(":/icons/acehub.png")).pixmap(64, 64);
    if (state == TrayIcon::State::Idle)
        return QIcon(pixmap);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 3));
    p.setBrush(state == TrayIcon::State::Streaming ? QColor(0x2e, 0x7d, 0x32)
                                                   : QColor(0xc6, 0x28, 0x28));
    p.drawEllipse(QRectF(34, 34, 28, 28));
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(MainWindow *window)
    : QObject(window), m_window(window), m_tray(new QSystemTrayIcon(stateIcon(State::Idle), this))
{
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show/Hide AceHub"), window, [window] {
        if (window->isVisible() && !window->isMinimized()) {
            window->hide();
            return;
        }
        window->showNormal();
        window->raise();
        window->activateWindow();
    });
    menu->addAction(tr("Open the web dashboard"), window, &MainWindow::openDashboard);
    menu->addAction(tr("Copy the playlist link"), window, &MainWindow::copyPlaylistLink);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, window,
            [window](QSystemTrayIcon::ActivationReason reason) {
                if (reason != QSystemTrayIcon::Trigger)
                    return;
                if (window->isVisible()) {
                    window->hide();
                } else {
                    window->showNormal();
                    window->activateWindow();
                }
            });
    connect(window->streamsModel(), &StreamsModel::countsChanged, this, &TrayIcon::update);
    connect(window->overviewPage(), &OverviewPage::engineChanged, this,
            [this](bool reachable, const QString &error) {
                const bool wasKnown = m_engineKnown;
                const bool wasDown = m_engineDown;
                m_engineKnown = true;
                m_engineDown = !reachable;
                if (!reachable && (!wasKnown || !wasDown))
                    notify(tr("AceStream engine down"),
                           error.isEmpty() ? tr("AceHub cannot reach the engine.")
                                           : tr("AceHub cannot reach the engine: %1").arg(error),
                           true);
                else if (reachable && wasKnown && wasDown)
                    notify(tr("AceStream engine back"), tr("The engine answers again."), false);
                update();
            });
    connect(window->api(), &ApiClient::event, this,
            [this](const QString &type, const QJsonObject &data) {
                if (type == QLatin1String("import.finished")
                    && !data.value(QLatin1String("ok")).toBool(true))
                    notify(tr("Import failed"), data.value(QLatin1String("error")).toString(),
                           true);
            });
    update();
}

QString TrayIcon::toolTip() const
{
    const StreamsModel *streams = m_window->streamsModel();
    QString text = tr("AceHub: %n stream(s)", nullptr, streams->streamCount()) + QLatin1String(", ")
                   + tr("%n player(s)", nullptr, streams->playerCount());
    if (m_engineDown)
        text += QLatin1Char('\n') + tr("The AceStream engine is not reachable");
    return text;
}

void TrayIcon::update()
{
    const State state = m_engineDown                                  ? State::EngineDown
                        : m_window->streamsModel()->streamCount() > 0 ? State::Streaming
                                                                      : State::Idle;
    if (state != m_state) {
        m_state = state;
        m_tray->setIcon(stateIcon(state));
    }
    m_tray->setToolTip(toolTip());
}

void TrayIcon::notify(const QString &title, const QString &text, bool warning)
{
    if (!MainWindow::notificationsEnabled() || !m_tray->isVisible())
        return;
    m_tray->showMessage(title, text,
                        warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}
