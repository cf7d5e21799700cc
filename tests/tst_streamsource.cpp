#include "stream/streamsource.h"

#include <QTest>

// What players may ask for and the one key per upstream it maps to.
class tst_StreamSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aceQueryIsParsed_data();
    void aceQueryIsParsed();
    void keysRoundTrip_data();
    void keysRoundTrip();
    void directUrlsMustBeHttp_data();
    void directUrlsMustBeHttp();
};

static const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

void tst_StreamSource::aceQueryIsParsed_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("key"); // empty: rejected
    QTest::addColumn<QString>("error");
    QTest::newRow("id") << "id=" + kId << "ace:" + kId << "";
    QTest::newRow("content_id") << "content_id=" + kId << "ace:" + kId << "";
    QTest::newRow("infohash") << "infohash=" + kId << "acehash:" + kId << "";
    QTest::newRow("upper case is lowered") << "id=" + kId.toUpper() << "ace:" + kId << "";
    QTest::newRow("player pid ignored") << "id=" + kId + "&pid=abc"
                                        << "ace:" + kId << "";
    QTest::newRow("none") << "pid=1"
                          << ""
                          << "give exactly one of id, content_id or infohash";
    QTest::newRow("two names") << "id=" + kId + "&content_id=" + kId << ""
                               << "give exactly one of id, content_id or infohash";
    QTest::newRow("twice") << "id=" + kId + "&id=" + kId << ""
                           << "id: given more than once";
    QTest::newRow("short") << "id=abc"
                           << ""
                           << "id: expected 40 hexadecimal characters";
    QTest::newRow("non hex") << "infohash=" + kId.left(39) + "g"
                             << ""
                             << "infohash: expected 40 hexadecimal characters";
    QTest::newRow("acestream url") << "id=acestream://" + kId << ""
                                   << "id: expected 40 hexadecimal characters";
}

void tst_StreamSource::aceQueryIsParsed()
{
    QFETCH(QString, query);
    QFETCH(QString, key);
    QFETCH(QString, error);
    QString why;
    const auto source = StreamSource::fromAceQuery(QUrlQuery(query), &why);
    if (key.isEmpty()) {
        QVERIFY(!source);
        QCOMPARE(why, error);
    } else {
        QVERIFY2(source, qPrintable(why));
        QCOMPARE(source->key(), key);
        QVERIFY(source->isAce());
    }
}

void tst_StreamSource::keysRoundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ace") << "ace:" + kId << true;
    QTest::newRow("acehash") << "acehash:" + kId << true;
    QTest::newRow("url") << "url:http://example.com:8000/live/1.ts?token=a" << true;
    QTest::newRow("unknown kind") << "magnet:" + kId << false;
    QTest::newRow("bad id") << "ace:xyz" << false;
    QTest::newRow("bad url") << "url:ftp://example.com/x.ts" << false;
}

void tst_StreamSource::keysRoundTrip()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    const auto source = StreamSource::fromKey(key);
    QCOMPARE(bool(source), valid);
    if (source)
        QCOMPARE(source->key(), key);
}

void tst_StreamSource::directUrlsMustBeHttp_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("valid");
    QTest::newRow("http") << "http://192.168.1.2:8080/stream.ts" << true;
    QTest::newRow("https") << "https://example.com/a.ts" << true;
    QTest::newRow("no host") << "http:///a.ts" << false;
    QTest::newRow("file") << "file:///etc/passwd" << false;
    QTest::newRow("relative") << "/a.ts" << false;
    QTest::newRow("empty") << "" << false;
}

void tst_StreamSource::directUrlsMustBeHttp()
{
    QFETCH(QString, url);
    QFETCH(bool, valid);
    QCOMPARE(StreamSource::isValidDirectUrl(url), valid);
}

QTEST_GUILESS_MAIN(tst_StreamSource)
#include "tst_streamsource.moc"
