#include "catalog/catalogimport.h"
#include "engine/aceengine.h"
#include "fakeengine.h"
#include "http/aceaccess.h"
#include "http/httpfront.h"
#include "httpclient.h"
#include "log/logger.h"
#include "net/replylimit.h"
#include "server.h"
#include "storage/database.h"
#include "stream/streammanager.h"
#include "streamplayer.h"
#include "testserver.h"
#include "xtream/userstore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

// What a hostile or careless client can do to the server, and what holds: request heads that
// never end or trickle in, one host opening every connection, and HTTP's own rules for closing.
class tst_HostileClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // request heads
    void headOverTheCapGets431AndIsClosed();
    void aFloodOfEndlessHeadsKeepsMemoryBounded();
    void aHeadTrickledByteByByteIsCutAtItsDeadline();
    void aBodyAfterAHeadIsNotTimedAsAHead();
    void oneAddressCannotTakeEverySlot();
    // HTTP semantics
    void connectionCloseIsHonoured_data();
    void connectionCloseIsHonoured();
    // hostile engines and sources
    void anEndlessEngineAnswerIsAbortedAtItsSizeCap();
    void aTrickledEngineAnswerIsAbortedAtItsDeadline();
    // Xtream logins
    void failedPlayerLoginsAreThrottledPerAddressAndUsername();
    // anonymous AceStream routes
    void aceAccessNoneLeavesTheRoutesToTheAdmin();
    void aceAccessLanAcceptsThisMachinesNetworksOnly();
    void anonymousStreamsKeepToTheirBudgetAndLeaveSessionsToAccounts();
    // accounts
    void anAccountExpiringMidStreamEndsItsStreams();
    // files
    void guideStagingFilesLeftBehindAreRemovedAtStartUp();

private:
    struct RawAnswer
    {
        int status = 0;
        QByteArray head;
        QByteArray body;
    };
    // One request from a given local address, "Connection: close", read to the end.
    RawAnswer rawGet(const QHostAddress &from, const QString &pathAndQuery,
                     const QByteArray &extraHeaders = {});
    void exec(const QString &sql);
    void seedChannels(const FakeEngine &engine);
    void startServer(const QVariantMap &extra = {});
    std::unique_ptr<QTcpSocket> connectFrom(const QHostAddress &from);
    bool logHas(const QString &text) const;

    std::unique_ptr<TestServer> m_ts;
};

namespace {

quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The resident memory of this process (the server runs in it), from /proc.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

void tst_HostileClients::init()
{
    m_ts = std::make_unique<TestServer>();
}

void tst_HostileClients::cleanup()
{
    m_ts.reset();
}

void tst_HostileClients::startServer(const QVariantMap &extra)
{
    QVariantMap settings {{QStringLiteral("engine_port"), int(closedPort())}};
    settings.insert(extra);
    QVERIFY2(m_ts->start(settings), qPrintable(m_ts->errorString()));
}

std::unique_ptr<QTcpSocket> tst_HostileClients::connectFrom(const QHostAddress &from)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, m_ts->server()->port());
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

bool tst_HostileClients::logHas(const QString &text) const
{
    const QList<LogLine> log = m_ts->logger()->tail(500);
    return std::any_of(log.cbegin(), log.cend(),
                       [&](const LogLine &l) { return l.message.contains(text); });
}

void tst_HostileClients::headOverTheCapGets431AndIsClosed()
{
    startServer();
    auto socket = connectFrom(QHostAddress::LocalHost);
    QVERIFY(socket);
    socket->write("GET /api/health HTTP/1.1\r\nHost: x\r\n");
    // Header lines that never end, well under the 32 MiB request cap.
    const QByteArray line = "X-Filler: " + QByteArray(1000, 'a') + "\r\n";
    QByteArray answer;
    for (int i = 0; i < 1000 && socket->state() == QAbstractSocket::ConnectedState; ++i) {
        socket->write(line);
        socket->waitForBytesWritten(50);
        QCoreApplication::processEvents();
        answer += socket->readAll();
    }
    QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10000);
    answer += socket->readAll();
    // The 431 is sent; whether it arrives before the close resets the connection is the kernel's.
    QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 431"), answer.left(60).constData());
    QVERIFY(logHas(QStringLiteral("Refused a request head of more than 64 KiB")));
    QCOMPARE(httpGet(m_ts->url(QStringLiteral("/api/health"))).status, 200);
}

void tst_HostileClients::aFloodOfEndlessHeadsKeepsMemoryBounded()
{
    // docs/security.md: a flood of unfinished heads costs at most 64 KiB per connection. 20
    // connections each offering 8 MiB of header lines (160 MiB in all) must not grow this
    // process by more than a generous 64 MiB; without the head cap it holds all of it.
    startServer();
    constexpr int kConnections = 20;
    constexpr qint64 kOffered = 8 * 1024 * 1024;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kConnections; ++i) {
        sockets.push_back(connectFrom(QHostAddress::LocalHost));
        QVERIFY(sockets.back());
        sockets.back()->write("GET /player_api.php HTTP/1.1\r\nHost: x\r\n");
    }
    const qint64 before = residentKiB();
    QVERIFY(before > 0);
    const QByteArray chunk = QByteArray("X-Filler: ") + QByteArray(64 * 1024 - 12, 'b') + "\r\n";
    std::vector<qint64> sent(kConnections, 0);
    qint64 peak = before;
    for (bool busy = true; busy;) {
        busy = false;
        for (int i = 0; i < kConnections; ++i) {
            QTcpSocket *s = sockets[i].get();
            if (s->state() != QAbstractSocket::ConnectedState || sent[i] >= kOffered)
                continue;
            busy = true;
            // Only a little at a time: the test's own write buffers must not be what grows.
            if (s->bytesToWrite() < 2 * chunk.size()) {
                s->write(chunk);
                sent[i] += chunk.size();
            }
            s->readAll();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        peak = qMax(peak, residentKiB());
    }
    for (auto &s : sockets)
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), QAbstractSocket::UnconnectedState, 10000);
    QVERIFY2(peak - before < 64 * 1024,
             qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(peak - before)));
    QTRY_COMPARE(m_ts->server()->http()->listener()->bufferedBytes(), qint64(0));
}

void tst_HostileClients::aHeadTrickledByteByByteIsCutAtItsDeadline()
{
    // Every byte renews the idle timeout; the head's deadline counts from its first byte.
    startServer({{QStringLiteral("http_head_timeout_s"), 2},
                 {QStringLiteral("http_idle_timeout_s"), 300}});
    auto slow = connectFrom(QHostAddress::LocalHost);
    QVERIFY(slow);
    const QByteArray head
            = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(500, 'c');
    QByteArray answer;
    for (int i = 0; i < head.size() && slow->state() == QAbstractSocket::ConnectedState; ++i) {
        slow->write(head.mid(i, 1));
        QTest::qWait(100);
        answer += slow->readAll();
    }
    QTRY_COMPARE_WITH_TIMEOUT(slow->state(), QAbstractSocket::UnconnectedState, 5000);
    answer += slow->readAll();
    QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer.left(60).constData());
    QVERIFY(logHas(QStringLiteral("request head took more than 2 s")));
}

void tst_HostileClients::aBodyAfterAHeadIsNotTimedAsAHead()
{
    // A keep-alive connection sending a request with a body, then a bare request, then staying
    // quiet past the head deadline: nothing of it is an unfinished head.
    startServer({{QStringLiteral("http_head_timeout_s"), 1}});
    auto socket = connectFrom(QHostAddress::LocalHost);
    QVERIFY(socket);
    socket->write("POST /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll()).contains("not allowed"), 5000);
    QVERIFY(answer.startsWith("HTTP/1.1 405"));
    QTest::qWait(2500); // past the head deadline, well under the idle timeout
    QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    socket->write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    answer.clear();
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll()).contains("\"status\":\"ok\""), 5000);
}

void tst_HostileClients::oneAddressCannotTakeEverySlot()
{
    startServer({{QStringLiteral("http_max_connections_per_address"), 4},
                 {QStringLiteral("http_head_timeout_s"), 3}});
    // Four slowloris connections from 127.0.0.1 take all that address may open.
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 4; ++i) {
        slow.push_back(connectFrom(QHostAddress::LocalHost));
        QVERIFY(slow.back());
        slow.back()->write("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: 1");
    }
    QTRY_COMPARE(m_ts->server()->http()->openConnections(), 4);
    // A fifth from the same address is refused at once...
    auto fifth = connectFrom(QHostAddress::LocalHost);
    QVERIFY(fifth);
    QTRY_COMPARE_WITH_TIMEOUT(fifth->state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(fifth->readAll().startsWith("HTTP/1.1 503"));
    // ...while another host's request is answered as usual.
    auto other = connectFrom(QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(other);
    other->write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += other->readAll()).contains("\"status\":\"ok\""), 5000);
    QVERIFY(answer.startsWith("HTTP/1.1 200"));
    // The slow ones are closed by the head deadline, and the address may connect again.
    for (auto &s : slow)
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), QAbstractSocket::UnconnectedState, 10000);
    QCOMPARE(httpGet(m_ts->url(QStringLiteral("/api/health"))).status, 200);
}

void tst_HostileClients::connectionCloseIsHonoured_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("closes");
    QTest::newRow("HTTP/1.1 Connection: close")
            << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            << true;
    QTest::newRow("HTTP/1.0") << QByteArray("GET /api/health HTTP/1.0\r\n\r\n") << true;
    QTest::newRow("HTTP/1.0 404") << QByteArray("GET /nowhere HTTP/1.0\r\n\r\n") << true;
    QTest::newRow("HTTP/1.0 keep-alive")
            << QByteArray("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false;
    QTest::newRow("HTTP/1.1") << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n") << false;
}

void tst_HostileClients::connectionCloseIsHonoured()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, closes);
    startServer();
    auto socket = connectFrom(QHostAddress::LocalHost);
    QVERIFY(socket);
    socket->write(request);
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll()).contains("}"), 5000);
    if (closes) {
        // A client reading to the end of the connection gets it at once, not at the idle timeout.
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
    } else {
        QTest::qWait(300);
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    }
}

tst_HostileClients::RawAnswer tst_HostileClients::rawGet(const QHostAddress &from,
                                                         const QString &pathAndQuery,
                                                         const QByteArray &extraHeaders)
{
    RawAnswer out;
    auto socket = connectFrom(from);
    if (!socket)
        return out;
    socket->write("GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  + extraHeaders + "\r\n");
    QByteArray all;
    QElapsedTimer clock;
    clock.start();
    while (socket->state() == QAbstractSocket::ConnectedState && clock.elapsed() < 10000) {
        socket->waitForReadyRead(100);
        QCoreApplication::processEvents();
        all += socket->readAll();
    }
    all += socket->readAll();
    const qsizetype end = all.indexOf("\r\n\r\n");
    out.head = all.left(end);
    out.body = end < 0 ? QByteArray() : all.mid(end + 4);
    out.status = all.mid(9, 3).toInt();
    return out;
}

void tst_HostileClients::exec(const QString &sql)
{
    QSqlQuery q(m_ts->server()->database()->connection());
    if (!q.exec(sql))
        QFAIL(qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
}

void tst_HostileClients::seedChannels(const FakeEngine &engine)
{
    Q_UNUSED(engine);
    exec(QStringLiteral("INSERT INTO channels (id, kind, content_id, name, number, hidden, active,"
                        " added_at, updated_at) VALUES"
                        " (1, 'acestream', '%1', 'One', 1, 0, 1, 0, 0),"
                        " (2, 'acestream', '%2', 'Two', 2, 0, 1, 0, 0),"
                        " (3, 'acestream', '%3', 'Three', 3, 0, 1, 0, 0)")
                 .arg(QString(40, QLatin1Char('1')), QString(40, QLatin1Char('2')),
                      QString(40, QLatin1Char('3'))));
}

namespace {

// Something at the engine's address that is not an engine: it answers every request with a
// 200 and a body that never ends, as fast as it can (flood) or a byte at a time (trickle).
class HostileEngine final : public QTcpServer
{
public:
    enum class Mode { Flood, Trickle };
    explicit HostileEngine(Mode mode) : m_mode(mode)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++m_open;
                connect(s, &QTcpSocket::disconnected, this, [this, s] {
                    --m_open;
                    ++m_closedByPeer;
                    s->deleteLater();
                });
                connect(s, &QTcpSocket::readyRead, this, [this, s] {
                    if (!s->property("answering").toBool() && s->readAll().contains("\r\n\r\n")) {
                        s->setProperty("answering", true);
                        s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{");
                    }
                });
            }
        });
        connect(&m_pump, &QTimer::timeout, this, [this] {
            for (QTcpSocket *s : findChildren<QTcpSocket *>()) {
                if (!s->property("answering").toBool()
                    || s->state() != QAbstractSocket::ConnectedState)
                    continue;
                if (m_mode == Mode::Trickle)
                    s->write(" ");
                else if (s->bytesToWrite() < 256 * 1024)
                    s->write(QByteArray(64 * 1024, ' '));
            }
        });
        m_pump.start(m_mode == Mode::Trickle ? 100 : 2);
    }
    int open() const { return m_open; }
    int closedByPeer() const { return m_closedByPeer; }

private:
    Mode m_mode;
    QTimer m_pump;
    int m_open = 0;
    int m_closedByPeer = 0;
};

} // namespace

void tst_HostileClients::anEndlessEngineAnswerIsAbortedAtItsSizeCap()
{
    HostileEngine engine(HostileEngine::Mode::Flood);
    QVERIFY(engine.isListening());
    const qint64 before = residentKiB();
    QVERIFY2(m_ts->start({{QStringLiteral("engine_port"), int(engine.serverPort())},
                          {QStringLiteral("engine_probe_interval_s"), 2}}),
             qPrintable(m_ts->errorString()));
    // The version probe: aborted, logged, its connection closed; health says why.
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("Aborted the version probe")), 10000);
    QVERIFY(logHas(QStringLiteral("larger than 64 KiB")));
    QTRY_VERIFY_WITH_TIMEOUT(engine.closedByPeer() >= 1, 5000);
    // getstream: the player gets an error, the download stops.
    StreamPlayer player;
    player.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + QString(40, QLatin1Char('a'))));
    QTRY_VERIFY_WITH_TIMEOUT(player.isClosed(), 10000);
    QCOMPARE(player.status(), 502);
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("Aborted getstream")), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(engine.open(), 0, 5000);
    // Nothing kept: a few more probes later, the process has not grown by what was offered.
    QTRY_VERIFY_WITH_TIMEOUT(engine.closedByPeer() >= 3, 10000);
    QVERIFY2(residentKiB() - before < 64 * 1024,
             qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(residentKiB() - before)));
}

void tst_HostileClients::aTrickledEngineAnswerIsAbortedAtItsDeadline()
{
    // A byte every 100 ms restarts a transfer timeout forever; the deadline counts from the start.
    HostileEngine engine(HostileEngine::Mode::Trickle);
    QVERIFY(engine.isListening());
    QVERIFY2(m_ts->start({{QStringLiteral("engine_port"), int(engine.serverPort())},
                          {QStringLiteral("engine_probe_interval_s"), 3600},
                          {QStringLiteral("stream_start_timeout_s"), 2}}),
             qPrintable(m_ts->errorString()));
    // The player waits no longer than the start timeout.
    StreamPlayer player;
    player.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + QString(40, QLatin1Char('b'))));
    QTRY_VERIFY_WITH_TIMEOUT(player.isClosed(), 10000);
    QCOMPARE(player.status(), 504);
    // The version probe is cut at its 3 s.
    QTRY_VERIFY_WITH_TIMEOUT(logHas(QStringLiteral("Aborted the version probe")), 10000);
    QVERIFY(logHas(QStringLiteral("not finished within 3 s")));
    QTRY_VERIFY_WITH_TIMEOUT(engine.closedByPeer() >= 1, 5000);
    // A getstream call is cut at its deadline, however steadily the bytes come. (The proxy
    // gives it 60 s past the start timeout, to stop a session an engine creates late.)
    const int closedBefore = engine.closedByPeer();
    AceEngine client;
    client.setBaseUrl(m_ts->server()->engine()->baseUrl());
    QNetworkReply *reply = client.requestSession(
            QStringLiteral("id"), QString(40, QLatin1Char('e')), QStringLiteral("pid"), 1500);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(ReplyLimit::exceeded(reply), QStringLiteral("not finished within 2 s"));
    const AceEngine::SessionResult result = client.parseSession(reply);
    QCOMPARE(result.status, 504);
    QTRY_VERIFY_WITH_TIMEOUT(engine.closedByPeer() > closedBefore, 5000);
    delete reply;
}

void tst_HostileClients::failedPlayerLoginsAreThrottledPerAddressAndUsername()
{
    FakeEngine fake;
    QVERIFY(fake.listen());
    fake.setBitrateKbps(400);
    startServer({{QStringLiteral("engine_port"), int(fake.port())},
                 {QStringLiteral("xtream_login_max_failures"), 3},
                 {QStringLiteral("xtream_login_window_s"), 60}});
    seedChannels(fake);
    const auto created = UserStore::create(m_ts->server()->database()->connection(),
                                           {{QStringLiteral("username"), QStringLiteral("u")},
                                            {QStringLiteral("password"), QStringLiteral("right")},
                                            {QStringLiteral("max_connections"), 4}},
                                           0);
    QVERIFY(created.user);
    const QHostAddress home(QStringLiteral("127.0.0.1"));
    const QHostAddress guesser(QStringLiteral("127.0.0.2"));
    const QHostAddress sprayer(QStringLiteral("127.0.0.3"));
    // The household's player signs in and plays.
    QVERIFY(rawGet(home, QStringLiteral("/player_api.php?username=u&password=right"))
                    .body.contains("\"auth\":1"));
    StreamPlayer playing;
    playing.socket()->bind(home);
    playing.open(m_ts->url(QStringLiteral("/live/u/right/1.ts")));
    QTRY_VERIFY_WITH_TIMEOUT(playing.bodyBytes() > 1000, 10000);

    // Someone else guesses u's password: three wrong answers as the panel gives them, then 429.
    for (int i = 0; i < 3; ++i) {
        const RawAnswer a = rawGet(
                guesser, QStringLiteral("/player_api.php?username=u&password=guess%1").arg(i));
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.contains("\"auth\":0"));
    }
    const RawAnswer held
            = rawGet(guesser, QStringLiteral("/player_api.php?username=u&password=right"));
    QCOMPARE(held.status, 429);
    QVERIFY(held.head.contains("Retry-After: "));
    const int retryAfter
            = held.head.mid(held.head.indexOf("Retry-After: ") + 13, 3).trimmed().toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 60, held.head.constData());
    QVERIFY(logHas(QStringLiteral("Too many failed player logins from 127.0.0.2")));
    // Every route that signs in is held: the playlist, the guide, the stream URLs.
    QCOMPARE(rawGet(guesser, QStringLiteral("/get.php?username=u&password=right")).status, 429);
    QCOMPARE(rawGet(guesser, QStringLiteral("/live/u/right/2.ts")).status, 429);

    // The household is not: its sign-ins and its stream go on; a new stream starts.
    QVERIFY(rawGet(home, QStringLiteral("/player_api.php?username=u&password=right"))
                    .body.contains("\"auth\":1"));
    const qint64 before = playing.bodyBytes();
    QTRY_VERIFY_WITH_TIMEOUT(playing.bodyBytes() > before + 1000, 10000);
    QVERIFY(!playing.isClosed());
    StreamPlayer second;
    second.socket()->bind(home);
    second.open(m_ts->url(QStringLiteral("/live/u/right/2.ts")));
    QTRY_VERIFY_WITH_TIMEOUT(second.bodyBytes() > 1000, 10000);

    // Per address: made-up usernames from one address are held back too.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(rawGet(sprayer, QStringLiteral("/get.php?username=x%1&password=p").arg(i)).status,
                 404);
    QCOMPARE(rawGet(sprayer, QStringLiteral("/get.php?username=x9&password=p")).status, 429);
}

void tst_HostileClients::aceAccessNoneLeavesTheRoutesToTheAdmin()
{
    FakeEngine fake;
    QVERIFY(fake.listen());
    fake.setBitrateKbps(400);
    startServer({{QStringLiteral("engine_port"), int(fake.port())},
                 {QStringLiteral("ace_access"), QStringLiteral("none")}});
    const QString path = QStringLiteral("/ace/getstream?id=") + QString(40, QLatin1Char('c'));
    QCOMPARE(rawGet(QHostAddress::LocalHost, path).status, 403);
    QCOMPARE(rawGet(QHostAddress::LocalHost, QStringLiteral("/ace/status")).status, 403);
    QCOMPARE(fake.getstreamRequests(), 0);
    // Wrong credentials: the admin guard's 401, not a stream.
    QCOMPARE(rawGet(QHostAddress::LocalHost, path, "Authorization: Basic YWRtaW46bm9wZQ==\r\n")
                     .status,
             401);
    const auto auth = basicAuth(m_ts->adminPassword());
    // The right password, once verified (a loaded machine may first get the guard's 429 while
    // the wrong one's derivation used up its budget), is remembered for the stream's request.
    QTRY_COMPARE_WITH_TIMEOUT(m_ts->api("GET", QStringLiteral("/api/settings")).status, 200, 10000);
    StreamPlayer admin;
    admin.open(m_ts->url(path), "GET", {auth});
    QTRY_VERIFY_WITH_TIMEOUT(admin.bodyBytes() > 1000, 10000);
    QCOMPARE(admin.status(), 200);
    // Engine URLs in /ace/status are the admin's.
    const HttpResult status = httpRequest(
            "GET", m_ts->url(QStringLiteral("/ace/status?id=") + QString(40, QLatin1Char('c'))), {},
            {auth});
    QCOMPARE(status.status, 200);
    QVERIFY(status.json()
                    .object()
                    .value(QLatin1String("stat_url"))
                    .toString()
                    .contains(QLatin1String("/ace/stat/")));
}

void tst_HostileClients::aceAccessLanAcceptsThisMachinesNetworksOnly()
{
    using AceAccess::isLocalNetwork;
    const QList<QPair<QHostAddress, int>> networks {
            {QHostAddress(QStringLiteral("192.168.1.10")), 24},
            {QHostAddress(QStringLiteral("fd00::10")), 64}};
    QVERIFY(isLocalNetwork(QHostAddress(QStringLiteral("127.0.0.1")), networks));
    QVERIFY(isLocalNetwork(QHostAddress(QStringLiteral("::1")), networks));
    QVERIFY(isLocalNetwork(QHostAddress(QStringLiteral("::ffff:192.168.1.77")), networks));
    QVERIFY(isLocalNetwork(QHostAddress(QStringLiteral("fd00::1234")), networks));
    QVERIFY(!isLocalNetwork(QHostAddress(QStringLiteral("192.168.2.77")), networks));
    QVERIFY(!isLocalNetwork(QHostAddress(QStringLiteral("203.0.113.5")), networks));
    QVERIFY(!isLocalNetwork(QHostAddress(QStringLiteral("fd01::1")), networks));
    // This machine's own interfaces are listed.
    const auto mine = AceAccess::localNetworks();
    for (const QNetworkInterface &i : QNetworkInterface::allInterfaces()) {
        if (!i.flags().testFlag(QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry &e : i.addressEntries())
            QVERIFY2(isLocalNetwork(e.ip(), mine), qPrintable(e.ip().toString()));
    }

    // The default is lan: loopback players may use the routes.
    FakeEngine fake;
    QVERIFY(fake.listen());
    startServer({{QStringLiteral("engine_port"), int(fake.port())}});
    QCOMPARE(m_ts->server()->settings().aceAccess(), QStringLiteral("lan"));
    QCOMPARE(
            rawGet(QHostAddress(QStringLiteral("127.0.0.2")), QStringLiteral("/ace/status")).status,
            200);
}

void tst_HostileClients::anonymousStreamsKeepToTheirBudgetAndLeaveSessionsToAccounts()
{
    FakeEngine fake;
    QVERIFY(fake.listen());
    fake.setBitrateKbps(400);
    startServer({{QStringLiteral("engine_port"), int(fake.port())},
                 {QStringLiteral("max_engine_sessions"), 3},
                 {QStringLiteral("ace_anonymous_sessions"), 1}});
    seedChannels(fake);
    QVERIFY(UserStore::create(m_ts->server()->database()->connection(),
                              {{QStringLiteral("username"), QStringLiteral("u")},
                               {QStringLiteral("password"), QStringLiteral("p")},
                               {QStringLiteral("max_connections"), 4}},
                              0)
                    .user);
    StreamPlayer anonymous;
    anonymous.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + QString(40, QLatin1Char('a'))));
    QTRY_VERIFY_WITH_TIMEOUT(anonymous.bodyBytes() > 1000, 10000);
    // A second anonymous channel is over the anonymous budget, though the engine has room.
    StreamPlayer refused;
    refused.setKeepBody(true);
    refused.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + QString(40, QLatin1Char('d'))));
    QTRY_VERIFY_WITH_TIMEOUT(refused.headersDone(), 10000);
    QCOMPARE(refused.status(), 503);
    QTRY_VERIFY(refused.body().contains("ace_anonymous_sessions"));
    // Joining the running anonymous channel starts no session: allowed.
    StreamPlayer joining;
    joining.open(m_ts->url(QStringLiteral("/ace/getstream?id=") + QString(40, QLatin1Char('a'))));
    QTRY_VERIFY_WITH_TIMEOUT(joining.bodyBytes() > 1000, 10000);
    // Accounts have the other two sessions.
    StreamPlayer one;
    one.open(m_ts->url(QStringLiteral("/live/u/p/1.ts")));
    StreamPlayer two;
    two.open(m_ts->url(QStringLiteral("/live/u/p/2.ts")));
    QTRY_VERIFY_WITH_TIMEOUT(one.bodyBytes() > 1000 && two.bodyBytes() > 1000, 10000);
    QCOMPARE(m_ts->server()->streams()->engineSessionCount(), 3);
    // No session URL for anonymous eyes.
    const QJsonObject status
            = httpGet(m_ts->url(QStringLiteral("/ace/status?id=") + QString(40, QLatin1Char('a'))))
                      .json()
                      .object();
    QCOMPARE(status.value(QLatin1String("clients")).toInt(), 2);
    QVERIFY(!status.contains(QLatin1String("stat_url")));
}

void tst_HostileClients::anAccountExpiringMidStreamEndsItsStreams()
{
    FakeEngine fake;
    QVERIFY(fake.listen());
    fake.setBitrateKbps(400);
    startServer({{QStringLiteral("engine_port"), int(fake.port())}});
    seedChannels(fake);
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + 3;
    QVERIFY(UserStore::create(
                    m_ts->server()->database()->connection(),
                    {{QStringLiteral("username"), QStringLiteral("soon")},
                     {QStringLiteral("password"), QStringLiteral("p")},
                     {QStringLiteral("expires_at"),
                      QDateTime::fromSecsSinceEpoch(expires, Qt::UTC).toString(Qt::ISODate)}},
                    0)
                    .user);
    StreamPlayer player;
    player.open(m_ts->url(QStringLiteral("/live/soon/p/1.ts")));
    QTRY_VERIFY_WITH_TIMEOUT(player.bodyBytes() > 1000, 10000);
    QVERIFY(QDateTime::currentSecsSinceEpoch() < expires); // still valid when it started
    QTRY_VERIFY_WITH_TIMEOUT(player.isClosed(), 20000);
    QVERIFY(QDateTime::currentSecsSinceEpoch() >= expires);
    QVERIFY(logHas(QStringLiteral("streams of soon : account expired")));
    QCOMPARE(rawGet(QHostAddress::LocalHost, QStringLiteral("/live/soon/p/1.ts")).status, 403);
}

void tst_HostileClients::guideStagingFilesLeftBehindAreRemovedAtStartUp()
{
    // What a guide import killed with -9 leaves behind.
    const QString stale
            = QDir(QDir::tempPath()).filePath(QStringLiteral("acehub-guide-tsthostile.sqlite"));
    QFile file(stale);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(64 * 1024, 'g'));
    file.close();
    startServer();
    QVERIFY(!QFile::exists(stale));
    QVERIFY(logHas(QStringLiteral("staging file(s) an interrupted import left")));
}

QTEST_GUILESS_MAIN(tst_HostileClients)
#include "tst_hostileclients.moc"
