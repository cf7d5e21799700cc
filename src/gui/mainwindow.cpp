#include "mainwindow.h"

#include "log/logger.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("AceHub"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/acehub.png")));
    resize(900, 600);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *status = new QGroupBox(tr("Server"), central);
    auto *form = new QFormLayout(status);
    m_address = new QLabel(tr("Starting…"), status);
    m_address->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_address->setOpenExternalLinks(true);
    m_engine = new QLabel(tr("Not checked yet"), status);
    m_uptime = new QLabel(QStringLiteral("—"), status);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("AceStream engine:"), m_engine);
    form->addRow(tr("Uptime:"), m_uptime);
    layout->addWidget(status);

    auto *tabs = new QTabWidget(central);
    m_log = new QPlainTextEdit(tabs);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    tabs->addTab(m_log, tr("Logs"));
    layout->addWidget(tabs, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About AceHub"), this, [this] {
        QMessageBox::about(this, tr("About AceHub"),
                           tr("<b>AceHub %1</b><p>A home IPTV server for AceStream: one engine "
                              "session per channel, however many players watch it.</p>")
                                   .arg(QStringLiteral(ACEHUB_VERSION)));
    });
}

void MainWindow::setListening(quint16 port)
{
    const QString url = QStringLiteral("http://localhost:%1/").arg(port);
    m_address->setText(QStringLiteral("<a href=\"%1\">%1</a>").arg(url));
}

void MainWindow::setHealth(const QJsonObject &health)
{
    const QJsonObject engine = health.value(QLatin1String("engine")).toObject();
    const QString url = engine.value(QLatin1String("url")).toString();
    if (engine.value(QLatin1String("checked_at")).isNull())
        m_engine->setText(tr("%1 — not checked yet").arg(url));
    else if (engine.value(QLatin1String("reachable")).toBool())
        m_engine->setText(tr("%1 — reachable (version %2)")
                                  .arg(url, engine.value(QLatin1String("version")).toString()));
    else
        m_engine->setText(tr("%1 — not reachable: %2")
                                  .arg(url, engine.value(QLatin1String("error")).toString()));
    const qint64 s = health.value(QLatin1String("uptime_s")).toInteger();
    m_uptime->setText(QStringLiteral("%1:%2:%3")
                              .arg(s / 3600)
                              .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                              .arg(s % 60, 2, 10, QLatin1Char('0')));
}

void MainWindow::appendLogLine(const LogLine &line)
{
    m_log->appendPlainText(line.format());
}

QString MainWindow::statusText() const
{
    return m_address->text() + QLatin1Char('\n') + m_engine->text();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray icon, closing the window keeps the server running, as users of desktop
    // servers (qBittorrent, Syncthing) expect; Quit is in the menu and the tray.
    if (m_tray && m_tray->isVisible()) {
        hide();
        if (!m_trayHintShown) {
            m_tray->showMessage(tr("AceHub is still running"),
                                tr("Players can keep watching. Quit from the tray icon's menu."));
            m_trayHintShown = true;
        }
        event->ignore();
        return;
    }
    event->accept();
    qApp->quit();
}
