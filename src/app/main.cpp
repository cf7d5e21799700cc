#include "commandline.h"
#include "daemon.h"
#include "log/logger.h"
#include "unixsignals.h"
#include "version.h"

#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

#ifdef ACEHUB_HAS_GUI
#include "guiapp.h"
#include <QApplication>
#endif

namespace {

// Every player is a socket: lift the soft file-descriptor limit (1024 on Debian) to the hard one.
void raiseFileLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication::setOrganizationName(QStringLiteral("AceHub"));
    QCoreApplication::setApplicationName(QStringLiteral("acehub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ACEHUB_VERSION));

#ifdef ACEHUB_HAS_GUI
    const bool console = argumentsWantConsole(argc, argv);
    if (!console && !GuiApp::displayAvailable()) {
        fprintf(stderr, "acehub: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                        "To run AceHub without a window, start it with: acehub --daemon\n");
        return 2;
    }
    std::unique_ptr<QCoreApplication> app;
    if (console)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
#else
    auto app = std::make_unique<QCoreApplication>(argc, argv);
#endif

    Logger logger;
    AppOptions options;
    int exitCode = 0;
    if (!CommandLine::parse(&options, &exitCode))
        return exitCode;
    if (options.setAdminPassword)
        return runSetAdminPassword(options);

    // SIGTERM/SIGINT end both modes cleanly: the event loop returns and the Server is stopped.
    UnixSignals signals_({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&signals_, &UnixSignals::received, app.get(), [](int signalNumber) {
        qCInfo(lcServer) << "Received signal" << signalNumber << "- shutting down";
        // exit(), not quit(): in Qt 6 quit() first asks the windows to close, and the panel's
        // window refuses when it hides into the tray.
        QCoreApplication::exit(0);
    });
#ifdef ACEHUB_HAS_GUI
    if (!options.daemon)
        return GuiApp::run(options.dataDir, options.settings);
#endif
    return runDaemon(options);
}
