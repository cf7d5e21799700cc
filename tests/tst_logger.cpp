#include "log/logger.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

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
    void loggingNeverWaitsForTheFile();
    void nothingIsLostAtShutdown();
    void linesHaveIdsAndPageNewestFirst();

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

void tst_Logger::loggingNeverWaitsForTheFile()
{
    // The log file is a pipe nobody reads: once its 64 KiB buffer is full, every write to it
    // blocks. The ring buffer and the signal must not notice.
    QTemporaryDir dir;
    const QByteArray fifo = QDir(dir.path()).filePath(QStringLiteral("acehub.log")).toLocal8Bit();
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    const int readEnd = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK); // so the writer can open
    QVERIFY(readEnd >= 0);
    QString error;
    QVERIFY2(m_logger->openFile(dir.path(), qint64(1) << 40, 2, &error), qPrintable(error));
    m_logger->setCapacity(100000);
    QSignalSpy spy(m_logger.get(), &Logger::lineLogged);
    const QString padding(200, QLatin1Char('y'));
    constexpr int kLines = 3000; // ~650 KiB: ten times what the pipe holds
    for (int i = 0; i < kLines; ++i)
        qCInfo(lcTest).noquote() << "line" << i << padding;
    QCOMPARE(spy.size(), kLines);
    QCOMPARE(m_logger->tail(1).first().message,
             QStringLiteral("line %1 ").arg(kLines - 1) + padding);

    // Now read the pipe while the file is closed: closing writes everything queued first.
    std::atomic<qint64> lines {0};
    std::thread reader([&] {
        const int flags = ::fcntl(readEnd, F_GETFL);
        ::fcntl(readEnd, F_SETFL, flags & ~O_NONBLOCK);
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(readEnd, buffer, sizeof buffer);
            if (n <= 0)
                break; // the writer closed
            for (ssize_t k = 0; k < n; ++k)
                lines += buffer[k] == '\n';
        }
    });
    m_logger->closeFile();
    reader.join();
    ::close(readEnd);
    QCOMPARE(lines.load(), qint64(kLines));
}

void tst_Logger::nothingIsLostAtShutdown()
{
    QTemporaryDir dir;
    QVERIFY(m_logger->openFile(dir.path(), qint64(1) << 30, 2));
    for (int i = 0; i < 5000; ++i)
        qCInfo(lcTest) << "shutdown line" << i;
    m_logger.reset(); // no closeFile(): the destructor writes what is queued
    QFile file(QDir(dir.path()).filePath(QStringLiteral("acehub.log")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QCOMPARE(text.count('\n'), 5000);
    QVERIFY(text.contains("shutdown line 4999\n"));
}

void tst_Logger::linesHaveIdsAndPageNewestFirst()
{
    m_logger->setCapacity(1000);
    for (int i = 0; i < 30; ++i) {
        if (i % 3 == 0)
            qCWarning(lcTest) << "needle" << i;
        else
            qCInfo(lcTest) << "hay" << i;
    }
    const QList<LogLine> all = m_logger->tail(30);
    for (int i = 1; i < all.size(); ++i)
        QCOMPARE(all.at(i).id, all.at(i - 1).id + 1);
    bool more = false;
    QList<LogLine> page = m_logger->page(0, 4, 0, QStringLiteral("NEEDLE"), &more);
    QCOMPARE(page.size(), 4);
    QVERIFY(more);
    QCOMPARE(page.first().message, QStringLiteral("needle 27"));
    QCOMPARE(page.last().message, QStringLiteral("needle 18"));
    page = m_logger->page(page.last().id, 100, 0, QStringLiteral("needle"), &more);
    QCOMPARE(page.size(), 6);
    QVERIFY(!more);
    QCOMPARE(page.last().message, QStringLiteral("needle 0"));
    page = m_logger->page(0, 100, LogLine::levelRank(QStringLiteral("warning")), {}, &more);
    QCOMPARE(page.size(), 10);
}

QTEST_GUILESS_MAIN(tst_Logger)
#include "tst_logger.moc"
