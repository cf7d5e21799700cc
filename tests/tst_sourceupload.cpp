// Uploading a playlist or guide file (POST /api/sources/upload, /api/epg-sources/upload): the
// body is the file itself; it becomes an on-demand source of its own, imported as a URL source
// is, and a broken file leaves the catalog as it was.
#include "catalogfixtures.h"
#include "httpclient.h"
#include "testserver.h"

#include "server.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class tst_SourceUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void uploadedPlaylistBecomesAnOnDemandSourceAndIsImported();
    void uploadedGzipGuideIsImported();
    void brokenUploadKeepsTheCatalogAndSaysWhy();
    void refusalsNameTheProblem();
    void fileOverTheRequestCapIsRefused();
    void deletingTheSourceDeletesItsUploadedFile();
    void pointingTheSourceElsewhereDeletesItsUploadedFile();

private:
    HttpResult upload(const QString &base, const QString &name, const QByteArray &file);
    // Waits for the source's import to finish; its status object.
    QJsonObject importedStatus(const QString &base, int id);
    int activeChannels();

    std::unique_ptr<TestServer> m_ts;
};

namespace {

QByteArray playlist(int channels, bool withBrokenEntry)
{
    QByteArray m3u = "#EXTM3U\n";
    for (int i = 0; i < channels; ++i)
        m3u += QStringLiteral("#EXTINF:-1 group-title=\"News\",Uploaded %1\nacestream://%2\n")
                       .arg(i)
                       .arg(Fixtures::contentId(i))
                       .toUtf8();
    if (withBrokenEntry)
        m3u += "#EXTINF:-1,Not a stream\nftp://example/nothing\n";
    return m3u;
}

} // namespace

void tst_SourceUpload::init()
{
    m_ts = std::make_unique<TestServer>();
    QVERIFY2(m_ts->start({{QStringLiteral("http_max_request_mib"), 1}}),
             qPrintable(m_ts->errorString()));
}

void tst_SourceUpload::cleanup()
{
    m_ts.reset();
}

HttpResult tst_SourceUpload::upload(const QString &base, const QString &name,
                                    const QByteArray &file)
{
    QUrl url = m_ts->url(base + QStringLiteral("/upload"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), name);
    url.setQuery(query);
    return httpRequest(
            "POST", url, file,
            {basicAuth(m_ts->adminPassword()), {"Content-Type", "application/octet-stream"}},
            30000);
}

QJsonObject tst_SourceUpload::importedStatus(const QString &base, int id)
{
    QJsonObject status;
    QTest::qWaitFor(
            [&] {
                status = m_ts->api("GET", QStringLiteral("%1/%2/status").arg(base).arg(id))
                                 .json()
                                 .object();
                return status.value(QLatin1String("last_status")).toString()
                       != QLatin1String("never");
            },
            20000);
    return status; // still "never" after the wait: the caller's comparison fails
}

int tst_SourceUpload::activeChannels()
{
    return m_ts->api("GET", QStringLiteral("/api/channels?active=true&limit=5000"))
            .json()
            .object()
            .value(QLatin1String("total"))
            .toInt();
}

void tst_SourceUpload::uploadedPlaylistBecomesAnOnDemandSourceAndIsImported()
{
    const HttpResult created
            = upload(QStringLiteral("/api/sources"), QStringLiteral("My list"), playlist(3, true));
    QCOMPARE(created.status, 201);
    const QJsonObject source = created.json().object();
    QCOMPARE(source.value(QLatin1String("name")).toString(), QStringLiteral("My list"));
    QCOMPARE(source.value(QLatin1String("refresh_interval_s")).toInt(), 0);
    QVERIFY(source.value(QLatin1String("enabled")).toBool());
    const QString location = source.value(QLatin1String("location")).toString();
    QCOMPARE(QFileInfo(location).absolutePath(),
             QDir(m_ts->dataDir()).filePath(QStringLiteral("uploads")));
    QVERIFY(QFileInfo::exists(location));

    const QJsonObject status
            = importedStatus(QStringLiteral("/api/sources"), source.value("id").toInt());
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("ok"));
    QCOMPARE(status.value(QLatin1String("last_imported")).toInt(), 3);
    QCOMPARE(status.value(QLatin1String("last_skipped")).toInt(), 1);
    QCOMPARE(activeChannels(), 3);
}

void tst_SourceUpload::uploadedGzipGuideIsImported()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const HttpResult created
            = upload(QStringLiteral("/api/epg-sources"), QStringLiteral("My guide"),
                     Fixtures::gzip(Fixtures::xmltv(4, 3, now - now % 3600)));
    QCOMPARE(created.status, 201);
    const int id = created.json().object().value(QLatin1String("id")).toInt();
    QVERIFY(created.json()
                    .object()
                    .value(QLatin1String("location"))
                    .toString()
                    .endsWith(QLatin1String(".gz")));
    const QJsonObject status = importedStatus(QStringLiteral("/api/epg-sources"), id);
    QCOMPARE(status.value(QLatin1String("last_status")).toString(), QStringLiteral("ok"));
    QCOMPARE(m_ts->api("GET", QStringLiteral("/api/epg-sources/%1").arg(id))
                     .json()
                     .object()
                     .value(QLatin1String("programmes"))
                     .toInt(),
             12);
}

void tst_SourceUpload::brokenUploadKeepsTheCatalogAndSaysWhy()
{
    const HttpResult good
            = upload(QStringLiteral("/api/sources"), QStringLiteral("Good"), playlist(5, false));
    QCOMPARE(good.status, 201);
    importedStatus(QStringLiteral("/api/sources"), good.json().object().value("id").toInt());
    QCOMPARE(activeChannels(), 5);

    // An HTML error page saved by mistake, then a gzip file cut short.
    const HttpResult html = upload(QStringLiteral("/api/sources"), QStringLiteral("Broken"),
                                   "<html><body>502 Bad Gateway</body></html>");
    QCOMPARE(html.status, 201);
    const QJsonObject htmlStatus = importedStatus(QStringLiteral("/api/sources"),
                                                  html.json().object().value("id").toInt());
    QCOMPARE(htmlStatus.value(QLatin1String("last_status")).toString(), QStringLiteral("error"));
    QVERIFY2(htmlStatus.value(QLatin1String("last_error")).toString().contains("M3U"),
             qPrintable(htmlStatus.value(QLatin1String("last_error")).toString()));

    const QByteArray zipped = Fixtures::gzip(playlist(50, false));
    const HttpResult cut = upload(QStringLiteral("/api/sources"), QStringLiteral("Cut"),
                                  zipped.left(zipped.size() / 2));
    QCOMPARE(cut.status, 201);
    const QJsonObject cutStatus = importedStatus(QStringLiteral("/api/sources"),
                                                 cut.json().object().value("id").toInt());
    QCOMPARE(cutStatus.value(QLatin1String("last_status")).toString(), QStringLiteral("error"));

    QCOMPARE(activeChannels(), 5);
}

void tst_SourceUpload::refusalsNameTheProblem()
{
    const QByteArray file = playlist(1, false);
    HttpResult r = upload(QStringLiteral("/api/sources"), QString(), file);
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object().value("error").toString().startsWith("name:"));

    r = upload(QStringLiteral("/api/sources"), QStringLiteral("Empty"), QByteArray());
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object().value("error").toString().startsWith("body:"));

    r = httpRequest("POST", m_ts->url(QStringLiteral("/api/sources/upload?name=x&color=red")), file,
                    {basicAuth(m_ts->adminPassword())});
    QCOMPARE(r.status, 400);
    QVERIFY(r.json().object().value("error").toString().startsWith("color:"));

    QCOMPARE(upload(QStringLiteral("/api/sources"), QStringLiteral("Twice"), file).status, 201);
    r = upload(QStringLiteral("/api/sources"), QStringLiteral("Twice"), file);
    QCOMPARE(r.status, 409);
    QVERIFY(r.json().object().value("error").toString().startsWith("name:"));
    // Playlists and guides are named apart.
    QCOMPARE(upload(QStringLiteral("/api/epg-sources"), QStringLiteral("Twice"),
                    Fixtures::xmltv(1, 1, 0))
                     .status,
             201);

    r = httpRequest("POST", m_ts->url(QStringLiteral("/api/sources/upload?name=x")), file);
    QCOMPARE(r.status, 401);
    // Nothing refused left a file behind.
    QCOMPARE(QDir(QDir(m_ts->dataDir()).filePath(QStringLiteral("uploads")))
                     .entryList(QDir::Files)
                     .size(),
             2);
}

void tst_SourceUpload::fileOverTheRequestCapIsRefused()
{
    QByteArray big = playlist(1, false);
    big += QByteArray(1024 * 1024 + 1, '#');
    const HttpResult r = upload(QStringLiteral("/api/sources"), QStringLiteral("Big"), big);
    QCOMPARE(r.status, 413);
    QVERIFY(r.json().object().value("error").toString().contains("too large"));
    QCOMPARE(m_ts->api("GET", QStringLiteral("/api/sources")).json()["items"].toArray().size(), 0);
}

void tst_SourceUpload::deletingTheSourceDeletesItsUploadedFile()
{
    const HttpResult created
            = upload(QStringLiteral("/api/sources"), QStringLiteral("Gone"), playlist(2, false));
    QCOMPARE(created.status, 201);
    const QJsonObject source = created.json().object();
    const QString location = source.value(QLatin1String("location")).toString();
    const int id = source.value(QLatin1String("id")).toInt();
    QVERIFY(QFileInfo::exists(location));
    importedStatus(QStringLiteral("/api/sources"), id);
    // Another source's uploaded file stays.
    const HttpResult other
            = upload(QStringLiteral("/api/sources"), QStringLiteral("Kept"), playlist(1, false));
    QCOMPARE(other.status, 201);
    const QString kept = other.json().object().value(QLatin1String("location")).toString();

    QCOMPARE(m_ts->api("DELETE", QStringLiteral("/api/sources/%1").arg(id)).status, 200);
    QVERIFY(!QFileInfo::exists(location));
    QVERIFY(QFileInfo::exists(kept));
}

void tst_SourceUpload::pointingTheSourceElsewhereDeletesItsUploadedFile()
{
    const HttpResult created
            = upload(QStringLiteral("/api/sources"), QStringLiteral("Moved"), playlist(2, false));
    QCOMPARE(created.status, 201);
    const QJsonObject source = created.json().object();
    const QString uploaded = source.value(QLatin1String("location")).toString();
    const int id = source.value(QLatin1String("id")).toInt();
    importedStatus(QStringLiteral("/api/sources"), id);
    QVERIFY(QFileInfo::exists(uploaded));

    // A name-only edit keeps the file.
    QCOMPARE(m_ts->api("PATCH", QStringLiteral("/api/sources/%1").arg(id),
                       QJsonObject {{QStringLiteral("name"), QStringLiteral("Renamed")}})
                     .status,
             200);
    QVERIFY(QFileInfo::exists(uploaded));

    // Pointed at a file of the user's own, the source's upload is no longer needed.
    QTemporaryDir dir;
    const QString own = dir.filePath(QStringLiteral("own.m3u"));
    QFile file(own);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(playlist(1, false));
    file.close();
    const HttpResult moved
            = m_ts->api("PATCH", QStringLiteral("/api/sources/%1").arg(id),
                        QJsonObject {{QStringLiteral("location"), own}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json().object().value(QLatin1String("location")).toString(), own);
    QVERIFY(!QFileInfo::exists(uploaded));
    QVERIFY(QFileInfo::exists(own)); // the user's file is never AceHub's to delete
}

QTEST_GUILESS_MAIN(tst_SourceUpload)

#include "tst_sourceupload.moc"
