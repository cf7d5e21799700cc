#include "events/eventhub.h"
#include "fakeengine.h"
#include "http/httpfront.h"
#include "httpclient.h"
#include "log/logger.h"
#include "server.h"
#include "streamplayer.h"
#include "testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(lcEventsTest, "acehub.eventstest")

namespace {

const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

struct SseEvent
{
    QByteArray id;
    QByteArray type;
    QJsonObject data;
};

// The events a client received so far (complete ones only), in order; ": ping" comments too
// when withComments (as type ":").
QList<SseEvent> eventsOf(const StreamPlayer *p, bool withComments = false)
{
    QList<SseEvent> out;
    SseEvent e;
    bool any = false;
    const QByteArray body = p->body();
    const qsizetype complete = body.lastIndexOf("\n\n");
    if (complete < 0)
        return out;
    const QList<QByteArray> lines = body.left(complete + 1).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty()) {
            if (any)
                out.append(e);
            e = {};
            any = false;
        } else if (line.startsWith(':')) {
            if (withComments)
                out.append({{}, ":", {}});
        } else if (line.startsWith("id: ")) {
            e.id = line.mid(4);
            any = true;
        } else if (line.startsWith("event: ")) {
            e.type = line.mid(7);
            any = true;
        } else if (line.startsWith("data: ")) {
            e.data = QJsonDocument::fromJson(line.mid(6)).object();
            any = true;
        }
    }
    return out;
}

int indexOfEvent(const QList<SseEvent> &events, const QByteArray &type, int from = 0)
{
    for (int i = from; i < events.size(); ++i) {
        if (events.at(i).type == type)
            return i;
    }
    return -1;
}

// The ids of the "changed" events received, in order.
QList<qint64> changedIds(const QList<SseEvent> &events)
{
    QList<qint64> ids;
    for (const SseEvent &e : events) {
        if (e.type == "changed") {
            for (const QJsonValue &v : e.data.value(QLatin1String("ids")).toArray())
                ids.append(v.toInteger());
        }
    }
    return ids;
}

} // namespace

// GET /api/events: Server-Sent Events of streams, players, imports, edits and log lines, with
// a replay for clients that reconnect.
class tst_Events : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eventsNeedAdminAuthAndRefuseUnknownParameters();
    void firstEventIsHelloThenEditsArriveAsChanged();
    void editsOfChannelsCategoriesSourcesAndUsersArriveAsChangedInOrder();
    void playerJoiningAndLeavingGivesJoinedThenLeftInOrder();
    void clientConnectingWhileAStreamRunsGetsItsStats();
    void importGivesProgressThenFinished();
    void reconnectWithLastEventIdReplaysWhatWasMissed();
    void unknownOrTooOldLastEventIdGivesResync();
    void nonReadingEventClientIsDroppedWhileAnotherKeepsReceiving();
    void logWarningSendsWarningsButNotInfo();
    void eventClientHangingUpIsNoticedBetweenPings();

private:
    StreamPlayer *events(const QString &query = {}, const QByteArray &lastEventId = {},
                         bool neverRead = false);
    bool logged(const QString &needle) const;

    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<TestServer> m_server;
    QList<StreamPlayer *> m_clients;
};

void tst_Events::init()
{
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->listen());
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->start({{QStringLiteral("engine_port"), int(m_engine->port())},
                              {QStringLiteral("stream_linger_s"), 0}}),
             qPrintable(m_server->errorString()));
}

void tst_Events::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    m_server.reset();
    m_engine.reset();
}

StreamPlayer *tst_Events::events(const QString &query, const QByteArray &lastEventId,
                                 bool neverRead)
{
    auto *p = new StreamPlayer;
    p->setKeepBody(true);
    p->setNeverRead(neverRead);
    QList<QPair<QByteArray, QByteArray>> headers {basicAuth(m_server->adminPassword())};
    if (!lastEventId.isEmpty())
        headers.append({"Last-Event-ID", lastEventId});
    p->open(m_server->url(QStringLiteral("/api/events") + query), "GET", headers);
    m_clients.append(p);
    return p;
}

bool tst_Events::logged(const QString &needle) const
{
    const QList<LogLine> lines = m_server->logger()->tail(5000);
    for (const LogLine &l : lines) {
        if (l.message.contains(needle))
            return true;
    }
    return false;
}

void tst_Events::eventsNeedAdminAuthAndRefuseUnknownParameters()
{
    QCOMPARE(httpGet(m_server->url(QStringLiteral("/api/events"))).status, 401);
    QCOMPARE(m_server->api("GET", QStringLiteral("/api/events?since=4")).status, 400);
    const HttpResult badLevel = m_server->api("GET", QStringLiteral("/api/events?log=loud"));
    QCOMPARE(badLevel.status, 400);
    QVERIFY(badLevel.json()
                    .object()
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("log: ")));
}

void tst_Events::firstEventIsHelloThenEditsArriveAsChanged()
{
    StreamPlayer *c = events();
    QTRY_VERIFY(!eventsOf(c).isEmpty());
    QCOMPARE(c->status(), 200);
    QVERIFY(c->header("Content-Type").startsWith("text/event-stream"));
    const SseEvent hello = eventsOf(c).first();
    QCOMPARE(hello.type, QByteArray("hello"));
    QVERIFY(hello.id.isEmpty());
    QCOMPARE(hello.data.value(QLatin1String("instance")).toString(),
             m_server->server()->events()->instance());
    QVERIFY(hello.data.contains(QLatin1String("version")));

    QCOMPARE(m_server->api("PATCH", QStringLiteral("/api/settings"),
                           QJsonObject {{QStringLiteral("stream_linger_s"), 3}})
                     .status,
             200);
    QTRY_VERIFY(indexOfEvent(eventsOf(c), "changed") > 0);
    const SseEvent changed = eventsOf(c).at(indexOfEvent(eventsOf(c), "changed"));
    QCOMPARE(changed.data.value(QLatin1String("area")).toString(), QStringLiteral("settings"));
    QCOMPARE(changed.data.value(QLatin1String("keys")).toArray(),
             QJsonArray {QStringLiteral("stream_linger_s")});
    QVERIFY(changed.id.startsWith(m_server->server()->events()->instance().toLatin1() + '.'));
}

void tst_Events::editsOfChannelsCategoriesSourcesAndUsersArriveAsChangedInOrder()
{
    StreamPlayer *c = events();
    QTRY_VERIFY(!eventsOf(c).isEmpty());
    auto created = [&](const QString &path, const QByteArray &body) {
        const HttpResult r = m_server->api("POST", path, body);
        return r.status == 201 ? qint64(r.json().object().value(QLatin1String("id")).toInteger())
                               : -1;
    };
    const qint64 category = created(QStringLiteral("/api/categories"), R"({"name": "News"})");
    QVERIFY(category > 0);
    const qint64 channel = created(QStringLiteral("/api/channels"),
                                   R"({"name": "One", "address": ")" + kId.toLatin1() + R"("})");
    QVERIFY(channel > 0);
    QCOMPARE(m_server->api("PATCH", QStringLiteral("/api/channels/%1").arg(channel),
                           QJsonObject {{QStringLiteral("name"), QStringLiteral("Uno")}})
                     .status,
             200);
    QCOMPARE(m_server->api("POST", QStringLiteral("/api/channels/bulk"),
                           QJsonObject {{QStringLiteral("ids"), QJsonArray {channel}},
                                        {QStringLiteral("category_id"), category}})
                     .status,
             200);
    const qint64 source
            = created(QStringLiteral("/api/epg-sources"),
                      R"({"name": "Guide", "location": "/nowhere/guide.xml", "enabled": false})");
    QVERIFY(source > 0);
    const qint64 user = created(QStringLiteral("/api/users"),
                                R"({"username": "tv", "password": "k7mq4rtx9wpa"})");
    QVERIFY(user > 0);
    QCOMPARE(m_server->api("DELETE", QStringLiteral("/api/channels/%1").arg(channel)).status, 200);
    // A refused edit changes nothing and says nothing.
    QCOMPARE(m_server->api("PATCH", QStringLiteral("/api/categories/%1").arg(category),
                           QJsonObject {{QStringLiteral("name"), 5}})
                     .status,
             400);
    QCOMPARE(m_server->api("DELETE", QStringLiteral("/api/categories/%1").arg(category)).status,
             200);

    const QList<QStringList> expected {
            {"categories", "created", QString::number(category)},
            {"channels", "created", QString::number(channel)},
            {"channels", "updated", QString::number(channel)},
            {"channels", "bulk", QString::number(channel)},
            {"epg-sources", "created", QString::number(source)},
            {"users", "created", QString::number(user)},
            {"channels", "deleted", QString::number(channel)},
            {"categories", "deleted", QString::number(category)},
    };
    QList<QStringList> seen;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                seen.clear();
                for (const SseEvent &e : eventsOf(c)) {
                    if (e.type != "changed")
                        continue;
                    QStringList ids;
                    for (const QJsonValue &v : e.data.value(QLatin1String("ids")).toArray())
                        ids << QString::number(v.toInteger());
                    seen.append({e.data.value(QLatin1String("area")).toString(),
                                 e.data.value(QLatin1String("action")).toString(),
                                 ids.join(QLatin1Char(','))});
                }
                return seen.size() >= expected.size();
            }(),
            10000);
    QCOMPARE(seen, expected);
}

void tst_Events::playerJoiningAndLeavingGivesJoinedThenLeftInOrder()
{
    StreamPlayer *c = events();
    QTRY_VERIFY(!eventsOf(c).isEmpty());
    StreamPlayer player;
    player.open(m_server->url(QStringLiteral("/ace/getstream?id=") + kId));
    QTRY_VERIFY_WITH_TIMEOUT(player.bodyBytes() > 0, 15000);
    QTRY_VERIFY(indexOfEvent(eventsOf(c), "player.joined") > 0);
    // While it streams, stats come once a second with the player's bytes.
    QTRY_VERIFY_WITH_TIMEOUT(indexOfEvent(eventsOf(c), "stats") > 0, 5000);
    player.close();
    QTRY_VERIFY_WITH_TIMEOUT(indexOfEvent(eventsOf(c), "player.left") > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(indexOfEvent(eventsOf(c), "stream.ended") > 0, 10000);

    const QList<SseEvent> all = eventsOf(c);
    const int started = indexOfEvent(all, "stream.started");
    const int joined = indexOfEvent(all, "player.joined");
    const int left = indexOfEvent(all, "player.left");
    const int ended = indexOfEvent(all, "stream.ended");
    QVERIFY(started > 0);
    QVERIFY(started < joined);
    QVERIFY(joined < left);
    QVERIFY(left < ended);
    const QString key = all.at(joined).data.value(QLatin1String("key")).toString();
    QVERIFY(key.contains(kId));
    QCOMPARE(all.at(started).data.value(QLatin1String("key")).toString(), key);
    QCOMPARE(all.at(left).data.value(QLatin1String("key")).toString(), key);
    const QJsonObject p = all.at(joined).data.value(QLatin1String("player")).toObject();
    QCOMPARE(all.at(left).data.value(QLatin1String("id")).toInteger(),
             p.value(QLatin1String("id")).toInteger());
    const QJsonObject stats = all.at(indexOfEvent(all, "stats")).data;
    const QJsonArray streams = stats.value(QLatin1String("streams")).toArray();
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams.at(0).toObject().value(QLatin1String("key")).toString(), key);
    // And one empty stats once the last stream ended.
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<SseEvent> now = eventsOf(c);
                for (int i = ended; i < now.size(); ++i) {
                    if (now.at(i).type == "stats"
                        && now.at(i).data.value(QLatin1String("streams")).toArray().isEmpty())
                        return true;
                }
                return false;
            }(),
            5000);
}

void tst_Events::clientConnectingWhileAStreamRunsGetsItsStats()
{
    // Stats are built only while someone listens: the first client to come while a stream
    // already runs must start them.
    StreamPlayer player;
    player.open(m_server->url(QStringLiteral("/ace/getstream?id=") + kId));
    QTRY_VERIFY_WITH_TIMEOUT(player.bodyBytes() > 0, 15000);
    StreamPlayer *c = events();
    QTRY_VERIFY_WITH_TIMEOUT(indexOfEvent(eventsOf(c), "stats") > 0, 5000);
    const QJsonArray streams = eventsOf(c)
                                       .at(indexOfEvent(eventsOf(c), "stats"))
                                       .data.value(QLatin1String("streams"))
                                       .toArray();
    QCOMPARE(streams.size(), 1);
    const QJsonArray players = streams.at(0).toObject().value(QLatin1String("players")).toArray();
    QCOMPARE(players.size(), 1);
    QVERIFY(players.at(0).toObject().value(QLatin1String("bytes_sent")).toInteger() > 0);
    player.close();
}

void tst_Events::importGivesProgressThenFinished()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("list.m3u"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#EXTM3U\n");
    for (int i = 0; i < 50; ++i)
        file.write(QStringLiteral("#EXTINF:-1,Channel %1\nacestream://%2\n")
                           .arg(i)
                           .arg(QString::number(i).rightJustified(40, QLatin1Char('a')))
                           .toUtf8());
    file.close();
    StreamPlayer *c = events();
    QTRY_VERIFY(!eventsOf(c).isEmpty());
    const HttpResult created
            = m_server->api("POST", QStringLiteral("/api/sources"),
                            QJsonObject {{QStringLiteral("name"), QStringLiteral("List")},
                                         {QStringLiteral("location"), path}});
    QCOMPARE(created.status, 201);
    const int sourceId = created.json().object().value(QLatin1String("id")).toInt();
    QTRY_VERIFY_WITH_TIMEOUT(indexOfEvent(eventsOf(c), "import.finished") > 0, 20000);
    const QList<SseEvent> all = eventsOf(c);
    const int started = indexOfEvent(all, "import.started");
    const int finished = indexOfEvent(all, "import.finished");
    int lastProgress = -1;
    for (int i = 0; i < finished; ++i) {
        if (all.at(i).type == "import.progress")
            lastProgress = i;
    }
    QVERIFY(started > 0);
    QVERIFY(lastProgress > started);
    QVERIFY(lastProgress < finished);
    QCOMPARE(all.at(started).data.value(QLatin1String("name")).toString(), QStringLiteral("List"));
    const QJsonObject done = all.at(finished).data;
    QCOMPARE(done.value(QLatin1String("kind")).toString(), QStringLiteral("channels"));
    QCOMPARE(done.value(QLatin1String("source_id")).toInt(), sourceId);
    QCOMPARE(done.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(done.value(QLatin1String("imported")).toInt(), 50);
    QCOMPARE(all.at(lastProgress).data.value(QLatin1String("source_id")).toInt(), sourceId);
}

void tst_Events::reconnectWithLastEventIdReplaysWhatWasMissed()
{
    EventHub *hub = m_server->server()->events();
    hub->changed(QStringLiteral("channels"), QStringLiteral("created"), {1});
    StreamPlayer *first = events();
    QTRY_VERIFY(!eventsOf(first).isEmpty());
    hub->changed(QStringLiteral("channels"), QStringLiteral("updated"), {2});
    QTRY_COMPARE(changedIds(eventsOf(first)), QList<qint64> {2});
    const QByteArray seen = eventsOf(first).at(indexOfEvent(eventsOf(first), "changed")).id;
    QVERIFY(!seen.isEmpty());
    first->close();
    // Missed while away:
    hub->changed(QStringLiteral("channels"), QStringLiteral("updated"), {3});
    hub->changed(QStringLiteral("channels"), QStringLiteral("deleted"), {4});
    StreamPlayer *back = events({}, seen);
    QTRY_VERIFY(changedIds(eventsOf(back)).size() >= 2);
    const QList<SseEvent> got = eventsOf(back);
    QCOMPARE(got.at(0).type, QByteArray("hello"));
    QCOMPARE(changedIds(got), (QList<qint64> {3, 4})); // what was missed, in order, once
    QCOMPARE(indexOfEvent(got, "resync"), -1);
    // Then live ones, on the same connection.
    hub->changed(QStringLiteral("channels"), QStringLiteral("updated"), {5});
    QTRY_COMPARE(changedIds(eventsOf(back)), (QList<qint64> {3, 4, 5}));
    // Up to date: nothing replayed.
    StreamPlayer *current = events({}, hub->lastId().toLatin1());
    QTRY_VERIFY(!eventsOf(current).isEmpty());
    QTest::qWait(200);
    QCOMPARE(changedIds(eventsOf(current)), QList<qint64>());
}

void tst_Events::unknownOrTooOldLastEventIdGivesResync()
{
    EventHub *hub = m_server->server()->events();
    StreamPlayer *other = events({}, "ffffff0.1"); // another instance
    QTRY_VERIFY(eventsOf(other).size() >= 2);
    QCOMPARE(eventsOf(other).at(1).type, QByteArray("resync"));
    hub->changed(QStringLiteral("users"), QStringLiteral("created"), {1});
    const QByteArray oldest = hub->lastId().toLatin1();
    for (int i = 0; i < EventHub::kReplay + 5; ++i)
        hub->changed(QStringLiteral("users"), QStringLiteral("updated"), {i});
    StreamPlayer *tooOld = events({}, oldest);
    QTRY_VERIFY(eventsOf(tooOld).size() >= 2);
    const SseEvent resync = eventsOf(tooOld).at(1);
    QCOMPARE(resync.type, QByteArray("resync"));
    QCOMPARE(resync.id, hub->lastId().toLatin1()); // the next reconnect asks from here
    QTest::qWait(200);
    QCOMPARE(changedIds(eventsOf(tooOld)), QList<qint64>()); // nothing replayed after a resync
}

void tst_Events::nonReadingEventClientIsDroppedWhileAnotherKeepsReceiving()
{
    EventHub *hub = m_server->server()->events();
    StreamPlayer *reader = events();
    reader->setKeepBody(false); // counts bytes only
    StreamPlayer *stuck = events({}, {}, true);
    QTRY_VERIFY(reader->bodyBytes() > 0);
    QTRY_COMPARE(m_server->server()->http()->openConnections(), 2);
    QTest::qWait(100); // the stuck one's request is being answered too
    const QString pad(64 * 1024, QLatin1Char('x'));
    qint64 published = 0;
    for (int i = 0; i < 2000 && !logged(QStringLiteral("KiB unread")); ++i) {
        hub->publishTransient(QStringLiteral("test.blob"), {{QStringLiteral("pad"), pad}});
        published += pad.size();
        if (i % 8 == 7)
            QTest::qWait(5); // the reader reads meanwhile
    }
    QTRY_VERIFY(logged(QStringLiteral("KiB unread")));
    // The reader got everything and goes on receiving.
    QTRY_VERIFY_WITH_TIMEOUT(reader->bodyBytes() >= published, 20000);
    reader->setKeepBody(true);
    hub->changed(QStringLiteral("settings"), QStringLiteral("updated"), {}, {QStringLiteral("x")});
    QTRY_VERIFY(reader->body().contains("event: changed"));
    QVERIFY(!reader->isClosed());
}

void tst_Events::logWarningSendsWarningsButNotInfo()
{
    StreamPlayer *none = events();
    StreamPlayer *warnings = events(QStringLiteral("?log=warning"));
    QTRY_VERIFY(!eventsOf(warnings).isEmpty() && !eventsOf(none).isEmpty());
    qCInfo(lcEventsTest) << "an info line for the test";
    qCWarning(lcEventsTest) << "a warning line for the test";
    QTRY_VERIFY(indexOfEvent(eventsOf(warnings), "log") > 0);
    QTest::qWait(200);
    const QList<SseEvent> got = eventsOf(warnings);
    int logs = 0;
    for (const SseEvent &e : got) {
        if (e.type != "log")
            continue;
        ++logs;
        QVERIFY(e.id.isEmpty()); // log lines are not replayed
        QVERIFY2(e.data.value(QLatin1String("level")).toString() != QLatin1String("info"),
                 qPrintable(e.data.value(QLatin1String("message")).toString()));
        QVERIFY(e.data.value(QLatin1String("id")).toInteger() > 0);
    }
    QVERIFY(logs >= 1);
    QVERIFY(!warnings->body().contains("an info line for the test"));
    QVERIFY(warnings->body().contains("a warning line for the test"));
    QCOMPARE(indexOfEvent(eventsOf(none), "log"), -1);
}

void tst_Events::eventClientHangingUpIsNoticedBetweenPings()
{
    // Its connection is not polled for reading (see SocketSink), and pings are 15 s apart: the
    // once-a-second check must see the hang-up.
    StreamPlayer *c = events();
    QTRY_VERIFY(!eventsOf(c).isEmpty());
    QCOMPARE(m_server->server()->http()->openConnections(), 1);
    c->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->server()->http()->openConnections(), 0, 5000);
}

QTEST_GUILESS_MAIN(tst_Events)
#include "tst_events.moc"
