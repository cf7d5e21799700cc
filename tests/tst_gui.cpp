#include "acehubprocess.h"
#include "httpclient.h"
#include "log/logger.h"
#include "mainwindow.h"
#include "servercontroller.h"

#include <QApplication>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(lcGuiTest, "acehub.guitest")

// The control panel shell under QT_QPA_PLATFORM=offscreen.
class tst_Gui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverRunsInItsOwnThreadAndTheWindowShowsIt();
    void logLinesReachTheLogView();
    void desktopProcessStartsAndQuitsCleanlyOnSigterm();
};

static Settings loopbackSettings()
{
    Settings s;
    s.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    s.setCommandLine(QStringLiteral("port"), 0);
    s.setCommandLine(QStringLiteral("engine_port"), 9);
    return s;
}

void tst_Gui::serverRunsInItsOwnThreadAndTheWindowShowsIt()
{
    Logger logger;
    logger.setEchoToStderr(false);
    QTemporaryDir dir;
    ServerController controller(dir.path(), loopbackSettings());
    MainWindow window;
    connect(&controller, &ServerController::started, &window, &MainWindow::setListening);
    connect(&controller, &ServerController::healthUpdated, &window, &MainWindow::setHealth);
    QSignalSpy started(&controller, &ServerController::started);
    QSignalSpy password(&controller, &ServerController::adminPasswordGenerated);
    window.show();
    controller.start();
    QVERIFY(started.wait(10000));
    const quint16 port = started.at(0).at(0).value<quint16>();
    QVERIFY(port != 0);
    QCOMPARE(password.size(), 1);
    QVERIFY(window.statusText().contains(QStringLiteral("localhost:%1").arg(port)));

    // The GUI thread waits in a nested loop here while the server answers from its own thread.
    const HttpResult r = httpGet(QUrl(QStringLiteral("http://127.0.0.1:%1/api/health").arg(port)));
    QCOMPARE(r.status, 200);

    QSignalSpy health(&controller, &ServerController::healthUpdated);
    controller.requestHealth();
    QVERIFY(health.wait(5000));
    QVERIFY(health.at(0).at(0).toJsonObject().contains(QLatin1String("uptime_s")));
    QTRY_VERIFY(window.statusText().contains(QLatin1String("127.0.0.1:9")));

    controller.shutdown();
    QCOMPARE(httpGet(QUrl(QStringLiteral("http://127.0.0.1:%1/api/health").arg(port)), 2000).status,
             0);
}

void tst_Gui::logLinesReachTheLogView()
{
    Logger logger;
    logger.setEchoToStderr(false);
    MainWindow window;
    connect(&logger, &Logger::lineLogged, &window, &MainWindow::appendLogLine);
    qCWarning(lcGuiTest) << "visible in the panel";
    auto *view = window.findChild<QPlainTextEdit *>();
    QVERIFY(view);
    QVERIFY(view->toPlainText().contains(QLatin1String("[acehub.guitest] visible in the panel")));
}

void tst_Gui::desktopProcessStartsAndQuitsCleanlyOnSigterm()
{
    AcehubProcess acehub;
    acehub.environment().insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    acehub.start({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                  QStringLiteral("0"), QStringLiteral("--engine"), QStringLiteral("127.0.0.1:9")});
    QVERIFY2(acehub.waitListening(), qPrintable(acehub.output()));
    QCOMPARE(httpGet(acehub.url(QStringLiteral("/api/health"))).status, 200);
    acehub.terminate();
    QVERIFY(acehub.waitFinished(10000));
    QCOMPARE(acehub.exitStatus(), QProcess::NormalExit);
    QCOMPARE(acehub.exitCode(), 0);
}

QTEST_MAIN(tst_Gui)
#include "tst_gui.moc"
