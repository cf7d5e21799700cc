#include "fuzz/fuzztargets.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

// Every seed of the fuzzers (tests/fuzz/corpus) and every input that once crashed one
// (tests/fuzz/regressions) goes through the harnesses' entry points: one row per file.
class tst_FuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replayedInputsNeitherCrashNorTripASanitizer_data();
    void replayedInputsNeitherCrashNorTripASanitizer();
    void everyTargetHasSeeds();
};

void tst_FuzzRegressions::replayedInputsNeitherCrashNorTripASanitizer_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    for (const FuzzTargets::Target &t : FuzzTargets::all()) {
        for (const char *folder : {"corpus", "regressions"}) {
            QDirIterator it(QStringLiteral(ACEHUB_SOURCE_DIR "/tests/fuzz/%1/%2")
                                    .arg(QLatin1String(folder), QLatin1String(t.name)),
                            QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                QTest::newRow(qPrintable(
                        QStringLiteral("%1/%2/%3")
                                .arg(QLatin1String(folder), QLatin1String(t.name), it.fileName())))
                        << QString::fromLatin1(t.name) << path;
            }
        }
    }
}

void tst_FuzzRegressions::replayedInputsNeitherCrashNorTripASanitizer()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    for (const FuzzTargets::Target &t : FuzzTargets::all()) {
        if (target == QLatin1String(t.name))
            QCOMPARE(
                    t.run(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())),
                    0);
    }
}

void tst_FuzzRegressions::everyTargetHasSeeds()
{
    for (const FuzzTargets::Target &t : FuzzTargets::all()) {
        const QDir seeds(QStringLiteral(ACEHUB_SOURCE_DIR "/tests/fuzz/corpus/%1")
                                 .arg(QLatin1String(t.name)));
        QVERIFY2(!seeds.entryList(QDir::Files).isEmpty(), t.name);
    }
}

QTEST_GUILESS_MAIN(tst_FuzzRegressions)
#include "tst_fuzzregressions.moc"
