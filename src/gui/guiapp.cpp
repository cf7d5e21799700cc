#include "guiapp.h"

#include "log/logger.h"
#include "mainwindow.h"
#include "servercontroller.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSystemTrayIcon>
#include <QTimer>
#include <cstdio>

namespace GuiApp {

bool displayAvailable()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
           || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

int run(const QString &dataDir, const Settings &settings)
{
    QApplication::setQuitOnLastWindowClosed(false);
    ServerController controller(dataDir, settings);
    MainWindow window;

    // The log view shows what was logged before the window existed, then every new line.
    if (Logger *logger = Logger::instance()) {
        for (const LogLine &line : logger->tail(logger->capacity()))
            window.appendLogLine(line);
        QObject::connect(logger, &Logger::lineLogged, &window, &MainWindow::appendLogLine,
                         Qt::QueuedConnection);
    }

    QSystemTrayIcon *tray = nullptr;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/acehub.png")), &window);
        tray->setToolTip(QObject::tr("AceHub"));
        auto *menu = new QMenu(&window);
        menu->addAction(QApplication::translate("GuiApp", "Show AceHub"), &window, [&window] {
            window.showNormal();
            window.raise();
            window.activateWindow();
        });
        menu->addSeparator();
        menu->addAction(QApplication::translate("GuiApp", "Quit"), qApp, &QApplication::quit);
        tray->setContextMenu(menu);
        QObject::connect(tray, &QSystemTrayIcon::activated, &window,
                         [&window](QSystemTrayIcon::ActivationReason reason) {
                             if (reason == QSystemTrayIcon::Trigger)
                                 window.setVisible(!window.isVisible());
                         });
        tray->show();
        window.setTrayIcon(tray);
    }

    int exitCode = 0;
    QObject::connect(&controller, &ServerController::started, &window, &MainWindow::setListening);
    QObject::connect(&controller, &ServerController::healthUpdated, &window,
                     &MainWindow::setHealth);
    QObject::connect(&controller, &ServerController::adminPasswordGenerated, &window,
                     [&window](const QString &password) {
                         // Not modal: the window and the server keep working behind it.
                         auto *box = new QMessageBox(
                                 QMessageBox::Information,
                                 QApplication::translate("GuiApp", "Admin password"),
                                 QApplication::translate("GuiApp",
                                                         "AceHub generated an admin password for "
                                                         "the dashboard and the API. It is shown "
                                                         "only once:"),
                                 QMessageBox::Ok, &window);
                         box->setAttribute(Qt::WA_DeleteOnClose);
                         box->setInformativeText(password);
                         box->setTextInteractionFlags(Qt::TextSelectableByMouse);
                         box->open();
                     });
    QObject::connect(&controller, &ServerController::failed, &window,
                     [&window, &exitCode](const QString &error) {
                         exitCode = 1;
                         fprintf(stderr, "acehub: %s\n", qPrintable(error));
                         QMessageBox::critical(&window, QApplication::translate("GuiApp", "AceHub"),
                                               error);
                         QApplication::exit(1);
                     });
    QObject::connect(qApp, &QApplication::aboutToQuit, &controller, &ServerController::shutdown);

    QTimer healthTimer;
    QObject::connect(&healthTimer, &QTimer::timeout, &controller, &ServerController::requestHealth);
    healthTimer.start(1000);

    window.show();
    controller.start();
    const int code = QApplication::exec();
    controller.shutdown();
    return exitCode ? exitCode : code;
}

} // namespace GuiApp
