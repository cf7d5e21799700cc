#include "httpclient.h"
#include "engine/aceengine.h"
#include "log/logger.h"
#include "server.h"
#include "version.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

Q_LOGGING_CATEGORY(lcProbe, "acehub.probe")

// The Server in-process on a free port: routes, errors, health and the engine probe.
class tst_HttpFront : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void healthReportsVersionUptimeAndUnreachableEngine();
    void healthSeesAReachableEngineAndItsVersion();
    void healthAnswersAtOnceWhileTheEngineHangs();
    void unknownPathIsAJson404();
    void wrongMethodIs405WithAllow();
    void logsTailReturnsTheLastLines();
    void logsTailRejectsABadCount_data();
    void logsTailRejectsABadCount();
    void dashboardPageIsServed();

private:
    void startServer(quint16 enginePort);
    QUrl url(const QString &path) const;

    std::unique_ptr<Logger> m_logger;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    QString m_adminPassword; // generated at the first start; the /api routes need it
};

void tst_HttpFront::init()
{
    m_logger = std::make_unique<Logger>();
    m_logger->setEchoToStderr(false);
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_HttpFront::cleanup()
{
    m_server.reset();
    m_dir.reset();
    m_logger.reset();
}

void tst_HttpFront::startServer(quint16 enginePort)
{
    Settings settings;
    settings.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    settings.setCommandLine(QStringLiteral("port"), 0);
    settings.setCommandLine(QStringLiteral("engine_port"), int(enginePort));
    m_server = std::make_unique<Server>(m_dir->path(), settings);
    connect(m_server.get(), &Server::adminPasswordGenerated, this,
            [this](const QString &password) { m_adminPassword = password; });
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->port() != 0);
}

QUrl tst_HttpFront::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
}

static quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort(); // closed again when probe goes away
}

void tst_HttpFront::healthReportsVersionUptimeAndUnreachableEngine()
{
    startServer(closedPort());
    // Let the first probe fail against the closed port.
    QTRY_VERIFY(m_server->engine()->lastCheck().isValid());
    const HttpResult r = httpGet(url(QStringLiteral("/api/health")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(o.value(QLatin1String("version")).toString(), QStringLiteral(ACEHUB_VERSION));
    QVERIFY(o.value(QLatin1String("uptime_s")).isDouble());
    const QJsonObject engine = o.value(QLatin1String("engine")).toObject();
    QCOMPARE(engine.value(QLatin1String("reachable")).toBool(true), false);
    QVERIFY(!engine.value(QLatin1String("error")).toString().isEmpty());
}

void tst_HttpFront::healthSeesAReachableEngineAndItsVersion()
{
    QHttpServer engine;
    engine.route(QStringLiteral("/webui/api/service"), [](const QHttpServerRequest &req) {
        const bool ok = req.query().queryItemValue(QStringLiteral("method")) == QLatin1String("get_version");
        return QJsonObject {{QStringLiteral("result"),
                             ok ? QJsonValue(QJsonObject {{QStringLiteral("code"), 3017400},
                                                          {QStringLiteral("platform"), QStringLiteral("linux")},
                                                          {QStringLiteral("version"), QStringLiteral("3.1.74")}})
                                : QJsonValue()},
                            {QStringLiteral("error"), QJsonValue()}};
    });
    const quint16 enginePort = engine.listen(QHostAddress::LocalHost, 0);
    QVERIFY(enginePort);
    startServer(enginePort);
    QTRY_VERIFY(m_server->engine()->isReachable());
    const QJsonObject e = httpGet(url(QStringLiteral("/api/health"))).json().object()
                                  .value(QLatin1String("engine")).toObject();
    QCOMPARE(e.value(QLatin1String("reachable")).toBool(), true);
    QCOMPARE(e.value(QLatin1String("version")).toString(), QStringLiteral("3.1.74"));
}

void tst_HttpFront::healthAnswersAtOnceWhileTheEngineHangs()
{
    // An "engine" that accepts connections and never answers.
    QTcpServer blackHole;
    QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
    startServer(blackHole.serverPort());
    QVERIFY(!m_server->engine()->lastCheck().isValid()); // the probe is hanging
    const HttpResult r = httpGet(url(QStringLiteral("/api/health")));
    QCOMPARE(r.status, 200);
    // Far below the probe's own 3 s timeout: the request did not wait for the engine.
    QVERIFY2(r.elapsedMs < 1500, qPrintable(QString::number(r.elapsedMs)));
    QVERIFY(r.json().object().value(QLatin1String("engine")).toObject()
                    .value(QLatin1String("checked_at")).isNull());
}

void tst_HttpFront::unknownPathIsAJson404()
{
    startServer(closedPort());
    const HttpResult r = httpGet(url(QStringLiteral("/no/such/thing")));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(r.json().object().value(QLatin1String("error")).toString().contains(QLatin1String("/no/such/thing")));
}

void tst_HttpFront::wrongMethodIs405WithAllow()
{
    startServer(closedPort());
    const HttpResult r = httpRequest("DELETE", url(QStringLiteral("/api/health")));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("GET, HEAD"));
    QVERIFY(r.json().object().contains(QLatin1String("error")));
    const HttpResult head = httpRequest("HEAD", url(QStringLiteral("/api/health")));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
}

void tst_HttpFront::logsTailReturnsTheLastLines()
{
    startServer(closedPort());
    QTRY_VERIFY(m_server->engine()->lastCheck().isValid()); // its log line comes first
    for (int i = 0; i < 5; ++i)
        qCWarning(lcProbe) << "marker" << i;
    const HttpResult r = httpRequest("GET", url(QStringLiteral("/api/logs/tail?lines=3")), {},
                                     {basicAuth(m_adminPassword)});
    QCOMPARE(r.status, 200);
    const QJsonArray lines = r.json().object().value(QLatin1String("lines")).toArray();
    QCOMPARE(lines.size(), 3);
    const QJsonObject last = lines.last().toObject();
    QCOMPARE(last.value(QLatin1String("message")).toString(), QStringLiteral("marker 4"));
    QCOMPARE(last.value(QLatin1String("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(last.value(QLatin1String("category")).toString(), QStringLiteral("acehub.probe"));
    QVERIFY(!last.value(QLatin1String("time")).toString().isEmpty());
}

void tst_HttpFront::logsTailRejectsABadCount_data()
{
    QTest::addColumn<QString>("lines");
    QTest::newRow("text") << "many";
    QTest::newRow("zero") << "0";
    QTest::newRow("negative") << "-3";
    QTest::newRow("huge") << "100000000";
}

void tst_HttpFront::logsTailRejectsABadCount()
{
    QFETCH(QString, lines);
    startServer(closedPort());
    const HttpResult r = httpRequest("GET", url(QStringLiteral("/api/logs/tail?lines=") + lines), {},
                                     {basicAuth(m_adminPassword)});
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object().value(QLatin1String("error")).toString().startsWith(QLatin1String("lines")));
}

void tst_HttpFront::dashboardPageIsServed()
{
    startServer(closedPort());
    const HttpResult page = httpGet(url(QStringLiteral("/")));
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY(page.body.contains("/api/health"));
    const HttpResult icon = httpGet(url(QStringLiteral("/icons/acehub.png")));
    QCOMPARE(icon.status, 200);
    QVERIFY(icon.body.startsWith("\x89PNG"));
    QCOMPARE(httpGet(url(QStringLiteral("/icons/missing.png"))).status, 404);
}

QTEST_GUILESS_MAIN(tst_HttpFront)
#include "tst_httpfront.moc"
