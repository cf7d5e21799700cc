#include "catalog/m3uparser.h"

#include <QTest>

// The M3U parser against every stream form and the dirt found in real playlists.
class tst_M3uParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamLineIsClassified_data();
    void streamLineIsClassified();
    void playlistIsParsed_data();
    void playlistIsParsed();
    void extinfAttributesAreRead();
    void quotingStylesAreRead();
    void notAPlaylistIsRecognised();
};

static const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

void tst_M3uParser::streamLineIsClassified_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("contentId");
    QTest::addColumn<QString>("infohash");
    QTest::addColumn<QString>("url");

    const QString upper = kId.toUpper();
    QTest::newRow("acestream scheme") << "acestream://" + kId << true << "acestream" << kId << ""
                                      << "";
    QTest::newRow("acestream upper-case id")
            << "acestream://" + upper << true << "acestream" << kId << ""
            << "";
    QTest::newRow("acestream trailing slash")
            << "acestream://" + kId + "/" << true << "acestream" << kId << ""
            << "";
    QTest::newRow("getstream id") << "http://127.0.0.1:6878/ace/getstream?id=" + kId << true
                                  << "acestream" << kId << ""
                                  << "";
    QTest::newRow("getstream content_id")
            << "http://nas:6878/ace/getstream?content_id=" + kId + "&pid=1" << true << "acestream"
            << kId << ""
            << "";
    QTest::newRow("getstream infohash")
            << "http://nas:6878/ace/getstream?infohash=" + kId << true << "acestream"
            << "" << kId << "";
    QTest::newRow("manifest id") << "http://nas:6878/ace/manifest.m3u8?id=" + kId << true
                                 << "acestream" << kId << ""
                                 << "";
    QTest::newRow("bare id") << kId << true << "acestream" << kId << ""
                             << "";
    QTest::newRow("bare id with spaces") << "  " + kId + "  " << true << "acestream" << kId << ""
                                         << "";
    QTest::newRow("plain http") << "http://iptv.example/live/1.ts" << true << "direct"
                                << ""
                                << ""
                                << "http://iptv.example/live/1.ts";
    QTest::newRow("plain https") << "https://iptv.example/a/b.m3u8?token=x" << true << "direct"
                                 << ""
                                 << ""
                                 << "https://iptv.example/a/b.m3u8?token=x";
    QTest::newRow("kodi pipe headers")
            << "http://iptv.example/1.ts|User-Agent=VLC&Referer=x" << true << "direct"
            << ""
            << ""
            << "http://iptv.example/1.ts";
    QTest::newRow("short acestream id") << "acestream://0123" << false << ""
                                        << ""
                                        << ""
                                        << "";
    QTest::newRow("non-hex acestream id")
            << "acestream://" + QString(40, QLatin1Char('z')) << false << ""
            << ""
            << ""
            << "";
    QTest::newRow("getstream without id") << "http://nas:6878/ace/getstream?pid=3" << false << ""
                                          << ""
                                          << ""
                                          << "";
    QTest::newRow("getstream bad id") << "http://nas:6878/ace/getstream?id=xyz" << false << ""
                                      << ""
                                      << ""
                                      << "";
    QTest::newRow("rtmp") << "rtmp://host/live" << false << ""
                          << ""
                          << ""
                          << "";
    QTest::newRow("39 hex") << kId.left(39) << false << ""
                            << ""
                            << ""
                            << "";
    QTest::newRow("words") << "not a stream" << false << ""
                           << ""
                           << ""
                           << "";
    QTest::newRow("http without host") << "http:///path" << false << ""
                                       << ""
                                       << ""
                                       << "";
}

void tst_M3uParser::streamLineIsClassified()
{
    QFETCH(QString, line);
    QFETCH(bool, ok);
    M3uEntry e;
    QCOMPARE(M3uParser::classify(line, &e), ok);
    if (!ok)
        return;
    QFETCH(QString, kind);
    QFETCH(QString, contentId);
    QFETCH(QString, infohash);
    QFETCH(QString, url);
    QCOMPARE(e.kind == M3uEntry::Kind::Direct ? QStringLiteral("direct")
                                              : QStringLiteral("acestream"),
             kind);
    QCOMPARE(e.contentId, contentId);
    QCOMPARE(e.infohash, infohash);
    QCOMPARE(e.url, url);
}

void tst_M3uParser::playlistIsParsed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QStringList>("names"); // in order
    QTest::addColumn<int>("skipped");

    const QByteArray id = kId.toLatin1();
    const QByteArray id2 = QByteArray(40, 'b');
    QTest::newRow("extended") << QByteArray("#EXTM3U\n#EXTINF:-1 tvg-id=\"a\",Alpha\nacestream://"
                                            + id + "\n#EXTINF:-1,Beta\nhttp://x/b.ts\n")
                              << QStringList {"Alpha", "Beta"} << 0;
    QTest::newRow("utf-8 bom and crlf")
            << QByteArray("\xEF\xBB\xBF#EXTM3U\r\n#EXTINF:-1,Alpha\r\nacestream://" + id + "\r\n")
            << QStringList {"Alpha"} << 0;
    QTest::newRow("blank lines and comments")
            << QByteArray("#EXTM3U\n\n# a comment\n#EXTINF:-1,Alpha\n\n\nacestream://" + id
                          + "\n\n#EXTVLCOPT:x=y\n")
            << QStringList {"Alpha"} << 0;
    QTest::newRow("no header, bare ids") << QByteArray(id + "\n" + id2 + "\n")
                                         << QStringList {kId, QString::fromLatin1(id2)} << 0;
    QTest::newRow("broken extinf skipped, rest kept")
            << QByteArray("#EXTM3U\n#EXTINF:garbage without comma\nacestream://" + id
                          + "\n#EXTINF:-1,Beta\nacestream://" + id2 + "\n")
            << QStringList {"Beta"} << 1;
    QTest::newRow("extinf without stream line") << QByteArray(
            "#EXTM3U\n#EXTINF:-1,Lost\n#EXTINF:-1,Beta\nacestream://" + id2 + "\n#EXTINF:-1,Last\n")
                                                << QStringList {"Beta"} << 2;
    QTest::newRow("bad stream line") << QByteArray(
            "#EXTM3U\n#EXTINF:-1,Bad\nacestream://123\n#EXTINF:-1,Good\nacestream://" + id + "\n")
                                     << QStringList {"Good"} << 1;
    QTest::newRow("comma inside a quoted attribute") << QByteArray(
            "#EXTM3U\n#EXTINF:-1 tvg-name=\"A, B\" group-title=\"X\",Real Name\nacestream://" + id
            + "\n") << QStringList {"Real Name"} << 0;
    QTest::newRow("single-quoted and unquoted attributes") << QByteArray(
            "#EXTM3U\n#EXTINF:-1 tvg-id='a b' tvg-chno=5 group-title=News,Name\nacestream://" + id
            + "\n") << QStringList {"Name"} << 0;
    QTest::newRow("missing name falls back to tvg-name")
            << QByteArray("#EXTM3U\n#EXTINF:-1 tvg-name=\"Tvg\",\nacestream://" + id + "\n")
            << QStringList {"Tvg"} << 0;
    QTest::newRow("only garbage") << QByteArray("hello\nworld\n") << QStringList {} << 2;
    QTest::newRow("empty") << QByteArray() << QStringList {} << 0;
}

void tst_M3uParser::playlistIsParsed()
{
    QFETCH(QByteArray, data);
    QFETCH(QStringList, names);
    QFETCH(int, skipped);
    const M3uParseResult r = M3uParser::parse(data);
    QStringList got;
    for (const M3uEntry &e : r.entries)
        got << e.name;
    QCOMPARE(got, names);
    QCOMPARE(r.skipped, skipped);
}

void tst_M3uParser::extinfAttributesAreRead()
{
    const QByteArray data
            = "#EXTM3U x-tvg-url=\"http://g\"\n"
              "#EXTINF:-1 tvg-id=\"sky.it\" tvg-name=\"Sky Sport\" tvg-logo=\"http://l/x.png\" "
              "tvg-chno=\"10\" group-title=\"Sport;Italia\",Sky Sport HD\n"
              "http://127.0.0.1:6878/ace/getstream?infohash="
              + kId.toLatin1()
              + "\n"
                "#EXTINF:-1 tvg-chno=\"x\",No Number\n#EXTGRP:News\nacestream://"
              + QByteArray(40, 'c') + "\n";
    const M3uParseResult r = M3uParser::parse(data);
    QCOMPARE(r.entries.size(), 2);
    const M3uEntry &e = r.entries.at(0);
    QCOMPARE(e.tvgId, QStringLiteral("sky.it"));
    QCOMPARE(e.tvgName, QStringLiteral("Sky Sport"));
    QCOMPARE(e.tvgLogo, QStringLiteral("http://l/x.png"));
    QCOMPARE(e.tvgChno, 10);
    QCOMPARE(e.group, QStringLiteral("Sport"));
    QCOMPARE(e.name, QStringLiteral("Sky Sport HD"));
    QCOMPARE(e.infohash, kId);
    QVERIFY(e.contentId.isEmpty());
    QCOMPARE(r.entries.at(1).tvgChno, -1);
    QCOMPARE(r.entries.at(1).group, QStringLiteral("News")); // from #EXTGRP
}

void tst_M3uParser::quotingStylesAreRead()
{
    const M3uParseResult r = M3uParser::parse(
            "#EXTINF:-1 TVG-ID='a b' tvg-chno=5 group-title=News,Name, with comma\nacestream://"
            + kId.toLatin1() + "\n");
    QCOMPARE(r.entries.size(), 1);
    QCOMPARE(r.entries.at(0).tvgId, QStringLiteral("a b"));
    QCOMPARE(r.entries.at(0).tvgChno, 5);
    QCOMPARE(r.entries.at(0).group, QStringLiteral("News"));
    QCOMPARE(r.entries.at(0).name, QStringLiteral("Name, with comma"));
}

void tst_M3uParser::notAPlaylistIsRecognised()
{
    QVERIFY(!M3uParser::parse("<html><body>502 Bad Gateway</body></html>").looksLikeM3u);
    QVERIFY(M3uParser::parse("#EXTM3U\n").looksLikeM3u);
}

QTEST_GUILESS_MAIN(tst_M3uParser)
#include "tst_m3uparser.moc"
