// Takes the README's screenshots of the desktop panel: the real window with real data (the
// fake engine, a sample playlist and guide, a user, a player streaming), each page grabbed to
// docs/screenshots/desktop-<page>.png. Run it under Xvfb so it looks like a desktop:
//   xvfb-run -s "-screen 0 1280x800x24" build/tests/acehub-gui-screenshots docs/screenshots
#include "apiclient.h"
#include "catalogfixtures.h"
#include "desktopapp.h"
#include "fakeengine.h"
#include "httpclient.h"
#include "log/logger.h"
#include "mainwindow.h"
#include "streamplayer.h"
#include "streamsmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication qapp(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AceHub"));
    QCoreApplication::setApplicationName(QStringLiteral("acehub-screenshots"));
    QStandardPaths::setTestModeEnabled(true);
    QTranslator english; // the plural forms, as acehub itself loads them
    if (english.load(QStringLiteral(ACEHUB_QM_DIR "/acehub_en.qm")))
        QCoreApplication::installTranslator(&english);
    const QString out
            = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(out);

    Logger logger;
    logger.setEchoToStderr(false);
    FakeEngine engine;
    engine.listen();
    engine.setBitrateKbps(3000);
    QTemporaryDir dir;
    Settings s;
    // All interfaces, as a home install listens: "Connect a TV" then shows this machine's
    // network address, not the loopback one a TV cannot reach.
    s.setCommandLine(QStringLiteral("bind"), QStringLiteral("0.0.0.0"));
    s.setCommandLine(QStringLiteral("port"), 0);
    s.setCommandLine(QStringLiteral("engine_port"), engine.port());
    DesktopApp app(dir.path(), s);
    MainWindow *window = app.window();
    window->resize(1180, 720);
    app.start();
    if (!QTest::qWaitFor([&app] { return app.localPort() != 0; }, 20000)) {
        fprintf(stderr, "AceHub did not start\n");
        return 1;
    }
    if (QWidget *d = app.passwordDialog())
        d->close();
    auto api = [&app](const QByteArray &method, const QString &path, const QByteArray &body = {}) {
        return httpRequest(
                method,
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(app.localPort()).arg(path)), body,
                {{"Authorization", "Bearer " + app.localToken().toUtf8()},
                 {"Content-Type", "application/json"}});
    };

    // A playlist and a guide, as files uploaded like the Sources page does.
    QByteArray m3u = "#EXTM3U\n";
    const char *const names[] = {
            "Rai 1 HD", "Rai 2",         "Rai 3",          "Canale 5", "Italia 1",    "Rete 4",
            "La7",      "TV8",           "Nove",           "Sky TG24", "Eurosport 1", "Eurosport 2",
            "DAZN 1",   "Sky Sport Uno", "Sky Cinema Uno", "Discovery"};
    const char *const groups[]
            = {"Generalist", "Generalist", "Generalist", "Generalist",   "Generalist", "Generalist",
               "Generalist", "Generalist", "Generalist", "News",         "Sport",      "Sport",
               "Sport",      "Sport",      "Cinema",     "Documentaries"};
    for (int i = 0; i < 16; ++i)
        m3u += QStringLiteral("#EXTINF:-1 tvg-id=\"ch%1\" tvg-chno=\"%2\" "
                              "group-title=\"%3\",%4\nacestream://%5\n")
                       .arg(i)
                       .arg(i + 1)
                       .arg(QLatin1String(groups[i]), QLatin1String(names[i]),
                            Fixtures::contentId(i + 1))
                       .toUtf8();
    const QByteArray guide
            = Fixtures::xmltv(16, 24, QDateTime::currentSecsSinceEpoch() / 3600 * 3600);
    // Uploaded like the Sources page does; an AceHub without the upload route reads the files.
    const struct
    {
        const char *kind;
        const char *name;
        QByteArray data;
    } sources[] = {{"sources", "Italia", m3u}, {"epg-sources", "Guida TV", guide}};
    for (const auto &src : sources) {
        const QString name = QLatin1String(src.name);
        if (api("POST", QStringLiteral("/api/%1/upload?name=%2").arg(QLatin1String(src.kind), name),
                src.data)
                            .status
                    / 100
            != 2) {
            const QString path = dir.filePath(name + QStringLiteral(".data"));
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(src.data);
            file.close();
            api("POST", QStringLiteral("/api/%1").arg(QLatin1String(src.kind)),
                QJsonDocument(QJsonObject {{QStringLiteral("name"), name},
                                           {QStringLiteral("location"), path}})
                        .toJson());
        }
    }
    api("POST", QStringLiteral("/api/users"),
        R"({"username": "soggiorno", "password": "k7mq4rtx9wpa", "max_connections": 2})");
    api("POST", QStringLiteral("/api/users"),
        R"({"username": "cucina", "password": "b3vn8hzs2dje", "max_connections": 1})");
    QTest::qWait(3000);
    window->reloadAll();

    StreamPlayer tv1, tv2;
    tv1.open(QUrl(QStringLiteral("http://127.0.0.1:%1/ace/getstream?id=%2")
                          .arg(app.localPort())
                          .arg(Fixtures::contentId(1))),
             "GET", {{"User-Agent", "VLC/3.0.18 LibVLC/3.0.18"}});
    tv2.open(QUrl(QStringLiteral("http://127.0.0.1:%1/ace/getstream?id=%2")
                          .arg(app.localPort())
                          .arg(Fixtures::contentId(1))),
             "GET", {{"User-Agent", "Kodi/20.2 (X11; Linux x86_64)"}});
    if (!QTest::qWaitFor([window] { return window->streamsModel()->playerCount() == 2; }, 20000))
        fprintf(stderr, "the two players did not show up\n");
    QTest::qWait(6000); // rates over a few seconds

    const char *const pages[] = {"overview", "streams", "channels", "categories",
                                 "sources",  "users",   "logs",     "settings"};
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        window->showPage(i);
        QTest::qWait(1500);
        const QString path = QStringLiteral("%1/desktop-%2.png").arg(out, QLatin1String(pages[i]));
        if (!window->grab().save(path))
            fprintf(stderr, "cannot write %s\n", qPrintable(path));
        else
            printf("%s\n", qPrintable(path));
    }
    tv1.close();
    tv2.close();
    app.shutdown();
    return 0;
}
