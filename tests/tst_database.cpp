#include "auth/admincredential.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

namespace {

QStringList tables(const QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (q.next())
        names << q.value(0).toString();
    return names;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_Database : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migratesAnEmptyFileToTheLatestSchema();
    void reopeningIsIdempotent();
    void newerSchemaIsRefusedAndLeftUntouched();
    void notADatabaseIsRefused();
    void eachThreadGetsItsOwnConnection();
    void theServerThreadFailsFastOnALockedFileWhileWorkersWait();
    void adminPasswordIsStoredOnlyAsASaltedHash();
};

void tst_Database::migratesAnEmptyFileToTheLatestSchema()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("a.sqlite")));
    const auto result = db.open();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.fromVersion, 0);
    QCOMPARE(result.toVersion, Database::latestSchemaVersion());
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    const QStringList names = tables(db.connection());
    for (const char *t :
         {"settings", "admin_credential", "categories", "channel_sources", "channels",
          "epg_sources", "epg_channels", "epg_programmes", "users", "user_categories"})
        QVERIFY2(names.contains(QLatin1String(t)), t);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString().toLower(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void tst_Database::reopeningIsIdempotent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    {
        Database db(path);
        QVERIFY(db.open().ok);
        QVERIFY(db.saveSettings({{QStringLiteral("engine_port"), 7000}}));
    }
    for (int i = 0; i < 2; ++i) {
        Database db(path);
        const auto result = db.open();
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.fromVersion, Database::latestSchemaVersion());
        QCOMPARE(result.toVersion, Database::latestSchemaVersion());
        QCOMPARE(db.loadSettings().value(QStringLiteral("engine_port")).toInt(), 7000);
    }
}

void tst_Database::newerSchemaIsRefusedAndLeftUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        QSqlDatabase raw
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE from_the_future (x INTEGER)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1")
                               .arg(Database::latestSchemaVersion() + 5)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    const QByteArray before = fileHash(path);
    Database db(path);
    const auto result = db.open();
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("newer")), qPrintable(result.error));
    QCOMPARE(result.fromVersion, Database::latestSchemaVersion() + 5);
    QVERIFY(!db.isOpen());
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void tst_Database::notADatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    Database db(path);
    const auto result = db.open();
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
}

void tst_Database::eachThreadGetsItsOwnConnection()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db.open().ok);
    const QString mainName = db.connection().connectionName();
    QString workerName;
    int workerVersion = -1;
    QThread *worker = QThread::create([&] {
        workerName = db.connection().connectionName();
        workerVersion = db.schemaVersion();
        db.releaseThreadConnection();
    });
    worker->start();
    QVERIFY(worker->wait(10000));
    delete worker;
    QVERIFY(!workerName.isEmpty());
    QVERIFY(workerName != mainName);
    QCOMPARE(workerVersion, Database::latestSchemaVersion());
}

// What keeps the server thread from stalling while an import holds the write lock, checked as
// SQLite's own setting rather than as a latency (a sanitizer or loaded run must pass): the
// server thread's connection gives up after kOwnerBusyTimeoutMs and reports "busy"; a worker's
// waits up to kWorkerBusyTimeoutMs. The old code slept up to 5 s on the server thread.
void tst_Database::theServerThreadFailsFastOnALockedFileWhileWorkersWait()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db.open().ok);
    const auto busyTimeout = [](const QSqlDatabase &c) {
        QSqlQuery q(c);
        return q.exec(QStringLiteral("PRAGMA busy_timeout")) && q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(busyTimeout(db.connection()), Database::kOwnerBusyTimeoutMs);
    int workerTimeout = -1;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        workerTimeout = busyTimeout(db.connection());
        db.releaseThreadConnection();
    }));
    worker->start();
    QVERIFY(worker->wait(30000));
    QCOMPARE(workerTimeout, Database::kWorkerBusyTimeoutMs);
    QVERIFY(Database::kOwnerBusyTimeoutMs < Database::kWorkerBusyTimeoutMs);

    // Another connection holds the write lock, as an import does: the server thread's write
    // fails with an error isBusy() recognises, so its callers answer 503 or retry later.
    const QString lockName = QStringLiteral("tst-locker");
    {
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lockName);
        locker.setDatabaseName(db.path());
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QSqlQuery write(db.connection());
        QVERIFY(!write.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k', 'v')")));
        QVERIFY2(Database::isBusy(write.lastError()), qPrintable(write.lastError().text()));
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        locker.close();
    }
    QSqlDatabase::removeDatabase(lockName);
}

void tst_Database::adminPasswordIsStoredOnlyAsASaltedHash()
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("a.sqlite")));
    QVERIFY(db.open().ok);
    QVERIFY(!AdminCredential::exists(db.connection()));
    QVERIFY(AdminCredential::set(db.connection(), QStringLiteral("short"))); // refused: too short
    QVERIFY(!AdminCredential::exists(db.connection()));
    const QString password = AdminCredential::generatePassword();
    QCOMPARE(password.size(), 20);
    QVERIFY(password != AdminCredential::generatePassword());
    QVERIFY(!AdminCredential::set(db.connection(), password));
    const auto stored = AdminCredential::load(db.connection());
    QVERIFY(stored);
    QCOMPARE(stored->salt.size(), 16);
    QCOMPARE(stored->hash.size(), 32);
    QVERIFY(!stored->hash.contains(password.toUtf8()));
    QVERIFY(AdminCredential::verify(*stored, password));
    QVERIFY(!AdminCredential::verify(*stored, password + QLatin1Char('x')));
    // The same password with another salt gives another hash.
    QVERIFY(!AdminCredential::set(db.connection(), password));
    QVERIFY(AdminCredential::load(db.connection())->hash != stored->hash);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
