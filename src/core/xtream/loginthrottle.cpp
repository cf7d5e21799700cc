#include "loginthrottle.h"

namespace {

constexpr qint64 kTrustedMs = 24 * 3600 * 1000;
// Keys kept at most: failures naming made-up usernames from many addresses must not grow the
// tables without bound.
constexpr qsizetype kMaxKeys = 100000;

QString addressKey(const QString &address)
{
    return QStringLiteral("a:") + address;
}

QString userKey(const QString &username)
{
    return QStringLiteral("u:") + username;
}

QString pairKey(const QString &address, const QString &username)
{
    return username + QLatin1Char('\n') + address;
}

} // namespace

LoginThrottle::LoginThrottle()
{
    m_clock.start();
}

void LoginThrottle::setLimits(int maxFailures, int windowSeconds)
{
    m_maxFailures = qMax(1, maxFailures);
    m_windowMs = qint64(qMax(1, windowSeconds)) * 1000;
}

int LoginThrottle::waitFor(const QString &key, qint64 now) const
{
    const auto it = m_failures.constFind(key);
    if (it == m_failures.cend())
        return 0;
    const QList<qint64> &times = *it;
    // Failures within the window, oldest first.
    qsizetype first = 0;
    while (first < times.size() && now - times.at(first) >= m_windowMs)
        ++first;
    if (times.size() - first < m_maxFailures)
        return 0;
    // Free once enough of them have left the window to go under the limit.
    const qint64 freeAt = times.at(times.size() - m_maxFailures) + m_windowMs;
    return int((freeAt - now + 999) / 1000);
}

int LoginThrottle::retryAfter(const QString &address, const QString &username)
{
    const qint64 now = m_clock.elapsed();
    int wait = waitFor(addressKey(address), now);
    const auto trusted = m_trusted.constFind(pairKey(address, username));
    if (trusted == m_trusted.cend() || now - *trusted > kTrustedMs)
        wait = qMax(wait, waitFor(userKey(username), now));
    return wait;
}

bool LoginThrottle::count(const QString &key, qint64 now)
{
    QList<qint64> &times = m_failures[key];
    while (!times.isEmpty() && now - times.constFirst() >= m_windowMs)
        times.removeFirst();
    times.append(now);
    // Only the last m_maxFailures matter for the lockout.
    while (times.size() > m_maxFailures)
        times.removeFirst();
    return times.size() == m_maxFailures;
}

bool LoginThrottle::failed(const QString &address, const QString &username)
{
    const qint64 now = m_clock.elapsed();
    if (++m_sincePrune >= 1000 || m_failures.size() > kMaxKeys)
        prune(now);
    const bool byAddress = count(addressKey(address), now);
    const bool byUser = count(userKey(username), now);
    return byAddress || byUser;
}

void LoginThrottle::succeeded(const QString &address, const QString &username)
{
    const qint64 now = m_clock.elapsed();
    if (m_trusted.size() > kMaxKeys)
        prune(now);
    m_trusted.insert(pairKey(address, username), now);
}

void LoginThrottle::prune(qint64 now)
{
    m_sincePrune = 0;
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        if (it->isEmpty() || now - it->constLast() >= m_windowMs)
            it = m_failures.erase(it);
        else
            ++it;
    }
    for (auto it = m_trusted.begin(); it != m_trusted.end();) {
        if (now - *it > kTrustedMs)
            it = m_trusted.erase(it);
        else
            ++it;
    }
    // Still too many live keys: a spray of made-up names. The usernames' counts go (addresses
    // keep theirs, which is what holds such a spray back).
    if (m_failures.size() > kMaxKeys) {
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            if (it.key().startsWith(QLatin1String("u:")))
                it = m_failures.erase(it);
            else
                ++it;
        }
    }
    if (m_trusted.size() > kMaxKeys)
        m_trusted.clear();
}
