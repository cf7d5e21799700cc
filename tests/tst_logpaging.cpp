#include "httpclient.h"
#include "log/logger.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

Q_LOGGING_CATEGORY(lcPagingTest, "acehub.pagingtest")

// GET /api/logs: the ring buffer newest first, filtered and paged; /api/logs/tail as before.
class tst_LogPaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pagesGoBackwardsWithBeforeUntilNoMore();
    void levelAndSearchFilter();
    void badParametersAre400();
    void tailStillWorksAndRefusesUnknownParameters();

private:
    QJsonObject page(const QString &query);
    std::unique_ptr<TestServer> m_server;
};

void tst_LogPaging::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start({{QStringLiteral("log_level"), QStringLiteral("debug")}}));
}

void tst_LogPaging::cleanup()
{
    m_server.reset();
}

QJsonObject tst_LogPaging::page(const QString &query)
{
    const HttpResult r = m_server->api("GET", QStringLiteral("/api/logs") + query);
    if (r.status != 200)
        qWarning() << r.status << r.body;
    return r.status == 200 ? r.json().object() : QJsonObject();
}

void tst_LogPaging::pagesGoBackwardsWithBeforeUntilNoMore()
{
    for (int i = 0; i < 25; ++i)
        qCInfo(lcPagingTest) << "paged line" << i;
    QJsonObject p = page(QStringLiteral("?search=paged%20line&limit=10"));
    QJsonArray items = p.value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 10);
    QCOMPARE(p.value(QLatin1String("has_more")).toBool(), true);
    QCOMPARE(items.first().toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("paged line 24"));
    const QJsonObject line = items.first().toObject();
    for (const char *key : {"id", "time", "level", "category", "message"})
        QVERIFY2(line.contains(QLatin1String(key)), key);
    QVERIFY(line.value(QLatin1String("time")).toString().endsWith(QLatin1Char('Z')));
    QStringList seen;
    qint64 before = 0;
    for (int round = 0; round < 5; ++round) {
        for (const QJsonValue &v : items) {
            seen << v.toObject().value(QLatin1String("message")).toString();
            const qint64 id = v.toObject().value(QLatin1String("id")).toInteger();
            QVERIFY(before == 0 || id < before); // newest first, strictly older each time
            before = id;
        }
        if (!p.value(QLatin1String("has_more")).toBool())
            break;
        p = page(QStringLiteral("?search=paged%20line&limit=10&before=%1").arg(before));
        items = p.value(QLatin1String("items")).toArray();
    }
    QCOMPARE(seen.size(), 25);
    QCOMPARE(seen.last(), QStringLiteral("paged line 0"));
}

void tst_LogPaging::levelAndSearchFilter()
{
    qCInfo(lcPagingTest) << "quiet info";
    qCWarning(lcPagingTest) << "LOUD warning";
    const QJsonArray warnings = page(QStringLiteral("?level=warning&search=loud"))
                                        .value(QLatin1String("items"))
                                        .toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().toObject().value(QLatin1String("level")).toString(),
             QStringLiteral("warning"));
    QCOMPARE(page(QStringLiteral("?level=warning&search=quiet"))
                     .value(QLatin1String("items"))
                     .toArray()
                     .size(),
             0);
}

void tst_LogPaging::badParametersAre400()
{
    const QStringList bad {QStringLiteral("?level=loud"),
                           QStringLiteral("?limit=0"),
                           QStringLiteral("?limit=1001"),
                           QStringLiteral("?before=x"),
                           QStringLiteral("?lines=5"),
                           QStringLiteral("?search=") + QString(201, QLatin1Char('a'))};
    for (const QString &q : bad) {
        const HttpResult r = m_server->api("GET", QStringLiteral("/api/logs") + q);
        QVERIFY2(r.status == 400, qPrintable(q));
    }
}

void tst_LogPaging::tailStillWorksAndRefusesUnknownParameters()
{
    qCInfo(lcPagingTest) << "tail line";
    const HttpResult tail = m_server->api("GET", QStringLiteral("/api/logs/tail?lines=5"));
    QCOMPARE(tail.status, 200);
    QCOMPARE(tail.json().object().value(QLatin1String("lines")).toArray().size(), 5);
    const HttpResult unknown = m_server->api("GET", QStringLiteral("/api/logs/tail?line=5"));
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.json()
                    .object()
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("line")));
}

QTEST_GUILESS_MAIN(tst_LogPaging)
#include "tst_logpaging.moc"
