#pragma once

#include "http/httpfront.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class PlayerRoutes;
class Database;
class Settings;
class StreamManager;
struct XtreamUser;

// The Xtream stream routes /live/U/P/{id}.ts, /live/U/P/{id} and /U/P/{id}: authenticate, find
// the channel the user may see, keep the account within max_connections, and hand the player
// to the StreamManager (one upstream per channel, however many players).
class LiveRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveRoutes)

public:
    // Registers its routes on http (last: /U/P/{id} matches any three-segment path). Sign-ins
    // go through players' (one login throttle for every player route).
    // settings: the server's, read at each request.
    LiveRoutes(Database *db, const Settings *settings, HttpFront *http, StreamManager *streams,
               PlayerRoutes *players);

    // The StreamManager tag of an account's players.
    static QString tag(const QString &username);
    // Streams the account has open now (its active_cons).
    static int activeConnections(const StreamManager *streams, const QString &username);
    // Ends every stream the account has open.
    static void endStreams(StreamManager *streams, const QString &username, const QString &reason);

private:
    void play(const HttpRequest &req, QHttpServerResponder &r);
    // Makes room for one more stream of user, or answers 429 and returns false.
    bool admit(const XtreamUser &user, const QHostAddress &peer, QHttpServerResponder &r);

    // Ends the streams of accounts that expired (or went away) while playing; runs at the
    // next expiry among the accounts playing, and at least once a minute.
    void checkAccounts();
    void scheduleAccountCheck();

    Database *m_db;
    const Settings *m_settings;
    PlayerRoutes *m_players;
    QPointer<StreamManager> m_streams;
    QHash<quint64, QHostAddress> m_peers; // attached player -> its address
    struct Player
    {
        qint64 userId = 0;
        QString username;
        std::optional<qint64> expiresAt;
    };
    QHash<quint64, Player> m_accounts; // attached player -> its account
    QTimer m_accountCheck;
};
