#include "daemon.h"

#include "auth/admincredential.h"
#include "auth/initialpassword.h"
#include "commandline.h"
#include "log/logger.h"
#include "server.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

void printGeneratedAdminPassword(const QString &password, const QString &keptIn)
{
    const QString text
            = QCoreApplication::translate(
                      "Daemon",
                      "\nAceHub admin password (generated on first start):\n\n"
                      "    %1\n\n"
                      "It is also kept in %2 (readable by this user only)\n"
                      "until the admin password is changed.\n"
                      "Use it to sign in to the dashboard and the /api routes as user \"admin\".\n"
                      "Change it with:  acehub --set-admin-password  (reads the new one from "
                      "standard input)\n")
                      .arg(password, QFileInfo(keptIn).absoluteFilePath());
    fprintf(stdout, "%s\n", qPrintable(text));
    fflush(stdout);
}

int runDaemon(const AppOptions &options)
{
    Server server(options.dataDir, options.settings);
    QObject::connect(
            &server, &Server::adminPasswordGenerated, &server, [&options](const QString &password) {
                printGeneratedAdminPassword(password, InitialPassword::path(options.dataDir));
            });
    if (!server.start()) {
        fprintf(stderr, "acehub: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const int code = QCoreApplication::exec();
    server.stop();
    if (server.hasPendingEngineStops()) {
        // The engine stop commands of the streams just ended get their short chance to arrive.
        QObject::connect(&server, &Server::engineStopsDone, &server, &QCoreApplication::quit);
        QCoreApplication::exec();
    }
    return code;
}

namespace {

QString readPasswordFromStdin()
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved {};
    if (tty) {
        fprintf(stderr, "%s",
                qPrintable(QCoreApplication::translate("Daemon", "New admin password: ")));
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        fprintf(stderr, "\n");
    }
    return line;
}

} // namespace

int runSetAdminPassword(const AppOptions &options)
{
    const QString password = readPasswordFromStdin();
    if (password.isEmpty()) {
        fprintf(stderr, "acehub: %s\n",
                qPrintable(QCoreApplication::translate("Daemon",
                                                       "no password given on standard input")));
        return 2;
    }
    Database db(QDir(options.dataDir).filePath(QStringLiteral("acehub.sqlite")));
    const auto opened = db.open();
    if (!opened.ok) {
        fprintf(stderr, "acehub: %s\n", qPrintable(opened.error));
        return 1;
    }
    if (auto error = AdminCredential::set(db.connection(), password)) {
        fprintf(stderr, "acehub: %s\n", qPrintable(*error));
        return 2;
    }
    InitialPassword::forget(options.dataDir); // it no longer opens anything
    fprintf(stdout, "%s\n",
            qPrintable(QCoreApplication::translate("Daemon", "Admin password changed in %1.")
                               .arg(db.path())));
    return 0;
}
