#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QString>

// Failed Xtream logins (player_api.php, get.php, xmltv.php, panel_api.php, the stream URLs),
// counted per client address and per username over a window: past the limit, further logins
// get 429 until the oldest failure leaves the window. A (username, address) pair that signed in
// successfully within the last day is not held back by the username's count, so a household's
// players keep working while someone elsewhere guesses that account's password; guesses from
// an address that keeps failing are held back whatever they name. Running streams are never
// touched. Lives on the server thread.
class LoginThrottle final
{
    Q_DISABLE_COPY_MOVE(LoginThrottle)

public:
    LoginThrottle();

    // The limit and window are read at each call, so a settings change applies at once.
    void setLimits(int maxFailures, int windowSeconds);

    // Seconds until this login may be tried; 0: now.
    int retryAfter(const QString &address, const QString &username);
    // Returns true when this failure starts a lockout (for the log).
    bool failed(const QString &address, const QString &username);
    void succeeded(const QString &address, const QString &username);

private:
    int waitFor(const QString &key, qint64 now) const;
    bool count(const QString &key, qint64 now);
    void prune(qint64 now);

    QElapsedTimer m_clock;
    int m_maxFailures = 10;
    qint64 m_windowMs = 300000;
    QHash<QString, QList<qint64>> m_failures; // "a:<address>" / "u:<username>" -> failure times
    QHash<QString, qint64> m_trusted; // "<username>\n<address>" -> last success
    int m_sincePrune = 0;
};
