#pragma once

#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QVariantMap>

class QSqlError;

// The SQLite catalog file: WAL, foreign keys, numbered migrations applied at open.
// Qt Sql connections belong to one thread, so connection() hands each thread its own.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    explicit Database(const QString &path);
    ~Database();

    struct OpenResult
    {
        bool ok = false;
        QString error;
        int fromVersion = 0; // schema found on disk
        int toVersion = 0; // schema after migrations
    };
    // Opens the file (creating it), refuses a schema newer than this build knows (the file is
    // left untouched), switches to WAL and applies pending migrations.
    OpenResult open();
    void close();
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }

    static int latestSchemaVersion();
    int schemaVersion() const;

    // This thread's connection to the file; opened on first use in that thread. The thread
    // that called open() (the server's: it answers every request and stream) waits at most
    // kOwnerBusyTimeoutMs for a write lock another connection holds, then fails with
    // "database is locked" (isBusy()); worker threads wait up to kWorkerBusyTimeoutMs.
    QSqlDatabase connection() const;
    static constexpr int kOwnerBusyTimeoutMs = 50;
    static constexpr int kWorkerBusyTimeoutMs = 5000;
    // True when an error means another connection held the lock (SQLITE_BUSY / LOCKED):
    // worth retrying later, not a fault.
    static bool isBusy(const QSqlError &error);
    static bool isBusy(const QString &errorText);
    // Drops the calling thread's connection (a worker thread calls this before it ends).
    void releaseThreadConnection() const;

    // Value conversions the stores share. A JSON value as a bind value: null (or absent) ->
    // NULL, strings trimmed, booleans as 0/1, numbers as integers.
    static QVariant bindValue(const QJsonValue &v);
    // A column as JSON: NULL -> null.
    static QJsonValue jsonValue(const QVariant &v);
    // Epoch seconds as ISO 8601 UTC ("2026-11-21T17:00:00Z"), NULL -> null: every time the
    // admin API shows.
    static QJsonValue isoTime(const QVariant &secs);

    QVariantMap loadSettings() const;
    bool saveSettings(const QVariantMap &values, QString *error = nullptr);

private:
    QString connectionName() const;
    QSqlDatabase openConnection(const QString &name) const;

    QString m_path;
    bool m_open = false;
    Qt::HANDLE m_ownerThread = nullptr; // the thread that called open()
};
