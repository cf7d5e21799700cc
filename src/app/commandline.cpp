#include "commandline.h"

#include "version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>
#include <cstdio>
#include <cstring>

bool argumentsWantConsole(int argc, char **argv)
{
    static const char *const console[]
            = {"--daemon",   "-d",        "--help", "-h",
               "--help-all", "--version", "-v",     "--set-admin-password"};
    for (int i = 1; i < argc; ++i) {
        for (const char *c : console) {
            if (std::strcmp(argv[i], c) == 0)
                return true;
        }
    }
    return false;
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

void installTranslators(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *app = QCoreApplication::instance();
    auto *ours = new QTranslator(app);
    if (ours->load(locale, QStringLiteral("acehub"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

namespace {

// Language is needed before the parser's texts are translated: peek at --lang first.
QString peekLanguage(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            return args.at(i + 1);
        if (args.at(i).startsWith(QLatin1String("--lang=")))
            return args.at(i).mid(7);
    }
    return qEnvironmentVariable("ACEHUB_LANG");
}

} // namespace

bool CommandLine::parse(AppOptions *options, int *exitCode)
{
    const QStringList args = QCoreApplication::arguments();
    options->language = peekLanguage(args);
    installTranslators(options->language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("AceHub: a home IPTV server that proxies an AceStream engine for IPTV players "
               "(Xtream Codes API, M3U, XMLTV), one engine session per channel."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption daemon({QStringLiteral("d"), QStringLiteral("daemon")},
                                    tr("Run headless, without a window (for a NAS or a server)."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Directory for the database, logs and settings."),
                                     tr("path"));
    const QCommandLineOption bind(QStringLiteral("bind"), tr("Address to listen on."),
                                  tr("address"));
    const QCommandLineOption port(QStringLiteral("port"), tr("HTTP port to listen on."),
                                  tr("port"));
    const QCommandLineOption engine(QStringLiteral("engine"),
                                    tr("AceStream engine address (default 127.0.0.1:6878)."),
                                    tr("host:port"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      tr("Log level: debug, info, warning or error."), tr("level"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("Language of the interface, e.g. en or it."), tr("code"));
    const QCommandLineOption setPassword(
            QStringLiteral("set-admin-password"),
            tr("Read a new admin password from standard input, store it and exit."));
    parser.addOptions({daemon, dataDir, bind, port, engine, logLevel, lang, setPassword});
    parser.process(args); // handles --help and --version, and unknown options, by exiting

    auto failWith = [exitCode](const QString &message) {
        fprintf(stderr, "acehub: %s\n", qPrintable(message));
        *exitCode = 2;
        return false;
    };

    const QStringList envErrors
            = options->settings.applyEnvironment(QProcessEnvironment::systemEnvironment());
    if (!envErrors.isEmpty())
        return failWith(envErrors.join(QStringLiteral("; ")));

    options->daemon = parser.isSet(daemon);
    options->setAdminPassword = parser.isSet(setPassword);
    options->dataDir = parser.isSet(dataDir) ? parser.value(dataDir)
                                             : qEnvironmentVariable("ACEHUB_DATA_DIR");
    if (options->dataDir.isEmpty())
        options->dataDir = defaultDataDir();
    options->dataDir = QDir(options->dataDir).absolutePath();

    const std::pair<const QCommandLineOption *, const char *> direct[]
            = {{&bind, "bind"}, {&port, "port"}, {&logLevel, "log_level"}};
    for (const auto &[option, key] : direct) {
        if (!parser.isSet(*option))
            continue;
        if (auto error
            = options->settings.setCommandLine(QString::fromLatin1(key), parser.value(*option)))
            return failWith(QStringLiteral("--%1: %2").arg(option->names().constLast(), *error));
    }
    if (parser.isSet(engine)) {
        QString host;
        quint16 enginePort = 0;
        if (!Settings::splitHostPort(parser.value(engine), &host, &enginePort))
            return failWith(tr("--engine: expected HOST:PORT, got %1").arg(parser.value(engine)));
        if (auto error = options->settings.setCommandLine(QStringLiteral("engine_host"), host))
            return failWith(QStringLiteral("--engine: ") + *error);
        options->settings.setCommandLine(QStringLiteral("engine_port"), int(enginePort));
    }
    if (!parser.positionalArguments().isEmpty())
        return failWith(tr("unexpected argument: %1").arg(parser.positionalArguments().first()));
    return true;
}
