// The backup routes (/api/backup, /api/restore, /api/export.m3u) and the players' playlist and
// guide (get.php, xmltv.php) on a large catalog: their work runs off the server thread, so health
// checks and streams go on while they are in flight, and an answer given later still comes before
// whatever was pipelined behind it.
#include "fakeengine.h"
#include "httpclient.h"
#include "streamplayer.h"
#include "testserver.h"

#include "server.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

namespace {
const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
constexpr int kChannels = 50000;
} // namespace

class tst_BackupRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void healthAndAPlayerAreAnsweredWhileBackupRestoreAndExportAreInFlight();
    void pipelinedRequestBehindADeferredAnswerIsAnsweredAfterIt();
    void healthAndAPlayerAreAnsweredWhilePlaylistAndGuideAreInFlight();
    void pipelinedRequestBehindAPlaylistIsAnsweredAfterIt();
    void bulkWorkRunsBelowTheServerThreadsPriority();

private:
    // An Xtream account that sees the whole catalog; its get.php or xmltv.php path.
    QString playerPath(const QString &script);
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {});
    // Health answers and the player gets bytes while reply is still in flight.
    void othersAreServedWhileInFlight(QNetworkReply *reply, StreamPlayer *player);

    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<TestServer> m_ts;
    QNetworkAccessManager m_nam;
};

void tst_BackupRoutes::init()
{
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->listen());
    m_ts = std::make_unique<TestServer>();
    QVERIFY2(m_ts->start({{QStringLiteral("engine_port"), int(m_engine->port())}}),
             qPrintable(m_ts->errorString()));
    // A large catalog, made fast in one transaction.
    QSqlDatabase db = m_ts->server()->database()->connection();
    QVERIFY(db.transaction());
    QSqlQuery q(db);
    QVERIFY(q.prepare(
            QStringLiteral("INSERT INTO channels(kind, content_id, name, number, epg_id, "
                           "added_at, updated_at) VALUES ('acestream', ?, ?, ?, ?, 0, 0)")));
    for (int i = 0; i < kChannels; ++i) {
        q.addBindValue(QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0')));
        q.addBindValue(QStringLiteral("Channel %1").arg(i));
        q.addBindValue(i + 1);
        q.addBindValue(QStringLiteral("ch%1").arg(i));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
    QVERIFY(db.commit());
}

void tst_BackupRoutes::cleanup()
{
    m_ts.reset();
    m_engine.reset();
}

QNetworkReply *tst_BackupRoutes::send(const QByteArray &method, const QString &path,
                                      const QByteArray &body)
{
    QNetworkRequest request(m_ts->url(path));
    const auto auth = basicAuth(m_ts->adminPassword());
    request.setRawHeader(auth.first, auth.second);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    return m_nam.sendCustomRequest(request, method, body);
}

void tst_BackupRoutes::othersAreServedWhileInFlight(QNetworkReply *reply, StreamPlayer *player)
{
    const qint64 before = player->bodyBytes();
    QNetworkReply *health = send("GET", QStringLiteral("/api/health"));
    QTRY_VERIFY(health->isFinished() || reply->isFinished());
    QVERIFY2(!reply->isFinished(), "the bulk answer came before the health check's");
    QCOMPARE(health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_VERIFY(player->bodyBytes() > before || reply->isFinished());
    QVERIFY2(!reply->isFinished(), "the player got nothing while the bulk route worked");
    delete health;
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 60000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void tst_BackupRoutes::healthAndAPlayerAreAnsweredWhileBackupRestoreAndExportAreInFlight()
{
    StreamPlayer player;
    player.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + kId));
    QTRY_VERIFY_WITH_TIMEOUT(player.bodyBytes() > 0, 20000);

    QNetworkReply *backup = send("GET", QStringLiteral("/api/backup"));
    othersAreServedWhileInFlight(backup, &player);
    const QByteArray document = backup->readAll();
    QVERIFY(document.count("\"Channel ") >= kChannels);
    delete backup;

    QNetworkReply *restore = send("POST", QStringLiteral("/api/restore"), document);
    othersAreServedWhileInFlight(restore, &player);
    delete restore;

    QNetworkReply *exported = send("GET", QStringLiteral("/api/export.m3u"));
    othersAreServedWhileInFlight(exported, &player);
    QCOMPARE(exported->readAll().count("#EXTINF:"), kChannels);
    delete exported;
    QVERIFY(!player.isClosed());
}

namespace {

// The nice value of each of this process's threads (Linux), by thread name.
QList<QPair<QByteArray, int>> threadNiceValues()
{
    QList<QPair<QByteArray, int>> out;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tasks) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        // After "(comm)": state is field 3, nice field 19.
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (open < 0 || close < 0 || fields.size() < 17)
            continue;
        out.append({line.mid(open + 1, close - open - 1), fields.at(16).toInt()});
    }
    return out;
}

} // namespace

void tst_BackupRoutes::bulkWorkRunsBelowTheServerThreadsPriority()
{
#ifndef Q_OS_LINUX
    QSKIP("thread nice values are read from /proc");
#endif
    // The server runs on this (the main) thread. A backup's work leaves it for a worker that
    // runs at a lower priority, so that on a busy machine the server thread gets the CPU first.
    const int serverNice = [] {
        for (const auto &t : threadNiceValues())
            if (t.first.startsWith("tst_backuprout"))
                return t.second;
        return -100;
    }();
    QVERIFY(serverNice != -100);
    QNetworkReply *backup = send("GET", QStringLiteral("/api/backup"));
    QTRY_VERIFY_WITH_TIMEOUT(backup->isFinished(), 60000);
    QCOMPARE(backup->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete backup;
    // The pool's worker outlives its task (Qt keeps it 30 s for the next one): it is there.
    bool lowered = false;
    for (const auto &t : threadNiceValues()) {
        if (t.first.contains("pooled") && t.second >= qMin(serverNice + 10, 19))
            lowered = true;
    }
    QVERIFY2(lowered, "no pooled worker runs below the server thread");
}

void tst_BackupRoutes::pipelinedRequestBehindADeferredAnswerIsAnsweredAfterIt()
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_ts->server()->port());
    QVERIFY(socket.waitForConnected(5000));
    const auto auth = basicAuth(m_ts->adminPassword());
    const QByteArray authLine = auth.first + ": " + auth.second + "\r\n";
    socket.write("GET /api/export.m3u HTTP/1.1\r\nHost: x\r\n" + authLine + "\r\n"
                 + "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\"status\":\"ok\""), 60000);
    const qsizetype exportAt = received.indexOf("HTTP/1.1 200");
    const qsizetype healthAt = received.indexOf("HTTP/1.1 200", exportAt + 1);
    QVERIFY(exportAt == 0 && healthAt > 0);
    QVERIFY(received.left(healthAt).contains("audio/x-mpegurl"));
    QCOMPARE(received.left(healthAt).count("#EXTINF:"), kChannels);
    QVERIFY(received.mid(healthAt).contains("application/json"));
    // The connection stays open for more (keep-alive), and answers again.
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    received.clear();
    socket.write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY((received += socket.readAll()).contains("\"status\":\"ok\""));
}

QString tst_BackupRoutes::playerPath(const QString &script)
{
    const HttpResult user
            = m_ts->api("POST", QStringLiteral("/api/users"),
                        QJsonObject {{QStringLiteral("username"), QStringLiteral("tv")},
                                     {QStringLiteral("password"), QStringLiteral("tv-password")}});
    if (user.status != 201)
        qWarning() << "creating the player account:" << user.status << user.body;
    return QStringLiteral("/%1?username=tv&password=tv-password").arg(script);
}

void tst_BackupRoutes::healthAndAPlayerAreAnsweredWhilePlaylistAndGuideAreInFlight()
{
    StreamPlayer player;
    player.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + kId));
    QTRY_VERIFY_WITH_TIMEOUT(player.bodyBytes() > 0, 20000);

    QNetworkReply *playlist = send("GET", playerPath(QStringLiteral("get.php")));
    othersAreServedWhileInFlight(playlist, &player);
    QCOMPARE(playlist->readAll().count("#EXTINF:"), kChannels);
    delete playlist;

    QNetworkReply *guide
            = send("GET", QStringLiteral("/xmltv.php?username=tv&password=tv-password"));
    othersAreServedWhileInFlight(guide, &player);
    QCOMPARE(guide->readAll().count("<channel "), kChannels);
    delete guide;
    QVERIFY(!player.isClosed());
}

void tst_BackupRoutes::pipelinedRequestBehindAPlaylistIsAnsweredAfterIt()
{
    const QString path = playerPath(QStringLiteral("get.php"));
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_ts->server()->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: x\r\n\r\n"
                 + "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\"status\":\"ok\""), 60000);
    const qsizetype playlistAt = received.indexOf("HTTP/1.1 200");
    const qsizetype healthAt = received.indexOf("HTTP/1.1 200", playlistAt + 1);
    QVERIFY(playlistAt == 0 && healthAt > 0);
    QCOMPARE(received.left(healthAt).count("#EXTINF:"), kChannels);
    QVERIFY(received.mid(healthAt).contains("application/json"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(tst_BackupRoutes)
#include "tst_backuproutes.moc"
