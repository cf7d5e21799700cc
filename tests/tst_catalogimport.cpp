#include "catalog/catalogimport.h"
#include "catalogfixtures.h"
#include "storage/database.h"

#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

// Imports against a real SQLite catalog: the merge rules, the guide window and matching, and
// that a bad file changes nothing.
class tst_CatalogImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void refreshMergesAndKeepsUserEdits();
    void channelNumbersStayStable();
    void categoriesAreCreatedInFirstSeenOrder();
    void directAndInfohashChannelsAreMatched();
    void malformedPlaylistLeavesCatalogUnchanged_data();
    void malformedPlaylistLeavesCatalogUnchanged();
    void gzipPlaylistIsImported();
    void guideKeepsItsWindowAndMatchesChannels();
    void furtherDisplayNamesAreMatched();
    void gzipGuideIsImported();
    void malformedGuideLeavesGuideUnchanged_data();
    void malformedGuideLeavesGuideUnchanged();
    void cancelledImportWritesNothing();

private:
    QString write(const QString &name, const QByteArray &data);
    int addSource(const QString &table);
    ImportOutcome importM3u(const QByteArray &data);
    QStringList snapshot(const QString &sql);
    QVariant scalar(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    int m_source = 0;
};

void tst_CatalogImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(m_db->open().ok);
    m_source = addSource(QStringLiteral("channel_sources"));
}

void tst_CatalogImport::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString tst_CatalogImport::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return path;
}

int tst_CatalogImport::addSource(const QString &table)
{
    QSqlQuery q(m_db->connection());
    q.exec(QStringLiteral("INSERT INTO %1(name, location, created_at) VALUES ('s', '/x', 0)")
                   .arg(table));
    return q.lastInsertId().toInt();
}

ImportOutcome tst_CatalogImport::importM3u(const QByteArray &data)
{
    return CatalogImport::importM3uFile(m_db->connection(), m_source,
                                        write(QStringLiteral("p.m3u"), data), {}, {});
}

QStringList tst_CatalogImport::snapshot(const QString &sql)
{
    QStringList rows;
    QSqlQuery q(m_db->connection());
    if (!q.exec(sql))
        return {QStringLiteral("error")};
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

QVariant tst_CatalogImport::scalar(const QString &sql)
{
    QSqlQuery q(m_db->connection());
    return q.exec(sql) && q.next() ? q.value(0) : QVariant();
}

static QByteArray entry(const QString &attrs, const QString &name, const QString &address)
{
    return QStringLiteral("#EXTINF:-1 %1,%2\n%3\n").arg(attrs, name, address).toUtf8();
}

void tst_CatalogImport::refreshMergesAndKeepsUserEdits()
{
    const QString a = Fixtures::contentId(1), b = Fixtures::contentId(2),
                  c = Fixtures::contentId(3);
    QByteArray v1 = "#EXTM3U\n";
    v1 += entry(QStringLiteral("tvg-id=\"a\" tvg-logo=\"http://l/a1\" group-title=\"Sport\""),
                QStringLiteral("A one"), "acestream://" + a);
    v1 += entry(QStringLiteral("group-title=\"News\""), QStringLiteral("B"), "acestream://" + b);
    v1 += entry(QString(), QStringLiteral("C"), c);
    ImportOutcome o = importM3u(v1);
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(o.added, 3);
    const int idA = scalar(QStringLiteral("SELECT id FROM channels WHERE content_id = '%1'").arg(a))
                            .toInt();
    const int news
            = scalar(QStringLiteral("SELECT id FROM categories WHERE name = 'News'")).toInt();

    // The user's edits of A.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE channels SET custom_name = 'Mine', custom_number = 77, "
                                  "custom_category_id = %1,"
                                  " custom_logo = 'http://my/logo', custom_epg_id = 'my.epg', "
                                  "hidden = 1 WHERE id = %2")
                           .arg(news)
                           .arg(idA)));

    // The source changes A, drops B and adds D.
    const QString d = Fixtures::contentId(4);
    QByteArray v2 = "#EXTM3U\n";
    v2 += entry(QStringLiteral("tvg-id=\"a2\" tvg-logo=\"http://l/a2\" group-title=\"Sport\""),
                QStringLiteral("A two"), "acestream://" + a);
    v2 += entry(QString(), QStringLiteral("C"), c);
    v2 += entry(QString(), QStringLiteral("D"), "acestream://" + d);
    o = importM3u(v2);
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(o.added, 1);
    QCOMPARE(o.updated, 2);
    QCOMPARE(o.deactivated, 1);

    QCOMPARE(snapshot(QStringLiteral("SELECT id, name, logo, epg_id, custom_name, custom_number, "
                                     "custom_category_id,"
                                     " custom_logo, custom_epg_id, hidden, active FROM channels "
                                     "WHERE content_id = '%1'")
                              .arg(a)),
             QStringList {
                     QStringLiteral("%1|A two|http://l/a2|a2|Mine|77|%2|http://my/logo|my.epg|1|1")
                             .arg(idA)
                             .arg(news)});
    // Gone from the source: inactive, never deleted.
    QCOMPARE(scalar(QStringLiteral("SELECT active FROM channels WHERE content_id = '%1'").arg(b))
                     .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM channels")).toInt(), 4);
    // Back in the source: active again.
    QByteArray v3 = v2 + entry(QString(), QStringLiteral("B"), "acestream://" + b);
    QVERIFY(importM3u(v3).ok);
    QCOMPARE(scalar(QStringLiteral("SELECT active FROM channels WHERE content_id = '%1'").arg(b))
                     .toInt(),
             1);
    QCOMPARE(scalar(QStringLiteral("SELECT custom_name FROM channels WHERE id = %1").arg(idA))
                     .toString(),
             QStringLiteral("Mine"));
}

void tst_CatalogImport::channelNumbersStayStable()
{
    QByteArray v1 = "#EXTM3U\n";
    for (int i = 1; i <= 5; ++i)
        v1 += entry(QString(), QStringLiteral("N%1").arg(i), Fixtures::contentId(i));
    v1 += entry(QStringLiteral("tvg-chno=\"100\""), QStringLiteral("Fixed"),
                Fixtures::contentId(6));
    QVERIFY(importM3u(v1).ok);
    const QStringList before = snapshot(
            QStringLiteral("SELECT content_id, number FROM channels ORDER BY content_id"));
    QCOMPARE(scalar(QStringLiteral("SELECT number FROM channels WHERE name = 'Fixed'")).toInt(),
             100);
    // The same channels in reverse order, one removed in the middle and a new one.
    QByteArray v2 = "#EXTM3U\n";
    v2 += entry(QString(), QStringLiteral("New"), Fixtures::contentId(9));
    for (int i = 6; i >= 1; --i) {
        if (i != 3)
            v2 += entry(i == 6 ? QStringLiteral("tvg-chno=\"100\"") : QString(),
                        QStringLiteral("N%1").arg(i), Fixtures::contentId(i));
    }
    QVERIFY(importM3u(v2).ok);
    QStringList after = snapshot(QStringLiteral("SELECT content_id, number FROM channels WHERE "
                                                "content_id <> '%1' ORDER BY content_id")
                                         .arg(Fixtures::contentId(9)));
    QCOMPARE(after, before);
    // The new channel gets a number no one has.
    const int fresh = scalar(QStringLiteral("SELECT number FROM channels WHERE content_id = '%1'")
                                     .arg(Fixtures::contentId(9)))
                              .toInt();
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM channels WHERE number = %1").arg(fresh))
                     .toInt(),
             1);
}

void tst_CatalogImport::categoriesAreCreatedInFirstSeenOrder()
{
    QByteArray v1 = "#EXTM3U\n";
    int n = 0;
    for (const char *g : {"Sport", "News", "Sport", "Kids", "News"}) {
        v1 += entry(QStringLiteral("group-title=\"%1\"").arg(QLatin1String(g)),
                    QStringLiteral("c%1").arg(n), Fixtures::contentId(n));
        ++n;
    }
    QVERIFY(importM3u(v1).ok);
    QCOMPARE(snapshot(QStringLiteral("SELECT name FROM categories ORDER BY sort_order")),
             (QStringList {QStringLiteral("Sport"), QStringLiteral("News"),
                           QStringLiteral("Kids")}));
    // The user puts Kids first; a refresh with a new group keeps that and appends the new one.
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE categories SET sort_order = -1 WHERE name = 'Kids'")));
    v1 += entry(QStringLiteral("group-title=\"Music\""), QStringLiteral("m"),
                Fixtures::contentId(50));
    QVERIFY(importM3u(v1).ok);
    QCOMPARE(snapshot(QStringLiteral("SELECT name FROM categories ORDER BY sort_order")),
             (QStringList {QStringLiteral("Kids"), QStringLiteral("Sport"), QStringLiteral("News"),
                           QStringLiteral("Music")}));
}

void tst_CatalogImport::directAndInfohashChannelsAreMatched()
{
    const QString hash = Fixtures::contentId(7);
    QByteArray v = "#EXTM3U\n"
                   + entry(QString(), QStringLiteral("Direct"),
                           QStringLiteral("http://iptv.example/1.ts"))
                   + entry(QString(), QStringLiteral("Hash"),
                           QStringLiteral("http://e:6878/ace/getstream?infohash=") + hash);
    QVERIFY(importM3u(v).ok);
    const QStringList first
            = snapshot(QStringLiteral("SELECT id, kind, url, infohash FROM channels ORDER BY id"));
    QCOMPARE(first.size(), 2);
    QVERIFY(first.at(0).endsWith(QLatin1String("|direct|http://iptv.example/1.ts|NULL")));
    v.replace("Direct", "Direct renamed");
    const ImportOutcome o = importM3u(v);
    QVERIFY(o.ok);
    QCOMPARE(o.added, 0);
    QCOMPARE(o.updated, 2);
    QCOMPARE(snapshot(QStringLiteral("SELECT id, kind, url, infohash FROM channels ORDER BY id")),
             first);
}

void tst_CatalogImport::malformedPlaylistLeavesCatalogUnchanged_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("header only") << QByteArray("#EXTM3U\n");
    QTest::newRow("only broken entries")
            << QByteArray("#EXTM3U\n#EXTINF:broken\nacestream://12\n#EXTINF:-1,x\nftp://y\n");
    QTest::newRow("truncated gzip")
            << Fixtures::gzip(QByteArray("#EXTM3U\n").repeated(2000)).left(40);
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe", 5);
}

void tst_CatalogImport::malformedPlaylistLeavesCatalogUnchanged()
{
    QFETCH(QByteArray, data);
    QByteArray good = "#EXTM3U\n";
    for (int i = 0; i < 10; ++i)
        good += entry(QStringLiteral("group-title=\"G%1\"").arg(i % 3),
                      QStringLiteral("c%1").arg(i), Fixtures::contentId(i));
    QVERIFY(importM3u(good).ok);
    const QString channels = QStringLiteral("SELECT * FROM channels ORDER BY id");
    const QString categories = QStringLiteral("SELECT * FROM categories ORDER BY id");
    const QStringList before = snapshot(channels);
    const QStringList beforeCategories = snapshot(categories);
    const ImportOutcome o = importM3u(data);
    QVERIFY(!o.ok);
    QVERIFY(!o.error.isEmpty());
    QCOMPARE(snapshot(channels), before);
    QCOMPARE(snapshot(categories), beforeCategories);
}

void tst_CatalogImport::gzipPlaylistIsImported()
{
    const QByteArray v
            = "#EXTM3U\n" + entry(QString(), QStringLiteral("Zipped"), Fixtures::contentId(1));
    const ImportOutcome o = CatalogImport::importM3uFile(
            m_db->connection(), m_source, write(QStringLiteral("p.m3u.gz"), Fixtures::gzip(v)), {},
            {});
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(scalar(QStringLiteral("SELECT name FROM channels")).toString(),
             QStringLiteral("Zipped"));
}

void tst_CatalogImport::guideKeepsItsWindowAndMatchesChannels()
{
    QByteArray v = "#EXTM3U\n"
                   + entry(QStringLiteral("tvg-id=\"ch1\""), QStringLiteral("Whatever"),
                           Fixtures::contentId(1))
                   + entry(QString(), QStringLiteral("Channel 2 HD"), Fixtures::contentId(2))
                   + entry(QStringLiteral("tvg-id=\"nowhere\""), QStringLiteral("Unknown"),
                           Fixtures::contentId(3));
    QVERIFY(importM3u(v).ok);
    const int guide = addSource(QStringLiteral("epg_sources"));
    // 3 channels x 24*12 hourly programmes from 5 days ago: 1 day back and 2 ahead are kept.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 start = now - 5 * 86400;
    const QString path = write(QStringLiteral("g.xml"), Fixtures::xmltv(3, 24 * 12, start));
    const ImportOutcome o
            = CatalogImport::importXmltvFile(m_db->connection(), guide, path, 1, 2, {});
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(o.added, 3);
    const int kept
            = scalar(QStringLiteral("SELECT COUNT(*) FROM epg_programmes WHERE epg_id = 'ch0'"))
                      .toInt();
    QVERIFY2(kept >= 72 && kept <= 74,
             qPrintable(QString::number(kept))); // 3 days of hours, edges overlap
    QVERIFY(scalar(QStringLiteral("SELECT MIN(stop) FROM epg_programmes")).toLongLong()
            >= now - 86400);
    QVERIFY(scalar(QStringLiteral("SELECT MAX(start) FROM epg_programmes")).toLongLong()
            <= now + 2 * 86400);
    QCOMPARE(o.imported, 3 * kept);
    // By tvg-id, by normalised name, and not at all.
    QCOMPARE(snapshot(QStringLiteral("SELECT name, guide_id FROM channels ORDER BY id")),
             (QStringList {QStringLiteral("Whatever|ch1"), QStringLiteral("Channel 2 HD|ch2"),
                           QStringLiteral("Unknown|NULL")}));
    QCOMPARE(CatalogImport::normalisedName(QStringLiteral("Rai 1 HD")), QStringLiteral("rai1"));
    QCOMPARE(CatalogImport::normalisedName(QStringLiteral("Télé-Sport  FHD")),
             QStringLiteral("telesport"));
}

void tst_CatalogImport::furtherDisplayNamesAreMatched()
{
    QVERIFY(importM3u("#EXTM3U\n"
                      + entry(QString(), QStringLiteral("Rai Uno HD"), Fixtures::contentId(1))
                      + entry(QString(), QStringLiteral("RAI-2"), Fixtures::contentId(2)))
                    .ok);
    const QByteArray xml
            = "<tv><channel id=\"rai1.it\"><display-name>Rai 1</display-name>"
              "<display-name>Rai Uno</display-name></channel>"
              "<channel id=\"rai2.it\"><display-name>Secondo canale</display-name></channel></tv>";
    const ImportOutcome o = CatalogImport::importXmltvFile(
            m_db->connection(), addSource(QStringLiteral("epg_sources")),
            write(QStringLiteral("r.xml"), xml), 1, 7, {});
    QVERIFY2(o.ok, qPrintable(o.error));
    // "Rai Uno HD" by the second display name, "RAI-2" by the id's first part.
    QCOMPARE(snapshot(QStringLiteral("SELECT name, guide_id FROM channels ORDER BY id")),
             (QStringList {QStringLiteral("Rai Uno HD|rai1.it"), QStringLiteral("RAI-2|rai2.it")}));
}

void tst_CatalogImport::gzipGuideIsImported()
{
    const int guide = addSource(QStringLiteral("epg_sources"));
    const QString path
            = write(QStringLiteral("g.xml.gz"),
                    Fixtures::gzip(Fixtures::xmltv(4, 10, QDateTime::currentSecsSinceEpoch())));
    const ImportOutcome o
            = CatalogImport::importXmltvFile(m_db->connection(), guide, path, 1, 7, {});
    QVERIFY2(o.ok, qPrintable(o.error));
    QCOMPARE(o.imported, 40);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM epg_channels")).toInt(), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT title FROM epg_programmes WHERE epg_id = 'ch3' ORDER BY "
                                   "start LIMIT 1"))
                     .toString(),
             QStringLiteral("Show 0 & more"));
}

void tst_CatalogImport::malformedGuideLeavesGuideUnchanged_data()
{
    const QByteArray good = Fixtures::xmltv(4, 30, QDateTime::currentSecsSinceEpoch());
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("truncated xml") << good.left(good.size() / 2);
    QTest::newRow("truncated gzip") << Fixtures::gzip(good).left(800);
    QTest::newRow("html page") << QByteArray("<html><head></head><body>Not found</body></html>");
    QTest::newRow("not xml") << QByteArray("{\"json\": true}");
    QTest::newRow("empty guide") << QByteArray("<tv></tv>");
}

void tst_CatalogImport::malformedGuideLeavesGuideUnchanged()
{
    QFETCH(QByteArray, data);
    const int guide = addSource(QStringLiteral("epg_sources"));
    QByteArray v
            = "#EXTM3U\n" + entry(QString(), QStringLiteral("Channel 1"), Fixtures::contentId(1));
    QVERIFY(importM3u(v).ok);
    const QString first = write(QStringLiteral("good.xml"),
                                Fixtures::xmltv(3, 20, QDateTime::currentSecsSinceEpoch()));
    QVERIFY(CatalogImport::importXmltvFile(m_db->connection(), guide, first, 1, 7, {}).ok);
    const QString programmes = QStringLiteral("SELECT * FROM epg_programmes ORDER BY id");
    const QStringList before = snapshot(programmes);
    const QStringList beforeChannels
            = snapshot(QStringLiteral("SELECT * FROM channels ORDER BY id"));
    QCOMPARE(before.size(), 60);
    const ImportOutcome o = CatalogImport::importXmltvFile(
            m_db->connection(), guide, write(QStringLiteral("bad.xml"), data), 1, 7, {});
    QVERIFY(!o.ok);
    QVERIFY(!o.error.isEmpty());
    QCOMPARE(snapshot(programmes), before);
    QCOMPARE(snapshot(QStringLiteral("SELECT * FROM channels ORDER BY id")), beforeChannels);
}

void tst_CatalogImport::cancelledImportWritesNothing()
{
    QByteArray v = "#EXTM3U\n";
    for (int i = 0; i < 1000; ++i)
        v += entry(QString(), QStringLiteral("c%1").arg(i), Fixtures::contentId(i));
    int calls = 0;
    const ImportOutcome o = CatalogImport::importM3uFile(
            m_db->connection(), m_source, write(QStringLiteral("p.m3u"), v), {},
            [&calls](const ImportProgress &) { return ++calls < 2; });
    QVERIFY(!o.ok);
    QCOMPARE(o.error, QStringLiteral("cancelled"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM channels")).toInt(), 0);
}

QTEST_GUILESS_MAIN(tst_CatalogImport)
#include "tst_catalogimport.moc"
