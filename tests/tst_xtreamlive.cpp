#include "fakeengine.h"
#include "httpclient.h"
#include "log/logger.h"
#include "server.h"
#include "storage/database.h"
#include "stream/streammanager.h"
#include "streamplayer.h"
#include "testserver.h"
#include "xtream/userstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kContentId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString kInfohash = QStringLiteral("89abcdef0123456789abcdef0123456789abcdef");
} // namespace

// The Xtream stream routes on the real StreamManager and a fake engine: bytes on AceStream and
// direct channels, one upstream for many players, HEAD, unknown channels and max_connections.
class tst_XtreamLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aceChannelDeliversTs_data();
    void aceChannelDeliversTs();
    void infohashChannelGoesToTheEngineByInfohash();
    void passwordWithReservedCharactersPlaysFromThePlaylistLink();
    void directChannelDeliversTsFromItsUrl();
    void playlistLinkPlaysInFfprobe();
    void twoPlayersOnAChannelCostOneUpstream_data();
    void twoPlayersOnAChannelCostOneUpstream();
    void headIsAnsweredWithoutStartingAnything();
    void refusedPlayersGetTheReason_data();
    void refusedPlayersGetTheReason();
    void playerOverTheLimitIsRefusedAndAClosedStreamFreesItsSlot();
    void activeConsIsTheRealCount();
    void playerFromTheSameAddressReplacesItsOldStream();
    void replaceOldestEndsTheAccountsOldestStream();
    void disablingOrDeletingAnAccountEndsItsStreams();

private:
    void startServer(const QVariantMap &settings = {});
    QUrl url(const QString &path) const;
    StreamPlayer *player(const QString &path, const QHostAddress &from = {});
    void exec(const QString &sql);
    void addUser(const QJsonObject &fields);
    int activeCons(const QString &username, const QString &password);

    std::unique_ptr<TestServer> m_ts;
    std::unique_ptr<FakeEngine> m_engine;
    QList<StreamPlayer *> m_players;
};

void tst_XtreamLive::init()
{
    m_ts = std::make_unique<TestServer>();
    m_engine = std::make_unique<FakeEngine>();
    QVERIFY(m_engine->listen());
}

void tst_XtreamLive::cleanup()
{
    qDeleteAll(m_players);
    m_players.clear();
    m_ts->stop();
    m_engine.reset();
    m_ts.reset();
}

void tst_XtreamLive::startServer(const QVariantMap &settings)
{
    QVariantMap s {{QStringLiteral("engine_port"), int(m_engine->port())}};
    s.insert(settings);
    QVERIFY2(m_ts->start(s), qPrintable(m_ts->errorString()));
    exec(QStringLiteral("INSERT INTO categories (id, name, sort_order, created_at) VALUES"
                        " (1, 'Sport', 1, 0), (2, 'News', 2, 0)"));
    exec(QStringLiteral("INSERT INTO channels (id, kind, content_id, infohash, url, name, number,"
                        " category_id, hidden, active, added_at, updated_at) VALUES"
                        " (42, 'acestream', '%1', NULL, NULL, 'Sky Sport', 10, 1, 0, 1, 0, 0),"
                        " (43, 'acestream', NULL, '%2', NULL, 'By Hash', 11, 2, 0, 1, 0, 0),"
                        " (44, 'direct', NULL, NULL, '%3/ts/local', 'Local TV', 12, 1, 0, 1, 0, 0),"
                        " (45, 'direct', NULL, NULL, '%3/ts/hidden', 'Hidden', 13, 1, 1, 1, 0, 0)")
                 .arg(kContentId, kInfohash, m_engine->baseUrl()));
}

QUrl tst_XtreamLive::url(const QString &path) const
{
    return m_ts->url(path);
}

StreamPlayer *tst_XtreamLive::player(const QString &path, const QHostAddress &from)
{
    auto *p = new StreamPlayer;
    if (!from.isNull())
        p->socket()->bind(from); // another LAN device, as far as the server can tell
    p->open(url(path));
    m_players.append(p);
    return p;
}

void tst_XtreamLive::exec(const QString &sql)
{
    QSqlQuery q(m_ts->server()->database()->connection());
    if (!q.exec(sql))
        QFAIL(qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
}

void tst_XtreamLive::addUser(const QJsonObject &fields)
{
    const auto result = UserStore::create(m_ts->server()->database()->connection(), fields, 0);
    QVERIFY2(result.user, qPrintable(result.error));
}

int tst_XtreamLive::activeCons(const QString &username, const QString &password)
{
    const HttpResult r = httpGet(
            url(QStringLiteral("/player_api.php?username=%1&password=%2").arg(username, password)));
    const QJsonValue v = r.json().object()
                                 .value(QLatin1String("user_info"))
                                 .toObject()
                                 .value(QLatin1String("active_cons"));
    return v.isString() ? v.toString().toInt() : -1;
}

void tst_XtreamLive::aceChannelDeliversTs_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("/live/U/P/{id}.ts") << "/live/u/p/42.ts";
    QTest::newRow("/live/U/P/{id}") << "/live/u/p/42";
    QTest::newRow("/U/P/{id}") << "/u/p/42";
}

void tst_XtreamLive::aceChannelDeliversTs()
{
    QFETCH(QString, path);
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    StreamPlayer *p = player(path);
    p->setKeepBody(true);
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() >= 188 * 100, 10000);
    QCOMPARE(p->status(), 200);
    QCOMPARE(p->header("Content-Type"), QByteArray("video/mp2t"));
    QCOMPARE(p->body().at(0), char(0x47));
    QCOMPARE(m_engine->getstreamRequests(), 1);
    QVERIFY(m_engine->requests().join(QLatin1Char(' ')).contains(kContentId));
}

void tst_XtreamLive::infohashChannelGoesToTheEngineByInfohash()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    StreamPlayer *p = player(QStringLiteral("/live/u/p/43.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 0, 10000);
    QCOMPARE(p->status(), 200);
    QVERIFY(m_engine->requests()
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("infohash=") + kInfohash));
}

void tst_XtreamLive::passwordWithReservedCharactersPlaysFromThePlaylistLink()
{
    startServer();
    addUser({{"username", "ann@home"}, {"password", "p&q%41?#x"}});
    const HttpResult m3u = httpRequest("POST", url(QStringLiteral("/get.php")),
                                       "username=ann%40home&password=p%26q%2541%3F%23x",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(m3u.status, 200);
    const QString link = QString::fromUtf8(m3u.body).split(QLatin1Char('\n')).at(2);
    QVERIFY2(link.endsWith(QLatin1String("/live/ann%40home/p%26q%2541%3F%23x/42.ts")),
             qPrintable(link));
    auto *p = new StreamPlayer;
    m_players.append(p);
    p->open(QUrl(link, QUrl::StrictMode));
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() > 0, 10000);
    QCOMPARE(p->status(), 200);
}

void tst_XtreamLive::directChannelDeliversTsFromItsUrl()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    StreamPlayer *p = player(QStringLiteral("/live/u/p/44.ts"));
    p->setKeepBody(true);
    QTRY_VERIFY_WITH_TIMEOUT(p->bodyBytes() >= 188 * 100, 10000);
    QCOMPARE(p->status(), 200);
    QCOMPARE(p->body().at(0), char(0x47));
    QCOMPARE(m_engine->directRequests(), 1);
    QCOMPARE(m_engine->getstreamRequests(), 0);
}

void tst_XtreamLive::playlistLinkPlaysInFfprobe()
{
    if (QStringLiteral(FFPROBE_EXECUTABLE).isEmpty())
        QSKIP("ffprobe is not installed");
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    // A real player's path: the M3U from get.php, then its first link.
    const HttpResult m3u = httpGet(
            url(QStringLiteral("/get.php?username=u&password=p&type=m3u_plus&output=ts")));
    QCOMPARE(m3u.status, 200);
    const QStringList lines
            = QString::fromUtf8(m3u.body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 3);
    const QString link = lines.at(2);
    QCOMPARE(link, url(QStringLiteral("/live/u/p/42.ts")).toString());
    QProcess ffprobe;
    ffprobe.start(QStringLiteral(FFPROBE_EXECUTABLE),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_streams"),
                   QStringLiteral("-of"), QStringLiteral("json"), link});
    // The server runs on this thread: wait with the event loop running, never block it.
    QSignalSpy finished(&ffprobe, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(ffprobe.exitCode(), 0);
    const QJsonArray streams = QJsonDocument::fromJson(ffprobe.readAllStandardOutput())
                                       .object()
                                       .value(QLatin1String("streams"))
                                       .toArray();
    QStringList types;
    for (const QJsonValue &v : streams)
        types << v.toObject().value(QLatin1String("codec_type")).toString();
    QVERIFY2(types.contains(QStringLiteral("video")), qPrintable(types.join(QLatin1Char(' '))));
    QVERIFY2(types.contains(QStringLiteral("audio")), qPrintable(types.join(QLatin1Char(' '))));
}

void tst_XtreamLive::twoPlayersOnAChannelCostOneUpstream_data()
{
    QTest::addColumn<QString>("channel");
    QTest::newRow("acestream") << "42";
    QTest::newRow("direct") << "44";
}

void tst_XtreamLive::twoPlayersOnAChannelCostOneUpstream()
{
    QFETCH(QString, channel);
    startServer();
    addUser({{"username", "anna"}, {"password", "a"}, {"max_connections", 2}});
    addUser({{"username", "bob"}, {"password", "b"}});
    StreamPlayer *first = player(QStringLiteral("/live/anna/a/%1.ts").arg(channel));
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() > 0, 10000);
    StreamPlayer *second = player(QStringLiteral("/live/anna/a/%1.ts").arg(channel));
    StreamPlayer *third = player(QStringLiteral("/bob/b/%1").arg(channel));
    QTRY_VERIFY_WITH_TIMEOUT(second->bodyBytes() > 0 && third->bodyBytes() > 0, 10000);
    const qint64 before = first->bodyBytes();
    QTRY_VERIFY_WITH_TIMEOUT(first->bodyBytes() > before, 10000); // the first one keeps flowing
    QCOMPARE(m_ts->server()->streams()->streamCount(), 1);
    QCOMPARE(m_engine->getstreamRequests() + m_engine->directRequests(), 1);
    QCOMPARE(m_engine->activePlaybacks(), 1);
}

void tst_XtreamLive::headIsAnsweredWithoutStartingAnything()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    for (const QString &path : {QStringLiteral("/live/u/p/42.ts"), QStringLiteral("/u/p/44")}) {
        const HttpResult r = httpRequest("HEAD", url(path));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("video/mp2t"));
    }
    QCOMPARE(m_engine->getstreamRequests(), 0);
    QCOMPARE(m_engine->directRequests(), 0);
    QCOMPARE(m_ts->server()->streams()->streamCount(), 0);
    QCOMPARE(httpRequest("HEAD", url(QStringLiteral("/live/u/p/999.ts"))).status, 404);
    QCOMPARE(httpRequest("HEAD", url(QStringLiteral("/live/u/wrong/42.ts"))).status, 401);
}

void tst_XtreamLive::refusedPlayersGetTheReason_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("unknown channel") << "/live/u/p/999.ts" << 404;
    QTest::newRow("not a number") << "/live/u/p/abc.ts" << 404;
    QTest::newRow("hidden channel") << "/live/u/p/45.ts" << 404;
    QTest::newRow("category not allowed") << "/live/news/n/42.ts" << 404;
    QTest::newRow("wrong password") << "/live/u/x/42.ts" << 401;
    QTest::newRow("unknown user bare") << "/nobody/p/42" << 404;
    QTest::newRow("disabled") << "/live/off/o/42.ts" << 403;
    QTest::newRow("expired") << "/old/o/42" << 403;
    QTest::newRow("not a player path") << "/api/nothing/here" << 404;
}

void tst_XtreamLive::refusedPlayersGetTheReason()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    addUser({{"username", "news"}, {"password", "n"}, {"categories", QJsonArray {2}}});
    addUser({{"username", "off"}, {"password", "o"}, {"enabled", false}});
    addUser({{"username", "old"}, {"password", "o"}, {"expires_at", "1970-01-01T00:16:40Z"}});
    const HttpResult r = httpGet(url(path));
    QCOMPARE(r.status, status);
    QVERIFY(!r.json().object().value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(m_engine->getstreamRequests() + m_engine->directRequests(), 0);
}

void tst_XtreamLive::playerOverTheLimitIsRefusedAndAClosedStreamFreesItsSlot()
{
    startServer({{QStringLiteral("xtream_same_address_replaces"), 0}});
    addUser({{"username", "anna"}, {"password", "a"}, {"max_connections", 2}});
    StreamPlayer *one = player(QStringLiteral("/live/anna/a/42.ts"));
    StreamPlayer *two = player(QStringLiteral("/live/anna/a/44.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(one->bodyBytes() > 0 && two->bodyBytes() > 0, 10000);

    const HttpResult refused = httpGet(url(QStringLiteral("/live/anna/a/43.ts")));
    QCOMPARE(refused.status, 429);
    const QString error = refused.json().object().value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(QLatin1String("max_connections")), qPrintable(error));
    QCOMPARE(m_engine->getstreamRequests(), 1); // the refused one started nothing
    QVERIFY(!one->isClosed() && !two->isClosed());

    one->close();
    QTRY_COMPARE(m_ts->server()->streams()->clientCountForTag(QStringLiteral("user:anna")), 1);
    StreamPlayer *three = player(QStringLiteral("/live/anna/a/43.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(three->bodyBytes() > 0, 10000);
    QCOMPARE(three->status(), 200);
}

void tst_XtreamLive::activeConsIsTheRealCount()
{
    startServer();
    addUser({{"username", "anna"}, {"password", "a"}, {"max_connections", 3}});
    QCOMPARE(activeCons(QStringLiteral("anna"), QStringLiteral("a")), 0);
    StreamPlayer *one = player(QStringLiteral("/live/anna/a/42.ts"));
    StreamPlayer *two = player(QStringLiteral("/anna/a/42"));
    QTRY_VERIFY_WITH_TIMEOUT(one->bodyBytes() > 0 && two->bodyBytes() > 0, 10000);
    QCOMPARE(activeCons(QStringLiteral("anna"), QStringLiteral("a")), 2);
    const auto users = UserStore::list(m_ts->server()->database()->connection());
    QCOMPARE(users.size(), 1);
    two->close();
    QTRY_COMPARE(activeCons(QStringLiteral("anna"), QStringLiteral("a")), 1);
}

void tst_XtreamLive::playerFromTheSameAddressReplacesItsOldStream()
{
    startServer();
    addUser({{"username", "anna"}, {"password", "a"}, {"max_connections", 1}});
    StreamPlayer *old = player(QStringLiteral("/live/anna/a/42.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(old->bodyBytes() > 0, 10000);
    // The same device reconnects (or zaps) before its old connection is seen closed.
    StreamPlayer *again = player(QStringLiteral("/live/anna/a/44.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(again->bodyBytes() > 0, 10000);
    QCOMPARE(again->status(), 200);
    QTRY_VERIFY(old->isClosed());
    QCOMPARE(activeCons(QStringLiteral("anna"), QStringLiteral("a")), 1);
    // Another device of the same account is still refused.
    StreamPlayer *other = player(QStringLiteral("/live/anna/a/42.ts"),
                                 QHostAddress(QStringLiteral("127.0.0.2")));
    QTRY_VERIFY_WITH_TIMEOUT(other->headersDone(), 10000);
    QCOMPARE(other->status(), 429);
    QVERIFY(!again->isClosed());
}

void tst_XtreamLive::replaceOldestEndsTheAccountsOldestStream()
{
    startServer({{QStringLiteral("xtream_same_address_replaces"), 0}});
    addUser({{"username", "anna"},
             {"password", "a"},
             {"max_connections", 2},
             {"replace_oldest", true}});
    StreamPlayer *one = player(QStringLiteral("/live/anna/a/42.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(one->bodyBytes() > 0, 10000);
    StreamPlayer *two = player(QStringLiteral("/live/anna/a/43.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(two->bodyBytes() > 0, 10000);
    StreamPlayer *three = player(QStringLiteral("/live/anna/a/44.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(three->bodyBytes() > 0, 10000);
    QCOMPARE(three->status(), 200);
    QTRY_VERIFY(one->isClosed());
    QVERIFY(!two->isClosed());
    QCOMPARE(m_ts->server()->streams()->clientCountForTag(QStringLiteral("user:anna")), 2);
}

void tst_XtreamLive::disablingOrDeletingAnAccountEndsItsStreams()
{
    startServer();
    addUser({{"username", "anna"}, {"password", "a"}, {"max_connections", 2}});
    addUser({{"username", "bob"}, {"password", "b"}});
    const auto users = UserStore::list(m_ts->server()->database()->connection());
    const qint64 anna = users.at(0).id, bob = users.at(1).id;
    StreamPlayer *one = player(QStringLiteral("/live/anna/a/42.ts"));
    StreamPlayer *two = player(QStringLiteral("/live/anna/a/44.ts"));
    StreamPlayer *other = player(QStringLiteral("/live/bob/b/42.ts"));
    QTRY_VERIFY_WITH_TIMEOUT(one->bodyBytes() > 0 && two->bodyBytes() > 0 && other->bodyBytes() > 0,
                             10000);
    // A change that keeps the account usable leaves its streams alone.
    QCOMPARE(m_ts->api("PUT", QStringLiteral("/api/users/%1").arg(anna),
                       QByteArray(R"({"max_connections":3})"))
                     .status,
             200);
    QVERIFY(!one->isClosed() && !two->isClosed());
    QCOMPARE(m_ts->api("PUT", QStringLiteral("/api/users/%1").arg(anna),
                       QByteArray(R"({"enabled":false})"))
                     .status,
             200);
    QTRY_VERIFY(one->isClosed() && two->isClosed());
    QVERIFY(!other->isClosed());
    QCOMPARE(httpGet(url(QStringLiteral("/live/anna/a/42.ts"))).status, 403);
    QCOMPARE(m_ts->api("DELETE", QStringLiteral("/api/users/%1").arg(bob)).status, 204);
    QTRY_VERIFY(other->isClosed());
    QCOMPARE(httpGet(url(QStringLiteral("/live/bob/b/42.ts"))).status, 401);
}

QTEST_GUILESS_MAIN(tst_XtreamLive)
#include "tst_xtreamlive.moc"
