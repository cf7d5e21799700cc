#include "log/logger.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

Q_LOGGING_CATEGORY(lcTest, "acehub.test")

class tst_Logger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ringBufferKeepsTheLastLines();
    void everyLineIsSignalled();
    void levelFiltersAceHubCategories();
    void fileRotatesPastItsSize();
    void linesFromOtherThreadsAreKept();

private:
    std::unique_ptr<Logger> m_logger;
};

void tst_Logger::init()
{
    m_logger = std::make_unique<Logger>();
    m_logger->setEchoToStderr(false);
    m_logger->setLevel(QStringLiteral("info"));
}

void tst_Logger::cleanup()
{
    m_logger.reset();
}

void tst_Logger::ringBufferKeepsTheLastLines()
{
    m_logger->setCapacity(5);
    for (int i = 0; i < 12; ++i)
        qCInfo(lcTest) << "line" << i;
    const QList<LogLine> tail = m_logger->tail(100);
    QCOMPARE(tail.size(), 5);
    QCOMPARE(tail.first().message, QStringLiteral("line 7"));
    QCOMPARE(tail.last().message, QStringLiteral("line 11"));
    QCOMPARE(m_logger->tail(2).size(), 2);
    QCOMPARE(m_logger->tail(2).first().message, QStringLiteral("line 10"));
    QCOMPARE(tail.last().category, QStringLiteral("acehub.test"));
    QCOMPARE(tail.last().levelName(), QStringLiteral("info"));
}

void tst_Logger::everyLineIsSignalled()
{
    QSignalSpy spy(m_logger.get(), &Logger::lineLogged);
    qCWarning(lcTest) << "careful";
    qCInfo(lcTest) << "fine";
    QCOMPARE(spy.size(), 2);
    const auto line = spy.at(0).at(0).value<LogLine>();
    QCOMPARE(line.message, QStringLiteral("careful"));
    QCOMPARE(line.levelName(), QStringLiteral("warning"));
    QVERIFY(line.format().contains(QLatin1String("WARNING [acehub.test] careful")));
}

void tst_Logger::levelFiltersAceHubCategories()
{
    QSignalSpy spy(m_logger.get(), &Logger::lineLogged);
    qCDebug(lcTest) << "hidden at info";
    QCOMPARE(spy.size(), 0);
    m_logger->setLevel(QStringLiteral("debug"));
    qCDebug(lcTest) << "shown at debug";
    QCOMPARE(spy.size(), 1);
    m_logger->setLevel(QStringLiteral("warning"));
    qCInfo(lcTest) << "hidden at warning";
    qCWarning(lcTest) << "shown at warning";
    QCOMPARE(spy.size(), 2);
    QVERIFY(Logger::isValidLevel(QStringLiteral("error")));
    QVERIFY(!Logger::isValidLevel(QStringLiteral("verbose")));
}

void tst_Logger::fileRotatesPastItsSize()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_logger->openFile(dir.path(), 4096, 2, &error), qPrintable(error));
    const QString padding(100, QLatin1Char('x'));
    for (int i = 0; i < 200; ++i)
        qCInfo(lcTest).noquote() << i << padding;
    m_logger->closeFile();
    const QDir d(dir.path());
    QVERIFY(d.exists(QStringLiteral("acehub.log")));
    QVERIFY(d.exists(QStringLiteral("acehub.log.1")));
    QVERIFY(d.exists(QStringLiteral("acehub.log.2")));
    QVERIFY(!d.exists(QStringLiteral("acehub.log.3"))); // only `keep` rotated files
    for (const QString &name : d.entryList(QDir::Files)) {
        QVERIFY2(QFileInfo(d.filePath(name)).size() <= 4096, qPrintable(name));
    }
    QFile current(d.filePath(QStringLiteral("acehub.log")));
    QVERIFY(current.open(QIODevice::ReadOnly));
    QVERIFY(current.readAll().contains("199 " + padding.toUtf8()));
}

void tst_Logger::linesFromOtherThreadsAreKept()
{
    m_logger->setCapacity(1000);
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads << QThread::create([t] {
            for (int i = 0; i < 100; ++i)
                qCInfo(lcTest) << "thread" << t << i;
        });
        threads.last()->start();
    }
    for (QThread *t : threads) {
        QVERIFY(t->wait(10000));
        delete t;
    }
    QCOMPARE(m_logger->tail(1000).size(), 400);
}

QTEST_GUILESS_MAIN(tst_Logger)
#include "tst_logger.moc"
