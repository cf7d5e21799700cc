#include "mainwindow.h"

#include "apiclient.h"
#include "categoriespage.h"
#include "channelspage.h"
#include "connectdialog.h"
#include "logspage.h"
#include "overviewpage.h"
#include "settingspage.h"
#include "sourcespage.h"
#include "streamsmodel.h"
#include "streamspage.h"
#include "userspage.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kPage = QStringLiteral("window/page");
const QString kNotifications = QStringLiteral("notifications/enabled");
} // namespace

MainWindow::MainWindow(ApiClient *api, QWidget *parent)
    : QMainWindow(parent), m_api(api), m_streams(new StreamsModel(api, this))
{
    setWindowTitle(tr("AceHub"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/acehub.png")));
    resize(1100, 700);

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setAccessibleName(tr("Connection state"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(
            QStringLiteral("background: #fff3cd; color: #5d4300; font-weight: bold"));
    m_banner->hide();
    outer->addWidget(m_banner);
    auto *body = new QHBoxLayout;
    body->setContentsMargins(6, 6, 6, 6);
    m_nav = new QListWidget(central);
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setFixedWidth(170);
    m_nav->setSpacing(2);
    m_stack = new QStackedWidget(central);
    body->addWidget(m_nav);
    body->addWidget(m_stack, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    m_overview = new OverviewPage(api, m_streams, this);
    m_streamsPage = new StreamsPage(api, m_streams, this);
    m_channels = new ChannelsPage(api, this);
    m_categories = new CategoriesPage(api, this);
    m_sources = new SourcesPage(api, this);
    m_users = new UsersPage(api, this);
    m_logs = new LogsPage(api, this);
    m_settings = new SettingsPage(api, this);
    addPage(m_overview, tr("Overview"), QStringLiteral("go-home"));
    addPage(m_streamsPage, tr("Streams"), QStringLiteral("media-playback-start"));
    addPage(m_channels, tr("Channels"), QStringLiteral("video-display"));
    addPage(m_categories, tr("Categories"), QStringLiteral("folder"));
    addPage(m_sources, tr("Sources"), QStringLiteral("document-open"));
    addPage(m_users, tr("Users"), QStringLiteral("system-users"));
    addPage(m_logs, tr("Logs"), QStringLiteral("text-x-generic"));
    addPage(m_settings, tr("Settings"), QStringLiteral("preferences-system"));
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        // A page shown again is loaded again: cheap, and fresh even if an event was missed.
        if (row >= 0 && row < m_pages.size() && m_api->baseUrl().isValid())
            m_pages.at(row)->reload();
    });

    m_target = new QLabel(this);
    statusBar()->addPermanentWidget(m_target);
    createMenus();

    connect(api, &ApiClient::connectedChanged, this, &MainWindow::setConnected);
    connect(api, &ApiClient::resynced, this, &MainWindow::reloadAll);

    QSettings settings;
    restoreGeometry(settings.value(kGeometry).toByteArray());
    showPage(settings.value(kPage, 0).toInt());
    setConnected(false);
    m_banner->hide(); // nothing was lost yet
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(kGeometry, saveGeometry());
    settings.setValue(kPage, currentPage());
}

void MainWindow::addPage(Page *page, const QString &title, const QString &icon)
{
    auto *item = new QListWidgetItem(QIcon::fromTheme(icon), title, m_nav);
    item->setSizeHint(QSize(0, 34));
    m_stack->addWidget(page);
    m_pages.append(page);
    connect(page, &Page::message, this, &MainWindow::showMessage);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction
            = file->addAction(tr("&Connect to…"), this, [this] { showConnectDialog(); });
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connectAction->setObjectName(QStringLiteral("connectAction"));
    m_localAction = file->addAction(tr("&This computer"), this, &MainWindow::localRequested);
    m_localAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_localAction->setVisible(false);
    file->addSeparator();
    QAction *dashboard
            = file->addAction(tr("Open the &web dashboard"), this, &MainWindow::openDashboard);
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *copyLink
            = file->addAction(tr("Copy the &playlist link"), this, &MainWindow::copyPlaylistLink);
    copyLink->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    quit->setShortcut(QKeySequence::Quit);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_nav->count(); ++i) {
        QAction *go = view->addAction(m_nav->item(i)->text(), this, [this, i] { showPage(i); });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find"), this, [this] {
        if (auto *page = qobject_cast<Page *>(m_stack->currentWidget()))
            page->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *reload = view->addAction(tr("&Reload"), this, &MainWindow::reloadAll);
    reload->setShortcut(QKeySequence::Refresh);

    QMenu *options = menuBar()->addMenu(tr("&Options"));
    QAction *notify = options->addAction(tr("Show &notifications"));
    notify->setCheckable(true);
    notify->setChecked(notificationsEnabled());
    connect(notify, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(kNotifications, on); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About AceHub"), this, [this] {
        QMessageBox::about(this, tr("About AceHub"),
                           tr("<b>AceHub %1</b><p>A home IPTV server for AceStream: one engine "
                              "session per channel, however many players watch it.</p>")
                                   .arg(QStringLiteral(ACEHUB_VERSION)));
    });
}

bool MainWindow::notificationsEnabled()
{
    return QSettings().value(kNotifications, true).toBool();
}

void MainWindow::setLocalAvailable(bool available)
{
    m_localAction->setVisible(available);
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_nav->count())
        index = 0;
    m_nav->setCurrentRow(index);
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::reloadAll()
{
    for (Page *page : std::as_const(m_pages))
        page->reload();
    m_streams->reload();
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QUrl base = m_api->baseUrl();
    const QString where = m_api->isRemote()
                                  ? base.host() + QLatin1Char(':') + QString::number(base.port())
                                  : tr("this computer");
    setWindowTitle(tr("AceHub — %1").arg(where));
    m_target->setText(m_api->isRemote() ? tr("Connected to %1").arg(base.toString())
                                        : tr("AceHub on this computer (%1)").arg(base.toString()));
}

void MainWindow::setConnected(bool connected)
{
    if (connected) {
        m_banner->hide();
        reloadAll();
        return;
    }
    if (!m_api->baseUrl().isValid())
        return;
    m_banner->setText(tr("The connection to AceHub at %1 is lost. Reconnecting…")
                              .arg(m_api->baseUrl().toString()));
    m_banner->show();
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::showConnectDialog(const QString &error)
{
    auto *dialog = new ConnectDialog(m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!error.isEmpty())
        dialog->setError(error);
    connect(dialog, &ConnectDialog::signedIn, this, &MainWindow::remoteSignedIn);
    dialog->open();
}

void MainWindow::openDashboard()
{
    QDesktopServices::openUrl(m_api->dashboardUrl());
}

void MainWindow::copyPlaylistLink()
{
    // The first user's M3U link, the one most people put into their TV.
    m_api->users(this, [this](const ApiResult &r) {
        const QJsonArray users = r.json.value(QLatin1String("users")).toArray();
        if (users.isEmpty()) {
            showMessage(tr("No user yet: create one on the Users page"));
            return;
        }
        m_api->connectInfo(users.first().toObject().value(QLatin1String("id")).toInteger(), this,
                           [this](const ApiResult &info) {
                               const QString m3u = info.json.value(QLatin1String("user"))
                                                           .toObject()
                                                           .value(QLatin1String("m3u"))
                                                           .toString();
                               if (m3u.isEmpty())
                                   return;
                               QApplication::clipboard()->setText(m3u);
                               showMessage(tr("Copied: %1").arg(m3u));
                           });
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // With a tray icon, closing the window keeps the server running, as users of desktop
    // servers (qBittorrent, Syncthing) expect; Quit is in the menu and the tray.
    if (m_tray) {
        hide();
        if (!m_trayHintShown && m_tray->isVisible()) {
            m_tray->showMessage(tr("AceHub is still running"),
                                tr("Players can keep watching. Quit from the tray icon's menu."));
            m_trayHintShown = true;
        }
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}
