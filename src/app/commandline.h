#pragma once

#include "storage/settings.h"

#include <QCoreApplication>
#include <QString>

// What the command line and the ACEHUB_* environment asked for.
struct AppOptions
{
    bool daemon = false;
    bool setAdminPassword = false;
    QString dataDir;
    QString language; // empty: the system locale
    Settings settings; // environment and command-line layers applied
};

// True when argv asks for something that must not need a display (--daemon, --help, …);
// decided before any QCoreApplication exists, since that choice picks the application class.
bool argumentsWantConsole(int argc, char **argv);

// Parses the command line of the running QCoreApplication. On --help/--version it prints and
// exits; on a bad value it prints the reason and returns false with *exitCode set.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static bool parse(AppOptions *options, int *exitCode);
};

void installTranslators(const QString &language);
QString defaultDataDir();
