#include "http/api/connectroutes.h"
#include "httpclient.h"
#include "testserver.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

// GET /api/connect: the addresses a TV can use and a user's links.
class tst_ConnectRoutes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addressesAreNeverLoopbackAndIPv4ComesFirst();
    void loopbackBindGivesNoAddressAndTheRequestsHost();
    void userLinksCarryTheCredentials();
    void unknownUserIs404AndUnknownParameterIs400();

private:
    std::unique_ptr<TestServer> m_server;
};

void tst_ConnectRoutes::init()
{
    m_server = std::make_unique<TestServer>();
}

void tst_ConnectRoutes::cleanup()
{
    m_server.reset();
}

void tst_ConnectRoutes::addressesAreNeverLoopbackAndIPv4ComesFirst()
{
    const QStringList any = ConnectRoutes::reachableAddresses(QHostAddress(QStringLiteral("::")));
    bool seenV6 = false;
    for (const QString &a : any) {
        const QHostAddress ip(a);
        QVERIFY2(!ip.isNull() && !ip.isLoopback() && !ip.isLinkLocal(), qPrintable(a));
        if (ip.protocol() == QAbstractSocket::IPv6Protocol)
            seenV6 = true;
        else
            QVERIFY2(!seenV6, "an IPv4 address after an IPv6 one");
    }
    // 0.0.0.0 listens on IPv4 only.
    for (const QString &a :
         ConnectRoutes::reachableAddresses(QHostAddress(QStringLiteral("0.0.0.0"))))
        QCOMPARE(QHostAddress(a).protocol(), QAbstractSocket::IPv4Protocol);
}

void tst_ConnectRoutes::loopbackBindGivesNoAddressAndTheRequestsHost()
{
    QVERIFY(m_server->start()); // bound to 127.0.0.1
    const HttpResult r = m_server->api("GET", QStringLiteral("/api/connect"));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QLatin1String("port")).toInt(), int(m_server->url({}).port()));
    QCOMPARE(o.value(QLatin1String("addresses")).toArray().size(), 0);
    QCOMPARE(o.value(QLatin1String("server")).toString(),
             QStringLiteral("http://127.0.0.1:%1").arg(m_server->url({}).port()));
    QVERIFY(!o.contains(QLatin1String("user")));
}

void tst_ConnectRoutes::userLinksCarryTheCredentials()
{
    QVERIFY(m_server->start());
    const HttpResult created = m_server->api(
            "POST", QStringLiteral("/api/users"),
            QJsonObject {{QStringLiteral("username"), QStringLiteral("tv")},
                         {QStringLiteral("password"), QStringLiteral("p&ss=w0rd")}});
    QCOMPARE(created.status, 201);
    const int id = created.json().object().value(QLatin1String("id")).toInt();
    const HttpResult r = m_server->api("GET", QStringLiteral("/api/connect?user_id=%1").arg(id));
    QCOMPARE(r.status, 200);
    const QJsonObject user = r.json().object().value(QLatin1String("user")).toObject();
    QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("tv"));
    QCOMPARE(user.value(QLatin1String("password")).toString(), QStringLiteral("p&ss=w0rd"));
    const QString server = r.json().object().value(QLatin1String("server")).toString();
    QCOMPARE(user.value(QLatin1String("server")).toString(), server);
    const QUrl m3u(user.value(QLatin1String("m3u")).toString());
    QCOMPARE(m3u.path(), QStringLiteral("/get.php"));
    const QUrlQuery q(m3u);
    QCOMPARE(q.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded),
             QStringLiteral("p&ss=w0rd"));
    QCOMPARE(q.queryItemValue(QStringLiteral("type")), QStringLiteral("m3u_plus"));
    // The link works as a player would use it.
    QCOMPARE(httpGet(m3u).status, 200);
    const QUrl xmltv(user.value(QLatin1String("xmltv")).toString());
    QCOMPARE(xmltv.path(), QStringLiteral("/xmltv.php"));
    QCOMPARE(httpGet(xmltv).status, 200);
}

void tst_ConnectRoutes::unknownUserIs404AndUnknownParameterIs400()
{
    QVERIFY(m_server->start());
    QCOMPARE(m_server->api("GET", QStringLiteral("/api/connect?user_id=4242")).status, 404);
    QCOMPARE(m_server->api("GET", QStringLiteral("/api/connect?user_id=abc")).status, 400);
    QCOMPARE(m_server->api("GET", QStringLiteral("/api/connect?host=x")).status, 400);
    QCOMPARE(httpGet(m_server->url(QStringLiteral("/api/connect"))).status, 401);
}

QTEST_GUILESS_MAIN(tst_ConnectRoutes)
#include "tst_connectroutes.moc"
