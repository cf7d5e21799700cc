#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class AceEngine;
class Database;
class QSqlDatabase;
class QNetworkReply;
class Settings;

// Asks the engine whether AceStream channels are available (get_media_files), strictly one
// channel at a time with a pause between checks: bulk checks crash the engine. Stores
// check_status ("ok", "unavailable", "error"), check_error and checked_at on the channel.
class ChannelChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelChecker)

public:
    // settings: the server's, read at each check (delay and timeout change at run time).
    ChannelChecker(Database *db, const Settings *settings, AceEngine *engine,
                   QObject *parent = nullptr);
    ~ChannelChecker() override;

    // Queues the channels not already queued; direct (non-AceStream) ones are left out.
    // Returns how many were queued.
    int enqueue(const QList<int> &channelIds);
    // Queues every active AceStream channel.
    int enqueueAll();
    // As enqueue, for ids already known to be AceStream channels (aceStreamIds read on a worker,
    // as a route does for many): nothing is read from the database here.
    int enqueueChecked(const QList<int> &aceStreamIds);
    // The AceStream channels among ids (all active ones when ids is empty): for a worker.
    static QList<int> aceStreamIds(const QSqlDatabase &db, const QList<int> &ids);
    void clear();
    // {"queued": n, "running": id|null, "checked": n, "delay_ms": n, "unsaved": n}
    QJsonObject status() const;

Q_SIGNALS:
    void checked(int channelId, const QString &status, const QString &error);
    void idle();

private:
    void next();
    void onFinished(QNetworkReply *reply, int channelId);
    // Writes a result; while an import holds the write lock the result is kept and written
    // later from m_retry (the server thread never waits for the lock).
    void store(int channelId, const QString &status, const QString &error);
    bool write(int channelId, const QString &status, const QString &error, qint64 at);
    void retryUnsaved();

    struct Unsaved
    {
        QString status;
        QString error;
        qint64 at = 0;
    };

    Database *m_db;
    const Settings *m_settings;
    QPointer<AceEngine> m_engine;
    QList<int> m_queue;
    QPointer<QNetworkReply> m_reply;
    int m_running = 0;
    int m_checked = 0;
    QTimer m_pause;
    QHash<int, Unsaved> m_unsaved; // channel id -> a result the lock kept from the database
    QTimer m_retry;
};
