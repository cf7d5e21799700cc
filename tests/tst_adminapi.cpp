#include "auth/adminauth.h"
#include "catalog/m3uparser.h"
#include "catalog/sourcemanager.h"
#include "catalogfixtures.h"
#include "http/httpfront.h"
#include "httpclient.h"
#include "log/logger.h"
#include "server.h"
#include "storage/database.h"
#include "webserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <cstdio>
#include <functional>

// The admin REST API on an in-process Server: authentication, validation, the resources,
// imports through sources, backup and restore.
class tst_AdminApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void apiRoutesNeedAuthenticationButHealth_data();
    void apiRoutesNeedAuthenticationButHealth();
    void basicAndSessionTokenAuthenticate();
    void loginChecksThePasswordWithoutHoldingUpTheServer();
    void failedLoginsAreRateLimitedPerAddress();
    void passwordChangeEndsEverySession();
    void passwordChecksWaitingAtOnceAreBounded();
    void samePasswordOnManyConnectionsAtOnceIsCheckedOnce();
    void validationErrorsNameTheField_data();
    void validationErrorsNameTheField();
    void rejectedRequestsWriteNothing();
    void channelsAreCreatedListedEditedAndDeleted();
    void bulkUpdateChangesCategoryAndHidden();
    void categoriesAreManagedAndOrdered();
    void fileSourceImportsAndReportsStatus();
    void urlSourceAcceptsGzipAndEnforcesTheSizeCap();
    void bigGuideImportsWhileHealthKeepsAnswering();
    void editsDuringABigPlaylistImportNeverStallTheServer();
    void sourcesRefreshOnTheirInterval();
    void stoppingDuringAnImportCancelsIt();
    void backupThenRestoreGivesTheSameCatalog();
    void restoreFetchesTheGuideAgainAtOnce();
    void restoreThatCannotSaveTheSettingsSaysSo();
    void sourceCredentialsNeverReachTheLog();
    void exportListsEveryChannel();
    void settingsAreListedAndUpdated();
    void logFileIsDownloaded();

private:
    void startServer(const QList<QPair<QString, QVariant>> &extra = {});
    QUrl url(const QString &path) const;
    HttpResult api(const QByteArray &method, const QString &path, const QByteArray &body = {});
    HttpResult api(const QByteArray &method, const QString &path, const QJsonObject &body);
    QString write(const QString &name, const QByteArray &data);
    QJsonObject waitForImport(const QString &sourcePath);
    void importPlaylist(const QByteArray &m3u);

    std::unique_ptr<Logger> m_logger;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    QString m_password;
};

void tst_AdminApi::init()
{
    m_logger = std::make_unique<Logger>();
    m_logger->setEchoToStderr(false);
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_AdminApi::cleanup()
{
    m_server.reset();
    m_dir.reset();
    m_logger.reset();
}

static quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void tst_AdminApi::startServer(const QList<QPair<QString, QVariant>> &extra)
{
    Settings settings;
    settings.setCommandLine(QStringLiteral("bind"), QStringLiteral("127.0.0.1"));
    settings.setCommandLine(QStringLiteral("port"), 0);
    settings.setCommandLine(QStringLiteral("engine_port"), int(closedPort()));
    for (const auto &kv : extra)
        QVERIFY(!settings.setCommandLine(kv.first, kv.second));
    m_server = std::make_unique<Server>(m_dir->filePath(QStringLiteral("data")), settings);
    connect(m_server.get(), &Server::adminPasswordGenerated, this,
            [this](const QString &p) { m_password = p; });
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(!m_password.isEmpty());
}

QUrl tst_AdminApi::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
}

HttpResult tst_AdminApi::api(const QByteArray &method, const QString &path, const QByteArray &body)
{
    return httpRequest(method, url(path), body,
                       {basicAuth(m_password), {"Content-Type", "application/json"}});
}

HttpResult tst_AdminApi::api(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return api(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString tst_AdminApi::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return path;
}

// Polls a source until its import is over; returns the source.
QJsonObject tst_AdminApi::waitForImport(const QString &sourcePath)
{
    QJsonObject source;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 600000) { // only a guard against a stuck import (ASan is slow)
        source = api("GET", sourcePath).json().object();
        if (source.value(QLatin1String("progress")).toObject().value(QLatin1String("state"))
                    == QLatin1String("idle")
            && source.value(QLatin1String("status")).toObject().value(QLatin1String("last_status"))
                       != QLatin1String("never"))
            break;
        QTest::qWait(20); // processes the server's events meanwhile
    }
    return source;
}

// Repeats a request refused only because the server's PBKDF2 budget for this second is spent
// (a loaded test machine makes each derivation slower).
static HttpResult unlessBusy(const std::function<HttpResult()> &request)
{
    HttpResult r = request();
    QElapsedTimer waited;
    waited.start();
    while (r.status == 429
           && r.json().object()
                      .value(QLatin1String("error"))
                      .toString()
                      .contains(QLatin1String("at once"))
           && waited.elapsed() < 20000) {
        QTest::qWait(250);
        r = request();
    }
    return r;
}

static QByteArray entry(const QString &attrs, const QString &name, const QString &address)
{
    return QStringLiteral("#EXTINF:-1 %1,%2\n%3\n").arg(attrs, name, address).toUtf8();
}

static QByteArray samplePlaylist(int count)
{
    QByteArray m3u = "#EXTM3U\n";
    for (int i = 0; i < count; ++i)
        m3u += entry(QStringLiteral("tvg-id=\"ch%1\" group-title=\"%2\"")
                             .arg(i)
                             .arg(i % 2 ? "Sport" : "News"),
                     QStringLiteral("Channel %1").arg(i),
                     QStringLiteral("acestream://") + Fixtures::contentId(i));
    return m3u;
}

void tst_AdminApi::importPlaylist(const QByteArray &m3u)
{
    const QString path = write(QStringLiteral("list.m3u"), m3u);
    const HttpResult created = api("POST", QStringLiteral("/api/sources"),
                                   QJsonObject {{QStringLiteral("name"), QStringLiteral("list")},
                                                {QStringLiteral("location"), path}});
    QCOMPARE(created.status, 201);
    const int id = created.json().object().value(QLatin1String("id")).toInt();
    const QJsonObject s = waitForImport(QStringLiteral("/api/sources/%1").arg(id));
    QCOMPARE(s.value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("last_status"))
                     .toString(),
             QStringLiteral("ok"));
}

void tst_AdminApi::apiRoutesNeedAuthenticationButHealth_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    for (const char *p :
         {"/api/channels", "/api/channels/1", "/api/categories", "/api/sources", "/api/epg-sources",
          "/api/settings", "/api/logs/tail", "/api/logs/download", "/api/backup", "/api/export.m3u",
          "/api/checks", "/api/sources/1/status"})
        QTest::newRow(p) << QByteArray("GET") << QString::fromLatin1(p);
    QTest::newRow("POST /api/channels") << QByteArray("POST") << "/api/channels";
    QTest::newRow("POST /api/restore") << QByteArray("POST") << "/api/restore";
    QTest::newRow("PATCH /api/settings") << QByteArray("PATCH") << "/api/settings";
    QTest::newRow("DELETE /api/categories/1") << QByteArray("DELETE") << "/api/categories/1";
    QTest::newRow("POST /api/logout") << QByteArray("POST") << "/api/logout";
    QTest::newRow("POST /api/password") << QByteArray("POST") << "/api/password";
}

void tst_AdminApi::apiRoutesNeedAuthenticationButHealth()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    startServer();
    const HttpResult none = httpRequest(method, url(path), "{}");
    QCOMPARE(none.status, 401);
    QCOMPARE(none.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(none.json().object().contains(QLatin1String("error")));
    QVERIFY(!none.header("WWW-Authenticate").isEmpty());
    const HttpResult wrong
            = httpRequest(method, url(path), "{}", {basicAuth(QStringLiteral("wrong password"))});
    QCOMPARE(wrong.status, 401);
    const HttpResult badToken
            = httpRequest(method, url(path), "{}", {{"Authorization", "Bearer 1234"}});
    QCOMPARE(badToken.status, 401);
    QCOMPARE(httpGet(url(QStringLiteral("/api/health"))).status, 200);
}

void tst_AdminApi::basicAndSessionTokenAuthenticate()
{
    startServer();
    QCOMPARE(api("GET", QStringLiteral("/api/channels")).status, 200);
    // Answered again from the cached verification (no second PBKDF2 derivation): held by
    // passwordHashingHasATimeBudget, where it passes while new passwords get 429.
    QCOMPARE(api("GET", QStringLiteral("/api/channels")).status, 200);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Authorization",
                           "Basic " + QByteArray("someone:" + m_password.toUtf8()).toBase64()}})
                     .status,
             401);

    const HttpResult login = httpRequest(
            "POST", url(QStringLiteral("/api/login")),
            QJsonDocument(QJsonObject {{QStringLiteral("password"), m_password}}).toJson());
    QCOMPARE(login.status, 200);
    const QByteArray token
            = login.json().object().value(QLatin1String("token")).toString().toLatin1();
    QVERIFY(token.size() >= 32);
    QVERIFY(!login.json().object().value(QLatin1String("expires_at")).toString().isEmpty());
    const QPair<QByteArray, QByteArray> bearer {"Authorization", "Bearer " + token};
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/settings")), {}, {bearer}).status, 200);
    QCOMPARE(httpRequest("POST", url(QStringLiteral("/api/logout")), {}, {bearer}).status, 204);
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/settings")), {}, {bearer}).status, 401);

    const HttpResult wrong = unlessBusy([this]() {
        return httpRequest(
                "POST", url(QStringLiteral("/api/login")),
                QJsonDocument(QJsonObject {{QStringLiteral("password"), QStringLiteral("nope")}})
                        .toJson());
    });
    QCOMPARE(wrong.status, 401);
    QCOMPARE(httpRequest("POST", url(QStringLiteral("/api/login")), "[1]").status, 400);
}

void tst_AdminApi::passwordChangeEndsEverySession()
{
    startServer();
    const HttpResult login = httpRequest(
            "POST", url(QStringLiteral("/api/login")),
            QJsonDocument(QJsonObject {{QStringLiteral("password"), m_password}}).toJson());
    const QPair<QByteArray, QByteArray> bearer {
            "Authorization",
            "Bearer " + login.json().object().value(QLatin1String("token")).toString().toLatin1()};
    auto change = [&](const QString &current, const QString &next) {
        return unlessBusy([&]() {
            return httpRequest(
                    "POST", url(QStringLiteral("/api/password")),
                    QJsonDocument(QJsonObject {{QStringLiteral("current_password"), current},
                                               {QStringLiteral("new_password"), next}})
                            .toJson(),
                    {bearer});
        });
    };
    HttpResult r = change(QStringLiteral("not it"), QStringLiteral("a new password"));
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object()
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("current_password:")));
    r = change(m_password, QStringLiteral("short"));
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object()
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("new_password:")));
    QCOMPARE(change(m_password, QStringLiteral("a new password")).status, 200);
    // The old password is gone (the caller's own token stays: tst_adminauth); the new one works.
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/settings")), {}, {bearer}).status, 200);
    QCOMPARE(unlessBusy([&]() { return api("GET", QStringLiteral("/api/settings")); }).status, 401);
    m_password = QStringLiteral("a new password");
    QCOMPARE(unlessBusy([&]() { return api("GET", QStringLiteral("/api/settings")); }).status, 200);
}

void tst_AdminApi::failedLoginsAreRateLimitedPerAddress()
{
    startServer({{QStringLiteral("admin_login_max_failures"), 3},
                 {QStringLiteral("admin_login_window_s"), 60}});
    auto login = [this](const QString &password) {
        return unlessBusy([this, password]() {
            return httpRequest(
                    "POST", url(QStringLiteral("/api/login")),
                    QJsonDocument(QJsonObject {{QStringLiteral("password"), password}}).toJson());
        });
    };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(login(QStringLiteral("guess %1").arg(i)).status, 401);
    const HttpResult limited = login(QStringLiteral("guess 4"));
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.header("Retry-After").toInt() > 0);
    QVERIFY(limited.header("Retry-After").toInt() <= 60);
    QVERIFY(limited.json()
                    .object()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("failed logins")));
    // Locked out: even the right password, by login or by Basic, until the window passes.
    QCOMPARE(login(m_password).status, 429);
    QCOMPARE(api("GET", QStringLiteral("/api/channels")).status, 429);
    // Health stays public.
    QCOMPARE(httpGet(url(QStringLiteral("/api/health"))).status, 200);
}

namespace {

// GET /api/settings with each of these Basic passwords, sent at once, each on a connection of
// its own; the answers as they come.
class SettingsRequestsAtOnce
{
public:
    SettingsRequestsAtOnce(quint16 port, const QStringList &passwords) : m_answers(passwords.size())
    {
        for (qsizetype i = 0; i < passwords.size(); ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QStringLiteral("127.0.0.1"), port);
            m_connected = socket->waitForConnected(5000) && m_connected;
            m_sockets.push_back(std::move(socket));
        }
        for (qsizetype i = 0; i < passwords.size(); ++i) {
            const auto auth = basicAuth(passwords.at(i));
            m_sockets[size_t(i)]->write("GET /api/settings HTTP/1.1\r\nHost: x\r\n" + auth.first
                                        + ": " + auth.second + "\r\n\r\n");
        }
    }
    bool connected() const { return m_connected; }
    // Reads what came; true once every request has its whole answer (a JSON body).
    bool allAnswered()
    {
        bool all = true;
        for (size_t i = 0; i < m_sockets.size(); ++i) {
            m_answers[qsizetype(i)] += m_sockets[i]->readAll();
            all = all && m_answers.at(qsizetype(i)).contains("\r\n\r\n{");
        }
        return all;
    }
    const QList<QByteArray> &answers() const { return m_answers; }

private:
    std::vector<std::unique_ptr<QTcpSocket>> m_sockets;
    QList<QByteArray> m_answers;
    bool m_connected = true;
};

} // namespace

void tst_AdminApi::passwordChecksWaitingAtOnceAreBounded()
{
    startServer({{QStringLiteral("admin_login_max_failures"), 1000}});
    QCOMPARE(api("GET", QStringLiteral("/api/settings")).status, 200); // verified once, remembered
    // A flood of new passwords at once: PBKDF2 runs off the server thread, a few at a time; the
    // rest are told to come back.
    QStringList guesses;
    for (int i = 0; i < 12; ++i)
        guesses << QStringLiteral("guess number %1").arg(i);
    SettingsRequestsAtOnce requests(m_server->port(), guesses);
    QVERIFY(requests.connected());
    // The known password and health are answered meanwhile.
    QCOMPARE(api("GET", QStringLiteral("/api/settings")).status, 200);
    QCOMPARE(httpGet(url(QStringLiteral("/api/health"))).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(requests.allAnswered(), 30000);
    const QList<QByteArray> answers = requests.answers();
    int busy = 0;
    for (const QByteArray &a : std::as_const(answers)) {
        QVERIFY2(a.startsWith("HTTP/1.1 401") || a.startsWith("HTTP/1.1 429"), a.constData());
        if (a.startsWith("HTTP/1.1 429")) {
            QVERIFY(a.contains("Retry-After: 1\r\n"));
            ++busy;
        }
    }
    QVERIFY(busy > 0);
}

void tst_AdminApi::samePasswordOnManyConnectionsAtOnceIsCheckedOnce()
{
    // A client opening many connections at once with the admin password not yet remembered
    // (a script, a benchmark's event clients): one PBKDF2 check, and every request answered
    // as the password deserves, none told to come back (429).
    startServer();
    const int n = 4 * AdminAuth::kMaxPendingLogins + 4;
    QStringList passwords;
    for (int i = 0; i < 2 * n; ++i)
        passwords << (i < n ? m_password : QStringLiteral("not the password"));
    SettingsRequestsAtOnce requests(m_server->port(), passwords);
    QVERIFY(requests.connected());
    QTRY_VERIFY_WITH_TIMEOUT(requests.allAnswered(), 30000);
    const QList<QByteArray> answers = requests.answers();
    for (int i = 0; i < 2 * n; ++i) {
        const QByteArray expected = i < n ? "HTTP/1.1 200" : "HTTP/1.1 401";
        QVERIFY2(answers[i].startsWith(expected), answers[i].left(200).constData());
    }
    // The wrong password counted once for this address, not once per connection: the right
    // one still works.
    QCOMPARE(api("GET", QStringLiteral("/api/settings")).status, 200);
}

void tst_AdminApi::validationErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray id = Fixtures::contentId(1).toLatin1();
    QTest::newRow("bad json") << QByteArray("POST") << "/api/channels" << QByteArray("{name: ")
                              << "body";
    QTest::newRow("not an object")
            << QByteArray("POST") << "/api/channels" << QByteArray("[1, 2]") << "body";
    QTest::newRow("wrong type") << QByteArray("POST") << "/api/channels"
                                << QByteArray("{\"name\": 5, \"address\": \"" + id + "\"}")
                                << "name";
    QTest::newRow("bad address") << QByteArray("POST") << "/api/channels"
                                 << QByteArray("{\"name\": \"x\", \"address\": \"acestream://12\"}")
                                 << "address";
    QTest::newRow("unknown field")
            << QByteArray("POST") << "/api/channels"
            << QByteArray("{\"name\": \"x\", \"address\": \"" + id + "\", \"bogus\": 1}")
            << "bogus";
    QTest::newRow("out of range") << QByteArray("POST") << "/api/channels"
                                  << QByteArray("{\"name\": \"x\", \"address\": \"" + id
                                                + "\", \"number\": -1}")
                                  << "number";
    QTest::newRow("huge") << QByteArray("POST") << "/api/channels"
                          << QByteArray("{\"name\": \"x\", \"address\": \"" + id
                                        + "\", \"number\": 1e300}")
                          << "number";
    QTest::newRow("fractional") << QByteArray("POST") << "/api/channels"
                                << QByteArray("{\"name\": \"x\", \"address\": \"" + id
                                              + "\", \"number\": 1.5}")
                                << "number";
    QTest::newRow("missing") << QByteArray("POST") << "/api/channels"
                             << QByteArray("{\"address\": \"" + id + "\"}") << "name";
    QTest::newRow("unknown category")
            << QByteArray("POST") << "/api/channels"
            << QByteArray("{\"name\": \"x\", \"address\": \"" + id + "\", \"category_id\": 999}")
            << "category_id";
    QTest::newRow("hidden as text") << QByteArray("PATCH") << "/api/channels/1"
                                    << QByteArray("{\"hidden\": \"yes\"}") << "hidden";
    QTest::newRow("empty name") << QByteArray("PATCH") << "/api/channels/1"
                                << QByteArray("{\"name\": \"  \"}") << "name";
    QTest::newRow("bulk ids") << QByteArray("POST") << "/api/channels/bulk"
                              << QByteArray("{\"ids\": [1, \"x\"], \"hidden\": true}") << "ids[1]";
    QTest::newRow("bulk unknown channel")
            << QByteArray("POST") << "/api/channels/bulk"
            << QByteArray("{\"ids\": [1, 4242], \"hidden\": true}") << "ids[1]";
    QTest::newRow("category name")
            << QByteArray("POST") << "/api/categories" << QByteArray("{}") << "name";
    QTest::newRow("category order") << QByteArray("PUT") << "/api/categories/order"
                                    << QByteArray("{\"ids\": [77]}") << "ids[0]";
    QTest::newRow("source location")
            << QByteArray("POST") << "/api/sources"
            << QByteArray("{\"name\": \"x\", \"location\": \"relative/path.m3u\"}") << "location";
    QTest::newRow("source interval") << QByteArray("POST") << "/api/epg-sources"
                                     << QByteArray("{\"name\": \"x\", \"location\": "
                                                   "\"http://h/g.xml\", \"refresh_interval_s\": 5}")
                                     << "refresh_interval_s";
    QTest::newRow("source enabled") << QByteArray("PATCH") << "/api/sources/1"
                                    << QByteArray("{\"enabled\": 1}") << "enabled";
    QTest::newRow("setting range") << QByteArray("PATCH") << "/api/settings"
                                   << QByteArray("{\"epg_days_ahead\": 1000}") << "epg_days_ahead";
    QTest::newRow("unknown setting")
            << QByteArray("PATCH") << "/api/settings" << QByteArray("{\"nope\": 1}") << "nope";
    QTest::newRow("setting type") << QByteArray("PUT") << "/api/settings"
                                  << QByteArray("{\"port\": true}") << "port";
    QTest::newRow("setting choice") << QByteArray("PATCH") << "/api/settings"
                                    << QByteArray("{\"log_level\": \"loud\"}") << "log_level";
    QTest::newRow("list limit") << QByteArray("GET") << "/api/channels?limit=0" << QByteArray()
                                << "limit";
    QTest::newRow("list flag") << QByteArray("GET") << "/api/channels?hidden=maybe" << QByteArray()
                               << "hidden";
    QTest::newRow("list unknown parameter")
            << QByteArray("GET") << "/api/channels?frobnicate=1" << QByteArray() << "frobnicate";
    QTest::newRow("categories query")
            << QByteArray("GET") << "/api/categories?sort=x" << QByteArray() << "sort";
    QTest::newRow("restore format") << QByteArray("POST") << "/api/restore"
                                    << QByteArray("{\"format\": \"zip\"}") << "format";
    QTest::newRow("login password")
            << QByteArray("POST") << "/api/login" << QByteArray("{\"password\": 12}") << "password";
    QTest::newRow("checks ids") << QByteArray("POST") << "/api/checks" << QByteArray("{\"ids\": 3}")
                                << "ids";
}

void tst_AdminApi::validationErrorsNameTheField()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    startServer();
    importPlaylist(samplePlaylist(3));
    QCOMPARE(api("POST", QStringLiteral("/api/categories"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Own")}})
                     .status,
             201);
    const HttpResult r = api(method, path, body);
    QCOMPARE(r.status, 400);
    const QString error = r.json().object().value(QLatin1String("error")).toString();
    QVERIFY2(error.startsWith(field + QLatin1Char(':')), qPrintable(error));
}

void tst_AdminApi::rejectedRequestsWriteNothing()
{
    startServer();
    importPlaylist(samplePlaylist(3));
    const QJsonObject before = api("GET", QStringLiteral("/api/channels/1")).json().object();
    // A good field beside a bad one: the request is refused whole.
    QCOMPARE(api("PATCH", QStringLiteral("/api/channels/1"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Changed")},
                              {QStringLiteral("number"), -5}})
                     .status,
             400);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/1")).json().object(), before);
    QCOMPARE(api("PATCH", QStringLiteral("/api/settings"),
                 QJsonObject {{QStringLiteral("epg_days_back"), 3},
                              {QStringLiteral("epg_days_ahead"), 1000}})
                     .status,
             400);
    QCOMPARE(m_server->settings().epgDaysBack(), 1);
    QCOMPARE(api("POST", QStringLiteral("/api/channels/bulk"),
                 QJsonObject {{QStringLiteral("ids"), QJsonArray {1, 2, 999}},
                              {QStringLiteral("hidden"), true}})
                     .status,
             400);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?hidden=true"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             0);
    const QByteArray backup = api("GET", QStringLiteral("/api/backup")).body;
    QJsonObject broken = QJsonDocument::fromJson(backup).object();
    QJsonArray channels = broken.value(QLatin1String("channels")).toArray();
    QJsonObject bad = channels.at(1).toObject();
    bad.insert(QStringLiteral("kind"), QStringLiteral("teleport")); // violates the CHECK constraint
    channels[1] = bad;
    broken.insert(QStringLiteral("channels"), channels);
    broken.insert(QStringLiteral("categories"), QJsonArray());
    const HttpResult restore = api("POST", QStringLiteral("/api/restore"), broken);
    QCOMPARE(restore.status, 400);
    QVERIFY2(restore.json()
                     .object()
                     .value(QLatin1String("error"))
                     .toString()
                     .startsWith(QLatin1String("channels[")),
             restore.body.constData());
    QCOMPARE(api("GET", QStringLiteral("/api/categories"))
                     .json()
                     .object()
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
             2);
}

void tst_AdminApi::channelsAreCreatedListedEditedAndDeleted()
{
    startServer();
    importPlaylist(samplePlaylist(30));
    HttpResult r = api("GET", QStringLiteral("/api/channels?limit=10&offset=5"));
    QCOMPARE(r.status, 200);
    QJsonObject page = r.json().object();
    QCOMPARE(page.value(QLatin1String("total")).toInt(), 30);
    QCOMPARE(page.value(QLatin1String("items")).toArray().size(), 10);
    QCOMPARE(page.value(QLatin1String("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("number"))
                     .toInt(),
             6);
    r = api("GET", QStringLiteral("/api/channels?search=Channel%201"));
    QCOMPARE(r.json().object().value(QLatin1String("total")).toInt(), 11); // 1, 10..19
    const int sport = api("GET", QStringLiteral("/api/categories"))
                              .json()
                              .object()
                              .value(QLatin1String("items"))
                              .toArray()
                              .at(1)
                              .toObject()
                              .value(QLatin1String("id"))
                              .toInt();
    r = api("GET", QStringLiteral("/api/channels?category_id=%1&limit=5000").arg(sport));
    QCOMPARE(r.json().object().value(QLatin1String("total")).toInt(), 15);

    // Create a direct channel by hand.
    r = api("POST", QStringLiteral("/api/channels"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("My stream")},
                         {QStringLiteral("address"), QStringLiteral("http://cam.local/live.ts")},
                         {QStringLiteral("category_id"), sport}});
    QCOMPARE(r.status, 201);
    const QJsonObject created = r.json().object();
    const int id = created.value(QLatin1String("id")).toInt();
    QCOMPARE(created.value(QLatin1String("kind")).toString(), QStringLiteral("direct"));
    QCOMPARE(created.value(QLatin1String("category")).toString(), QStringLiteral("Sport"));
    QCOMPARE(created.value(QLatin1String("number")).toInt(), 31);
    QVERIFY(created.value(QLatin1String("source_id")).isNull());
    QCOMPARE(api("POST", QStringLiteral("/api/channels"),
                 QJsonObject {
                         {QStringLiteral("name"), QStringLiteral("Again")},
                         {QStringLiteral("address"), QStringLiteral("http://cam.local/live.ts")}})
                     .status,
             409);

    // Edit an imported channel, then clear one edit again.
    r = api("PATCH", QStringLiteral("/api/channels/3"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("Renamed")},
                         {QStringLiteral("number"), 500},
                         {QStringLiteral("epg_id"), QStringLiteral("custom.epg")},
                         {QStringLiteral("hidden"), true}});
    QCOMPARE(r.status, 200);
    QJsonObject c = r.json().object();
    QCOMPARE(c.value(QLatin1String("name")).toString(), QStringLiteral("Renamed"));
    QCOMPARE(c.value(QLatin1String("number")).toInt(), 500);
    QCOMPARE(c.value(QLatin1String("epg_id")).toString(), QStringLiteral("custom.epg"));
    QCOMPARE(c.value(QLatin1String("hidden")).toBool(), true);
    QCOMPARE(c.value(QLatin1String("imported")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("Channel 2"));
    r = api("PATCH", QStringLiteral("/api/channels/3"),
            QJsonObject {{QStringLiteral("name"), QJsonValue()}});
    QCOMPARE(r.json().object().value(QLatin1String("name")).toString(),
             QStringLiteral("Channel 2"));
    QCOMPARE(api("GET", QStringLiteral("/api/channels?hidden=true"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             1);

    QCOMPARE(api("DELETE", QStringLiteral("/api/channels/%1").arg(id)).status, 200);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/%1").arg(id)).status, 404);
    QCOMPARE(api("DELETE", QStringLiteral("/api/channels/%1").arg(id)).status, 404);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/abc")).status, 404);
}

void tst_AdminApi::bulkUpdateChangesCategoryAndHidden()
{
    startServer();
    importPlaylist(samplePlaylist(6));
    const int own = api("POST", QStringLiteral("/api/categories"),
                        QJsonObject {{QStringLiteral("name"), QStringLiteral("Own")}})
                            .json()
                            .object()
                            .value(QLatin1String("id"))
                            .toInt();
    HttpResult r = api("POST", QStringLiteral("/api/channels/bulk"),
                       QJsonObject {{QStringLiteral("ids"), QJsonArray {1, 2, 3}},
                                    {QStringLiteral("category_id"), own},
                                    {QStringLiteral("hidden"), true}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().object().value(QLatin1String("updated")).toInt(), 3);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?category_id=%1").arg(own))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             3);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?hidden=true"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             3);
    // Back to the imported category.
    r = api("POST", QStringLiteral("/api/channels/bulk"),
            QJsonObject {{QStringLiteral("ids"), QJsonArray {1, 2, 3}},
                         {QStringLiteral("category_id"), QJsonValue()}});
    QCOMPARE(r.status, 200);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?category_id=%1").arg(own))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             0);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?category_id=none"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             0);
}

void tst_AdminApi::categoriesAreManagedAndOrdered()
{
    startServer();
    importPlaylist(samplePlaylist(4)); // News, Sport
    const int movies = api("POST", QStringLiteral("/api/categories"),
                           QJsonObject {{QStringLiteral("name"), QStringLiteral("Movies")}})
                               .json()
                               .object()
                               .value(QLatin1String("id"))
                               .toInt();
    QCOMPARE(api("POST", QStringLiteral("/api/categories"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Movies")}})
                     .status,
             409);
    auto names = [this]() {
        QStringList out;
        for (const QJsonValue &v : api("GET", QStringLiteral("/api/categories"))
                                           .json()
                                           .object()
                                           .value(QLatin1String("items"))
                                           .toArray())
            out << v.toObject().value(QLatin1String("name")).toString();
        return out;
    };
    QCOMPARE(names(), (QStringList {QStringLiteral("News"), QStringLiteral("Sport"),
                                    QStringLiteral("Movies")}));
    QCOMPARE(api("PUT", QStringLiteral("/api/categories/order"),
                 QJsonObject {{QStringLiteral("ids"), QJsonArray {movies, 2}}})
                     .status,
             200);
    QCOMPARE(names(), (QStringList {QStringLiteral("Movies"), QStringLiteral("Sport"),
                                    QStringLiteral("News")}));
    HttpResult r = api("PATCH", QStringLiteral("/api/categories/%1").arg(movies),
                       QJsonObject {{QStringLiteral("name"), QStringLiteral("Films")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().object().value(QLatin1String("name")).toString(), QStringLiteral("Films"));
    QCOMPARE(api("GET", QStringLiteral("/api/categories/2"))
                     .json()
                     .object()
                     .value(QLatin1String("channels"))
                     .toInt(),
             2);
    QCOMPARE(api("DELETE", QStringLiteral("/api/categories/2")).status, 200);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?category_id=none"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             2);
    QCOMPARE(api("GET", QStringLiteral("/api/categories/2")).status, 404);
}

void tst_AdminApi::fileSourceImportsAndReportsStatus()
{
    startServer();
    const QString path = write(QStringLiteral("list.m3u"), samplePlaylist(50) + "#EXTINF:broken\n");
    QSignalSpy progress(m_server->sourceManager(), &SourceManager::progressChanged);
    QSignalSpy finished(m_server->sourceManager(), &SourceManager::importFinished);
    HttpResult r = api("POST", QStringLiteral("/api/sources"),
                       QJsonObject {{QStringLiteral("name"), QStringLiteral("local")},
                                    {QStringLiteral("location"), path},
                                    {QStringLiteral("refresh_interval_s"), 3600}});
    QCOMPARE(r.status, 201);
    const int id = r.json().object().value(QLatin1String("id")).toInt();
    QJsonObject s = waitForImport(QStringLiteral("/api/sources/%1").arg(id));
    QCOMPARE(finished.size(), 1);
    QStringList states;
    for (const auto &args : progress)
        states << args.at(2).toJsonObject().value(QLatin1String("state")).toString();
    QVERIFY2(states.contains(QLatin1String("importing")),
             qPrintable(states.join(QLatin1Char(','))));
    QCOMPARE(states.last(), QStringLiteral("idle"));
    QJsonObject status
            = api("GET", QStringLiteral("/api/sources/%1/status").arg(id)).json().object();
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("ok"));
    QCOMPARE(status.value(QLatin1String("last_imported")).toInt(), 50);
    QCOMPARE(status.value(QLatin1String("last_skipped")).toInt(), 1);
    QCOMPARE(status.value(QLatin1String("progress"))
                     .toObject()
                     .value(QLatin1String("percent"))
                     .toInt(),
             100);
    QCOMPARE(s.value(QLatin1String("channels")).toInt(), 50);

    // The user's edit survives a refresh that renames the channel at the source.
    QCOMPARE(api("PATCH", QStringLiteral("/api/channels/1"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Mine")},
                              {QStringLiteral("hidden"), true}})
                     .status,
             200);
    write(QStringLiteral("list.m3u"), samplePlaylist(50).replace("Channel 0\n", "Channel Zero\n"));
    QCOMPARE(api("POST", QStringLiteral("/api/sources/%1/refresh").arg(id)).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000); // may be over before the 202 arrives
    const QJsonObject edited = api("GET", QStringLiteral("/api/channels/1")).json().object();
    QCOMPARE(edited.value(QLatin1String("name")).toString(), QStringLiteral("Mine"));
    QCOMPARE(edited.value(QLatin1String("hidden")).toBool(), true);
    QCOMPARE(edited.value(QLatin1String("imported"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
             QStringLiteral("Channel Zero"));

    // The file turns bad: the refresh fails, says why, and the catalog stays as it was.
    const QByteArray before = api("GET", QStringLiteral("/api/channels?limit=5000")).body;
    write(QStringLiteral("list.m3u"), "<html>Service Unavailable</html>");
    QCOMPARE(api("POST", QStringLiteral("/api/sources/%1/refresh").arg(id)).status, 202);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
    status = api("GET", QStringLiteral("/api/sources/%1/status").arg(id)).json().object();
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("error"));
    QVERIFY(status.value(QLatin1String("last_error"))
                    .toString()
                    .contains(QLatin1String("not an M3U")));
    QCOMPARE(api("GET", QStringLiteral("/api/channels?limit=5000")).body, before);
    bool logged = false;
    for (const LogLine &line : m_logger->tail(50))
        logged = logged
                 || (line.category == QLatin1String("acehub.catalog")
                     && line.message.contains(QLatin1String("not an M3U")));
    QVERIFY(logged);
    QCOMPARE(api("POST", QStringLiteral("/api/sources/999/refresh")).status, 404);
    QCOMPARE(api("DELETE", QStringLiteral("/api/sources/%1").arg(id)).status, 200);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?active=true"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             0);
    QCOMPARE(api("GET", QStringLiteral("/api/channels?active=false"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             50);
}

void tst_AdminApi::urlSourceAcceptsGzipAndEnforcesTheSizeCap()
{
    startServer({{QStringLiteral("source_fetch_max_mib"), 1}});
    QHttpServer web;
    const QByteArray playlist = samplePlaylist(20);
    web.route(QStringLiteral("/list.m3u.gz"), [playlist]() {
        return QHttpServerResponse("application/gzip", Fixtures::gzip(playlist));
    });
    web.route(QStringLiteral("/huge.m3u"), [playlist]() {
        return QHttpServerResponse("audio/x-mpegurl",
                                   playlist.repeated(2 * 1024 * 1024 / playlist.size() + 1));
    });
    // Content-Encoding: gzip on the wire (Qt asks for it and inflates it).
    const QByteArray other = QByteArray(samplePlaylist(25)).replace("acestream://", "");
    web.route(QStringLiteral("/encoded.m3u"), [other]() {
        QHttpServerResponse response("audio/x-mpegurl", Fixtures::gzip(other));
        addHeader(response, "Content-Encoding", "gzip");
        return response;
    });
    web.route(QStringLiteral("/missing.m3u"),
              []() { return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound); });
    const quint16 port = listenOnLocalhost(web);
    QVERIFY(port);
    auto add = [&](const QString &file) {
        const HttpResult r
                = api("POST", QStringLiteral("/api/sources"),
                      QJsonObject {{QStringLiteral("name"), file},
                                   {QStringLiteral("location"),
                                    QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(file)}});
        return waitForImport(QStringLiteral("/api/sources/%1")
                                     .arg(r.json().object().value(QLatin1String("id")).toInt()))
                .value(QLatin1String("status"))
                .toObject();
    };
    QJsonObject status = add(QStringLiteral("list.m3u.gz"));
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("ok"));
    QCOMPARE(status.value(QLatin1String("last_imported")).toInt(), 20);
    status = add(QStringLiteral("encoded.m3u"));
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("ok"));
    QCOMPARE(status.value(QLatin1String("last_imported")).toInt(), 25); // 20 seen before, 5 new
    status = add(QStringLiteral("huge.m3u"));
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("error"));
    QVERIFY2(status.value(QLatin1String("last_error"))
                     .toString()
                     .contains(QLatin1String("larger than 1 MiB")),
             qPrintable(status.value(QLatin1String("last_error")).toString()));
    status = add(QStringLiteral("missing.m3u"));
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("error"));
    QVERIFY(status.value(QLatin1String("last_error")).toString().contains(QLatin1String("404")));
    QCOMPARE(api("GET", QStringLiteral("/api/channels"))
                     .json()
                     .object()
                     .value(QLatin1String("total"))
                     .toInt(),
             25);
}

void tst_AdminApi::bigGuideImportsWhileHealthKeepsAnswering()
{
    startServer();
    importPlaylist(samplePlaylist(10)); // tvg-id ch0..ch9
    // 500 channels x 100 hourly programmes = 50,000 programmes, all inside the kept window.
    const QString path
            = write(QStringLiteral("big.xml"),
                    Fixtures::xmltv(500, 100, QDateTime::currentSecsSinceEpoch() - 3600));
    const HttpResult r = api("POST", QStringLiteral("/api/epg-sources"),
                             QJsonObject {{QStringLiteral("name"), QStringLiteral("big")},
                                          {QStringLiteral("location"), path}});
    QCOMPARE(r.status, 201);
    const int id = r.json().object().value(QLatin1String("id")).toInt();
    QSignalSpy finished(m_server->sourceManager(), &SourceManager::importFinished);
    int polls = 0;
    qint64 worst = 0;
    qint64 worstEdit = 0;
    while (finished.isEmpty()) {
        const HttpResult h = httpGet(url(QStringLiteral("/api/health")));
        QCOMPARE(h.status, 200);
        worst = qMax(worst, h.elapsedMs);
        // An admin edit writes on the server thread: the import holds the write lock only
        // for its final copy; an edit meeting it is answered 503 at once, never waits.
        const HttpResult edit = api(
                "PATCH", QStringLiteral("/api/channels/1"),
                QJsonObject {{QStringLiteral("logo"), QStringLiteral("http://l/%1").arg(polls)}});
        QVERIFY2(edit.status == 200 || edit.status == 503, edit.body.constData());
        worstEdit = qMax(worstEdit, edit.elapsedMs);
        ++polls;
        QVERIFY(polls < 100000);
    }
    std::printf(
            "health answered %d times during the import, slowest %lld ms; slowest edit %lld ms\n",
            polls, worst, worstEdit);
    // Answered all along; how fast is measured by acehub-bench, not asserted here (a sanitizer
    // or loaded run must pass). That the server thread never sleeps on the import's lock is
    // tst_database's theServerThreadFailsFastOnALockedFileWhileWorkersWait.
    QVERIFY(polls >= 3);
    QVERIFY(finished.first().at(2).toBool());
    const QJsonObject s = api("GET", QStringLiteral("/api/epg-sources/%1").arg(id)).json().object();
    QCOMPARE(s.value(QLatin1String("programmes")).toInt(), 50000);
    QCOMPARE(s.value(QLatin1String("status"))
                     .toObject()
                     .value(QLatin1String("last_imported"))
                     .toInt(),
             50000);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/1"))
                     .json()
                     .object()
                     .value(QLatin1String("guide_id"))
                     .toString(),
             QStringLiteral("ch0"));
    // Its guide through the API: hourly shows from an hour before the import, the current first.
    const QJsonObject guide
            = api("GET", QStringLiteral("/api/channels/1/programmes?hours=5")).json().object();
    QCOMPARE(guide.value(QLatin1String("epg_id")).toString(), QStringLiteral("ch0"));
    const QJsonArray shows = guide.value(QLatin1String("items")).toArray();
    QVERIFY2(shows.size() >= 5 && shows.size() <= 6, qPrintable(QString::number(shows.size())));
    QCOMPARE(shows.at(0).toObject().value(QLatin1String("title")).toString(),
             QStringLiteral("Show 1 & more"));
    // Matched by hand to another guide channel.
    QCOMPARE(api("PATCH", QStringLiteral("/api/channels/1"),
                 QJsonObject {{QStringLiteral("epg_id"), QStringLiteral("ch42")}})
                     .status,
             200);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/1/programmes"))
                     .json()
                     .object()
                     .value(QLatin1String("epg_id"))
                     .toString(),
             QStringLiteral("ch42"));
}

void tst_AdminApi::editsDuringABigPlaylistImportNeverStallTheServer()
{
    startServer();
    importPlaylist(samplePlaylist(10)); // channel 1 to edit
    const HttpResult user = api("POST", QStringLiteral("/api/users"),
                                QJsonObject {{QStringLiteral("username"), QStringLiteral("kid")},
                                             {QStringLiteral("password"), QStringLiteral("pw")}});
    QCOMPARE(user.status, 201);
    const int userId = user.json().object().value(QLatin1String("id")).toInt();
    const QString path = write(QStringLiteral("big.m3u"), samplePlaylist(150000));
    // A player's view of the server, measured from another thread while the test thread
    // (the server's) answers the edits: a write that sleeps in SQLite's busy handler stalls
    // every answer, health included.
    std::atomic_bool stop {false};
    std::atomic<qint64> worstHealth {0};
    std::atomic_int healthPolls {0};
    std::atomic_int healthFailures {0};
    const QUrl healthUrl = url(QStringLiteral("/api/health"));
    std::unique_ptr<QThread> prober(QThread::create([&]() {
        while (!stop) {
            const HttpResult h = httpGet(healthUrl, 20000);
            if (h.status != 200)
                ++healthFailures;
            worstHealth = qMax(worstHealth.load(), h.elapsedMs);
            ++healthPolls;
            QThread::msleep(10);
        }
    }));
    QSignalSpy finished(m_server->sourceManager(), &SourceManager::importFinished);
    const HttpResult created = api("POST", QStringLiteral("/api/sources"),
                                   QJsonObject {{QStringLiteral("name"), QStringLiteral("big")},
                                                {QStringLiteral("location"), path}});
    QCOMPARE(created.status, 201);
    prober->start();
    int edits = 0;
    int busy = 0;
    qint64 worstEdit = 0;
    QElapsedTimer waited;
    waited.start();
    // Until the import is over (an ASan build on a loaded machine took over 120 s); the limit is
    // only a guard against a stuck import.
    while (finished.isEmpty() && waited.elapsed() < 600000) {
        // A channel, a user and a setting: every admin write goes through the one helper.
        const HttpResult edit
                = edits % 3 == 0 ? api("PATCH", QStringLiteral("/api/channels/1"),
                                       QJsonObject {{QStringLiteral("logo"),
                                                     QStringLiteral("http://l/%1").arg(edits)}})
                  : edits % 3 == 1
                          ? api("PATCH", QStringLiteral("/api/users/%1").arg(userId),
                                QJsonObject {{QStringLiteral("password"),
                                              QStringLiteral("pw%1").arg(edits)}})
                          : api("PATCH", QStringLiteral("/api/settings"),
                                QJsonObject {{QStringLiteral("epg_days_ahead"), 2 + edits % 5}});
        QVERIFY2(edit.status == 200 || edit.status == 503, edit.body.constData());
        if (edit.status == 503) {
            ++busy;
            QCOMPARE(edit.header("Retry-After"), QByteArray("2"));
            QCOMPARE(edit.json().object().value(QLatin1String("error")).toString(),
                     QStringLiteral("the catalog is busy importing; try again"));
        }
        worstEdit = qMax(worstEdit, edit.elapsedMs);
        ++edits;
        QTest::qWait(20);
    }
    stop = true;
    while (!prober->wait(10))
        QCoreApplication::processEvents(); // its last request needs the server thread
    std::printf("%d edits during the import (%d answered 503), slowest %lld ms; health answered "
                "%d times, slowest %lld ms\n",
                edits, busy, worstEdit, healthPolls.load(), worstHealth.load());
    QCOMPARE(finished.size(), 1);
    QVERIFY2(finished.first().at(2).toBool(), qPrintable(finished.first().at(3).toString()));
    QVERIFY(edits >= 3);
    QVERIFY(healthPolls >= 3);
    QCOMPARE(healthFailures.load(), 0);
    // The old code slept in every edit until the import committed (up to the 5 s busy
    // timeout), and every answer of the server with it: 2.4 s here. The figures above are
    // informative; the fail-fast lock is held by tst_database
    // (theServerThreadFailsFastOnALockedFileWhileWorkersWait), speed by acehub-bench.
    // Once the import has committed, the edit goes through.
    QCOMPARE(api("PATCH", QStringLiteral("/api/channels/1"),
                 QJsonObject {{QStringLiteral("logo"), QStringLiteral("http://l/final")}})
                     .status,
             200);
    const int total = api("GET", QStringLiteral("/api/channels?limit=1"))
                              .json()
                              .object()
                              .value(QLatin1String("total"))
                              .toInt();
    QVERIFY2(total >= 150000, qPrintable(QString::number(total)));
}

void tst_AdminApi::sourcesRefreshOnTheirInterval()
{
    startServer();
    importPlaylist(samplePlaylist(2)); // source 1, refresh_interval_s 86400 by default
    QSignalSpy finished(m_server->sourceManager(), &SourceManager::importFinished);
    const QString guide = write(QStringLiteral("g.xml"),
                                Fixtures::xmltv(2, 5, QDateTime::currentSecsSinceEpoch()));
    HttpResult r = api("POST", QStringLiteral("/api/epg-sources"),
                       QJsonObject {{QStringLiteral("name"), QStringLiteral("g")},
                                    {QStringLiteral("location"), guide},
                                    {QStringLiteral("refresh_interval_s"), 60}});
    QCOMPARE(r.status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    finished.clear();
    m_server->sourceManager()->start(50); // check for due sources every 50 ms
    QTest::qWait(300);
    QCOMPARE(finished.size(), 0); // nothing is due yet
    {
        // The guide's last refresh is now 61 s old: due; the playlist's is not.
        QSqlQuery q(m_server->database()->connection());
        QVERIFY(q.exec(
                QStringLiteral("UPDATE epg_sources SET last_refresh_at = last_refresh_at - 61")));
    }
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(0).value<SourceManager::Kind>(), SourceManager::Kind::Guide);
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1); // and then not again before its interval
    // The guide's channels are offered for matching by hand.
    r = api("GET", QStringLiteral("/api/epg-channels?search=channel%201"));
    QCOMPARE(r.json().object().value(QLatin1String("items")).toArray().size(), 1);
    QCOMPARE(r.json().object()
                     .value(QLatin1String("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("epg_id"))
                     .toString(),
             QStringLiteral("ch1"));
    // Without a search, all of them (an absent parameter once matched nothing), in pages.
    r = api("GET", QStringLiteral("/api/epg-channels"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().object().value(QLatin1String("total")).toInt(), 2);
    QCOMPARE(r.json().object().value(QLatin1String("items")).toArray().size(), 2);
    r = api("GET", QStringLiteral("/api/epg-channels?limit=1&offset=1"));
    QCOMPARE(r.json().object().value(QLatin1String("items")).toArray().size(), 1);
    QCOMPARE(r.json().object().value(QLatin1String("total")).toInt(), 2);
    QCOMPARE(api("GET", QStringLiteral("/api/epg-channels?offset=-1")).status, 400);
}

void tst_AdminApi::stoppingDuringAnImportCancelsIt()
{
    startServer();
    const QString path = write(QStringLiteral("big.xml"),
                               Fixtures::xmltv(1000, 100, QDateTime::currentSecsSinceEpoch()));
    QSignalSpy progress(m_server->sourceManager(), &SourceManager::progressChanged);
    QCOMPARE(api("POST", QStringLiteral("/api/epg-sources"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("big")},
                              {QStringLiteral("location"), path}})
                     .status,
             201);
    QTRY_VERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const QList<QVariant> &args) {
        return args.at(2).toJsonObject().value(QLatin1String("items")).toInt() > 0;
    }));
    m_server->stop(); // cancels the import and waits for its thread
    Database db(m_server->databasePath());
    QVERIFY(db.open().ok);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM epg_programmes")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT last_status FROM epg_sources")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("never"));
}

void tst_AdminApi::backupThenRestoreGivesTheSameCatalog()
{
    startServer();
    importPlaylist(samplePlaylist(12));
    QCOMPARE(api("PATCH", QStringLiteral("/api/channels/2"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Mine")},
                              {QStringLiteral("hidden"), true}})
                     .status,
             200);
    QCOMPARE(api("PATCH", QStringLiteral("/api/settings"),
                 QJsonObject {{QStringLiteral("epg_days_ahead"), 3}})
                     .status,
             200);
    {
        QSqlQuery q(m_server->database()->connection());
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO users(username, password, created_at) VALUES ('kid', 'pw', 1)")));
        QVERIFY(q.exec(
                QStringLiteral("INSERT INTO user_categories(user_id, category_id) VALUES (1, 2)")));
    }
    const HttpResult backup = api("GET", QStringLiteral("/api/backup"));
    QCOMPARE(backup.status, 200);
    QJsonObject doc = backup.json().object();
    QCOMPARE(doc.value(QLatin1String("channels")).toArray().size(), 12);
    QCOMPARE(doc.value(QLatin1String("users")).toArray().size(), 1);
    QCOMPARE(doc.value(QLatin1String("settings"))
                     .toObject()
                     .value(QLatin1String("epg_days_ahead"))
                     .toInt(),
             3);

    // Wreck the catalog, then restore.
    QCOMPARE(api("DELETE", QStringLiteral("/api/channels/2")).status, 200);
    QCOMPARE(api("DELETE", QStringLiteral("/api/categories/1")).status, 200);
    QCOMPARE(api("POST", QStringLiteral("/api/categories"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Junk")}})
                     .status,
             201);
    QCOMPARE(api("PATCH", QStringLiteral("/api/settings"),
                 QJsonObject {{QStringLiteral("epg_days_ahead"), 9}})
                     .status,
             200);
    {
        QSqlQuery q(m_server->database()->connection());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM users")));
    }
    const HttpResult restored = api("POST", QStringLiteral("/api/restore"), backup.body);
    QCOMPARE(restored.status, 200);
    QJsonObject again = api("GET", QStringLiteral("/api/backup")).json().object();
    doc.remove(QStringLiteral("created_at"));
    again.remove(QStringLiteral("created_at"));
    QCOMPARE(again, doc);
    QCOMPARE(m_server->settings().epgDaysAhead(), 3);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/2"))
                     .json()
                     .object()
                     .value(QLatin1String("name"))
                     .toString(),
             QStringLiteral("Mine"));
}

void tst_AdminApi::restoreFetchesTheGuideAgainAtOnce()
{
    startServer();
    importPlaylist(samplePlaylist(4)); // tvg-id ch0..ch3
    const QString path = write(QStringLiteral("g.xml"),
                               Fixtures::xmltv(4, 10, QDateTime::currentSecsSinceEpoch() - 3600));
    QSignalSpy finished(m_server->sourceManager(), &SourceManager::importFinished);
    const HttpResult created = api("POST", QStringLiteral("/api/epg-sources"),
                                   QJsonObject {{QStringLiteral("name"), QStringLiteral("g")},
                                                {QStringLiteral("location"), path}});
    QCOMPARE(created.status, 201);
    const QString source = QStringLiteral("/api/epg-sources/%1")
                                   .arg(created.json().object().value(QLatin1String("id")).toInt());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(api("GET", source).json().object().value(QLatin1String("programmes")).toInt(), 40);
    const HttpResult backup = api("GET", QStringLiteral("/api/backup"));
    QCOMPARE(backup.status, 200);

    // The restore empties the guide (it is not in a backup); the guide source is fetched
    // again right away rather than at its next schedule (12 h by default).
    QCOMPARE(api("POST", QStringLiteral("/api/restore"), backup.body).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QVERIFY(finished.last().at(2).toBool());
    const QJsonObject after = api("GET", source).json().object();
    QCOMPARE(after.value(QLatin1String("programmes")).toInt(), 40);
    QCOMPARE(api("GET", QStringLiteral("/api/channels/1/programmes"))
                     .json()
                     .object()
                     .value(QLatin1String("epg_id"))
                     .toString(),
             QStringLiteral("ch0"));
}

void tst_AdminApi::restoreThatCannotSaveTheSettingsSaysSo()
{
    startServer();
    importPlaylist(samplePlaylist(3));
    QCOMPARE(api("PATCH", QStringLiteral("/api/settings"),
                 QJsonObject {{QStringLiteral("epg_days_ahead"), 3}})
                     .status,
             200);
    const HttpResult backup = api("GET", QStringLiteral("/api/backup"));
    QCOMPARE(backup.status, 200);
    QCOMPARE(api("PATCH", QStringLiteral("/api/settings"),
                 QJsonObject {{QStringLiteral("epg_days_ahead"), 9}})
                     .status,
             200);
    {
        // The settings table refuses every write from now on.
        QSqlQuery q(m_server->database()->connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER frozen BEFORE UPDATE ON settings"
                                      " BEGIN SELECT RAISE(FAIL, 'settings are frozen'); END")));
    }
    const HttpResult restored = api("POST", QStringLiteral("/api/restore"), backup.body);
    QCOMPARE(restored.status, 500);
    const QJsonObject o = restored.json().object();
    const QString error = o.value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(QLatin1String("not the settings"))
                     && error.contains(QLatin1String("settings are frozen")),
             qPrintable(error));
    QCOMPARE(o.value(QLatin1String("restored")).toObject().value(QLatin1String("channels")).toInt(),
             3);
    QCOMPARE(m_server->settings().epgDaysAhead(), 9); // unchanged, as the answer says
}

void tst_AdminApi::sourceCredentialsNeverReachTheLog()
{
    startServer();
    QHttpServer web;
    const QByteArray playlist = samplePlaylist(5);
    web.route(QStringLiteral("/get.php"),
              [playlist]() { return QHttpServerResponse("audio/x-mpegurl", playlist); });
    web.route(QStringLiteral("/gone.php"),
              []() { return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound); });
    const quint16 port = listenOnLocalhost(web);
    QVERIFY(port);
    const quint16 closed = closedPort();
    const QString query = QStringLiteral("?username=u&password=secret&type=m3u_plus");
    const QStringList locations {
            QStringLiteral("http://127.0.0.1:%1/get.php%2").arg(port).arg(query),
            QStringLiteral("http://127.0.0.1:%1/gone.php%2").arg(port).arg(query),
            QStringLiteral("http://127.0.0.1:%1/get.php%2").arg(closed).arg(query),
            QStringLiteral("http://u:secret@127.0.0.1:%1/get.php").arg(closed),
    };
    QStringList statuses;
    for (const QString &location : locations) {
        const HttpResult r = api("POST", QStringLiteral("/api/sources"),
                                 QJsonObject {{QStringLiteral("name"), QStringLiteral("p")},
                                              {QStringLiteral("location"), location}});
        QCOMPARE(r.status, 201);
        const QJsonObject s
                = waitForImport(QStringLiteral("/api/sources/%1")
                                        .arg(r.json().object().value(QLatin1String("id")).toInt()));
        const QJsonObject status = s.value(QLatin1String("status")).toObject();
        statuses << status.value(QLatin1String("last_status")).toString();
        const QByteArray text = QJsonDocument(status).toJson(QJsonDocument::Compact);
        QVERIFY2(!text.contains("secret"), text.constData());
    }
    QCOMPARE(statuses, QStringList({QStringLiteral("ok"), QStringLiteral("error"),
                                    QStringLiteral("error"), QStringLiteral("error")}));
    bool named = false;
    for (const LogLine &line : m_logger->tail(10000)) {
        QVERIFY2(!line.message.contains(QLatin1String("secret")), qPrintable(line.message));
        named = named || line.message.contains(QLatin1String("/get.php"));
    }
    QVERIFY(named); // the log still says where the source is
}

void tst_AdminApi::exportListsEveryChannel()
{
    startServer();
    importPlaylist(samplePlaylist(8));
    QCOMPARE(api("PATCH", QStringLiteral("/api/channels/4"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Edited, with comma")},
                              {QStringLiteral("hidden"), true}})
                     .status,
             200);
    QCOMPARE(api("POST", QStringLiteral("/api/channels"),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Hash")},
                              {QStringLiteral("address"),
                               QStringLiteral("http://e:6878/ace/getstream?infohash=")
                                       + Fixtures::contentId(99)}})
                     .status,
             201);
    const HttpResult r = api("GET", QStringLiteral("/api/export.m3u"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("audio/x-mpegurl"));
    const M3uParseResult parsed = M3uParser::parse(r.body);
    QCOMPARE(parsed.skipped, 0);
    QCOMPARE(parsed.entries.size(), 9);
    QCOMPARE(parsed.entries.at(3).name, QStringLiteral("Edited, with comma"));
    QCOMPARE(parsed.entries.at(3).contentId, Fixtures::contentId(3));
    QCOMPARE(parsed.entries.at(3).tvgId, QStringLiteral("ch3"));
    QCOMPARE(parsed.entries.at(3).group, QStringLiteral("Sport"));
    QCOMPARE(parsed.entries.at(3).tvgChno, 4);
    QCOMPARE(parsed.entries.at(8).infohash, Fixtures::contentId(99));
}

void tst_AdminApi::settingsAreListedAndUpdated()
{
    startServer();
    QJsonArray items = api("GET", QStringLiteral("/api/settings"))
                               .json()
                               .object()
                               .value(QLatin1String("items"))
                               .toArray();
    QJsonObject ahead;
    QJsonObject port;
    for (const QJsonValue &v : items) {
        if (v.toObject().value(QLatin1String("key")) == QLatin1String("epg_days_ahead"))
            ahead = v.toObject();
        if (v.toObject().value(QLatin1String("key")) == QLatin1String("port"))
            port = v.toObject();
    }
    QCOMPARE(ahead.value(QLatin1String("value")).toInt(), 7);
    QCOMPARE(ahead.value(QLatin1String("default")).toInt(), 7);
    QCOMPARE(ahead.value(QLatin1String("layer")).toString(), QStringLiteral("default"));
    QVERIFY(!ahead.value(QLatin1String("description")).toString().isEmpty());
    QCOMPARE(port.value(QLatin1String("layer")).toString(), QStringLiteral("command line"));
    const HttpResult r = api("PATCH", QStringLiteral("/api/settings"),
                             QJsonObject {{QStringLiteral("epg_days_ahead"), 14},
                                          {QStringLiteral("channel_check_delay_ms"), 5000}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_server->settings().epgDaysAhead(), 14);
    QCOMPARE(m_server->settings().channelCheckDelayMs(), 5000);
    QCOMPARE(r.json().object()
                     .value(QLatin1String("updated"))
                     .toObject()
                     .value(QLatin1String("epg_days_ahead"))
                     .toObject()
                     .value(QLatin1String("layer"))
                     .toString(),
             QStringLiteral("stored"));
}

void tst_AdminApi::logFileIsDownloaded()
{
    startServer();
    qCInfo(lcCatalog) << "a line for the download test";
    const HttpResult r = api("GET", QStringLiteral("/api/logs/download"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Disposition").contains("acehub.log"));
    QVERIFY(r.body.contains("a line for the download test"));
}

void tst_AdminApi::loginChecksThePasswordWithoutHoldingUpTheServer()
{
    startServer();
    QTcpSocket login;
    login.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(login.waitForConnected(5000));
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("password"), m_password}})
                                    .toJson(QJsonDocument::Compact);
    login.write("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(login.waitForBytesWritten(5000));
    // The login is being checked (PBKDF2, tens of ms at least): the server answers meanwhile.
    QTRY_VERIFY(m_server->http()->openConnections() >= 1);
    const HttpResult health = httpGet(url(QStringLiteral("/api/health")));
    QCOMPARE(health.status, 200);
    QVERIFY2(login.bytesAvailable() == 0, "the login was answered before the health check");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += login.readAll()).contains("\"token\""), 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    const QByteArray token = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4))
                                     .object()
                                     .value(QLatin1String("token"))
                                     .toString()
                                     .toUtf8();
    QCOMPARE(httpRequest("GET", url(QStringLiteral("/api/channels")), {},
                         {{"Authorization", "Bearer " + token}})
                     .status,
             200);
}

QTEST_GUILESS_MAIN(tst_AdminApi)
#include "tst_adminapi.moc"
