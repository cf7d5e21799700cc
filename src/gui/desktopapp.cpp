#include "desktopapp.h"

#include "apiclient.h"
#include "auth/initialpassword.h"
#include "mainwindow.h"
#include "servercontroller.h"
#include "trayicon.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>
#include <cstdio>

DesktopApp::DesktopApp(const QString &dataDir, const Settings &settings, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_settings(settings), m_api(new ApiClient(this))
{
    m_window = std::make_unique<MainWindow>(m_api);
    m_controller = std::make_unique<ServerController>(dataDir, settings);
    if (trayWanted()) {
        m_tray = new TrayIcon(m_window.get());
        m_window->setTrayIcon(m_tray->icon());
        connect(m_tray, &TrayIcon::quitRequested, this, [] { QCoreApplication::exit(0); });
    }
    // Quit quits: QApplication::quit() would first ask the windows to close, and a window
    // that hides into the tray refuses.
    connect(m_window.get(), &MainWindow::quitRequested, this, [] { QCoreApplication::exit(0); });
    connect(m_window.get(), &MainWindow::localRequested, this, &DesktopApp::connectLocal);
    connect(m_window.get(), &MainWindow::remoteSignedIn, this,
            [this](const QUrl &base, const QString &token) {
                m_api->setRemote(true);
                m_api->connectTo(base, token);
                m_window->reloadAll();
            });
    connect(m_api, &ApiClient::unauthorized, this, [this] {
        if (!m_api->isRemote() || m_asking)
            return;
        m_asking = true;
        m_window->showConnectDialog(tr("Signed out by %1 (it restarted or the admin password "
                                       "changed): sign in again.")
                                            .arg(m_api->baseUrl().toString()));
        QTimer::singleShot(2000, this, [this] { m_asking = false; });
    });
    connect(m_controller.get(), &ServerController::started, this, [this](quint16 port) {
        m_port = port;
        m_window->setLocalAvailable(true);
        connectLocal();
    });
    connect(m_controller.get(), &ServerController::adminPasswordGenerated, this,
            [this](const QString &password) {
                // The server kept it in InitialPassword::path() before it said so, so a start
                // that fails right after never loses it.
                showPassword(password);
            });
    connect(m_controller.get(), &ServerController::failed, this, &DesktopApp::failed);
}

DesktopApp::~DesktopApp()
{
    shutdown();
}

QString DesktopApp::localToken() const
{
    return m_controller->localToken();
}

bool DesktopApp::trayWanted()
{
    return QSystemTrayIcon::isSystemTrayAvailable()
           || qEnvironmentVariableIsSet("ACEHUB_ASSUME_TRAY");
}

void DesktopApp::start()
{
    if (m_tray)
        m_tray->icon()->show();
    m_window->show();
    const QString kept = InitialPassword::load(m_dataDir);
    if (!kept.isEmpty())
        showPassword(kept);
    m_controller->start();
}

void DesktopApp::shutdown()
{
    if (m_controller)
        m_api->disconnectFromServer();
    if (m_controller)
        m_controller->shutdown();
}

void DesktopApp::connectLocal()
{
    if (!m_port)
        return;
    // The panel reaches the server where it listens: loopback unless it is bound to one address.
    QHostAddress host(m_settings.bindAddress());
    if (host.isNull() || host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6
        || host == QHostAddress::Any || host.isLoopback())
        host = QHostAddress::LocalHost;
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(host.toString());
    base.setPort(m_port);
    m_api->setRemote(false);
    m_api->connectTo(base, m_controller->localToken());
    m_window->reloadAll();
}

void DesktopApp::showPassword(const QString &password)
{
    if (m_passwordDialog)
        return;
    auto *dialog = new QDialog(m_window.get());
    dialog->setObjectName(QStringLiteral("initialPasswordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Admin password"));
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QLabel(tr("AceHub generated this admin password for the web dashboard, "
                               "the API and other computers' panels. Save it now (a password "
                               "manager is a good place). Until you confirm, it is kept in %1 "
                               "and shown again at the next start.")
                                    .arg(InitialPassword::path(m_dataDir)),
                            dialog);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse); // the file's path can be copied
    layout->addWidget(text);
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit(password, dialog);
    edit->setObjectName(QStringLiteral("passwordEdit"));
    edit->setReadOnly(true);
    edit->setAccessibleName(tr("Admin password"));
    auto *copy = new QPushButton(tr("&Copy"), dialog);
    row->addWidget(edit, 1);
    row->addWidget(copy);
    layout->addLayout(row);
    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *saved = buttons->addButton(tr("I have &saved it"), QDialogButtonBox::AcceptRole);
    saved->setObjectName(QStringLiteral("savedButton"));
    buttons->addButton(tr("Remind me &later"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(copy, &QPushButton::clicked, dialog,
            [password] { QApplication::clipboard()->setText(password); });
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this] { InitialPassword::forget(m_dataDir); });
    dialog->resize(520, dialog->sizeHint().height());
    m_passwordDialog = dialog;
    // Not modal: the panel keeps working behind it, and a SIGTERM ends the main loop at once.
    dialog->open();
}

void DesktopApp::failed(const QString &error)
{
    m_exitCode = 1;
    fprintf(stderr, "acehub: %s\n", qPrintable(error));
    auto *box = new QMessageBox(QMessageBox::Critical, tr("AceHub"),
                                tr("AceHub could not start: %1").arg(error), QMessageBox::Ok,
                                m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QDialog::finished, this, [] { QCoreApplication::exit(1); });
    box->open();
}
