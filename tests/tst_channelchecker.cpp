#include "catalog/channelchecker.h"
#include "catalogfixtures.h"
#include "httpclient.h"
#include "log/logger.h"
#include "server.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

// A stand-in for the engine's get_media_files: answers after a delay and records how many
// checks were in flight at once and when each started and ended.
class FakeMediaEngine final : public QObject
{
public:
    explicit FakeMediaEngine(int delayMs) : m_delayMs(delayMs)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this,
                        [this, socket]() { onReadyRead(socket); });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void setUnknown(const QString &id) { m_unknown = id; }

    int maxInFlight = 0;
    QStringList ids; // content_id or infohash of each check, in order
    QList<qint64> starts, ends; // ms since construction

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray target = buffer.split(' ').value(1);
        buffer.clear();
        const QUrl url(QString::fromLatin1(target));
        if (url.path() != QLatin1String("/server/api")) {
            reply(socket, "404 Not Found", "{}");
            return;
        }
        const QUrlQuery query(url);
        const QString id = query.hasQueryItem(QStringLiteral("content_id"))
                                   ? query.queryItemValue(QStringLiteral("content_id"))
                                   : query.queryItemValue(QStringLiteral("infohash"));
        ids << id;
        starts << m_clock.elapsed();
        maxInFlight = qMax(maxInFlight, ++m_inFlight);
        QPointer<QTcpSocket> guarded(socket);
        QTimer::singleShot(m_delayMs, this, [this, guarded, id]() {
            --m_inFlight;
            ends << m_clock.elapsed();
            if (!guarded)
                return;
            reply(guarded, "200 OK",
                  id == m_unknown ? QByteArray(
                          "{\"error\": {\"message\": \"cannot get transport file\", \"code\": 0}}")
                                  : QByteArray("{\"result\": {\"files\": [{\"filename\": \"x\", "
                                               "\"index\": 0}], \"name\": \"n\","
                                               " \"infohash\": \"h\", \"type\": \"live\"}}"));
        });
    }
    static void reply(QTcpSocket *socket, const QByteArray &status, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + status
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QElapsedTimer m_clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    int m_delayMs;
    int m_inFlight = 0;
    QString m_unknown;
};

class tst_ChannelChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void checksRunOneAtATimeWithAPause();
    void unreachableEngineIsAnErrorNotAVerdict();
    void aResultLockedOutByAnImportIsStoredLater();

private:
    void startServer(quint16 enginePort);
    HttpResult api(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    int addChannel(const QString &address);

    std::unique_ptr<Logger> m_logger;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    QString m_password;
};

void tst_ChannelChecker::init()
{
    m_logger = std::make_unique<Logger>();
    m_logger->setEchoToStderr(false);
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_ChannelChecker::cleanup()
{
    m_server.reset();
    m_dir.reset();
    m_logger.reset();
}

void tst_ChannelChecker::startServer(quint16 enginePort)
{
    Settings settings;
    settings.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    settings.setCommandLine(QStringLiteral("port"), 0);
    settings.setCommandLine(QStringLiteral("engine_port"), int(enginePort));
    settings.setCommandLine(QStringLiteral("channel_check_delay_ms"), 250);
    m_server = std::make_unique<Server>(m_dir->path(), settings);
    connect(m_server.get(), &Server::adminPasswordGenerated, this,
            [this](const QString &p) { m_password = p; });
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

HttpResult tst_ChannelChecker::api(const QByteArray &method, const QString &path,
                                   const QJsonObject &body)
{
    return httpRequest(
            method, QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)),
            body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
            {basicAuth(m_password), {"Content-Type", "application/json"}});
}

int tst_ChannelChecker::addChannel(const QString &address)
{
    const HttpResult r = api("POST", QStringLiteral("/api/channels"),
                             QJsonObject {{QStringLiteral("name"), address.right(8)},
                                          {QStringLiteral("address"), address}});
    return r.status == 201 ? r.json().object().value(QLatin1String("id")).toInt() : 0;
}

void tst_ChannelChecker::checksRunOneAtATimeWithAPause()
{
    FakeMediaEngine engine(150);
    engine.setUnknown(Fixtures::contentId(3));
    startServer(engine.port());
    QList<int> ids;
    for (int i = 1; i <= 4; ++i)
        ids << addChannel(QStringLiteral("acestream://") + Fixtures::contentId(i));
    ids << addChannel(QStringLiteral("http://e:6878/ace/getstream?infohash=")
                      + Fixtures::contentId(5));
    const int direct = addChannel(QStringLiteral("http://cam.local/live.ts"));
    QVERIFY(!ids.contains(0) && direct);

    QSignalSpy idle(m_server->channelChecker(), &ChannelChecker::idle);
    const HttpResult queued = api("POST", QStringLiteral("/api/checks"));
    QCOMPARE(queued.status, 202);
    QCOMPARE(queued.json().object().value(QLatin1String("added")).toInt(),
             5); // the direct one is not checked
    // Asking again while they are queued adds nothing twice.
    QCOMPARE(api("POST", QStringLiteral("/api/checks"))
                     .json()
                     .object()
                     .value(QLatin1String("added"))
                     .toInt(),
             0);
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 20000);

    QCOMPARE(engine.ids.size(), 5);
    QCOMPARE(engine.maxInFlight, 1);
    QCOMPARE(engine.ids.last(), Fixtures::contentId(5)); // by infohash
    for (int i = 1; i < engine.starts.size(); ++i) {
        const qint64 gap = engine.starts.at(i) - engine.ends.at(i - 1);
        QVERIFY2(gap >= 240,
                 qPrintable(QStringLiteral("gap %1 ms before check %2").arg(gap).arg(i)));
    }
    auto channel = [this](int id) {
        return api("GET", QStringLiteral("/api/channels/%1").arg(id)).json().object();
    };
    QCOMPARE(channel(ids.at(0)).value(QLatin1String("check_status")).toString(),
             QStringLiteral("ok"));
    QVERIFY(!channel(ids.at(0)).value(QLatin1String("checked_at")).isNull());
    const QJsonObject unknown = channel(ids.at(2));
    QCOMPARE(unknown.value(QLatin1String("check_status")).toString(),
             QStringLiteral("unavailable"));
    QCOMPARE(unknown.value(QLatin1String("check_error")).toString(),
             QStringLiteral("cannot get transport file"));
    QVERIFY(channel(direct).value(QLatin1String("check_status")).isNull());
    QCOMPARE(api("GET", QStringLiteral("/api/channels?check_status=unavailable"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             1);

    // One channel on demand; a direct one is refused.
    QCOMPARE(api("POST", QStringLiteral("/api/channels/%1/check").arg(ids.at(1))).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 2, 5000);
    QCOMPARE(engine.ids.size(), 6);
    QCOMPARE(api("POST", QStringLiteral("/api/channels/%1/check").arg(direct)).status, 400);
}

void tst_ChannelChecker::unreachableEngineIsAnErrorNotAVerdict()
{
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    const quint16 port = closed.serverPort();
    closed.close();
    startServer(port);
    const int id = addChannel(QStringLiteral("acestream://") + Fixtures::contentId(1));
    QSignalSpy idle(m_server->channelChecker(), &ChannelChecker::idle);
    QCOMPARE(api("POST", QStringLiteral("/api/checks"),
                 QJsonObject {{QStringLiteral("ids"), QJsonArray {id}}})
                     .status,
             202);
    QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 10000);
    const QJsonObject c = api("GET", QStringLiteral("/api/channels/%1").arg(id)).json().object();
    QCOMPARE(c.value(QLatin1String("check_status")).toString(), QStringLiteral("error"));
    QVERIFY(!c.value(QLatin1String("check_error")).toString().isEmpty());
}

void tst_ChannelChecker::aResultLockedOutByAnImportIsStoredLater()
{
    FakeMediaEngine engine(100);
    startServer(engine.port());
    const int id = addChannel(QStringLiteral("acestream://") + Fixtures::contentId(1));
    QVERIFY(id);
    const QString lockName = QStringLiteral("tst-locker");
    {
        // Another connection holds the write lock, as an import does for its whole run.
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lockName);
        locker.setDatabaseName(m_server->database()->path());
        QVERIFY(locker.open());
        QSqlQuery q(locker);
        QVERIFY(q.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QSignalSpy checked(m_server->channelChecker(), &ChannelChecker::checked);
        m_server->channelChecker()->enqueue({id});
        QVERIFY(checked.wait(30000));
        // Checked while the lock is still held: the write failed fast (the server thread's
        // connection does not sleep in SQLite's busy handler, see tst_database) and the result
        // is kept for later.
        QCOMPARE(m_server->channelChecker()->status().value(QLatin1String("unsaved")).toInt(), 1);
        QTest::qWait(1500); // retries while the lock is held fail and keep the result
        QCOMPARE(m_server->channelChecker()->status().value(QLatin1String("unsaved")).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        locker.close();
    }
    QSqlDatabase::removeDatabase(lockName);
    // The lock gone, the kept result is written by the retry timer.
    QTRY_COMPARE_WITH_TIMEOUT(
            m_server->channelChecker()->status().value(QLatin1String("unsaved")).toInt(), 0, 5000);
    const QJsonObject c = api("GET", QStringLiteral("/api/channels/%1").arg(id)).json().object();
    QCOMPARE(c.value(QLatin1String("check_status")).toString(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(tst_ChannelChecker)
#include "tst_channelchecker.moc"
