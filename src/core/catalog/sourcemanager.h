#pragma once

#include "catalogimport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTemporaryFile>
#include <QTimer>
#include <atomic>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)

class Database;
class QNetworkReply;
class QThread;
class Settings;

// Refreshes channel sources (M3U) and EPG sources (XMLTV): on each source's interval and on
// demand. Downloads run asynchronously on the server thread into a temporary file; parsing and
// the one-transaction database write run on a worker thread, one import at a time, reporting
// progress back by queued calls.
class SourceManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceManager)

public:
    enum class Kind { Channels, Guide };
    Q_ENUM(Kind)

    // settings: the server's, read at each refresh (limits and the guide window change at run
    // time).
    SourceManager(Database *db, const Settings *settings, QObject *parent = nullptr);
    ~SourceManager() override; // cancels a running import and waits for its thread

    static QString table(Kind kind);
    static QString kindName(Kind kind); // "channels" / "epg"
    // A source's location fit for a log line or an error: a URL without user info and query
    // (provider URLs carry the account's password there), a file path as is.
    static QString displayLocation(const QString &location);

    // Starts the interval scheduler (checks due sources every tickMs).
    void start(int tickMs = 30000);

    // Queues a refresh; false with the reason when the source is unknown.
    bool refresh(Kind kind, int id, QString *error = nullptr);
    bool isBusy(Kind kind, int id) const;
    bool isIdle() const { return !m_current && m_queue.isEmpty(); }
    // {"state": "idle"|"queued"|"downloading"|"importing", "percent", "items", "errors"}
    QJsonObject progress(Kind kind, int id) const;
    // Forgets a deleted source (dequeues it; a running import of it is cancelled).
    void forget(Kind kind, int id);

Q_SIGNALS:
    // An import of the source begins (its download, or reading its file).
    void importStarted(SourceManager::Kind kind, int id, const QString &name);
    void progressChanged(SourceManager::Kind kind, int id, const QJsonObject &progress);
    // Just before importFinished: {"ok", "imported", "skipped", "errors", "error"?}.
    void importResult(SourceManager::Kind kind, int id, const QJsonObject &result);
    void importFinished(SourceManager::Kind kind, int id, bool ok, const QString &error);
    void catalogChanged();

private:
    struct Job
    {
        Kind kind = Kind::Channels;
        int id = 0;
        QString state = QStringLiteral("queued");
        ImportProgress progress;
        std::unique_ptr<QTemporaryFile> download;
        QPointer<QNetworkReply> reply;
        QElapsedTimer reported;
        bool cancelled = false;
    };
    static quint64 key(Kind kind, int id) { return (quint64(kind) << 32) | quint32(id); }

    void tick();
    void startNext();
    void fetch(const QUrl &url);
    void runImport(const QString &path);
    void finish(const ImportOutcome &outcome);
    void setProgress(const QString &state, const ImportProgress &progress);
    QJsonObject progressJson(const Job &job) const;

    const Settings *m_settings;
    Database *m_db;
    QNetworkAccessManager m_network;
    QTimer m_tick;
    QList<std::shared_ptr<Job>> m_queue;
    std::shared_ptr<Job> m_current;
    QHash<quint64, QJsonObject> m_lastProgress; // of each source's last finished import
    QThread *m_thread = nullptr; // the running import's worker; joined in the destructor
    std::atomic_bool m_cancel {false};
};
