#include "auth/admincredential.h"
#include "http/httpfront.h"
#include "httpclient.h"
#include "log/logger.h"
#include "server.h"
#include "storage/database.h"
#include "xtream/userstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QXmlStreamReader>
#include <atomic>
#include <thread>

namespace {
const QString kAdminPassword = QStringLiteral("admin-password-for-tests");
const QString kContentId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString kInfohash = QStringLiteral("89abcdef0123456789abcdef0123456789abcdef");

QJsonObject object(const HttpResult &r)
{
    return r.json().object();
}

// Checks a JSON value's type as well as its value: players are strict about strings vs numbers.
#define COMPARE_STRING(obj, key, expected) \
    do { \
        const QJsonValue v_ = (obj).value(QLatin1String(key)); \
        QVERIFY2(v_.isString(), key " is not a string"); \
        QCOMPARE(v_.toString(), QString(expected)); \
    } while (false)
#define COMPARE_NUMBER(obj, key, expected) \
    do { \
        const QJsonValue v_ = (obj).value(QLatin1String(key)); \
        QVERIFY2(v_.isDouble(), key " is not a number"); \
        QCOMPARE(qint64(v_.toDouble()), qint64(expected)); \
    } while (false)
} // namespace

// The Xtream Codes API, M3U and XMLTV as players see them, and the admin API of the accounts.
class tst_XtreamApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void adminCreatesListsUpdatesAndDeletesUsers();
    void badUserInputIsRefusedNamingTheField_data();
    void badUserInputIsRefusedNamingTheField();
    void duplicateUsernameIsAConflict();
    void accountInfoHasTheExactTypes();
    void unknownActionAnswersTheAccount();
    void serverInfoUsesTheHostThePlayerUsed();
    void serverInfoUsesTheConfiguredTimeZone();
    void unknownTimeZoneIsRefused();
    void wrongCredentialsGetAuthZero_data();
    void wrongCredentialsGetAuthZero();
    void disabledAndExpiredAccountsGetTheirStatusAndNoData_data();
    void disabledAndExpiredAccountsGetTheirStatusAndNoData();
    void postedFormBodyIsReadLikeAQuery();
    void liveCategoriesKeepTheirOrder();
    void liveStreamsHaveTheExactTypes();
    void everyLiveChannelObjectParsesLikeTheXtreamApiSerializers();
    void liveStreamsUseEffectiveValuesAndSkipHiddenAndInactive();
    void liveStreamsFilterByCategory();
    void matchedGuideIdIsUsedWhereTheCatalogRecordsOne();
    void vodAndSeriesAreEmpty_data();
    void vodAndSeriesAreEmpty();
    void shortEpgIsBase64WithLocalTimes();
    void simpleDataTableMarksWhatIsOnNow();
    void allowedCategoriesLimitWhatAUserSees();
    void m3uPlusParsesBackWithQuotedAttributes();
    void plainM3uListsNamesOnly();
    void playlistAnswersPostAndHead();
    void playlistWithWrongCredentialsIsAnEmpty404();
    void xmltvIsWellFormedWithItsTimes();
    void xmltvWithWrongCredentialsIsAnEmpty404();
    void largeGuideDoesNotStallTheServer();
    void panelApiListsAccountAndChannels();
    void headIsAnsweredOnPlayerApi();
    void largeListsDoNotStallTheServer();
    void lateAnswerIsNotOvertakenByAPipelinedRequest();
    void largeFormBodyIsRefused_data();
    void largeFormBodyIsRefused();

private:
    void startServer(const QVariantMap &settings = {});
    QUrl url(const QString &pathAndQuery) const;
    HttpResult admin(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    XtreamUser addUser(const QJsonObject &fields);
    void exec(const QString &sql);
    void seedCatalog();
    // n more visible channels in category 1, with ids from 1000.
    void seedManyChannels(int n);
    qint64 m_now = 0;

    std::unique_ptr<Logger> m_logger;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
};

void tst_XtreamApi::init()
{
    m_logger = std::make_unique<Logger>();
    m_logger->setEchoToStderr(false);
    m_dir = std::make_unique<QTemporaryDir>();
    m_now = QDateTime::currentSecsSinceEpoch();
}

void tst_XtreamApi::cleanup()
{
    m_server.reset();
    m_dir.reset();
    m_logger.reset();
}

void tst_XtreamApi::startServer(const QVariantMap &extra)
{
    {
        // A known admin password, so the /api calls authenticate like a real admin would.
        Database db(QDir(m_dir->path()).filePath(QStringLiteral("acehub.sqlite")));
        QVERIFY(db.open().ok);
        QVERIFY(!AdminCredential::set(db.connection(), kAdminPassword));
        db.close();
    }
    Settings settings;
    settings.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    settings.setCommandLine(QStringLiteral("port"), 0);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        QVERIFY(!settings.setCommandLine(it.key(), it.value()));
    m_server = std::make_unique<Server>(m_dir->path(), settings);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    seedCatalog();
}

QUrl tst_XtreamApi::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(pathAndQuery));
}

HttpResult tst_XtreamApi::admin(const QByteArray &method, const QString &path,
                                const QJsonObject &body)
{
    const QByteArray auth
            = "Basic " + (QStringLiteral("admin:") + kAdminPassword).toUtf8().toBase64();
    QList<QPair<QByteArray, QByteArray>> headers {{"Authorization", auth}};
    QByteArray data;
    if (!body.isEmpty()) {
        data = QJsonDocument(body).toJson(QJsonDocument::Compact);
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return httpRequest(method, url(path), data, headers);
}

XtreamUser tst_XtreamApi::addUser(const QJsonObject &fields)
{
    const auto result = UserStore::create(m_server->database()->connection(), fields, 1731894803);
    if (!result.user)
        qWarning() << "addUser failed:" << result.error;
    return result.user.value_or(XtreamUser());
}

void tst_XtreamApi::exec(const QString &sql)
{
    QSqlQuery q(m_server->database()->connection());
    if (!q.exec(sql))
        QFAIL(qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
}

// Sport (order 2), News (order 1), Empty (order 3, no channels); channels with imported values
// and edits, a hidden and an inactive one, one without category or number; a guide for 42.
void tst_XtreamApi::seedCatalog()
{
    exec(QStringLiteral("INSERT INTO categories (id, name, sort_order, created_at) VALUES"
                        " (1, 'Sport', 2, 0), (2, 'News', 1, 0), (3, 'Empty', 3, 0)"));
    exec(QStringLiteral(
                 "INSERT INTO channels (id, kind, content_id, infohash, url, name, number, "
                 "category_id,"
                 " logo, epg_id, custom_name, custom_number, custom_category_id, custom_logo,"
                 " custom_epg_id, hidden, active, added_at, updated_at) VALUES"
                 " (42, 'acestream', '%1', NULL, NULL, 'Sky Sport', 10, 1, 'http://logos/sky.png',"
                 "  'sky.sport.it', NULL, NULL, NULL, NULL, NULL, 0, 1, 1731894803, 0),"
                 " (43, 'acestream', NULL, '%2', NULL, 'Rai News', 5, 1, 'http://logos/rai.png',"
                 "  'rai.news', 'Rai News 24', 7, 2, 'http://logos/rai24.png', 'rai.news24', 0, 1, "
                 "1731894804, 0),"
                 " (44, 'direct', NULL, NULL, 'http://example.invalid/local.ts', 'Local TV', NULL,"
                 "  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 1731894805, 0),"
                 " (45, 'direct', NULL, NULL, 'http://example.invalid/hidden.ts', 'Hidden', 1, 1,"
                 "  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, 1, 0, 0),"
                 " (46, 'direct', NULL, NULL, 'http://example.invalid/dead.ts', 'Dead', 2, 1,"
                 "  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0),"
                 " (47, 'direct', NULL, NULL, 'http://example.invalid/hi.ts', 'Say \"Hi\"', 11, 1,"
                 "  NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 1, 1731894806, 0)")
                 .arg(kContentId, kInfohash));
    exec(QStringLiteral("INSERT INTO epg_sources (id, name, location, created_at)"
                        " VALUES (1, 'guide', '/tmp/guide.xml', 0)"));
    const qint64 hour = 3600;
    const qint64 base = m_now - m_now % hour; // the current programme started on the hour
    exec(QStringLiteral(
                 "INSERT INTO epg_programmes (source_id, epg_id, start, stop, title,"
                 " description, category, lang) VALUES"
                 " (1, 'sky.sport.it', %1, %2, 'Yesterday', 'old', NULL, 'it'),"
                 " (1, 'sky.sport.it', %3, %4, 'Now: Calcio', 'Serie A & più', 'Sport', 'it'),"
                 " (1, 'sky.sport.it', %4, %5, 'Next <1>', NULL, NULL, 'it'),"
                 " (1, 'sky.sport.it', %5, %6, 'Later', 'd', NULL, ''),"
                 " (1, 'sky.sport.it', %6, %7, 'Much later', 'e', NULL, ''),"
                 " (1, 'sky.sport.it', %7, %8, 'Night', 'f', NULL, ''),"
                 " (1, 'rai.news24', %3, %4, 'TG', 'news', NULL, 'it')")
                 .arg(base - 50 * hour)
                 .arg(base - 49 * hour)
                 .arg(base)
                 .arg(base + hour)
                 .arg(base + 2 * hour)
                 .arg(base + 3 * hour)
                 .arg(base + 4 * hour)
                 .arg(base + 5 * hour));
}

void tst_XtreamApi::adminCreatesListsUpdatesAndDeletesUsers()
{
    startServer();
    HttpResult r = admin("POST", QStringLiteral("/api/users"),
                         {{"username", "anna"},
                          {"password", "s3cret"},
                          {"max_connections", 2},
                          {"expires_at", "2096-10-02T07:06:40Z"},
                          {"categories", QJsonArray {1, 2}}});
    QCOMPARE(r.status, 201);
    QJsonObject u = object(r);
    const qint64 id = u.value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    COMPARE_STRING(u, "username", "anna");
    COMPARE_STRING(u, "password", "s3cret");
    QCOMPARE(u.value(QLatin1String("enabled")).toBool(false), true);
    COMPARE_NUMBER(u, "max_connections", 2);
    // Admin API times are ISO 8601 UTC.
    COMPARE_STRING(u, "expires_at", "2096-10-02T07:06:40Z");
    const QDateTime created
            = QDateTime::fromString(u.value(QLatin1String("created_at")).toString(), Qt::ISODate);
    QCOMPARE(created.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(created.toSecsSinceEpoch() - m_now) < 60);
    QCOMPARE(u.value(QLatin1String("categories")).toArray(), (QJsonArray {1, 2}));
    QCOMPARE(u.value(QLatin1String("replace_oldest")).toBool(true), false);
    COMPARE_STRING(u, "status", "Active");
    COMPARE_NUMBER(u, "active_connections", 0);

    r = admin("GET", QStringLiteral("/api/users"));
    QCOMPARE(r.status, 200);
    QCOMPARE(object(r).value(QLatin1String("count")).toInt(), 1);
    QCOMPARE(object(r).value(QLatin1String("users")).toArray().at(0).toObject(), u);

    r = admin("PUT", QStringLiteral("/api/users/%1").arg(id),
              {{"enabled", false},
               {"expires_at", QJsonValue()},
               {"categories", QJsonArray()},
               {"replace_oldest", true}});
    QCOMPARE(r.status, 200);
    u = object(r);
    QCOMPARE(u.value(QLatin1String("enabled")).toBool(true), false);
    QVERIFY(u.value(QLatin1String("expires_at")).isNull());
    QCOMPARE(u.value(QLatin1String("categories")).toArray(), QJsonArray());
    QCOMPARE(u.value(QLatin1String("replace_oldest")).toBool(), true);
    COMPARE_STRING(u, "status", "Disabled");
    COMPARE_STRING(u, "password", "s3cret"); // untouched fields stay

    r = admin("GET", QStringLiteral("/api/users/%1").arg(id));
    QCOMPARE(r.status, 200);
    QCOMPARE(object(r), u);

    QCOMPARE(admin("DELETE", QStringLiteral("/api/users/%1").arg(id)).status, 204);
    QCOMPARE(admin("GET", QStringLiteral("/api/users/%1").arg(id)).status, 404);
    QCOMPARE(admin("DELETE", QStringLiteral("/api/users/%1").arg(id)).status, 404);
    QCOMPARE(admin("PUT", QStringLiteral("/api/users/%1").arg(id), {{"enabled", true}}).status,
             404);
    QSqlQuery q(m_server->database()->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM user_categories")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void tst_XtreamApi::badUserInputIsRefusedNamingTheField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("not json") << QByteArray("{nope") << "body";
    QTest::newRow("array") << QByteArray("[]") << "body";
    QTest::newRow("no username") << QByteArray(R"({"password":"p"})") << "username";
    QTest::newRow("no password") << QByteArray(R"({"username":"u"})") << "password";
    QTest::newRow("empty username")
            << QByteArray(R"({"username":"","password":"p"})") << "username";
    QTest::newRow("slash in password")
            << QByteArray(R"({"username":"u","password":"a/b"})") << "password";
    QTest::newRow("space in username")
            << QByteArray(R"({"username":"a b","password":"p"})") << "username";
    QTest::newRow("number username")
            << QByteArray(R"({"username":5,"password":"p"})") << "username";
    QTest::newRow("zero connections")
            << QByteArray(R"({"username":"u","password":"p","max_connections":0})")
            << "max_connections";
    QTest::newRow("text connections")
            << QByteArray(R"({"username":"u","password":"p","max_connections":"2"})")
            << "max_connections";
    QTest::newRow("fraction connections")
            << QByteArray(R"({"username":"u","password":"p","max_connections":1.5})")
            << "max_connections";
    QTest::newRow("negative expiry")
            << QByteArray(R"({"username":"u","password":"p","expires_at":"1969-12-31T23:59:55Z"})")
            << "expires_at";
    QTest::newRow("epoch expiry") << QByteArray(
            R"({"username":"u","password":"p","expires_at":1767225600})")
                                  << "expires_at";
    QTest::newRow("expiry without offset")
            << QByteArray(R"({"username":"u","password":"p","expires_at":"2026-11-21T17:00:00"})")
            << "expires_at";
    QTest::newRow("text expiry") << QByteArray(
            R"({"username":"u","password":"p","expires_at":"soon"})")
                                 << "expires_at";
    QTest::newRow("unknown category")
            << QByteArray(R"({"username":"u","password":"p","categories":[1,999]})")
            << "categories";
    QTest::newRow("categories not array")
            << QByteArray(R"({"username":"u","password":"p","categories":1})") << "categories";
    QTest::newRow("enabled text") << QByteArray(
            R"({"username":"u","password":"p","enabled":"yes"})")
                                  << "enabled";
    QTest::newRow("unknown field")
            << QByteArray(R"({"username":"u","password":"p","colour":"red"})") << "colour";
}

void tst_XtreamApi::badUserInputIsRefusedNamingTheField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    startServer();
    const QByteArray auth
            = "Basic " + (QStringLiteral("admin:") + kAdminPassword).toUtf8().toBase64();
    const HttpResult r
            = httpRequest("POST", url(QStringLiteral("/api/users")), body,
                          {{"Authorization", auth}, {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    const QString error = object(r).value(QLatin1String("error")).toString();
    QVERIFY2(error.startsWith(field + QLatin1Char(':')), qPrintable(error));
    QCOMPARE(UserStore::list(m_server->database()->connection()).size(), 0); // nothing half-written

    // The same checks guard an update, which leaves the account as it was.
    const XtreamUser u = addUser({{"username", "keep"}, {"password", "p"}});
    if (field != QLatin1String("username") && field != QLatin1String("password")) {
        const HttpResult put
                = httpRequest("PUT", url(QStringLiteral("/api/users/%1").arg(u.id)), body,
                              {{"Authorization", auth}, {"Content-Type", "application/json"}});
        QCOMPARE(put.status, 400);
        const auto after = UserStore::byId(m_server->database()->connection(), u.id);
        QCOMPARE(after->username, QStringLiteral("keep"));
        QCOMPARE(after->maxConnections, 1);
    }
}

void tst_XtreamApi::duplicateUsernameIsAConflict()
{
    startServer();
    QCOMPARE(admin("POST", QStringLiteral("/api/users"), {{"username", "anna"}, {"password", "a"}})
                     .status,
             201);
    const HttpResult r = admin("POST", QStringLiteral("/api/users"),
                               {{"username", "anna"}, {"password", "b"}});
    QCOMPARE(r.status, 409);
    QVERIFY(object(r)
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("username:")));
    const XtreamUser bob = addUser({{"username", "bob"}, {"password", "b"}});
    QCOMPARE(admin("PUT", QStringLiteral("/api/users/%1").arg(bob.id), {{"username", "anna"}})
                     .status,
             409);
}

void tst_XtreamApi::accountInfoHasTheExactTypes()
{
    startServer();
    addUser({{"username", "Anna.R"},
             {"password", "pa&ss+1"},
             {"max_connections", 2},
             {"expires_at", "2035-12-30T00:00:00Z"}});
    const HttpResult r
            = httpGet(url(QStringLiteral("/player_api.php?username=Anna.R&password=pa%26ss%2B1")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject o = object(r);
    QCOMPARE(o.keys(), (QStringList {"server_info", "user_info"}));
    const QJsonObject u = o.value(QLatin1String("user_info")).toObject();
    COMPARE_STRING(u, "username", "Anna.R");
    COMPARE_STRING(u, "password", "pa&ss+1");
    COMPARE_STRING(u, "message", "");
    COMPARE_NUMBER(u, "auth", 1);
    COMPARE_STRING(u, "status", "Active");
    COMPARE_STRING(u, "exp_date", QString::number(1767225600LL + 10 * 365 * 86400));
    COMPARE_STRING(u, "is_trial", "0");
    COMPARE_STRING(u, "active_cons", "0");
    COMPARE_STRING(u, "created_at", "1731894803");
    COMPARE_STRING(u, "max_connections", "2");
    QCOMPARE(u.value(QLatin1String("allowed_output_formats")).toArray(), QJsonArray {"ts"});
    QCOMPARE(u.size(), 11);

    const QJsonObject s = o.value(QLatin1String("server_info")).toObject();
    COMPARE_STRING(s, "url", "127.0.0.1");
    COMPARE_STRING(s, "port", QString::number(m_server->port()));
    COMPARE_STRING(s, "https_port", "");
    COMPARE_STRING(s, "server_protocol", "http");
    COMPARE_STRING(s, "rtmp_port", "");
    COMPARE_STRING(s, "timezone", QString::fromUtf8(QTimeZone::systemTimeZone().id()));
    QVERIFY(s.value(QLatin1String("timestamp_now")).isDouble());
    const qint64 ts = qint64(s.value(QLatin1String("timestamp_now")).toDouble());
    QVERIFY(qAbs(ts - QDateTime::currentSecsSinceEpoch()) < 60);
    COMPARE_STRING(
            s, "time_now",
            QDateTime::fromSecsSinceEpoch(ts).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(s.value(QLatin1String("process")), QJsonValue(true));
    QCOMPARE(s.size(), 9);

    // An account that never expires gets a far-future date that still fits a 32-bit int.
    addUser({{"username", "forever"}, {"password", "p"}});
    const QJsonObject f
            = object(httpGet(url(QStringLiteral("/player_api.php?username=forever&password=p"))))
                      .value(QLatin1String("user_info"))
                      .toObject();
    QVERIFY(f.value(QLatin1String("exp_date")).isString());
    const qint64 exp = f.value(QLatin1String("exp_date")).toString().toLongLong();
    QVERIFY(exp > QDateTime::currentSecsSinceEpoch() + 10LL * 365 * 86400);
    QVERIFY(exp <= std::numeric_limits<qint32>::max());
}

void tst_XtreamApi::unknownActionAnswersTheAccount()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    for (const QString &action :
         {QStringLiteral("get_profile"), QStringLiteral(""), QStringLiteral("nonsense")}) {
        const QJsonObject o = object(httpGet(
                url(QStringLiteral("/player_api.php?username=u&password=p&action=") + action)));
        QCOMPARE(o.value(QLatin1String("user_info")).toObject().value(QLatin1String("auth")),
                 QJsonValue(1));
        QVERIFY(o.value(QLatin1String("server_info")).isObject());
    }
}

void tst_XtreamApi::serverInfoUsesTheHostThePlayerUsed()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QUrl u = url(QStringLiteral("/player_api.php?username=u&password=p"));
    HttpResult r = httpRequest("GET", u, {}, {{"Host", "192.168.1.10:6880"}});
    QJsonObject s = object(r).value(QLatin1String("server_info")).toObject();
    COMPARE_STRING(s, "url", "192.168.1.10");
    COMPARE_STRING(s, "port", "6880");
    r = httpRequest("GET", u, {}, {{"Host", "acehub.lan"}});
    s = object(r).value(QLatin1String("server_info")).toObject();
    COMPARE_STRING(s, "url", "acehub.lan");
    COMPARE_STRING(s, "port", "80");
    r = httpRequest("GET", u, {}, {{"Host", "[fd00::5]:8000"}});
    s = object(r).value(QLatin1String("server_info")).toObject();
    COMPARE_STRING(s, "url", "[fd00::5]");
    COMPARE_STRING(s, "port", "8000");
}

void tst_XtreamApi::serverInfoUsesTheConfiguredTimeZone()
{
    startServer({{QStringLiteral("xtream_timezone"), QStringLiteral("Asia/Kolkata")}});
    addUser({{"username", "u"}, {"password", "p"}});
    const QJsonObject s
            = object(httpGet(url(QStringLiteral("/player_api.php?username=u&password=p"))))
                      .value(QLatin1String("server_info"))
                      .toObject();
    COMPARE_STRING(s, "timezone", "Asia/Kolkata");
    const qint64 ts = qint64(s.value(QLatin1String("timestamp_now")).toDouble());
    // +05:30 all year: the local time is the UTC time plus 5h30.
    COMPARE_STRING(s, "time_now",
                   QDateTime::fromSecsSinceEpoch(ts + 5 * 3600 + 1800, Qt::UTC)
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

void tst_XtreamApi::unknownTimeZoneIsRefused()
{
    startServer();
    const auto error = m_server->updateSettings(
            {{QStringLiteral("xtream_timezone"), QStringLiteral("Mars/Olympus")}});
    QVERIFY(error);
    QVERIFY(error->startsWith(QLatin1String("xtream_timezone:")));
    QVERIFY(!m_server->updateSettings(
            {{QStringLiteral("xtream_timezone"), QStringLiteral("Europe/Rome")}}));
    QCOMPARE(m_server->settings().xtreamTimezone(), QStringLiteral("Europe/Rome"));
}

void tst_XtreamApi::wrongCredentialsGetAuthZero_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("wrong password") << "username=u&password=x";
    QTest::newRow("unknown user") << "username=nobody&password=p";
    QTest::newRow("case differs") << "username=U&password=p";
    QTest::newRow("no password") << "username=u";
    QTest::newRow("nothing") << "";
    QTest::newRow("with action") << "username=u&password=x&action=get_live_streams";
}

void tst_XtreamApi::wrongCredentialsGetAuthZero()
{
    QFETCH(QString, query);
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QJsonObject expected {{"user_info", QJsonObject {{"auth", 0}}}};
    HttpResult r = httpGet(url(QStringLiteral("/player_api.php?") + query));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().object(), expected);
    r = httpRequest("POST", url(QStringLiteral("/player_api.php")), query.toUtf8(),
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().object(), expected);
    r = httpGet(url(QStringLiteral("/panel_api.php?") + query));
    QCOMPARE(r.json().object(), expected);
}

void tst_XtreamApi::disabledAndExpiredAccountsGetTheirStatusAndNoData_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("status");
    QTest::newRow("disabled") << QJsonObject {{"enabled", false}} << "Disabled";
    QTest::newRow("expired") << QJsonObject {{"expires_at", "2023-11-14T22:13:20Z"}} << "Expired";
}

void tst_XtreamApi::disabledAndExpiredAccountsGetTheirStatusAndNoData()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, status);
    startServer();
    fields.insert(QStringLiteral("username"), QStringLiteral("u"));
    fields.insert(QStringLiteral("password"), QStringLiteral("p"));
    addUser(fields);
    for (const QString &action :
         {QString(), QStringLiteral("get_live_categories"), QStringLiteral("get_live_streams"),
          QStringLiteral("get_short_epg&stream_id=42")}) {
        const HttpResult r = httpGet(
                url(QStringLiteral("/player_api.php?username=u&password=p&action=") + action));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.json().isObject(), r.body.constData());
        const QJsonObject o = object(r);
        QCOMPARE(o.keys(), (QStringList {"server_info", "user_info"}));
        const QJsonObject u = o.value(QLatin1String("user_info")).toObject();
        COMPARE_NUMBER(u, "auth", 1);
        COMPARE_STRING(u, "status", status);
    }
    if (status == QLatin1String("Expired"))
        COMPARE_STRING(object(httpGet(url(QStringLiteral("/player_api.php?username=u&password=p"))))
                               .value(QLatin1String("user_info"))
                               .toObject(),
                       "exp_date", "1700000000");
    const QJsonObject panel
            = object(httpGet(url(QStringLiteral("/panel_api.php?username=u&password=p"))));
    QVERIFY(!panel.contains(QLatin1String("available_channels")));
    HttpResult r = httpGet(
            url(QStringLiteral("/get.php?username=u&password=p&type=m3u_plus&output=ts")));
    QCOMPARE(r.status, 403);
    QVERIFY(!r.body.contains("#EXTINF"));
    r = httpGet(url(QStringLiteral("/xmltv.php?username=u&password=p")));
    QCOMPARE(r.status, 403);
    QVERIFY(!r.body.contains("<programme"));
}

void tst_XtreamApi::postedFormBodyIsReadLikeAQuery()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p+x"}});
    const QList<QPair<QByteArray, QByteArray>> form {
            {"Content-Type", "application/x-www-form-urlencoded"}};
    HttpResult r = httpRequest("POST", url(QStringLiteral("/player_api.php")),
                               "username=u&password=p%2Bx&action=get_live_categories", form);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.json().isArray(), r.body.constData());
    QCOMPARE(r.json().array().size(), 3);
    // Credentials in the query, the action in the body.
    r = httpRequest("POST", url(QStringLiteral("/player_api.php?username=u&password=p%2Bx")),
                    "action=get_live_streams&category_id=2", form);
    QCOMPARE(r.json().array().size(), 1);
    QCOMPARE(r.json().array().at(0).toObject().value(QLatin1String("stream_id")), QJsonValue(43));
    // A '+' is a space in a form, as in PHP: an unencoded '+' is not the password's '+'.
    r = httpRequest("POST", url(QStringLiteral("/player_api.php")), "username=u&password=p+x",
                    form);
    QCOMPARE(r.json().object(), (QJsonObject {{"user_info", QJsonObject {{"auth", 0}}}}));
}

void tst_XtreamApi::liveCategoriesKeepTheirOrder()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult r = httpGet(url(
            QStringLiteral("/player_api.php?username=u&password=p&action=get_live_categories")));
    QCOMPARE(r.status, 200);
    const QJsonArray a = r.json().array();
    // News (order 1), Sport (order 2), then the channels without category; Empty has none.
    QCOMPARE(a.size(), 3);
    const QStringList ids {"2", "1", "0"};
    const QStringList names {"News", "Sport", "Uncategorized"};
    for (int i = 0; i < a.size(); ++i) {
        const QJsonObject c = a.at(i).toObject();
        COMPARE_STRING(c, "category_id", ids.at(i));
        COMPARE_STRING(c, "category_name", names.at(i));
        COMPARE_NUMBER(c, "parent_id", 0);
        QCOMPARE(c.size(), 3);
    }
}

void tst_XtreamApi::liveStreamsHaveTheExactTypes()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QJsonArray a
            = httpGet(url(QStringLiteral(
                              "/player_api.php?username=u&password=p&action=get_live_streams")))
                      .json()
                      .array();
    QJsonObject sky;
    for (const QJsonValue &v : a) {
        if (v.toObject().value(QLatin1String("stream_id")) == QJsonValue(42))
            sky = v.toObject();
    }
    QVERIFY(!sky.isEmpty());
    COMPARE_NUMBER(sky, "num", 10);
    COMPARE_STRING(sky, "name", "Sky Sport");
    COMPARE_STRING(sky, "stream_type", "live");
    COMPARE_NUMBER(sky, "stream_id", 42);
    COMPARE_STRING(sky, "stream_icon", "http://logos/sky.png");
    COMPARE_STRING(sky, "epg_channel_id", "sky.sport.it");
    COMPARE_STRING(sky, "added", "1731894803");
    COMPARE_STRING(sky, "category_id", "1");
    COMPARE_STRING(sky, "custom_sid", "");
    COMPARE_NUMBER(sky, "tv_archive", 0);
    COMPARE_STRING(sky, "direct_source", "");
    COMPARE_NUMBER(sky, "tv_archive_duration", 0);
    QCOMPARE(sky.value(QLatin1String("category_ids")).toArray(), QJsonArray {1});
    QCOMPARE(sky.size(), 13);
}

// What @iptv/xtream-api's standardized and JSON:API serializers read of a live channel, and the
// types they read it as: they map category_ids (a required number[]) and throw without it.
static void parseLikeTheSerializers(const QJsonObject &c)
{
    const QString id = c.value(QLatin1String("stream_id")).toVariant().toString();
    QVERIFY2(c.value(QLatin1String("stream_id")).isDouble(), qPrintable(id));
    QVERIFY2(c.value(QLatin1String("num")).isDouble(), qPrintable(id));
    QVERIFY2(c.value(QLatin1String("name")).isString(), qPrintable(id));
    QVERIFY2(c.value(QLatin1String("stream_icon")).isString(), qPrintable(id));
    QVERIFY2(c.value(QLatin1String("added")).isString(), qPrintable(id));
    QVERIFY2(c.value(QLatin1String("category_id")).isString(), qPrintable(id));
    const QJsonValue ids = c.value(QLatin1String("category_ids"));
    QVERIFY2(ids.isArray(), qPrintable(QStringLiteral("stream %1: no category_ids array").arg(id)));
    QVERIFY2(!ids.toArray().isEmpty(), qPrintable(id));
    for (const QJsonValue &v : ids.toArray())
        QVERIFY2(v.isDouble() && v.toDouble() == double(v.toInteger()), qPrintable(id));
    // The category the channel is listed under is among them.
    const qint64 category = c.value(QLatin1String("category_id")).toString().toLongLong();
    QVERIFY2(ids.toArray().contains(QJsonValue(category)), qPrintable(id));
}

void tst_XtreamApi::everyLiveChannelObjectParsesLikeTheXtreamApiSerializers()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QJsonArray streams
            = httpGet(url(QStringLiteral(
                              "/player_api.php?username=u&password=p&action=get_live_streams")))
                      .json()
                      .array();
    QVERIFY(!streams.isEmpty());
    for (const QJsonValue &v : streams) {
        parseLikeTheSerializers(v.toObject());
        if (QTest::currentTestFailed())
            return;
    }
    const QJsonArray sport = httpGet(url(QStringLiteral("/player_api.php?username=u&password=p"
                                                        "&action=get_live_streams&category_id=1")))
                                     .json()
                                     .array();
    QVERIFY(!sport.isEmpty());
    for (const QJsonValue &v : sport)
        QCOMPARE(v.toObject().value(QLatin1String("category_ids")).toArray(), QJsonArray {1});
    const QJsonObject panel = httpGet(url(QStringLiteral("/panel_api.php?username=u&password=p")))
                                      .json()
                                      .object()
                                      .value(QLatin1String("available_channels"))
                                      .toObject();
    QVERIFY(!panel.isEmpty());
    for (const QJsonValue &v : panel) {
        parseLikeTheSerializers(v.toObject());
        if (QTest::currentTestFailed())
            return;
    }
}

void tst_XtreamApi::liveStreamsUseEffectiveValuesAndSkipHiddenAndInactive()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QJsonArray a
            = httpGet(url(QStringLiteral(
                              "/player_api.php?username=u&password=p&action=get_live_streams")))
                      .json()
                      .array();
    QList<int> ids;
    for (const QJsonValue &v : a)
        ids << v.toObject().value(QLatin1String("stream_id")).toInt();
    // Category order (News, Sport, none), then number: hidden 45 and inactive 46 are absent.
    QCOMPARE(ids, (QList<int> {43, 42, 47, 44}));
    const QJsonObject rai = a.at(0).toObject();
    COMPARE_STRING(rai, "name", "Rai News 24");
    COMPARE_NUMBER(rai, "num", 7);
    COMPARE_STRING(rai, "category_id", "2");
    COMPARE_STRING(rai, "stream_icon", "http://logos/rai24.png");
    COMPARE_STRING(rai, "epg_channel_id", "rai.news24");
    const QJsonObject local = a.at(3).toObject();
    COMPARE_NUMBER(local, "num", 44); // no number: its id, stable across refreshes
    COMPARE_STRING(local, "category_id", "0");
    QVERIFY(local.value(QLatin1String("epg_channel_id")).isNull());
    COMPARE_STRING(local, "stream_icon", "");
}

void tst_XtreamApi::liveStreamsFilterByCategory()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    auto ids = [this](const QString &category) {
        QList<int> out;
        const QJsonArray a = httpGet(url(QStringLiteral("/player_api.php?username=u&password=p"
                                                        "&action=get_live_streams&category_id=")
                                         + category))
                                     .json()
                                     .array();
        for (const QJsonValue &v : a)
            out << v.toObject().value(QLatin1String("stream_id")).toInt();
        return out;
    };
    QCOMPARE(ids(QStringLiteral("1")), (QList<int> {42, 47}));
    QCOMPARE(ids(QStringLiteral("2")), (QList<int> {43}));
    QCOMPARE(ids(QStringLiteral("0")), (QList<int> {44}));
    QCOMPARE(ids(QStringLiteral("3")), QList<int>());
    QCOMPARE(ids(QStringLiteral("abc")), QList<int>());
}

void tst_XtreamApi::matchedGuideIdIsUsedWhereTheCatalogRecordsOne()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    QSqlQuery q(m_server->database()->connection());
    QVERIFY(q.exec(
            QStringLiteral("SELECT 1 FROM pragma_table_info('channels') WHERE name = 'guide_id'")));
    if (!q.next())
        exec(QStringLiteral("ALTER TABLE channels ADD COLUMN guide_id TEXT"));
    // The matcher's id fills in for a channel without one; the user's own id still wins.
    exec(QStringLiteral("UPDATE channels SET guide_id = 'local.tv' WHERE id = 44"));
    exec(QStringLiteral("UPDATE channels SET guide_id = 'matched.rai' WHERE id = 43"));
    const QJsonArray a
            = httpGet(url(QStringLiteral(
                              "/player_api.php?username=u&password=p&action=get_live_streams")))
                      .json()
                      .array();
    QCOMPARE(a.at(0).toObject().value(QLatin1String("epg_channel_id")).toString(),
             QStringLiteral("rai.news24"));
    QCOMPARE(a.at(3).toObject().value(QLatin1String("epg_channel_id")).toString(),
             QStringLiteral("local.tv"));
}

void tst_XtreamApi::vodAndSeriesAreEmpty_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("vod categories") << "get_vod_categories";
    QTest::newRow("vod streams") << "get_vod_streams";
    QTest::newRow("series categories") << "get_series_categories";
    QTest::newRow("series") << "get_series";
}

void tst_XtreamApi::vodAndSeriesAreEmpty()
{
    QFETCH(QString, action);
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult r = httpGet(
            url(QStringLiteral("/player_api.php?username=u&password=p&action=") + action));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("[]"));
}

void tst_XtreamApi::shortEpgIsBase64WithLocalTimes()
{
    startServer({{QStringLiteral("xtream_timezone"), QStringLiteral("Asia/Kolkata")}});
    addUser({{"username", "u"}, {"password", "p"}});
    HttpResult r = httpGet(url(QStringLiteral(
            "/player_api.php?username=u&password=p&action=get_short_epg&stream_id=42")));
    QCOMPARE(r.status, 200);
    QJsonArray l = object(r).value(QLatin1String("epg_listings")).toArray();
    QCOMPARE(l.size(), 4); // the default limit, from what is on now
    const QJsonObject now = l.at(0).toObject();
    COMPARE_STRING(now, "title",
                   QString::fromLatin1(QStringLiteral("Now: Calcio").toUtf8().toBase64()));
    COMPARE_STRING(now, "description",
                   QString::fromLatin1(QStringLiteral("Serie A & più").toUtf8().toBase64()));
    COMPARE_STRING(now, "lang", "it");
    COMPARE_STRING(now, "channel_id", "sky.sport.it");
    const qint64 start = now.value(QLatin1String("start_timestamp")).toString().toLongLong();
    COMPARE_STRING(now, "start_timestamp", QString::number(m_now - m_now % 3600));
    COMPARE_STRING(now, "stop_timestamp", QString::number(m_now - m_now % 3600 + 3600));
    const auto local = [](qint64 t) {
        return QDateTime::fromSecsSinceEpoch(t + 5 * 3600 + 1800, Qt::UTC)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    COMPARE_STRING(now, "start", local(start));
    COMPARE_STRING(now, "end", local(start + 3600));
    QVERIFY(now.value(QLatin1String("id")).isString());
    QVERIFY(now.value(QLatin1String("epg_id")).isString());
    QVERIFY(!now.contains(QLatin1String("now_playing")));
    COMPARE_STRING(l.at(1).toObject(), "title",
                   QString::fromLatin1(QByteArray("Next <1>").toBase64()));
    COMPARE_STRING(l.at(1).toObject(), "description", "");

    r = httpGet(url(QStringLiteral(
            "/player_api.php?username=u&password=p&action=get_short_epg&stream_id=42&limit=2")));
    QCOMPARE(object(r).value(QLatin1String("epg_listings")).toArray().size(), 2);
    // A channel without a guide, an unknown one, a hidden one: an empty list.
    for (const QString &id :
         {QStringLiteral("44"), QStringLiteral("999"), QStringLiteral("45"), QStringLiteral("x")}) {
        r = httpGet(
                url(QStringLiteral(
                            "/player_api.php?username=u&password=p&action=get_short_epg&stream_id=")
                    + id));
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r), (QJsonObject {{"epg_listings", QJsonArray()}}));
    }
}

void tst_XtreamApi::simpleDataTableMarksWhatIsOnNow()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QJsonArray l
            = object(httpGet(url(QStringLiteral("/player_api.php?username=u&password=p&action=get_"
                                                "simple_data_table&stream_id=42"))))
                      .value(QLatin1String("epg_listings"))
                      .toArray();
    QCOMPARE(l.size(), 5); // the programme of two days ago is out
    QList<int> playing;
    for (const QJsonValue &v : l) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(QLatin1String("now_playing")).isDouble());
        COMPARE_NUMBER(o, "has_archive", 0);
        playing << o.value(QLatin1String("now_playing")).toInt();
    }
    QCOMPARE(playing, (QList<int> {1, 0, 0, 0, 0}));
}

void tst_XtreamApi::allowedCategoriesLimitWhatAUserSees()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}, {"categories", QJsonArray {2}}});
    const QString q = QStringLiteral("username=u&password=p");
    QJsonArray a
            = httpGet(url(QStringLiteral("/player_api.php?%1&action=get_live_categories").arg(q)))
                      .json()
                      .array();
    QCOMPARE(a.size(), 1);
    COMPARE_STRING(a.at(0).toObject(), "category_id", "2");
    a = httpGet(url(QStringLiteral("/player_api.php?%1&action=get_live_streams").arg(q)))
                .json()
                .array();
    QCOMPARE(a.size(), 1);
    COMPARE_NUMBER(a.at(0).toObject(), "stream_id", 43);
    a = httpGet(url(QStringLiteral("/player_api.php?%1&action=get_live_streams&category_id=1")
                            .arg(q)))
                .json()
                .array();
    QCOMPARE(a.size(), 0);
    const QJsonObject epg = object(httpGet(
            url(QStringLiteral("/player_api.php?%1&action=get_short_epg&stream_id=42").arg(q))));
    QCOMPARE(epg.value(QLatin1String("epg_listings")).toArray().size(), 0);
    const QByteArray m3u
            = httpGet(url(QStringLiteral("/get.php?%1&type=m3u_plus&output=ts").arg(q))).body;
    QCOMPARE(m3u.count("#EXTINF"), 1);
    QVERIFY(m3u.contains("/43.ts"));
    const QByteArray xml = httpGet(url(QStringLiteral("/xmltv.php?%1").arg(q))).body;
    QVERIFY(xml.contains("rai.news24"));
    QVERIFY(!xml.contains("sky.sport.it"));
}

void tst_XtreamApi::m3uPlusParsesBackWithQuotedAttributes()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p&q"}});
    const HttpResult r = httpRequest(
            "GET",
            url(QStringLiteral("/get.php?username=u&password=p%26q&type=m3u_plus&output=ts")), {},
            {{"Host", "192.168.1.10:6880"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("audio/x-mpegurl"));
    const QStringList lines
            = QString::fromUtf8(r.body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QString guide
            = QStringLiteral("http://192.168.1.10:6880/xmltv.php?username=u&password=p%26q");
    QCOMPARE(lines.at(0), QStringLiteral("#EXTM3U x-tvg-url=\"%1\" url-tvg=\"%1\"").arg(guide));
    // Every attribute is name="value", separated by single spaces; the name follows the comma.
    static const QRegularExpression extinf(
            QStringLiteral("^#EXTINF:-1((?: [a-z-]+=\"[^\"]*\")+),(.*)$"));
    static const QRegularExpression attr(QStringLiteral(" ([a-z-]+)=\"([^\"]*)\""));
    QCOMPARE(lines.size(), 1 + 2 * 4);
    QList<QHash<QString, QString>> entries;
    QStringList names, urls;
    for (int i = 1; i < lines.size(); i += 2) {
        const auto m = extinf.match(lines.at(i));
        QVERIFY2(m.hasMatch(), qPrintable(lines.at(i)));
        QHash<QString, QString> attrs;
        auto it = attr.globalMatch(m.captured(1));
        while (it.hasNext()) {
            const auto a = it.next();
            attrs.insert(a.captured(1), a.captured(2));
        }
        QCOMPARE(attrs.keys().size(), 5);
        entries << attrs;
        names << m.captured(2);
        urls << lines.at(i + 1);
    }
    QCOMPARE(names, (QStringList {"Rai News 24", "Sky Sport", "Say \"Hi\"", "Local TV"}));
    QCOMPARE(entries.at(1).value("tvg-id"), QStringLiteral("sky.sport.it"));
    QCOMPARE(entries.at(1).value("tvg-name"), QStringLiteral("Sky Sport"));
    QCOMPARE(entries.at(1).value("tvg-logo"), QStringLiteral("http://logos/sky.png"));
    QCOMPARE(entries.at(1).value("tvg-chno"), QStringLiteral("10"));
    QCOMPARE(entries.at(1).value("group-title"), QStringLiteral("Sport"));
    QCOMPARE(entries.at(0).value("tvg-chno"), QStringLiteral("7"));
    QCOMPARE(entries.at(0).value("group-title"), QStringLiteral("News"));
    QCOMPARE(entries.at(2).value("tvg-name"), QStringLiteral("Say 'Hi'"));
    QCOMPARE(entries.at(3).value("tvg-id"), QString());
    QCOMPARE(entries.at(3).value("group-title"), QStringLiteral("Uncategorized"));
    QCOMPARE(urls, (QStringList {"http://192.168.1.10:6880/live/u/p%26q/43.ts",
                                 "http://192.168.1.10:6880/live/u/p%26q/42.ts",
                                 "http://192.168.1.10:6880/live/u/p%26q/47.ts",
                                 "http://192.168.1.10:6880/live/u/p%26q/44.ts"}));
    // The tvg-id of each entry is the epg_channel_id of the same stream in player_api.php.
    const QJsonArray streams
            = httpGet(url(QStringLiteral(
                              "/player_api.php?username=u&password=p%26q&action=get_live_streams")))
                      .json()
                      .array();
    for (int i = 0; i < streams.size(); ++i) {
        const QJsonValue epg = streams.at(i).toObject().value(QLatin1String("epg_channel_id"));
        QCOMPARE(entries.at(i).value("tvg-id"), epg.isNull() ? QString() : epg.toString());
    }
}

void tst_XtreamApi::plainM3uListsNamesOnly()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult r
            = httpGet(url(QStringLiteral("/get.php?username=u&password=p&type=m3u&output=ts")));
    QCOMPARE(r.status, 200);
    const QStringList lines
            = QString::fromUtf8(r.body).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.at(0), QStringLiteral("#EXTM3U"));
    QCOMPARE(lines.at(1), QStringLiteral("#EXTINF:-1,Rai News 24"));
    QCOMPARE(lines.at(2), url(QStringLiteral("/live/u/p/43.ts")).toString());
    QCOMPARE(httpGet(url(QStringLiteral("/get.php?username=u&password=p&type=xspf"))).status, 400);
}

void tst_XtreamApi::playlistAnswersPostAndHead()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult get = httpGet(
            url(QStringLiteral("/get.php?username=u&password=p&type=m3u_plus&output=ts")));
    const HttpResult post = httpRequest("POST", url(QStringLiteral("/get.php")),
                                        "username=u&password=p&type=m3u_plus&output=ts",
                                        {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(post.status, 200);
    QCOMPARE(post.body, get.body);
    const HttpResult head = httpRequest(
            "HEAD", url(QStringLiteral("/get.php?username=u&password=p&type=m3u_plus")));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length").toInt(), get.body.size());
}

void tst_XtreamApi::playlistWithWrongCredentialsIsAnEmpty404()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    HttpResult r = httpGet(
            url(QStringLiteral("/get.php?username=u&password=wrong&type=m3u_plus&output=ts")));
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());
    r = httpRequest("POST", url(QStringLiteral("/get.php")), "username=x&password=p",
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());
}

void tst_XtreamApi::xmltvIsWellFormedWithItsTimes()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult r = httpGet(url(QStringLiteral("/xmltv.php?username=u&password=p")));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/xml"));
    QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
    QXmlStreamReader xml(r.body);
    static const QRegularExpression timeRe(QStringLiteral("^\\d{14} \\+0000$"));
    QStringList channels;
    QHash<QString, QString> icons;
    QList<QPair<QString, QString>> programmes; // channel, title
    QString firstStart, firstStop, firstDesc, firstCategory;
    QString element;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto a = xml.attributes();
            if (xml.name() == QLatin1String("channel")) {
                channels << a.value(QLatin1String("id")).toString();
            } else if (xml.name() == QLatin1String("icon")) {
                icons.insert(channels.constLast(), a.value(QLatin1String("src")).toString());
            } else if (xml.name() == QLatin1String("programme")) {
                const QString start = a.value(QLatin1String("start")).toString();
                const QString stop = a.value(QLatin1String("stop")).toString();
                QVERIFY2(timeRe.match(start).hasMatch(), qPrintable(start));
                QVERIFY2(timeRe.match(stop).hasMatch(), qPrintable(stop));
                if (firstStart.isEmpty()) {
                    firstStart = start;
                    firstStop = stop;
                }
                programmes.append({a.value(QLatin1String("channel")).toString(), QString()});
            } else if (xml.name() == QLatin1String("title")) {
                programmes.last().second = xml.readElementText();
            } else if (xml.name() == QLatin1String("desc") && firstDesc.isEmpty()) {
                firstDesc = xml.readElementText();
            } else if (xml.name() == QLatin1String("category") && firstCategory.isEmpty()) {
                firstCategory = xml.readElementText();
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // Channels with a guide id, in the playlist's order; the same ids as the M3U's tvg-id.
    QCOMPARE(channels, (QStringList {"rai.news24", "sky.sport.it"}));
    QCOMPARE(icons.value("sky.sport.it"), QStringLiteral("http://logos/sky.png"));
    QCOMPARE(programmes.size(), 6);
    QCOMPARE(programmes.at(0), qMakePair(QStringLiteral("rai.news24"), QStringLiteral("TG")));
    QCOMPARE(programmes.at(1),
             qMakePair(QStringLiteral("sky.sport.it"), QStringLiteral("Now: Calcio")));
    QCOMPARE(programmes.at(2).second, QStringLiteral("Next <1>"));
    const qint64 base = m_now - m_now % 3600;
    QCOMPARE(firstStart,
             QDateTime::fromSecsSinceEpoch(base, Qt::UTC).toString(QStringLiteral("yyyyMMddHHmmss"))
                     + QStringLiteral(" +0000"));
    QCOMPARE(firstStop, QDateTime::fromSecsSinceEpoch(base + 3600, Qt::UTC)
                                        .toString(QStringLiteral("yyyyMMddHHmmss"))
                                + QStringLiteral(" +0000"));
    QCOMPARE(firstDesc, QStringLiteral("news"));
    QCOMPARE(firstCategory, QStringLiteral("Sport"));

    const HttpResult head
            = httpRequest("HEAD", url(QStringLiteral("/xmltv.php?username=u&password=p")));
    QCOMPARE(head.status, 200);
    QVERIFY(head.header("Content-Type").startsWith("application/xml"));
    // The guide is built after the handler returned and written whole; the connection stays
    // open for the player's next request.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.write("GET /xmltv.php?username=u&password=p HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray guideHead = "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    QTRY_VERIFY_WITH_TIMEOUT(received.endsWith(r.body), 10000);
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(received.contains(guideHead));
    QVERIFY(!received.contains("Connection: close\r\n"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void tst_XtreamApi::xmltvWithWrongCredentialsIsAnEmpty404()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult r = httpGet(url(QStringLiteral("/xmltv.php?username=u&password=nope")));
    QCOMPARE(r.status, 404);
    QVERIFY(r.body.isEmpty());
}

void tst_XtreamApi::largeGuideDoesNotStallTheServer()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    // 300 channels with 300 programmes each: a guide of tens of MB, built off the server thread.
    QSqlDatabase db = m_server->database()->connection();
    QVERIFY(db.transaction());
    QSqlQuery ch(db), pr(db);
    ch.prepare(QStringLiteral("INSERT INTO channels (kind, url, name, number, category_id, epg_id,"
                              " added_at, updated_at) VALUES ('direct', ?, ?, ?, 1, ?, 0, 0)"));
    pr.prepare(QStringLiteral("INSERT INTO epg_programmes (source_id, epg_id, start, stop, title,"
                              " description) VALUES (1, ?, ?, ?, ?, ?)"));
    const QString description(400, QLatin1Char('d'));
    for (int c = 0; c < 300; ++c) {
        const QString epg = QStringLiteral("big%1.tv").arg(c);
        ch.addBindValue(QStringLiteral("http://example.invalid/%1.ts").arg(c));
        ch.addBindValue(QStringLiteral("Big %1").arg(c));
        ch.addBindValue(1000 + c);
        ch.addBindValue(epg);
        QVERIFY(ch.exec());
        for (int p = 0; p < 300; ++p) {
            pr.addBindValue(epg);
            pr.addBindValue(m_now + p * 1800);
            pr.addBindValue(m_now + (p + 1) * 1800);
            pr.addBindValue(QStringLiteral("Programme %1").arg(p));
            pr.addBindValue(description);
            QVERIFY(pr.exec());
        }
    }
    QVERIFY(db.commit());

    QNetworkAccessManager nam;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *guide
            = nam.get(QNetworkRequest(url(QStringLiteral("/xmltv.php?username=u&password=p"))));
    qint64 guideDoneMs = -1;
    connect(guide, &QNetworkReply::finished, this, [&] { guideDoneMs = clock.elapsed(); });
    // While the guide is being built, the API keeps answering.
    QList<qint64> apiMs;
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(20);
        QNetworkReply *api = nam.get(
                QNetworkRequest(url(QStringLiteral("/player_api.php?username=u&password=p"))));
        QSignalSpy done(api, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(api->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        apiMs << clock.elapsed();
        api->deleteLater();
    }
    QTRY_VERIFY_WITH_TIMEOUT(guideDoneMs >= 0, 300000); // ASan on a loaded machine: over 60 s
    fprintf(stderr, "guide: %lld bytes after %lld ms; API answered at %lld, %lld, %lld ms\n",
            qint64(guide->size()), guideDoneMs, apiMs.at(0), apiMs.at(1), apiMs.at(2));
    QCOMPARE(guide->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(apiMs.constLast() < guideDoneMs);
    const QByteArray body = guide->readAll();
    QCOMPARE(body.count("<programme "), 300 * 300 + 6);
    QXmlStreamReader xml(body);
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY(!xml.hasError());
    delete guide;
}

void tst_XtreamApi::panelApiListsAccountAndChannels()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult r = httpGet(url(QStringLiteral("/panel_api.php?username=u&password=p")));
    QCOMPARE(r.status, 200);
    const QJsonObject o = object(r);
    QCOMPARE(o.keys(),
             (QStringList {"available_channels", "categories", "server_info", "user_info"}));
    COMPARE_NUMBER(o.value(QLatin1String("user_info")).toObject(), "auth", 1);
    const QJsonObject categories = o.value(QLatin1String("categories")).toObject();
    QCOMPARE(categories.value(QLatin1String("live")).toArray().size(), 3);
    QCOMPARE(categories.value(QLatin1String("movie")).toArray(), QJsonArray());
    const QJsonObject channels = o.value(QLatin1String("available_channels")).toObject();
    QCOMPARE(channels.keys(), (QStringList {"42", "43", "44", "47"}));
    const QJsonObject sky = channels.value(QLatin1String("42")).toObject();
    COMPARE_NUMBER(sky, "stream_id", 42);
    COMPARE_STRING(sky, "category_id", "1");
    COMPARE_STRING(sky, "category_name", "Sport");
    COMPARE_NUMBER(sky, "num", 10);
}

void tst_XtreamApi::headIsAnsweredOnPlayerApi()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const HttpResult get = httpGet(
            url(QStringLiteral("/player_api.php?username=u&password=p&action=get_live_streams")));
    const HttpResult head = httpRequest(
            "HEAD",
            url(QStringLiteral("/player_api.php?username=u&password=p&action=get_live_streams")));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length").toInt(), get.body.size());
}

void tst_XtreamApi::seedManyChannels(int n)
{
    QSqlDatabase db = m_server->database()->connection();
    QVERIFY(db.transaction());
    QSqlQuery ch(db);
    ch.prepare(QStringLiteral("INSERT INTO channels (id, kind, url, name, number, category_id,"
                              " epg_id, added_at, updated_at) VALUES (?, 'direct', ?, ?, ?, 1,"
                              " ?, 0, 0)"));
    for (int c = 0; c < n; ++c) {
        ch.addBindValue(1000 + c);
        ch.addBindValue(QStringLiteral("http://example.invalid/%1.ts").arg(c));
        ch.addBindValue(QStringLiteral("Many %1").arg(c));
        ch.addBindValue(1000 + c);
        ch.addBindValue(QStringLiteral("many%1.tv").arg(c));
        QVERIFY(ch.exec());
    }
    QVERIFY(db.commit());
}

namespace {

// Asks /api/health over and over from its own thread, each on a new connection, and keeps the
// slowest answer: how long the server thread was busy with something else.
class HealthProber final
{
public:
    explicit HealthProber(quint16 port)
        : m_thread([this, port] {
              while (!m_stop.load()) {
                  QElapsedTimer clock;
                  clock.start();
                  const bool countingAtStart = m_counting.load();
                  QTcpSocket socket;
                  socket.connectToHost(QHostAddress::LocalHost, port);
                  if (!socket.waitForConnected(10000))
                      continue;
                  socket.write("GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
                  QByteArray answer;
                  while (!answerComplete(answer) && socket.waitForReadyRead(10000))
                      answer += socket.readAll();
                  const qint64 ms = clock.elapsed();
                  if (answer.startsWith("HTTP/1.1 200")) {
                      m_answers.fetch_add(1);
                      if (countingAtStart && m_counting.load())
                          m_counted.fetch_add(1);
                      if (ms > m_slowestMs.load())
                          m_slowestMs.store(ms);
                  }
                  QThread::msleep(10);
              }
          })
    { }
    ~HealthProber() { stop(); }
    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }
    int answers() const { return m_answers.load(); }
    // Counts the answers asked for and received while counting is on.
    void setCounting(bool on) { m_counting.store(on); }
    int counted() const { return m_counted.load(); }
    qint64 slowestMs() const { return m_slowestMs.load(); }

private:
    static bool answerComplete(const QByteArray &answer)
    {
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
        const auto m = length.match(QString::fromLatin1(answer.left(end)));
        return m.hasMatch() && answer.size() >= end + 4 + m.captured(1).toLongLong();
    }

    std::atomic<bool> m_stop {false};
    std::atomic<int> m_answers {0};
    std::atomic<qint64> m_slowestMs {0};
    std::atomic<bool> m_counting {false};
    std::atomic<int> m_counted {0};
    std::thread m_thread;
};

} // namespace

void tst_XtreamApi::largeListsDoNotStallTheServer()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const int many = 50000;
    seedManyChannels(many);

    HealthProber prober(m_server->port());
    QTRY_VERIFY_WITH_TIMEOUT(prober.answers() > 0, 10000);
    QNetworkAccessManager nam;
    const QStringList paths {
            QStringLiteral("/get.php?username=u&password=p&type=m3u_plus"),
            QStringLiteral("/player_api.php?username=u&password=p&action=get_live_streams"),
            QStringLiteral("/player_api.php?username=u&password=p&action=get_live_categories"),
            QStringLiteral("/panel_api.php?username=u&password=p"),
    };
    QList<QNetworkReply *> replies;
    for (const QString &path : paths)
        replies << nam.get(QNetworkRequest(url(path)));
    // Health answers asked for and received before the first list is done: the server thread
    // answers while the lists are being built (built on it, they would hold every answer back).
    prober.setCounting(true);
    for (QNetworkReply *reply : std::as_const(replies))
        connect(reply, &QNetworkReply::finished, this, [&prober] { prober.setCounting(false); });
    for (QNetworkReply *reply : std::as_const(replies))
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 300000);
    const int probesDuring = prober.answers();
    prober.stop();
    fprintf(stderr, "health: %d answers, slowest %lld ms\n", probesDuring, prober.slowestMs());

    for (QNetworkReply *reply : std::as_const(replies))
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    // The four visible seeded channels and the many.
    const QByteArray m3u = replies.at(0)->readAll();
    QCOMPARE(m3u.count("#EXTINF:"), many + 4);
    const QJsonArray streams = QJsonDocument::fromJson(replies.at(1)->readAll()).array();
    QCOMPARE(streams.size(), many + 4);
    COMPARE_STRING(streams.at(0).toObject(), "name", "Rai News 24");
    const QJsonArray categories = QJsonDocument::fromJson(replies.at(2)->readAll()).array();
    QCOMPARE(categories.size(), 3);
    const QJsonObject panel = QJsonDocument::fromJson(replies.at(3)->readAll()).object();
    QCOMPARE(panel.value(QLatin1String("available_channels")).toObject().size(), many + 4);
    COMPARE_NUMBER(panel.value(QLatin1String("user_info")).toObject(), "auth", 1);
    qDeleteAll(replies);

    // The server thread stayed free to answer others while the lists were built.
    QVERIFY2(prober.counted() >= 3,
             qPrintable(QStringLiteral("%1 health answers while the lists were built")
                                .arg(prober.counted())));
}

void tst_XtreamApi::lateAnswerIsNotOvertakenByAPipelinedRequest()
{
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    seedManyChannels(50000); // a guide that takes a while to build

    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /xmltv.php?username=u&password=p HTTP/1.1\r\nHost: t\r\n\r\n");
    // The server reads the first request and starts building; then the second comes in.
    QTest::qWait(100);
    socket.write("GET /player_api.php?username=u&password=p HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("</tv>")
                                     || socket.state() == QAbstractSocket::UnconnectedState,
                             300000);
    // The guide comes first, whole; whatever follows it (nothing, or the account) comes after.
    QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.left(200).constData());
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = received.left(headEnd).toLower();
    QVERIFY2(head.contains("content-type: application/xml"), head.constData());
    QVERIFY(received.indexOf("<?xml") == headEnd + 4 || received.indexOf("<tv") > headEnd);
    QVERIFY(!received.left(received.indexOf("</tv>")).contains("\"user_info\""));
}

void tst_XtreamApi::largeFormBodyIsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("player_api") << QStringLiteral("/player_api.php");
    QTest::newRow("get") << QStringLiteral("/get.php");
    QTest::newRow("panel_api") << QStringLiteral("/panel_api.php");
    QTest::newRow("xmltv") << QStringLiteral("/xmltv.php");
}

void tst_XtreamApi::largeFormBodyIsRefused()
{
    QFETCH(QString, path);
    startServer();
    addUser({{"username", "u"}, {"password", "p"}});
    const QList<QPair<QByteArray, QByteArray>> form {
            {"Content-Type", "application/x-www-form-urlencoded"}};
    // A padded form over 64 KiB is refused before it is parsed...
    const QByteArray large = "username=u&password=p&pad=" + QByteArray(65 * 1024, 'x');
    const HttpResult refused = httpRequest("POST", url(path), large, form);
    QCOMPARE(refused.status, 413);
    QVERIFY2(object(refused).value(QLatin1String("error")).toString().startsWith("body:"),
             refused.body.constData());
    // ...one just under it is read.
    const QByteArray fits = "username=u&password=p&pad=" + QByteArray(60 * 1024, 'x');
    QCOMPARE(httpRequest("POST", url(path), fits, form).status, 200);
}

QTEST_GUILESS_MAIN(tst_XtreamApi)
#include "tst_xtreamapi.moc"
