#include "catalog/gzipdevice.h"
#include "catalog/xmltvparser.h"
#include "catalogfixtures.h"

#include <QBuffer>
#include <QTest>

// The streaming XMLTV reader, its time format and the streaming gunzip under it.
class tst_XmltvParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeIsParsed_data();
    void timeIsParsed();
    void channelsAndProgrammesAreStreamed();
    void badInputIsAnError_data();
    void badInputIsAnError();
    void gzipDeviceInflatesAsItIsRead();
    void gzipDeviceReportsTruncatedData();
};

void tst_XmltvParser::timeIsParsed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: invalid
    const qint64 base = QDateTime(QDate(2026, 11, 21), QTime(17, 0), Qt::UTC).toSecsSinceEpoch();
    QTest::newRow("utc") << "20261121170000 +0000" << base;
    QTest::newRow("plus one hour") << "20261121180000 +0100" << base;
    QTest::newRow("minus with colon") << "20261121120000 -05:00" << base;
    QTest::newRow("no offset") << "20261121170000" << base;
    QTest::newRow("no seconds") << "202611211700 +0000" << base;
    QTest::newRow("garbage") << "tomorrow" << qint64(-1);
    QTest::newRow("bad month") << "20261321170000 +0000" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void tst_XmltvParser::timeIsParsed()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto t = XmltvParser::parseTime(text);
    if (expected < 0)
        QVERIFY(!t);
    else
        QCOMPARE(t.value_or(-1), expected);
}

void tst_XmltvParser::channelsAndProgrammesAreStreamed()
{
    QByteArray data = Fixtures::xmltv(3, 4, 1'700'000'000);
    // One programme without a title and one without a channel: skipped, counted.
    data.replace("</tv>",
                 "<programme start=\"20261121170000 +0000\" channel=\"ch0\"></programme>"
                 "<programme start=\"20261121170000 +0000\"><title>x</title></programme></tv>");
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QList<XmltvChannel> channels;
    QList<XmltvProgramme> programmes;
    XmltvParser::Callbacks cb;
    cb.channel = [&](const XmltvChannel &c) { channels << c; };
    cb.programme = [&](const XmltvProgramme &p) { programmes << p; };
    const auto r = XmltvParser::parse(&buffer, cb);
    QVERIFY2(!r.error, qPrintable(r.error.value_or(QString())));
    QCOMPARE(channels.size(), 3);
    QCOMPARE(channels.at(1).id, QStringLiteral("ch1"));
    QCOMPARE(channels.at(1).displayName, QStringLiteral("Channel 1"));
    QVERIFY(channels.at(1).otherNames.isEmpty());
    QCOMPARE(channels.at(1).icon, QStringLiteral("http://logo/1.png"));
    QCOMPARE(programmes.size(), 12);
    QCOMPARE(r.skipped, 2);
    const XmltvProgramme &p = programmes.at(5);
    QCOMPARE(p.channel, QStringLiteral("ch1"));
    QCOMPARE(p.start, qint64(1'700'000'000 + 3600));
    QCOMPARE(p.stop, p.start + 3600);
    QCOMPARE(p.title, QStringLiteral("Show 1 & more"));
    QCOMPARE(p.description, QStringLiteral("About 1"));
    QCOMPARE(p.category, QStringLiteral("News"));
    QCOMPARE(p.lang, QStringLiteral("en"));
}

void tst_XmltvParser::badInputIsAnError_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("unclosed element")
            << QByteArray("<tv><channel id=\"a\"><display-name>A</display-name></tv>");
    QTest::newRow("truncated") << Fixtures::xmltv(2, 3, 1'700'000'000).left(500);
    QTest::newRow("not xmltv") << QByteArray("<html><body>oops</body></html>");
    QTest::newRow("not xml") << QByteArray("this is not XML at all");
    QTest::newRow("empty") << QByteArray();
}

void tst_XmltvParser::badInputIsAnError()
{
    QFETCH(QByteArray, data);
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(XmltvParser::parse(&buffer, {}).error);
}

void tst_XmltvParser::gzipDeviceInflatesAsItIsRead()
{
    const QByteArray plain = Fixtures::xmltv(20, 50, 1'700'000'000);
    QByteArray packed = Fixtures::gzip(plain);
    QVERIFY(GzipDevice::isGzip(packed));
    QVERIFY(!GzipDevice::isGzip(plain));
    QBuffer source(&packed);
    source.open(QIODevice::ReadOnly);
    GzipDevice gz(&source);
    QVERIFY(gz.open(QIODevice::ReadOnly));
    QByteArray out;
    char chunk[1000];
    qint64 n = 0;
    while ((n = gz.read(chunk, sizeof(chunk))) > 0)
        out.append(chunk, n);
    QVERIFY(gz.error().isEmpty());
    QCOMPARE(out, plain);

    QByteArray whole;
    QString error;
    QVERIFY(GzipDevice::gunzip(packed, plain.size(), &whole, &error));
    QCOMPARE(whole, plain);
    QVERIFY(!GzipDevice::gunzip(packed, plain.size() / 2, &whole, &error)); // over the cap
}

void tst_XmltvParser::gzipDeviceReportsTruncatedData()
{
    QByteArray packed = Fixtures::gzip(Fixtures::xmltv(20, 50, 1'700'000'000)).left(3000);
    QBuffer source(&packed);
    source.open(QIODevice::ReadOnly);
    GzipDevice gz(&source);
    QVERIFY(gz.open(QIODevice::ReadOnly));
    gz.readAll();
    QVERIFY(!gz.error().isEmpty());
    QByteArray whole;
    QString error;
    QVERIFY(!GzipDevice::gunzip(packed, 1 << 30, &whole, &error));
}

QTEST_GUILESS_MAIN(tst_XmltvParser)
#include "tst_xmltvparser.moc"
