#include "acehubprocess.h"
#include "httpclient.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

// `acehub` as users and systemd run it: a real process, real sockets, real signals.
class tst_Daemon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesHealthOnAFreePort();
    void firstStartPrintsAGeneratedAdminPasswordOnce();
    void setAdminPasswordReadsStandardInput();
    void occupiedPortIsAClearErrorAndNonZeroExit();
    void sigtermStopsWithExitCodeZero();
    void environmentConfiguresAndCommandLineWins();
    void badCommandLineValueIsRefused();
    void withoutDisplayTheDesktopModePointsToDaemon();
    void versionAndHelpNeedNoDisplay();
    void italianIsChosenWithLang();
};

static QStringList loopbackArgs()
{
    return {QStringLiteral("--daemon"),   QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"),     QStringLiteral("0"),      QStringLiteral("--engine"),
            QStringLiteral("127.0.0.1:9")};
}

void tst_Daemon::servesHealthOnAFreePort()
{
    AcehubProcess acehub;
    acehub.environment().remove(QStringLiteral("DISPLAY"));
    acehub.environment().remove(QStringLiteral("WAYLAND_DISPLAY"));
    acehub.environment().remove(QStringLiteral("QT_QPA_PLATFORM"));
    acehub.start(loopbackArgs());
    QVERIFY2(acehub.waitListening(), qPrintable(acehub.output()));
    const HttpResult r = httpGet(acehub.url(QStringLiteral("/api/health")));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(o.value(QLatin1String("engine")).toObject().value(QLatin1String("url")).toString(),
             QStringLiteral("http://127.0.0.1:9"));
    QVERIFY(QFile::exists(acehub.dataDir() + QStringLiteral("/acehub.sqlite")));
    QVERIFY(QFile::exists(acehub.dataDir() + QStringLiteral("/logs/acehub.log")));
    acehub.terminate();
    QVERIFY(acehub.waitFinished());
    QCOMPARE(acehub.exitCode(), 0);
}

void tst_Daemon::firstStartPrintsAGeneratedAdminPasswordOnce()
{
    QTemporaryDir dir;
    QString password;
    {
        AcehubProcess acehub(dir.path());
        acehub.start(loopbackArgs());
        QVERIFY(acehub.waitListening());
        const QString out = acehub.output();
        const QRegularExpression re(QStringLiteral("admin password[^\\n]*\\n\\n\\s+(\\S+)"));
        const auto m = re.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        password = m.captured(1);
        QCOMPARE(password.size(), 20);
        QVERIFY(out.contains(QLatin1String("--set-admin-password")));
        // ...and kept in a file only its user reads, which the output names.
        const QString kept = dir.path() + QStringLiteral("/initial-admin-password");
        QVERIFY2(out.contains(kept), qPrintable(out));
        QFile file(kept);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).trimmed(), password);
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        acehub.terminate();
        QVERIFY(acehub.waitFinished());
        // The password is never written to the log file.
        QFile log(dir.path() + QStringLiteral("/logs/acehub.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(!log.readAll().contains(password.toUtf8()));
    }
    AcehubProcess again(dir.path());
    again.start(loopbackArgs());
    QVERIFY(again.waitListening());
    QVERIFY(!again.output().contains(QLatin1String("generated on first start")));
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/initial-admin-password")));
    again.terminate();
    QVERIFY(again.waitFinished());

    // A new password makes the kept one worthless: the file goes.
    AcehubProcess change(dir.path());
    change.start({QStringLiteral("--set-admin-password")});
    change.process().write("correct horse battery staple\n");
    change.process().closeWriteChannel();
    QVERIFY(change.waitFinished());
    QCOMPARE(change.exitCode(), 0);
    QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/initial-admin-password")));
}

void tst_Daemon::setAdminPasswordReadsStandardInput()
{
    AcehubProcess tooShort;
    tooShort.start({QStringLiteral("--set-admin-password")});
    tooShort.process().write("abc\n");
    tooShort.process().closeWriteChannel();
    QVERIFY(tooShort.waitFinished());
    QCOMPARE(tooShort.exitCode(), 2);
    QVERIFY(tooShort.output().contains(QLatin1String("at least")));

    AcehubProcess ok;
    ok.start({QStringLiteral("--set-admin-password")});
    ok.process().write("correct horse battery staple\n");
    ok.process().closeWriteChannel();
    QVERIFY(ok.waitFinished());
    QCOMPARE(ok.exitCode(), 0);
    QVERIFY2(ok.output().contains(QLatin1String("Admin password changed")),
             qPrintable(ok.output()));

    // A stored password means the first start generates none.
    AcehubProcess daemon(ok.dataDir());
    daemon.start(loopbackArgs());
    QVERIFY(daemon.waitListening());
    QVERIFY(!daemon.output().contains(QLatin1String("generated on first start")));
}

void tst_Daemon::occupiedPortIsAClearErrorAndNonZeroExit()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    AcehubProcess acehub;
    acehub.start({QStringLiteral("--daemon"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                  QStringLiteral("--port"), QString::number(occupier.serverPort())});
    QVERIFY(acehub.waitFinished());
    QCOMPARE(acehub.exitStatus(), QProcess::NormalExit);
    QCOMPARE(acehub.exitCode(), 1);
    const QString out = acehub.output();
    QVERIFY2(out.contains(QStringLiteral("Cannot listen on 127.0.0.1 port %1")
                                  .arg(occupier.serverPort())),
             qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--port")), qPrintable(out));
}

void tst_Daemon::sigtermStopsWithExitCodeZero()
{
    AcehubProcess acehub;
    acehub.start(loopbackArgs());
    QVERIFY(acehub.waitListening());
    // An open player-style connection must not keep the process alive.
    QTcpSocket idle;
    idle.connectToHost(QHostAddress::LocalHost, acehub.port());
    QVERIFY(idle.waitForConnected(5000));
    acehub.terminate();
    QVERIFY(acehub.waitFinished(10000));
    QCOMPARE(acehub.exitStatus(), QProcess::NormalExit);
    QCOMPARE(acehub.exitCode(), 0);
    QVERIFY(acehub.output().contains(QLatin1String("Stopped")));
    const HttpResult after = httpGet(acehub.url(QStringLiteral("/api/health")), 2000);
    QCOMPARE(after.status, 0); // the listener is closed
}

void tst_Daemon::environmentConfiguresAndCommandLineWins()
{
    AcehubProcess acehub;
    acehub.environment().insert(QStringLiteral("ACEHUB_ENGINE"), QStringLiteral("127.0.0.1:6999"));
    acehub.environment().insert(QStringLiteral("ACEHUB_PORT"),
                                QStringLiteral("1")); // beaten by --port 0
    acehub.environment().insert(QStringLiteral("ACEHUB_BIND"), QStringLiteral("127.0.0.1"));
    acehub.start({QStringLiteral("--daemon"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(acehub.waitListening(), qPrintable(acehub.output()));
    QVERIFY(acehub.port() > 1);
    const QJsonObject engine = httpGet(acehub.url(QStringLiteral("/api/health")))
                                       .json()
                                       .object()
                                       .value(QLatin1String("engine"))
                                       .toObject();
    QCOMPARE(engine.value(QLatin1String("url")).toString(),
             QStringLiteral("http://127.0.0.1:6999"));
}

void tst_Daemon::badCommandLineValueIsRefused()
{
    AcehubProcess acehub;
    acehub.start({QStringLiteral("--daemon"), QStringLiteral("--port"), QStringLiteral("eighty")});
    QVERIFY(acehub.waitFinished());
    QCOMPARE(acehub.exitCode(), 2);
    QVERIFY2(acehub.output().contains(QLatin1String("--port: port: expected a whole number")),
             qPrintable(acehub.output()));
}

void tst_Daemon::withoutDisplayTheDesktopModePointsToDaemon()
{
#ifndef ACEHUB_HAS_GUI
    QSKIP("headless build: acehub runs as a daemon without --daemon");
#else
    AcehubProcess acehub;
    acehub.environment().remove(QStringLiteral("DISPLAY"));
    acehub.environment().remove(QStringLiteral("WAYLAND_DISPLAY"));
    acehub.environment().remove(QStringLiteral("QT_QPA_PLATFORM"));
    acehub.start({QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY(acehub.waitFinished());
    QCOMPARE(acehub.exitCode(), 2);
    QVERIFY2(acehub.output().contains(QLatin1String("acehub --daemon")),
             qPrintable(acehub.output()));
#endif
}

void tst_Daemon::versionAndHelpNeedNoDisplay()
{
    for (const char *arg : {"--version", "--help"}) {
        AcehubProcess acehub;
        acehub.environment().remove(QStringLiteral("DISPLAY"));
        acehub.environment().remove(QStringLiteral("QT_QPA_PLATFORM"));
        acehub.start({QString::fromLatin1(arg)});
        QVERIFY(acehub.waitFinished());
        QCOMPARE(acehub.exitCode(), 0);
        QVERIFY(acehub.output().contains(QLatin1String(arg) == QLatin1String("--version")
                                                 ? QLatin1String("acehub 0.")
                                                 : QLatin1String("--daemon")));
    }
}

void tst_Daemon::italianIsChosenWithLang()
{
    AcehubProcess acehub;
    acehub.start({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("it")});
    QVERIFY(acehub.waitFinished());
    QVERIFY2(acehub.output().contains(QStringLiteral("Esegui senza finestra")),
             qPrintable(acehub.output()));
    AcehubProcess english;
    english.start({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(english.waitFinished());
    QVERIFY(english.output().contains(QStringLiteral("Run headless, without a window")));
}

QTEST_GUILESS_MAIN(tst_Daemon)
#include "tst_daemon.moc"
