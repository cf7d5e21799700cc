#include "httpclient.h"
#include "server.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Browser-safe admin authentication: the session cookie, the CSRF rule, no Basic prompt for
// browsers, logout, /api/session, sessions ended by a password change, the desktop panel's
// local token.
class tst_AdminAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginSetsASessionCookieThatWorksOnChannels();
    void cookiePostWithoutRequestedWithOrWithAForeignOriginIsRefusedAndChangesNothing();
    void cookiePostWithRequestedWithOrOurOriginIsAccepted();
    void basicChallengeOnlyForBasicClients();
    void sessionSaysHowTheClientSignedIn();
    void logoutThenTheOldCookieIs401();
    void passwordChangeEndsAnotherSessionButNotTheCallers();
    void localAdminTokenIsAcceptedAsBearer();
    void healthIsAnsweredWhileBasicPasswordsAreVerified();
    void requestPipelinedBehindABasicCheckIsAnsweredAfterIt();

private:
    QUrl url(const QString &path) const { return m_server->url(path); }
    // Logs in and returns the acehub_session cookie's value ("" when none was set).
    QByteArray loginCookie(QByteArray *setCookie = nullptr);
    int categoryCount();

    std::unique_ptr<TestServer> m_server;
};

void tst_AdminAuth::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->setLocalAdminToken(QStringLiteral("the-local-panel-token"));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void tst_AdminAuth::cleanup()
{
    m_server.reset();
}

QByteArray tst_AdminAuth::loginCookie(QByteArray *setCookie)
{
    const HttpResult login = httpRequest(
            "POST", url(QStringLiteral("/api/login")),
            QJsonDocument(QJsonObject {{QStringLiteral("password"), m_server->adminPassword()}})
                    .toJson(),
            {{"Content-Type", "application/json"}});
    if (login.status != 200)
        return {};
    const QByteArray header = login.header("Set-Cookie");
    if (setCookie)
        *setCookie = header;
    const QByteArray first = header.split(';').value(0).trimmed();
    if (!first.startsWith("acehub_session="))
        return {};
    return first.mid(int(qstrlen("acehub_session=")));
}

int tst_AdminAuth::categoryCount()
{
    return m_server->api("GET", QStringLiteral("/api/categories"))
            .json()
            .object()
            .value(QLatin1String("items"))
            .toArray()
            .size();
}

void tst_AdminAuth::loginSetsASessionCookieThatWorksOnChannels()
{
    QByteArray setCookie;
    const QByteArray cookie = loginCookie(&setCookie);
    QVERIFY2(!cookie.isEmpty(), setCookie.constData());
    QVERIFY(setCookie.contains("HttpOnly"));
    QVERIFY(setCookie.contains("SameSite=Strict"));
    QVERIFY(setCookie.contains("Path=/"));
    QVERIFY(setCookie.contains("Max-Age=" + QByteArray::number(24 * 3600))); // the default
    const HttpResult channels = httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                                            {{"Cookie", "other=1; acehub_session=" + cookie}});
    QCOMPARE(channels.status, 200);
    QVERIFY(channels.json().object().contains(QLatin1String("items")));
    // The cookie is the token: it works as Bearer too.
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Authorization", "Bearer " + cookie}})
                     .status,
             200);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Cookie", "acehub_session=" + cookie + "x"}})
                     .status,
             401);
}

void tst_AdminAuth::cookiePostWithoutRequestedWithOrWithAForeignOriginIsRefusedAndChangesNothing()
{
    const QByteArray cookie = loginCookie();
    QVERIFY(!cookie.isEmpty());
    const QByteArray body = R"({"name":"Sneaky"})";
    const Headers base {{"Cookie", "acehub_session=" + cookie},
                        {"Content-Type", "application/json"}};
    const HttpResult bare = httpRequest("POST", url(QStringLiteral("/api/categories")), body, base);
    QCOMPARE(bare.status, 403);
    QVERIFY2(bare.json()
                     .object()
                     .value(QLatin1String("error"))
                     .toString()
                     .startsWith(QLatin1String("csrf: ")),
             bare.body.constData());
    const HttpResult foreign = httpRequest("POST", url(QStringLiteral("/api/categories")), body,
                                           base + Headers {{"Origin", "http://evil.example"}});
    QCOMPARE(foreign.status, 403);
    // An Origin naming our host on another port or scheme is foreign too.
    const HttpResult otherPort = httpRequest("POST", url(QStringLiteral("/api/categories")), body,
                                             base + Headers {{"Origin", "http://127.0.0.1:1"}});
    QCOMPARE(otherPort.status, 403);
    const HttpResult del = httpRequest("DELETE", url(QStringLiteral("/api/checks")), {}, base);
    QCOMPARE(del.status, 403);
    QCOMPARE(categoryCount(), 0);
    // Reading needs no header.
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/categories")), {}, base).status, 200);
}

void tst_AdminAuth::cookiePostWithRequestedWithOrOurOriginIsAccepted()
{
    const QByteArray cookie = loginCookie();
    const Headers base {{"Cookie", "acehub_session=" + cookie},
                        {"Content-Type", "application/json"}};
    QCOMPARE(httpRequest("POST", url(QStringLiteral("/api/categories")), R"({"name":"A"})",
                         base + Headers {{"X-Requested-With", "AceHub"}})
                     .status,
             201);
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(m_server->server()->port());
    QCOMPARE(httpRequest("POST", url(QStringLiteral("/api/categories")), R"({"name":"B"})",
                         base + Headers {{"Origin", origin}})
                     .status,
             201);
    QCOMPARE(categoryCount(), 2);
    // Bearer and Basic are not subject to the rule (a browser never adds them on its own).
    QCOMPARE(httpRequest(
                     "POST", url(QStringLiteral("/api/categories")), R"({"name":"C"})",
                     {{"Authorization", "Bearer " + cookie}, {"Content-Type", "application/json"}})
                     .status,
             201);
}

void tst_AdminAuth::basicChallengeOnlyForBasicClients()
{
    const HttpResult anonymous = httpGet(url(QStringLiteral("/api/channels")));
    QCOMPARE(anonymous.status, 401);
    QVERIFY(!anonymous.header("WWW-Authenticate").startsWith("Basic"));
    QVERIFY(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
    const HttpResult badCookie = httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                                             {{"Cookie", "acehub_session=nope"}});
    QCOMPARE(badCookie.status, 401);
    QVERIFY(!badCookie.header("WWW-Authenticate").startsWith("Basic"));
    const HttpResult badBearer = httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                                             {{"Authorization", "Bearer nope"}});
    QVERIFY(!badBearer.header("WWW-Authenticate").startsWith("Basic"));
    const HttpResult badBasic = httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                                            {basicAuth(QStringLiteral("wrong password"))});
    QCOMPARE(badBasic.status, 401);
    QVERIFY(badBasic.header("WWW-Authenticate").startsWith("Basic"));
}

void tst_AdminAuth::sessionSaysHowTheClientSignedIn()
{
    QCOMPARE(httpGet(url(QStringLiteral("/api/session"))).status, 401);
    const QByteArray cookie = loginCookie();
    const HttpResult byCookie = httpRequest("GET", url(QStringLiteral("/api/session")), {},
                                            {{"Cookie", "acehub_session=" + cookie}});
    QCOMPARE(byCookie.status, 200);
    const QJsonObject o = byCookie.json().object();
    QCOMPARE(o.value(QLatin1String("authenticated")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("via")).toString(), QStringLiteral("cookie"));
    QVERIFY(o.value(QLatin1String("expires_at")).toString().endsWith(QLatin1Char('Z')));
    const HttpResult byBearer = httpRequest("GET", url(QStringLiteral("/api/session")), {},
                                            {{"Authorization", "Bearer " + cookie}});
    QCOMPARE(byBearer.json().object().value(QLatin1String("via")).toString(),
             QStringLiteral("bearer"));
    const HttpResult byBasic = m_server->api("GET", QStringLiteral("/api/session"));
    QCOMPARE(byBasic.json().object().value(QLatin1String("via")).toString(),
             QStringLiteral("basic"));
}

void tst_AdminAuth::logoutThenTheOldCookieIs401()
{
    const QByteArray cookie = loginCookie();
    const Headers withCookie {{"Cookie", "acehub_session=" + cookie}};
    // Logout is state-changing: by cookie it needs the CSRF header too.
    QCOMPARE(httpRequest("POST", url(QStringLiteral("/api/logout")), {}, withCookie).status, 403);
    const HttpResult out = httpRequest("POST", url(QStringLiteral("/api/logout")), {},
                                       withCookie + Headers {{"X-Requested-With", "AceHub"}});
    QCOMPARE(out.status, 204);
    QVERIFY(out.body.isEmpty());
    QVERIFY(out.header("Set-Cookie").startsWith("acehub_session=;"));
    QVERIFY(out.header("Set-Cookie").contains("Max-Age=0"));
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {}, withCookie).status, 401);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/session")), {}, withCookie).status, 401);
}

void tst_AdminAuth::passwordChangeEndsAnotherSessionButNotTheCallers()
{
    const QByteArray mine = loginCookie();
    const QByteArray other = loginCookie();
    QVERIFY(!mine.isEmpty() && !other.isEmpty() && mine != other);
    const HttpResult changed = httpRequest(
            "POST", url(QStringLiteral("/api/password")),
            QJsonDocument(
                    QJsonObject {{QStringLiteral("current_password"), m_server->adminPassword()},
                                 {QStringLiteral("new_password"), QStringLiteral("brand new pw")}})
                    .toJson(),
            {{"Cookie", "acehub_session=" + mine},
             {"X-Requested-With", "AceHub"},
             {"Content-Type", "application/json"}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Cookie", "acehub_session=" + other}})
                     .status,
             401);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Cookie", "acehub_session=" + mine}})
                     .status,
             200);
}

void tst_AdminAuth::localAdminTokenIsAcceptedAsBearer()
{
    const Headers local {{"Authorization", "Bearer the-local-panel-token"}};
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {}, local).status, 200);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/session")), {}, local)
                     .json()
                     .object()
                     .value(QLatin1String("via"))
                     .toString(),
             QStringLiteral("bearer"));
    // It survives a logout and a password change (it is the panel's for the server's life).
    QCOMPARE(httpRequest("POST", url(QStringLiteral("/api/logout")), {}, local).status, 204);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {}, local).status, 200);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Authorization", "Bearer the-local-panel-tokeN"}})
                     .status,
             401);
}

void tst_AdminAuth::healthIsAnsweredWhileBasicPasswordsAreVerified()
{
    // Four uncached Basic passwords queue four PBKDF2 derivations (one at a time). Checked on
    // the server thread, they would all be answered before a health check sent after them.
    const auto auth = basicAuth(m_server->adminPassword());
    std::vector<std::unique_ptr<QTcpSocket>> checks;
    for (int i = 0; i < 4; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->server()->port());
        QVERIFY(socket->waitForConnected(5000));
        socket->write("GET /api/session HTTP/1.1\r\nHost: x\r\n" + auth.first + ": " + auth.second
                      + "\r\n\r\n");
        checks.push_back(std::move(socket));
    }
    QTcpSocket health;
    health.connectToHost(QStringLiteral("127.0.0.1"), m_server->server()->port());
    QVERIFY(health.waitForConnected(5000));
    health.write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray healthAnswer;
    QList<QByteArray> answers(4);
    auto allChecked = [&] {
        for (int i = 0; i < 4; ++i)
            answers[i] += checks[i]->readAll();
        return std::all_of(answers.cbegin(), answers.cend(),
                           [](const QByteArray &a) { return a.contains("\"authenticated\""); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(
            (healthAnswer += health.readAll()).contains("\"status\"") || allChecked(), 20000);
    QVERIFY2(!allChecked(), "every Basic check was answered before the health check");
    QVERIFY(healthAnswer.startsWith("HTTP/1.1 200"));
    // And each check then lets its request through.
    QTRY_VERIFY_WITH_TIMEOUT(allChecked(), 20000);
    for (const QByteArray &a : std::as_const(answers))
        QVERIFY2(a.startsWith("HTTP/1.1 200") && a.contains("\"via\":\"basic\""), a.constData());
}

void tst_AdminAuth::requestPipelinedBehindABasicCheckIsAnsweredAfterIt()
{
    const auto wrong = basicAuth(QStringLiteral("not the password"));
    const auto right = basicAuth(m_server->adminPassword());
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_server->server()->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /api/categories HTTP/1.1\r\nHost: x\r\n" + wrong.first + ": " + wrong.second
                 + "\r\n\r\nGET /api/session HTTP/1.1\r\nHost: x\r\n" + right.first + ": "
                 + right.second + "\r\n\r\nGET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\"status\""), 20000);
    const qsizetype refused = received.indexOf("HTTP/1.1 401");
    const qsizetype session = received.indexOf("HTTP/1.1 200");
    const qsizetype health = received.indexOf("HTTP/1.1 200", session + 1);
    QCOMPARE(refused, 0);
    QVERIFY(session > refused && health > session);
    QVERIFY(received.mid(session, health - session).contains("\"via\":\"basic\""));
    QVERIFY(received.left(session).contains("WWW-Authenticate: Basic"));
}

QTEST_GUILESS_MAIN(tst_AdminAuth)
#include "tst_adminauth.moc"
