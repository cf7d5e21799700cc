#include "acehubprocess.h"
#include "fakeengine.h"
#include "http/httpfront.h"
#include "http/streamroutes.h"
#include "httpclient.h"
#include "log/logger.h"
#include "server.h"
#include "stream/streammanager.h"
#include "stream/streamsink.h"
#include "streamplayer.h"
#include "testserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// The AceStream proxy end to end: the real Server in-process, a fake engine on a real socket,
// players on raw sockets.
class tst_StreamProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void badIdIs400WithoutAnyEngineRequest_data();
    void badIdIs400WithoutAnyEngineRequest();
    void headAnswersHeadersWithoutStartingASession();
    void otherMethodsAre405();
    void playersOnOneIdShareOneEngineSessionAndGetTheSameBytes();
    void lateJoinerStartsWithPatPmtThenTheStreamFromAPacketBoundary();
    void joinerFirstVideoPacketIsAKeyframe();
    void infohashStartsTheEngineByInfohashAndFollowsARedirect();
    void strayRequestFromAPlayerIsNotAnsweredInsideTheStream();
    void loopbackSessionUrlsOfARemoteEngineGoToItsHost();
    void playerLeavingDuringTheStartIsForgotten();
    void ffprobeFindsVideoAndAudioInWhatIsServed();
    void neverReadingPlayerIsDroppedWhileAReadingOneKeepsItsRate();
    void lastPlayerGoneLingersThenStopsTheEngine();
    void playerBackWithinTheLingerReusesTheSession();
    void engineErrorIs502WithTheEngineMessage();
    void unreachableEngineIs503();
    void startTimeoutIs504AndStopsTheEngine();
    void slowStartIsWaitedFor();
    void playbackHttpErrorIs502();
    void stallLongerThanTheEmptyTimeoutEndsTheStream();
    void shortStallKeepsTheStream();
    void playerHangingUpWhileTheEngineIsSilentIsNoticed();
    void streamingPlayersStillCountAgainstTheConnectionCaps();
    void engineClosingPlaybackEndsTheStreamWhenRecoveryIsOff();
    void recoveryKeepsTenPlayersAcrossADroppedPlayback();
    void recoveryGivesUpAfterStreamRecoverSAndClosesPlayers();
    void playerJoiningDuringAStallWaitsForData();
    void playerJoiningDuringALongStallGets504();
    void getstreamAnsweredAfterTheStartTimeoutGetsAStop();
    void refusedStopIsRetried();
    void droppedNonReadingPlayerSeesAReset();
    void tooManyEngineSessionsIs503();
    void moreChannelsThanQnamConnectionsPerHostAllFlow();
    void stopReachesTheEngineWhileManyChannelsAreStarting();
    void statusAndStreamsApiShapes();
    void adminCanDropAPlayerAndStopAStream();
    void directSourceSharesOneUpstreamAndCountsTags();
    void healthAnswersWhile100PlayersStream();
    void stoppingTheDaemonStopsItsEngineSessions();
    void stoppedServerLetsItsEngineStopsArrive();

private:
    void startServer(const QVariantMap &settings = {});
    // An admin API call, signed in with the password generated at the first start.
    HttpResult api(const QByteArray &method, const QString &path);
    QUrl url(const QString &pathAndQuery) const;
    QUrl streamUrl(const QString &id = QString()) const;
    StreamPlayer *player(const QUrl &url, bool keepBody = false);
    bool logged(const QString &needle) const;
    // ffprobe on a recording: the flags of its video packets in order ("K_" for a keyframe),
    // and how many video frames it decodes; false if ffprobe fails.
    bool probeVideo(const QByteArray &recording, QStringList *packetFlags, int *decodedFrames);

    std::unique_ptr<TestServer> m_ts;
    std::unique_ptr<FakeEngine> m_engine;
    QList<StreamPlayer *> m_players;
};

static const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
static const QString kOtherId = QStringLiteral("89abcdef0123456789abcdef0123456789abcdef");

void tst_StreamProxy::init()
{
    m_ts = std::make_unique<TestServer>();
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->listen());
}

void tst_StreamProxy::cleanup()
{
    qDeleteAll(m_players);
    m_players.clear();
    m_ts->stop();
    m_engine.reset();
    m_ts.reset();
}

void tst_StreamProxy::startServer(const QVariantMap &settings)
{
    QVariantMap s {{QStringLiteral("engine_port"), int(m_engine->port())},
                   {QStringLiteral("stream_read_chunk_kib"), 16},
                   // these tests play many channels without an account
                   {QStringLiteral("ace_anonymous_sessions"), 100}};
    s.insert(settings);
    QVERIFY2(m_ts->start(s), qPrintable(m_ts->errorString()));
}

HttpResult tst_StreamProxy::api(const QByteArray &method, const QString &path)
{
    return m_ts->api(method, path);
}

QUrl tst_StreamProxy::url(const QString &pathAndQuery) const
{
    return m_ts->url(pathAndQuery);
}

QUrl tst_StreamProxy::streamUrl(const QString &id) const
{
    return url(QStringLiteral("/ace/getstream?id=") + (id.isEmpty() ? kId : id));
}

StreamPlayer *tst_StreamProxy::player(const QUrl &u, bool keepBody)
{
    auto *p = new StreamPlayer;
    p->setKeepBody(keepBody);
    p->open(u);
    m_players.append(p);
    return p;
}

bool tst_StreamProxy::probeVideo(const QByteArray &recording, QStringList *packetFlags,
                                 int *decodedFrames)
{
    static int n = 0;
    const QString file = QDir(m_ts->dataDir()).filePath(QStringLiteral("probe%1.ts").arg(++n));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(recording);
    out.close();
    const auto run = [&file](const QStringList &args, QByteArray *output) {
        QProcess ffprobe;
        ffprobe.start(QStringLiteral(FFPROBE_EXECUTABLE),
                      QStringList {QStringLiteral("-v"), QStringLiteral("error"),
                                   QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                                   QStringLiteral("-of"), QStringLiteral("csv=p=0")}
                              + args + QStringList {file});
        if (!ffprobe.waitForFinished(60000) || ffprobe.exitCode() != 0)
            return false;
        *output = ffprobe.readAllStandardOutput();
        return true;
    };
    QByteArray packets;
    QByteArray frames;
    if (!run({QStringLiteral("-show_entries"), QStringLiteral("packet=flags")}, &packets)
        || !run({QStringLiteral("-show_entries"), QStringLiteral("frame=key_frame")}, &frames))
        return false;
    *packetFlags = QString::fromLatin1(packets).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    *decodedFrames = int(frames.count('\n'));
    return true;
}

bool tst_StreamProxy::logged(const QString &needle) const
{
    const QList<LogLine> lines = m_ts->logger()->tail(5000);
    return std::any_of(lines.cbegin(), lines.cend(),
                       [&](const LogLine &l) { return l.message.contains(needle); });
}

void tst_StreamProxy::badIdIs400WithoutAnyEngineRequest_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("short") << "id=0123456789abcdef"
                           << "id";
    QTest::newRow("not hex") << "id=0123456789abcdef0123456789abcdef0123456z"
                             << "id";
    QTest::newRow("41 chars") << "content_id=0123456789abcdef0123456789abcdef012345678"
                              << "content_id";
    QTest::newRow("empty") << "infohash="
                           << "infohash";
    QTest::newRow("none") << "pid=abc"
                          << "id";
    QTest::newRow("two kinds") << "id=" + kId + "&infohash=" + kId << "id";
    QTest::newRow("twice") << "id=" + kId + "&id=" + kOtherId << "id";
    QTest::newRow("url") << "url=http://example.com/x.ts"
                         << "id";
}

void tst_StreamProxy::badIdIs400WithoutAnyEngineRequest()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    startServer();
    const HttpResult r = httpGet(url(QStringLiteral("/ace/getstream?") + query));
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().object().value(QLatin1String("error")).toString().contains(field),
             r.body.constData());
    QCOMPARE(httpRequest("HEAD", url(QStringLiteral("/ace/getstream?") + query)).status, 400);
    QCOMPARE(httpGet(url(QStringLiteral("/ace/getstream/?") + query)).status, 400);
    QTest::qWait(50);
    QCOMPARE(m_engine->getstreamRequests(), 0);
    for (const QString &line : m_engine->requests())
        QVERIFY2(!line.contains(QLatin1String("/ace/")), qPrintable(line));
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
}

void tst_StreamProxy::headAnswersHeadersWithoutStartingASession()
{
    startServer();
    const HttpResult r = httpRequest("HEAD", streamUrl());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("video/mp2t"));
    QVERIFY(r.body.isEmpty());
    QTest::qWait(100);
    QCOMPARE(m_engine->getstreamRequests(), 0);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
}

void tst_StreamProxy::otherMethodsAre405()
{
    startServer();
    for (const QByteArray &method : {QByteArray("POST"), QByteArray("PUT"), QByteArray("DELETE")}) {
        const HttpResult r = httpRequest(method, streamUrl(), "x");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD"));
    }
    QCOMPARE(m_engine->getstreamRequests(), 0);
}

void tst_StreamProxy::playersOnOneIdShareOneEngineSessionAndGetTheSameBytes()
{
    m_engine->faults().startDelayMs = 300; // all players arrive while the engine prebuffers
    startServer();
    QList<StreamPlayer *> players;
    for (int i = 0; i < 5; ++i) // a player's own pid must not reach the engine
        players << player(url(QStringLiteral("/ace/getstream?id=%1&pid=player%2").arg(kId).arg(i)),
                          true);
    for (StreamPlayer *p : players)
        QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() >= 400000, 15000);
    QCOMPARE(m_engine->getstreamRequests(), 1);
    QCOMPARE(m_engine->sessionsStarted(), 1);
    QCOMPARE(m_engine->playbackConnections(), 1);
    QCOMPARE(m_engine->pids().size(), 1);
    QVERIFY(!m_engine->pids().first().contains(QLatin1String("player")));
    QCOMPARE(m_engine->pids().first().size(), 36); // a UUID
    for (StreamPlayer *p : players) {
        QCOMPARE(p->status(), 200);
        QCOMPARE(p->header("Content-Type"), QByteArray("video/mp2t"));
        QCOMPARE(p->body().at(0), char(0x47));
        QVERIFY(p->body().left(400000) == players.first()->body().left(400000));
    }
    // The engine's own bytes, from its first one: nothing lost, nothing reordered.
    QVERIFY(players.first()->body().left(400000) == m_engine->tsData().left(400000));
    QCOMPARE(m_ts->server()->streams()->clientCount(), 5);
}

void tst_StreamProxy::lateJoinerStartsWithPatPmtThenTheStreamFromAPacketBoundary()
{
    startServer();
    StreamPlayer *first = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() > 150000, 10000);
    for (int i = 0; i < 3; ++i) {
        StreamPlayer *late = player(streamUrl(), true);
        QTRY_VERIFY_WITH_TIMEOUT(late->bodyBytes() > 20000, 10000);
        QCOMPARE(late->status(), 200);
        QCOMPARE(late->body().at(0), char(0x47));
        // A PAT (PID 0) first, then the PMT, then the first player's bytes from a packet
        // boundary on (the last keyframe).
        QCOMPARE(late->body().at(1) & 0x1f, 0);
        QCOMPARE(late->body().at(2), char(0));
        const QByteArray rest = late->body().mid(2 * 188);
        const QByteArray probe = rest.left(2000);
        const qsizetype at = first->body().indexOf(probe);
        QVERIFY(at > 0);
        QCOMPARE(at % 188, 0);
        QTRY_VERIFY(first->body().size() >= at + rest.size());
        QVERIFY(first->body().mid(at, rest.size()) == rest);
        QTest::qWait(37 * (i + 1)); // different phases within the upstream's chunks
    }
    QCOMPARE(m_engine->sessionsStarted(), 1);
}

void tst_StreamProxy::joinerFirstVideoPacketIsAKeyframe()
{
    if (QStringLiteral(FFPROBE_EXECUTABLE).isEmpty() || FakeEngine::longGopTsPath().isEmpty())
        QSKIP("ffprobe or the long-GOP sample is missing");
    QVERIFY(m_engine->loadTs(FakeEngine::longGopTsPath())); // a keyframe every 4 s
    startServer();
    StreamPlayer *first = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() > 300000, 10000);
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(700); // joins at different points of the GOP
        StreamPlayer *late = player(streamUrl(), true);
        QTRY_VERIFY_WITH_TIMEOUT(late->bodyBytes() > 400000, 15000);
        QStringList flags;
        int decoded = 0;
        QVERIFY(probeVideo(late->body(), &flags, &decoded));
        QVERIFY(!flags.isEmpty());
        QVERIFY2(flags.first().startsWith(QLatin1Char('K')), qPrintable(flags.mid(0, 5).join(' ')));
        QVERIFY(decoded > 0);
    }
    QCOMPARE(m_engine->sessionsStarted(), 1);
}

void tst_StreamProxy::infohashStartsTheEngineByInfohashAndFollowsARedirect()
{
    m_engine->setRedirectPlayback(true);
    startServer();
    StreamPlayer *p = player(url(QStringLiteral("/ace/getstream?infohash=") + kId.toUpper()));
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    QCOMPARE(p->status(), 200);
    const QStringList requests = m_engine->requests();
    QVERIFY(std::any_of(requests.cbegin(), requests.cend(), [](const QString &l) {
        return l.contains(QLatin1String("/ace/getstream?infohash=") + kId);
    }));
    QVERIFY(std::any_of(requests.cbegin(), requests.cend(),
                        [](const QString &l) { return l.contains(QLatin1String("/content/")); }));
    QVERIFY(m_ts->server()->streams()->stream(QStringLiteral("acehash:") + kId));
}

void tst_StreamProxy::strayRequestFromAPlayerIsNotAnsweredInsideTheStream()
{
    startServer();
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    p->socket()->write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 300000, 10000);
    QVERIFY(!p->body().contains("HTTP/1.1"));
    QVERIFY(p->body().left(300000) == m_engine->tsData().left(300000));
}

void tst_StreamProxy::loopbackSessionUrlsOfARemoteEngineGoToItsHost()
{
    // An engine on another machine still names itself 127.0.0.1 in its session URLs.
    QHostAddress lan;
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback()) {
            lan = a;
            break;
        }
    }
    if (lan.isNull())
        QSKIP("no non-loopback IPv4 address on this machine");
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->listen(QHostAddress::AnyIPv4));
    QVERIFY(m_engine->baseUrl().contains(QLatin1String("127.0.0.1")));
    startServer({{QStringLiteral("engine_host"), lan.toString()},
                 {QStringLiteral("stat_poll_interval_s"), 1},
                 {QStringLiteral("stream_linger_s"), 0}});
    StreamPlayer *p = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    QCOMPARE(m_engine->playbackAddresses(), QStringList {lan.toString()});
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->statRequests() > 0, 5000);
    p->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 5000);
}

void tst_StreamProxy::playerLeavingDuringTheStartIsForgotten()
{
    m_engine->faults().startDelayMs = 1500;
    startServer({{QStringLiteral("stream_linger_s"), 0}});
    StreamPlayer *p = player(streamUrl());
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 1);
    p->close();
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 0);
    QVERIFY(logged(QStringLiteral("hung up")));
    // Nobody waits any more: with no linger the engine is told to stop at once.
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 5000);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
}

void tst_StreamProxy::ffprobeFindsVideoAndAudioInWhatIsServed()
{
    if (QStringLiteral(FFPROBE_EXECUTABLE).isEmpty())
        QSKIP("ffprobe is not installed");
    startServer();
    StreamPlayer *first = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() > 300000, 10000);
    StreamPlayer *late = player(streamUrl(), true); // joins mid-stream
    QTRY_VERIFY_WITH_TIMEOUT(late->bodyBytes() > 1500000, 15000);
    const QString file = QDir(m_ts->dataDir()).filePath(QStringLiteral("capture.ts"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(late->body());
    out.close();
    QProcess ffprobe;
    ffprobe.start(QStringLiteral(FFPROBE_EXECUTABLE),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                   QStringLiteral("-of"), QStringLiteral("json"), file});
    QVERIFY(ffprobe.waitForFinished(30000));
    QCOMPARE(ffprobe.exitCode(), 0);
    const QJsonArray streams = QJsonDocument::fromJson(ffprobe.readAllStandardOutput())
                                       .object()
                                       .value(QLatin1String("streams"))
                                       .toArray();
    QStringList types;
    for (const QJsonValue &s : streams)
        types << s.toObject().value(QLatin1String("codec_type")).toString() + QLatin1Char('/')
                         + s.toObject().value(QLatin1String("codec_name")).toString();
    QVERIFY2(types.contains(QStringLiteral("video/h264")),
             qPrintable(types.join(QLatin1Char(' '))));
    QVERIFY2(types.contains(QStringLiteral("audio/mp2")), qPrintable(types.join(QLatin1Char(' '))));
}

void tst_StreamProxy::neverReadingPlayerIsDroppedWhileAReadingOneKeepsItsRate()
{
    m_engine->setBitrateKbps(16000);
    startServer({{QStringLiteral("client_max_queued_kib"), 64},
                 {QStringLiteral("client_behind_timeout_s"), 1}});
    StreamPlayer *reader = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(reader->bodyBytes() > 0, 10000);
    auto *stuck = new StreamPlayer;
    m_players.append(stuck);
    stuck->setNeverRead(true);
    stuck->open(streamUrl());
    // No check for two players here: with a 1 s behind-timeout a loaded machine can join and
    // drop the stuck player between two polls. Being dropped proves it had joined.
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("dropped from ace:") + kId), 30000);
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 1);
    // The reader never noticed: it keeps the engine's rate (16 Mbit/s = 2000 B/ms).
    const qint64 before = reader->bodyBytes();
    QElapsedTimer t;
    t.start();
    QTest::qWait(2000);
    const double rate = double(reader->bodyBytes() - before) / t.elapsed();
    // Not a speed claim (a sanitizer build or a loaded machine is slower): the reader kept
    // receiving while the stuck player was dropped.
    qInfo("reader rate after the drop: %.0f B/ms", rate);
    QVERIFY2(rate > 0, qPrintable(QString::number(rate)));
    QVERIFY(!reader->isClosed());
    QCOMPARE(m_engine->sessionsStarted(), 1);
}

void tst_StreamProxy::lastPlayerGoneLingersThenStopsTheEngine()
{
    startServer({{QStringLiteral("stream_linger_s"), 2}});
    StreamPlayer *p = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    p->close();
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 0);
    QVERIFY(logged(QStringLiteral("No players left on ace:") + kId));
    QTest::qWait(1000);
    QCOMPARE(m_engine->sessionsStopped(), 0); // still lingering
    QCOMPARE(m_ts->server()->streams()->streamCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 5000);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
    QVERIFY(logged(QStringLiteral("Told the engine to stop")));
}

void tst_StreamProxy::playerBackWithinTheLingerReusesTheSession()
{
    startServer({{QStringLiteral("stream_linger_s"), 5}});
    StreamPlayer *p = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    p->close();
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 0);
    QTest::qWait(300);
    StreamPlayer *back = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(back->bodyBytes() > 10000, 30000);
    // From the running session: no second start, no stop.
    QCOMPARE(back->body().at(0), char(0x47));
    QCOMPARE(m_engine->sessionsStarted(), 1);
    QCOMPARE(m_engine->sessionsStopped(), 0);
    QVERIFY(logged(QStringLiteral("within the linger")));
}

void tst_StreamProxy::engineErrorIs502WithTheEngineMessage()
{
    m_engine->faults().errorMessage = QStringLiteral("failed to load content");
    startServer();
    StreamPlayer *a = player(streamUrl(), true);
    StreamPlayer *b = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(a->isClosed() && b->isClosed(), 10000);
    for (StreamPlayer *p : {a, b}) {
        QCOMPARE(p->status(), 502);
        QVERIFY2(p->body().contains("failed to load content"), p->body().constData());
    }
    QCOMPARE(m_engine->getstreamRequests(), 1);
    QVERIFY(logged(
            QStringLiteral("Cannot start ace:%1 : engine error: failed to load content").arg(kId)));
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
}

void tst_StreamProxy::unreachableEngineIs503()
{
    m_engine->setRefusing(true);
    startServer();
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->isClosed(), 10000);
    QCOMPARE(p->status(), 503);
    QVERIFY2(p->body().contains("unreachable"), p->body().constData());
    QVERIFY(logged(QStringLiteral("the engine is unreachable")));
}

void tst_StreamProxy::startTimeoutIs504AndStopsTheEngine()
{
    m_engine->faults().startDelayMs = 10000;
    startServer({{QStringLiteral("stream_start_timeout_s"), 1}});
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->isClosed(), 5000);
    QCOMPARE(p->status(), 504);
    QVERIFY(p->elapsedMs() >= 900);
    QVERIFY2(p->body().contains("no data within 1 s"), p->body().constData());
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
    QVERIFY(logged(QStringLiteral("sent no data within 1 s")));
}

void tst_StreamProxy::slowStartIsWaitedFor()
{
    m_engine->faults().startDelayMs = 1500;
    m_engine->faults().getstreamDelayMs = 500;
    startServer();
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 1000, 10000);
    QCOMPARE(p->status(), 200);
    QVERIFY(p->headersMs() >= 1900); // the 200 only once data flows
    QCOMPARE(p->body().at(0), char(0x47));
    QVERIFY(logged(QStringLiteral("Stream ace:%1 is flowing after").arg(kId)));
}

void tst_StreamProxy::playbackHttpErrorIs502()
{
    m_engine->faults().playbackStatus = 500;
    startServer();
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->isClosed(), 10000);
    QCOMPARE(p->status(), 502);
    QVERIFY2(p->body().contains("HTTP 500"), p->body().constData());
    QVERIFY(logged(QStringLiteral("answered HTTP 500")));
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
}

void tst_StreamProxy::stallLongerThanTheEmptyTimeoutEndsTheStream()
{
    m_engine->faults().stallAfterBytes = 200000;
    m_engine->faults().stallMs = 10000;
    startServer({{QStringLiteral("stream_empty_timeout_s"), 1}});
    StreamPlayer *p = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(p->isClosed(), 10000);
    QCOMPARE(p->status(), 200);
    QCOMPARE(p->bodyBytes(), qint64(200000));
    QVERIFY(logged(QStringLiteral("no data from the engine for 1 s")));
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
}

void tst_StreamProxy::shortStallKeepsTheStream()
{
    m_engine->faults().stallAfterBytes = 100000;
    m_engine->faults().stallMs = 2500;
    startServer({{QStringLiteral("stream_empty_timeout_s"), 5}});
    StreamPlayer *p = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 600000, 10000);
    QVERIFY(!p->isClosed());
    QCOMPARE(m_engine->sessionsStopped(), 0);
    QVERIFY(logged(QStringLiteral("No data from ace:%1 for").arg(kId)));
    QVERIFY(logged(QStringLiteral("Data from ace:%1 resumed after").arg(kId)));
}

void tst_StreamProxy::playerHangingUpWhileTheEngineIsSilentIsNoticed()
{
    // Nothing is written to the player after it hangs up, so no failed write tells; the sink
    // does not poll its connection for reading either (see SocketSink): its once-a-second check
    // must see the hang-up, or the engine session would run on for a player who left.
    m_engine->faults().stallAfterBytes = 100000;
    m_engine->faults().stallMs = 60000;
    startServer({{QStringLiteral("stream_linger_s"), 0},
                 {QStringLiteral("stream_recover_s"), 0},
                 {QStringLiteral("stream_empty_timeout_s"), 120},
                 {QStringLiteral("stream_stall_s"), 120}});
    StreamPlayer *p = player(streamUrl());
    QTRY_COMPARE_WITH_TIMEOUT(p->bodyBytes(), qint64(100000), 10000);
    QCOMPARE(m_ts->server()->streams()->clientCount(), 1);
    p->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_ts->server()->streams()->clientCount(), 0, 8000);
    QVERIFY(logged(QStringLiteral("No players left on ace:") + kId));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 8000);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
}

void tst_StreamProxy::streamingPlayersStillCountAgainstTheConnectionCaps()
{
    // A streaming player's connection leaves QTcpSocket for the sink's own descriptor; the
    // listener must go on counting it, or players would escape the per-address cap.
    startServer({{QStringLiteral("http_max_connections_per_address"), 2}});
    StreamPlayer *a = player(streamUrl());
    StreamPlayer *b = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 10000 && b->bodyBytes() > 10000, 10000);
    QCOMPARE(m_ts->server()->http()->openConnections(), 2);
    QCOMPARE(httpGet(m_ts->url(QStringLiteral("/api/health"))).status, 503);
    b->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_ts->server()->http()->openConnections(), 1, 5000);
    QCOMPARE(httpGet(m_ts->url(QStringLiteral("/api/health"))).status, 200);
    QVERIFY(!a->isClosed());
}

void tst_StreamProxy::engineClosingPlaybackEndsTheStreamWhenRecoveryIsOff()
{
    m_engine->faults().closeAfterBytes = 300000;
    startServer({{QStringLiteral("stream_recover_s"), 0}});
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->isClosed(), 10000);
    QCOMPARE(p->status(), 200);
    QCOMPARE(p->bodyBytes(), qint64(300000));
    QVERIFY(p->body() == m_engine->tsData().left(300000));
    QVERIFY(logged(QStringLiteral("ended: the engine closed the stream")));
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
}

void tst_StreamProxy::recoveryKeepsTenPlayersAcrossADroppedPlayback()
{
    // The engine drops the first playback mid-packet (an engine restart), then plays again.
    m_engine->faults().closeAfterBytes = 500001;
    m_engine->faults().closePlaybacks = 1;
    startServer();
    QSignalSpy states(m_ts->server()->streams(), &StreamManager::streamStateChanged);
    QList<StreamPlayer *> players;
    for (int i = 0; i < 10; ++i)
        players << player(streamUrl(), i == 0);
    for (StreamPlayer *p : std::as_const(players))
        QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStarted(), 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("Stream ace:%1 recovered after").arg(kId)),
                             15000);
    // Every player gets the new session's bytes on the same connection.
    for (StreamPlayer *p : std::as_const(players))
        QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 900000, 15000);
    for (StreamPlayer *p : std::as_const(players)) {
        QVERIFY(!p->isClosed());
        QCOMPARE(p->status(), 200);
    }
    QCOMPARE(m_ts->server()->streams()->clientCount(), 10);
    QTRY_COMPARE(m_engine->sessionsStopped(), 1); // the dropped session, told to stop
    QCOMPARE(m_engine->pids().size(), 2);
    QVERIFY(m_engine->pids().at(0) != m_engine->pids().at(1));
    QVERIFY(logged(
            QStringLiteral("Upstream of ace:%1 lost: the engine closed the stream").arg(kId)));
    QStringList seen;
    for (const QList<QVariant> &args : std::as_const(states))
        seen << args.at(1).toString();
    QVERIFY2(seen.contains(QStringLiteral("recovering")) && seen.last() == QLatin1String("running"),
             qPrintable(seen.join(' ')));
    // The recording plays through the splice: the first player's packets stay whole (a
    // packet cut by the engine is filled up) and ffprobe decodes it all.
    const QByteArray recording = players.first()->body();
    for (qsizetype i = 0; i < recording.size(); i += 188)
        QVERIFY2(recording.at(i) == 0x47, qPrintable(QString::number(i)));
    if (!QStringLiteral(FFPROBE_EXECUTABLE).isEmpty()) {
        QStringList flags;
        int decoded = 0;
        QVERIFY(probeVideo(recording, &flags, &decoded));
        QVERIFY2(decoded >= flags.size() - 30,
                 qPrintable(QStringLiteral("%1 of %2").arg(decoded).arg(flags.size())));
        // After the splice the stream goes on from a keyframe.
        QVERIFY(flags.size() > 25);
    }
}

void tst_StreamProxy::recoveryGivesUpAfterStreamRecoverSAndClosesPlayers()
{
    m_engine->faults().closeAfterBytes = 200000;
    m_engine->faults().closePlaybacks = 1;
    startServer({{QStringLiteral("stream_recover_s"), 2}});
    StreamPlayer *a = player(streamUrl());
    StreamPlayer *b = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 0 && b->bodyBytes() > 0, 10000);
    m_engine->faults().errorMessage = QStringLiteral("failed to load content"); // no new session
    QTRY_VERIFY_WITH_TIMEOUT(a->isClosed() && b->isClosed(), 15000);
    QVERIFY(logged(QStringLiteral("Stream ace:%1 ended: recovery gave up after").arg(kId)));
    QVERIFY(logged(QStringLiteral("engine error: failed to load content")));
    QVERIFY(m_engine->getstreamRequests() >= 2);
    QCOMPARE(a->status(), 200);
    QTRY_COMPARE(m_ts->server()->streams()->streamCount(), 0);
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
}

void tst_StreamProxy::playerJoiningDuringAStallWaitsForData()
{
    m_engine->faults().stallAfterBytes = 300000;
    m_engine->faults().stallMs = 3000;
    startServer();
    StreamPlayer *first = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() == 300000, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("No data from ace:%1 for").arg(kId)), 5000);
    StreamPlayer *late = player(streamUrl(), true);
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 2);
    QTest::qWait(300);
    QVERIFY(!late->headersDone()); // no 200 while nothing flows
    QTRY_VERIFY_WITH_TIMEOUT(late->bodyBytes() > 10000, 10000);
    QCOMPARE(late->status(), 200);
    QCOMPARE(late->body().at(0), char(0x47));
    QCOMPARE(m_engine->sessionsStarted(), 1);
}

void tst_StreamProxy::playerJoiningDuringALongStallGets504()
{
    m_engine->faults().stallAfterBytes = 300000;
    m_engine->faults().stallMs = 20000;
    startServer({{QStringLiteral("stream_start_timeout_s"), 2},
                 {QStringLiteral("stream_stall_s"), 60},
                 {QStringLiteral("stream_empty_timeout_s"), 60}});
    StreamPlayer *first = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() == 300000, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("No data from ace:%1 for").arg(kId)), 5000);
    StreamPlayer *late = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(late->isClosed(), 10000);
    QCOMPARE(late->status(), 504);
    QVERIFY2(late->body().contains("no data within 2 s"), late->body().constData());
    QVERIFY(!first->isClosed());
    QCOMPARE(m_ts->server()->streams()->clientCount(), 1);
}

void tst_StreamProxy::getstreamAnsweredAfterTheStartTimeoutGetsAStop()
{
    m_engine->faults().getstreamDelayMs = 2500;
    startServer({{QStringLiteral("stream_start_timeout_s"), 1}});
    StreamPlayer *p = player(streamUrl(), true);
    QTRY_VERIFY_WITH_TIMEOUT(p->isClosed(), 5000);
    QCOMPARE(p->status(), 504);
    QCOMPARE(m_engine->sessionsStarted(), 0); // the engine has not answered yet
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStarted(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 10000);
    QVERIFY(logged(QStringLiteral("after nobody waited for it")));
}

void tst_StreamProxy::refusedStopIsRetried()
{
    m_engine->faults().failStops = 1;
    startServer({{QStringLiteral("stream_linger_s"), 0}});
    StreamPlayer *p = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    p->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->stopsRefused(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 10000);
    QVERIFY(logged(QStringLiteral("trying again")));
}

void tst_StreamProxy::droppedNonReadingPlayerSeesAReset()
{
    m_engine->setBitrateKbps(16000);
    startServer({{QStringLiteral("client_max_queued_kib"), 64},
                 {QStringLiteral("client_behind_timeout_s"), 1}});
    StreamPlayer *reader = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(reader->bodyBytes() > 0, 10000);
    // The stuck player on a plain descriptor: Qt would read the reset itself and name it like
    // an orderly close.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    const int small = 4096;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(streamUrl().port()));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    const QByteArray request = "GET "
                               + streamUrl().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
                               + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QCOMPARE(::send(fd, request.constData(), size_t(request.size()), 0), ssize_t(request.size()));
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("dropped from ace:") + kId), 30000);
    // It reads at last: what reached its kernel, then a reset, not an end of stream behind
    // megabytes.
    enum { Reading, Reset, Closed } outcome = Reading;
    const auto drain = [fd, &outcome] {
        static char buffer[65536];
        while (outcome == Reading) { // (QTRY_VERIFY evaluates it once more after success)
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n > 0)
                continue;
            if (n == 0)
                outcome = Closed;
            else if (errno == ECONNRESET)
                outcome = Reset;
            else
                return false; // nothing more yet
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drain(), 10000);
    QCOMPARE(int(outcome), int(Reset));
    QVERIFY(!reader->isClosed());
}

void tst_StreamProxy::tooManyEngineSessionsIs503()
{
    startServer({{QStringLiteral("max_engine_sessions"), 1}});
    StreamPlayer *a = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 1000, 10000);
    StreamPlayer *b = player(streamUrl(kOtherId), true);
    QTRY_VERIFY_WITH_TIMEOUT(b->headersDone(), 5000);
    QCOMPARE(b->status(), 503);
    QTRY_VERIFY(b->body().contains("max_engine_sessions"));
    QCOMPARE(m_engine->sessionsStarted(), 1);
    QVERIFY(logged(QStringLiteral("Refused ace:") + kOtherId));
    // A session nobody watches any more gives way to a new channel.
    a->close();
    QTRY_COMPARE(m_ts->server()->streams()->clientCount(), 0);
    StreamPlayer *c = player(streamUrl(kOtherId));
    QTRY_VERIFY_WITH_TIMEOUT(c->bodyBytes() > 1000, 10000);
    QCOMPARE(m_engine->sessionsStarted(), 2);
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
}

void tst_StreamProxy::moreChannelsThanQnamConnectionsPerHostAllFlow()
{
    // QNAM opens at most 6 connections per host; every engine playback holds one forever.
    m_engine->setBitrateKbps(2000);
    startServer({{QStringLiteral("max_engine_sessions"), 12}});
    QList<StreamPlayer *> players;
    for (int i = 0; i < 10; ++i)
        players << player(streamUrl(QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('a'))));
    for (StreamPlayer *p : players)
        QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 10000, 10000);
    QCOMPARE(m_engine->sessionsStarted(), 10);
    QCOMPARE(m_engine->activePlaybacks(), 10);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 10);
}

void tst_StreamProxy::stopReachesTheEngineWhileManyChannelsAreStarting()
{
    // QNAM queues a 7th request to one host behind 6 pending ones: slow getstream calls must
    // neither hold back a stop command nor the start of one more channel.
    m_engine->setBitrateKbps(1000);
    startServer({{QStringLiteral("max_engine_sessions"), 12}});
    StreamPlayer *running = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(running->bodyBytes() > 1000, 10000);
    constexpr int kDelayMs = 6000;
    m_engine->faults().getstreamDelayMs = kDelayMs;
    QList<StreamPlayer *> starting;
    for (int i = 0; i < 7; ++i)
        starting << player(streamUrl(QStringLiteral("%1").arg(i, 40, 10, QLatin1Char('b'))));
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->getstreamRequests() >= 7, 5000);
    // All seven reached the engine before any was answered: none waited behind another (the
    // 7th would otherwise start after two getstream delays).
    QCOMPARE(m_engine->sessionsStarted(), 1);
    QCOMPARE(api("DELETE", QStringLiteral("/api/streams/ace:") + kId).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 1, 3000);
    // The stop arrived while the seven getstream calls were still held by the engine.
    QCOMPARE(m_engine->sessionsStarted(), 1);
    for (StreamPlayer *p : starting)
        QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 0, 20000);
    QVERIFY(!logged(QStringLiteral("failed:")));
}

void tst_StreamProxy::statusAndStreamsApiShapes()
{
    startServer({{QStringLiteral("stat_poll_interval_s"), 1}});
    QCOMPARE(httpGet(url(QStringLiteral("/ace/status")))
                     .json()
                     .object()
                     .value(QLatin1String("streams"))
                     .toInt(-1),
             0);
    StreamPlayer *a = player(streamUrl());
    StreamPlayer *b = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 1000 && b->bodyBytes() > 1000, 10000);
    QCOMPARE(httpGet(url(QStringLiteral("/ace/status"))).json().object(),
             (QJsonObject {{QStringLiteral("streams"), 1}}));
    const QJsonObject one = httpGet(url(QStringLiteral("/ace/status?id=") + kId)).json().object();
    QCOMPARE(one.value(QLatin1String("clients")).toInt(), 2);
    QCOMPARE(one.value(QLatin1String("id")).toString(), kId);
    // The engine's session URL is the admin's only.
    QVERIFY(!one.contains(QLatin1String("stat_url")));
    QVERIFY(api("GET", QStringLiteral("/ace/status?id=") + kId)
                    .json()
                    .object()
                    .value(QLatin1String("stat_url"))
                    .toString()
                    .contains(QLatin1String("/ace/stat/")));
    QCOMPARE(httpGet(url(QStringLiteral("/ace/status?id=") + kOtherId)).status, 404);
    QCOMPARE(httpGet(url(QStringLiteral("/ace/status?id=zz"))).status, 400);

    QTRY_VERIFY_WITH_TIMEOUT(m_engine->statRequests() > 0, 5000);
    QTest::qWait(100);
    QCOMPARE(httpGet(url(QStringLiteral("/api/streams"))).status, 401); // admin only
    const HttpResult r = api("GET", QStringLiteral("/api/streams"));
    QCOMPARE(r.status, 200);
    const QJsonObject root = r.json().object();
    QCOMPARE(root.value(QLatin1String("count")).toInt(), 1);
    QCOMPARE(root.value(QLatin1String("clients")).toInt(), 2);
    const QJsonObject s = root.value(QLatin1String("streams")).toArray().first().toObject();
    QCOMPARE(s.value(QLatin1String("key")).toString(), QStringLiteral("ace:") + kId);
    QCOMPARE(s.value(QLatin1String("content_id")).toString(), kId);
    QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QVERIFY(s.value(QLatin1String("bytes_in")).toDouble() > 1000);
    QVERIFY(QDateTime::fromString(s.value(QLatin1String("started_at")).toString(), Qt::ISODate)
                    .isValid());
    QCOMPARE(s.value(QLatin1String("pid")).toString().size(), 36);
    const QJsonObject engine = s.value(QLatin1String("engine")).toObject();
    QCOMPARE(engine.value(QLatin1String("status")).toString(), QStringLiteral("dl"));
    QCOMPARE(engine.value(QLatin1String("peers")).toInt(), 7);
    QVERIFY(engine.value(QLatin1String("speed_down")).isDouble());
    QVERIFY(engine.value(QLatin1String("speed_up")).isDouble());
    const QJsonArray clients = s.value(QLatin1String("clients")).toArray();
    QCOMPARE(clients.size(), 2);
    const QJsonObject c = clients.first().toObject();
    QVERIFY(c.value(QLatin1String("id")).toDouble() > 0);
    QCOMPARE(c.value(QLatin1String("address")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(c.value(QLatin1String("user_agent")).toString(), QStringLiteral("StreamPlayer/1.0"));
    QVERIFY(c.value(QLatin1String("bytes_sent")).toDouble() > 1000);
    QVERIFY(c.value(QLatin1String("bytes_queued")).isDouble());
    QVERIFY(QDateTime::fromString(c.value(QLatin1String("connected_at")).toString(), Qt::ISODate)
                    .isValid());
    const HttpResult single = api("GET", QStringLiteral("/api/streams/ace:") + kId);
    QCOMPARE(single.status, 200);
    QCOMPARE(single.json().object().value(QLatin1String("key")).toString(),
             QStringLiteral("ace:") + kId);
    QCOMPARE(api("GET", QStringLiteral("/api/streams/ace:") + kOtherId).status, 404);
}

void tst_StreamProxy::adminCanDropAPlayerAndStopAStream()
{
    startServer();
    StreamPlayer *a = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 1000, 10000);
    StreamPlayer *b = player(streamUrl());
    QTRY_VERIFY_WITH_TIMEOUT(b->bodyBytes() > 1000, 10000);
    const QString key = QStringLiteral("ace:") + kId;
    const QList<StreamSink *> sinks = m_ts->server()->streams()->stream(key)->sinks();
    const quint64 idA = sinks.first()->id();
    QCOMPARE(api("DELETE", QStringLiteral("/api/streams/%1/clients/999").arg(key)).status, 404);
    const HttpResult drop
            = api("DELETE", QStringLiteral("/api/streams/%1/clients/%2").arg(key).arg(idA));
    QCOMPARE(drop.status, 200);
    QTRY_VERIFY(a->isClosed());
    QVERIFY(!b->isClosed());
    QVERIFY(logged(QStringLiteral("dropped by the admin")));
    const HttpResult stop = api("DELETE", QStringLiteral("/api/streams/") + key);
    QCOMPARE(stop.status, 200);
    QTRY_VERIFY(b->isClosed());
    QTRY_COMPARE(m_engine->sessionsStopped(), 1);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
    QCOMPARE(api("DELETE", QStringLiteral("/api/streams/") + key).status, 404);
}

void tst_StreamProxy::directSourceSharesOneUpstreamAndCountsTags()
{
    startServer();
    StreamManager *streams = m_ts->server()->streams();
    const QString source = m_engine->baseUrl() + QStringLiteral("/ts/channel1");
    // What the Xtream routes do: their own path, a Direct source, a tag per user.
    m_ts->server()->http()->route(
            HttpFront::Method::Get | HttpFront::Method::Head, QStringLiteral("/test/{user}"),
            HttpFront::Access::Public,
            [streams, source](const HttpRequest &req, QHttpServerResponder &r) {
                PlayerInfo info;
                info.tag = QStringLiteral("user:") + req.arg(QStringLiteral("user"));
                servePlayer(streams, StreamSource::direct(source), req, r, info);
            });
    QSignalSpy attached(streams, &StreamManager::clientAttached);
    QSignalSpy detached(streams, &StreamManager::clientDetached);
    StreamPlayer *a = player(url(QStringLiteral("/test/alice")), true);
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 1000, 10000);
    StreamPlayer *b = player(url(QStringLiteral("/test/alice")), true);
    StreamPlayer *c = player(url(QStringLiteral("/test/bob")), true);
    QTRY_VERIFY_WITH_TIMEOUT(b->bodyBytes() > 1000 && c->bodyBytes() > 1000, 10000);
    QCOMPARE(m_engine->directRequests(), 1);
    QCOMPARE(m_engine->getstreamRequests(), 0);
    QCOMPARE(b->body().at(0), char(0x47));
    QCOMPARE(attached.size(), 3);
    QCOMPARE(streams->clientCountForTag(QStringLiteral("user:alice")), 2);
    QCOMPARE(streams->clientCountForTag(QStringLiteral("user:bob")), 1);
    const QList<quint64> alice = streams->clientsForTag(QStringLiteral("user:alice"));
    QCOMPARE(alice.size(), 2);
    QVERIFY(alice.first() < alice.last());
    QVERIFY(streams->stream(QStringLiteral("url:") + source));
    QVERIFY(streams->dropClient(alice.first(), QStringLiteral("too many streams for alice")));
    QTRY_VERIFY(a->isClosed());
    QCOMPARE(detached.size(), 1);
    QCOMPARE(detached.first().at(0).toULongLong(), alice.first());
    QCOMPARE(detached.first().at(1).toString(), QStringLiteral("user:alice"));
    QCOMPARE(streams->clientCountForTag(QStringLiteral("user:alice")), 1);
    QVERIFY(!streams->dropClient(alice.first(), QStringLiteral("again")));
    // The admin API reaches a direct stream by its percent-encoded key.
    const QString encodedKey
            = QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("url:") + source));
    const HttpResult shown = api("GET", QStringLiteral("/api/streams/") + encodedKey);
    QCOMPARE(shown.status, 200);
    QCOMPARE(api("DELETE", QStringLiteral("/api/streams/") + encodedKey).status, 200);
    QTRY_VERIFY(b->isClosed() && c->isClosed());
    // HEAD on a direct source: headers only, no upstream.
    m_engine->resetCounters();
    QCOMPARE(httpRequest("HEAD", url(QStringLiteral("/test/carol"))).status, 200);
    QCOMPARE(m_engine->directRequests(), 0);
}

void tst_StreamProxy::healthAnswersWhile100PlayersStream()
{
    m_engine->setBitrateKbps(4000);
    startServer();
    for (int i = 0; i < 100; ++i)
        player(streamUrl());
    QTRY_COMPARE_WITH_TIMEOUT(m_ts->server()->streams()->clientCount(), 100, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(m_players.cbegin(), m_players.cend(),
                        [](const StreamPlayer *p) { return p->bodyBytes() > 50000; }),
            15000);
    // Timed from a thread of its own, so that the test's own event loop (players, fake engine)
    // does not add to what is measured. The median shows the everyday latency; the worst only
    // has to rule out a blocked loop, as one slow answer on a loaded machine is not a bug.
    QList<qint64> times;
    for (int i = 0; i < 20; ++i) {
        qint64 ms = -1;
        int status = 0;
        const QUrl health = url(QStringLiteral("/api/health"));
        std::unique_ptr<QThread> client(QThread::create([health, &ms, &status] {
            QTcpSocket socket;
            QElapsedTimer t;
            t.start();
            socket.connectToHost(QHostAddress::LocalHost, quint16(health.port()));
            if (!socket.waitForConnected(5000))
                return;
            socket.write(
                    "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            QByteArray answer;
            while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
                answer += socket.readAll();
            ms = t.elapsed();
            if (answer.startsWith("HTTP/1.1 "))
                status = answer.mid(9, 3).toInt();
        }));
        const auto join = qScopeGuard([&client] { client->wait(); }); // even if a check fails
        client->start();
        QTRY_VERIFY_WITH_TIMEOUT(client->isFinished(), 15000);
        QCOMPARE(status, 200);
        times << ms;
        QTest::qWait(20);
    }
    std::sort(times.begin(), times.end());
    const QString all = QStringLiteral("ms sorted: %1").arg([&] {
        QStringList l;
        for (qint64 ms : times)
            l << QString::number(ms);
        return l.join(QLatin1Char(' '));
    }());
    // Every probe was answered (above) while the 100 players streamed; how fast is measured
    // by acehub-bench, not asserted here (a sanitizer build must pass too).
    qInfo("%s", qPrintable(all));
    QCOMPARE(m_engine->sessionsStarted(), 1);
    QCOMPARE(m_ts->server()->streams()->clientCount(), 100);
}

void tst_StreamProxy::stoppingTheDaemonStopsItsEngineSessions()
{
    AcehubProcess hub;
    hub.start({QStringLiteral("--daemon"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
               QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--engine"),
               QStringLiteral("127.0.0.1:%1").arg(m_engine->port())});
    QVERIFY(hub.waitListening());
    StreamPlayer *a = player(hub.url(QStringLiteral("/ace/getstream?id=") + kId));
    StreamPlayer *b = player(hub.url(QStringLiteral("/ace/getstream?id=") + kOtherId));
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 10000 && b->bodyBytes() > 10000, 10000);
    QCOMPARE(m_engine->sessionsStarted(), 2);
    hub.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 2, 5000);
    QTRY_VERIFY(a->isClosed() && b->isClosed());
    QTRY_VERIFY(hub.process().state() == QProcess::NotRunning);
    QCOMPARE(hub.exitCode(), 0);
}

void tst_StreamProxy::stoppedServerLetsItsEngineStopsArrive()
{
    startServer();
    StreamPlayer *a = player(streamUrl());
    StreamPlayer *b = player(streamUrl(kOtherId));
    QTRY_VERIFY_WITH_TIMEOUT(a->bodyBytes() > 10000 && b->bodyBytes() > 10000, 10000);
    Server *server = m_ts->server();
    QSignalSpy done(server, &Server::engineStopsDone);
    server->stop();
    // The stop commands were only just sent: deleting the engine client at once would abort
    // them before they reach the engine.
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->sessionsStopped(), 2, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 3000);
    QVERIFY(!server->hasPendingEngineStops());
}

QTEST_GUILESS_MAIN(tst_StreamProxy)
#include "tst_streamproxy.moc"
