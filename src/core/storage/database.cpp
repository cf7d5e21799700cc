#include "database.h"

#include "log/logger.h"
#include "migrations.h"
#include "storage/writetransaction.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace {

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

int readUserVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

} // namespace

Database::Database(const QString &path) : m_path(path) { }

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    return schemaMigrations().isEmpty() ? 0 : schemaMigrations().constLast().version;
}

QString Database::connectionName() const
{
    return QStringLiteral("acehub:%1:%2")
            .arg(m_path)
            .arg(quintptr(QThread::currentThreadId()), 0, 16);
}

QSqlDatabase Database::openConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    // Another connection (an import in a worker) may hold the write lock for a while. The
    // owner (server) thread must not sleep in SQLite's busy handler: every stream and request
    // waits with it. It fails fast and its callers answer 503 or retry later.
    const int timeout = QThread::currentThreadId() == m_ownerThread ? kOwnerBusyTimeoutMs
                                                                    : kWorkerBusyTimeoutMs;
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(timeout));
    if (db.open()) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    }
    return db;
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    return openConnection(name);
}

void Database::releaseThreadConnection() const
{
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    QSqlDatabase::database(name).close();
    QSqlDatabase::removeDatabase(name);
}

bool Database::isBusy(const QString &errorText)
{
    return errorText.contains(QLatin1String("database is locked"), Qt::CaseInsensitive)
           || errorText.contains(QLatin1String("database table is locked"), Qt::CaseInsensitive)
           || errorText.contains(QLatin1String("database schema is locked"), Qt::CaseInsensitive);
}

bool Database::isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") || isBusy(error.databaseText())
           || isBusy(error.text());
}

Database::OpenResult Database::open()
{
    OpenResult result;
    m_ownerThread = QThread::currentThreadId();
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        result.error = QStringLiteral("cannot create the directory %1").arg(info.absolutePath());
        return result;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        result.error = QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text());
        db = QSqlDatabase(); // no handle may outlive the connection it names
        releaseThreadConnection();
        return result;
    }
    const int onDisk = readUserVersion(db);
    result.fromVersion = onDisk;
    if (onDisk < 0) {
        result.error = QStringLiteral("%1 is not an SQLite database AceHub can read").arg(m_path);
        db = QSqlDatabase(); // no handle may outlive the connection it names
        releaseThreadConnection();
        return result;
    }
    if (onDisk > latestSchemaVersion()) {
        // Written by a newer AceHub: touch nothing (not even the journal mode).
        result.error
                = QStringLiteral("%1 has schema version %2, newer than this AceHub knows (%3). "
                                 "Upgrade AceHub or use another --data-dir; the file was "
                                 "left untouched.")
                          .arg(m_path)
                          .arg(onDisk)
                          .arg(latestSchemaVersion());
        db = QSqlDatabase(); // no handle may outlive the connection it names
        releaseThreadConnection();
        return result;
    }
    QString error;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
            || q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            qCWarning(lcStorage) << "WAL journal mode not available for" << m_path;
        }
    }
    for (const Migration &m : schemaMigrations()) {
        if (m.version <= onDisk)
            continue;
        bool ok = true;
        {
            WriteTransaction tx(db);
            if (!tx.isOpen()) {
                ok = false;
                error = tx.error().text();
            }
            for (const QString &sql : m.statements) {
                if (ok && !exec(db, sql, &error))
                    ok = false;
            }
            if (ok)
                ok = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version), &error);
            if (ok && !tx.commit()) {
                ok = false;
                error = tx.error().text();
            }
        }
        if (!ok) {
            result.error = QStringLiteral("migration %1 (%2) failed: %3")
                                   .arg(m.version)
                                   .arg(QString::fromLatin1(m.description), error);
            db = QSqlDatabase();
            releaseThreadConnection();
            return result;
        }
        qCInfo(lcStorage, "Applied migration %d: %s", m.version, m.description);
    }
    result.toVersion = readUserVersion(db);
    result.ok = true;
    m_open = true;
    return result;
}

void Database::close()
{
    if (!m_open)
        return;
    releaseThreadConnection();
    m_open = false;
}

int Database::schemaVersion() const
{
    return readUserVersion(connection());
}

QVariantMap Database::loadSettings() const
{
    QVariantMap values;
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT key, value FROM settings"))) {
        qCWarning(lcStorage) << "Cannot read settings:" << q.lastError().text();
        return values;
    }
    while (q.next()) {
        // Values are stored as JSON scalars so numbers stay numbers.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + q.value(1).toByteArray() + "]");
        values.insert(q.value(0).toString(),
                      doc.isArray() ? doc.array().at(0).toVariant() : q.value(1));
    }
    return values;
}

bool Database::saveSettings(const QVariantMap &values, QString *error)
{
    QSqlDatabase db = connection();
    WriteTransaction tx(db);
    if (!tx.isOpen()) {
        if (error)
            *error = tx.error().text();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QByteArray json = QJsonDocument(QJsonArray {QJsonValue::fromVariant(it.value())})
                                        .toJson(QJsonDocument::Compact);
        q.addBindValue(it.key());
        q.addBindValue(QString::fromUtf8(json.mid(1, json.size() - 2)));
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    if (!tx.commit()) {
        if (error)
            *error = tx.error().text();
        return false;
    }
    return true;
}

QVariant Database::bindValue(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant(QMetaType(QMetaType::QString));
    if (v.isString())
        return v.toString().trimmed();
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    return qint64(v.toDouble());
}

QJsonValue Database::jsonValue(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v);
}

QJsonValue Database::isoTime(const QVariant &secs)
{
    return secs.isNull() ? QJsonValue()
                         : QJsonValue(QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC)
                                              .toString(Qt::ISODate));
}
