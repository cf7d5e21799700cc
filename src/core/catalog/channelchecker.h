#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;
class Server;

// Asks the engine whether AceStream channels are available (get_media_files), strictly one
// channel at a time with a pause between checks: bulk checks crash the engine. Stores
// check_status ("ok", "unavailable", "error"), check_error and checked_at on the channel.
class ChannelChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelChecker)

public:
    explicit ChannelChecker(Server *server, QObject *parent = nullptr);
    ~ChannelChecker() override;

    // Queues the channels not already queued; direct (non-AceStream) ones are left out.
    // Returns how many were queued.
    int enqueue(const QList<int> &channelIds);
    // Queues every active AceStream channel.
    int enqueueAll();
    void clear();
    // {"queued": n, "running": id|null, "checked": n, "delay_ms": n}
    QJsonObject status() const;

Q_SIGNALS:
    void checked(int channelId, const QString &status);
    void idle();

private:
    void next();
    void onFinished(QNetworkReply *reply, int channelId);
    void store(int channelId, const QString &status, const QString &error);

    Server *m_server;
    QList<int> m_queue;
    QPointer<QNetworkReply> m_reply;
    int m_running = 0;
    int m_checked = 0;
    QTimer m_pause;
};
