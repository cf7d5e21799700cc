#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// The answer of one admin API call: the HTTP status (0 when the server was not reached), the
// JSON object it carried and, for failures, a message to show.
struct ApiResult
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QString error;
    bool ok() const { return status >= 200 && status < 300; }
};

// The panel's only door to AceHub: every admin API call and the /api/events stream, all
// asynchronous. Pages ask for what they need by name and get the answer in a callback that
// dies with the page (the context object); events arrive as event() signals. The stream
// reconnects by itself with Last-Event-ID, so a restart or a network blip costs a banner,
// never a frozen window.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using Callback = std::function<void(const ApiResult &)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // Points the client at an AceHub (http://host:port) with a Bearer token, and opens the
    // event stream. An empty base disconnects.
    void connectTo(const QUrl &base, const QString &token);
    void disconnectFromServer();
    // Signs in to a remote AceHub with its admin password; the token comes in the callback's
    // json ("token").
    void login(const QUrl &base, const QString &password, QObject *context, Callback done);

    QUrl baseUrl() const { return m_base; }
    bool isRemote() const { return m_remote; }
    void setRemote(bool remote) { m_remote = remote; }
    bool isConnected() const { return m_connected; }
    QUrl dashboardUrl() const;

    // Generic calls, used by the typed helpers below and by tests.
    // The reply (owned by the client, gone after done), or nullptr when not connected.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                        const QByteArray &body, const QByteArray &contentType, QObject *context,
                        Callback done);
    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback done);
    void sendJson(const QByteArray &method, const QString &path, const QJsonObject &body,
                  QObject *context, Callback done);

    // Server and engine
    void health(QObject *context, Callback done);
    void connectInfo(qint64 userId, QObject *context, Callback done);
    // Streams
    void streams(QObject *context, Callback done);
    void stopStream(const QString &key, QObject *context, Callback done);
    void kickPlayer(const QString &key, qint64 playerId, QObject *context, Callback done);
    // Channels
    void channels(const QUrlQuery &query, QObject *context, Callback done);
    void channel(qint64 id, QObject *context, Callback done);
    void updateChannel(qint64 id, const QJsonObject &changes, QObject *context, Callback done);
    void deleteChannel(qint64 id, QObject *context, Callback done);
    void bulkChannels(const QJsonObject &body, QObject *context, Callback done);
    void checkChannels(const QList<qint64> &ids, QObject *context, Callback done);
    void guideChannels(const QString &search, QObject *context, Callback done);
    // Categories
    void categories(QObject *context, Callback done);
    void createCategory(const QString &name, QObject *context, Callback done);
    void updateCategory(qint64 id, const QJsonObject &changes, QObject *context, Callback done);
    void deleteCategory(qint64 id, QObject *context, Callback done);
    void orderCategories(const QList<qint64> &ids, QObject *context, Callback done);
    // Playlist (guide == false) and guide sources
    void sources(bool guide, QObject *context, Callback done);
    void createSource(bool guide, const QJsonObject &body, QObject *context, Callback done);
    // sent(bytes, total) as the file goes out, for a progress bar.
    void uploadSource(bool guide, const QString &name, const QByteArray &file, QObject *context,
                      Callback done, std::function<void(qint64, qint64)> sent = {});
    void updateSource(bool guide, qint64 id, const QJsonObject &changes, QObject *context,
                      Callback done);
    void deleteSource(bool guide, qint64 id, QObject *context, Callback done);
    void refreshSource(bool guide, qint64 id, QObject *context, Callback done);
    // Users
    void users(QObject *context, Callback done);
    void createUser(const QJsonObject &body, QObject *context, Callback done);
    void updateUser(qint64 id, const QJsonObject &changes, QObject *context, Callback done);
    void deleteUser(qint64 id, QObject *context, Callback done);
    // Logs, settings, admin password, backup
    void logs(const QUrlQuery &query, QObject *context, Callback done);
    // The last lines, oldest first ("lines"): what an AceHub without paged logs offers.
    void logTail(int lines, QObject *context, Callback done);
    void settings(QObject *context, Callback done);
    void settingsSchema(QObject *context, Callback done);
    void updateSettings(const QJsonObject &values, QObject *context, Callback done);
    void changePassword(const QString &current, const QString &next, QObject *context,
                        Callback done);
    void backup(QObject *context, Callback done);
    void restore(const QByteArray &document, QObject *context, Callback done);

    // Parses one block of text/event-stream; public for tests. Feeds complete events to
    // event() and keeps a partial one for the next chunk.
    void feedEventStream(const QByteArray &chunk);

Q_SIGNALS:
    // Every event of /api/events (hello, stream.*, player.*, stats, engine, import.*, check,
    // log, changed, resync).
    void event(const QString &type, const QJsonObject &data);
    // The event stream is up (after hello) or lost; the window shows a banner while it is lost.
    void connectedChanged(bool connected);
    // Anything the window should reload whole (a resync, or a new server instance).
    void resynced();
    // A call was refused because the token is no longer valid (remote server restarted).
    void unauthorized();

private:
    QNetworkReply *start(const QByteArray &method, const QString &path, const QUrlQuery &query,
                         const QByteArray &body, const QByteArray &contentType);
    void openEvents();
    void eventsEnded();
    void setConnected(bool connected);
    void dispatch(const QString &type, const QByteArray &data, const QString &id);

    QNetworkAccessManager *m_net;
    QUrl m_base;
    QByteArray m_token;
    bool m_remote = false;
    bool m_connected = false;
    QPointer<QNetworkReply> m_events;
    QByteArray m_buffer; // unparsed part of the event stream
    QString m_eventType;
    QByteArray m_eventData;
    QString m_eventId;
    QString m_lastEventId;
    QString m_instance;
    QTimer m_reconnect;
    int m_backoffMs = 500;
};
