#include "channelchecker.h"

#include "checkstore.h"
#include "engine/aceengine.h"
#include "net/replylimit.h"
#include "sourcemanager.h"
#include "storage/database.h"
#include "storage/settings.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QUrlQuery>

namespace {
constexpr int kRetryMs = 1000;
}

ChannelChecker::ChannelChecker(Database *db, const Settings *settings, AceEngine *engine,
                               QObject *parent)
    : QObject(parent), m_db(db), m_settings(settings), m_engine(engine)
{
    m_pause.setSingleShot(true);
    m_pause.setTimerType(Qt::PreciseTimer); // the pause is a promise to the engine: never early
    connect(&m_pause, &QTimer::timeout, this, &ChannelChecker::next);
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &ChannelChecker::retryUnsaved);
}

ChannelChecker::~ChannelChecker()
{
    m_queue.clear();
    if (m_reply) {
        m_reply->disconnect(this); // a check cut by shutdown says nothing about the channel
        m_reply->abort();
    }
}

int ChannelChecker::enqueue(const QList<int> &channelIds)
{
    if (channelIds.isEmpty())
        return 0;
    return enqueueChecked(aceStreamIds(m_db->connection(), channelIds));
}

int ChannelChecker::enqueueAll()
{
    return enqueueChecked(aceStreamIds(m_db->connection(), {}));
}

QList<int> ChannelChecker::aceStreamIds(const QSqlDatabase &db, const QList<int> &ids)
{
    if (ids.isEmpty())
        return CheckStore::activeAceStreamIds(db);
    QList<int> out;
    for (int id : ids) {
        if (CheckStore::kind(db, id) == QLatin1String("acestream"))
            out << id;
    }
    return out;
}

int ChannelChecker::enqueueChecked(const QList<int> &aceStreamIds)
{
    // A set: checking 50,000 ids against the queue one by one would be quadratic.
    QSet<int> queued(m_queue.cbegin(), m_queue.cend());
    if (m_running)
        queued.insert(m_running);
    int added = 0;
    for (int id : aceStreamIds) {
        if (queued.contains(id))
            continue;
        queued.insert(id);
        m_queue.append(id);
        ++added;
    }
    if (added && !m_reply && !m_pause.isActive())
        QTimer::singleShot(0, this, &ChannelChecker::next);
    return added;
}

void ChannelChecker::clear()
{
    m_queue.clear();
}

QJsonObject ChannelChecker::status() const
{
    return {{QStringLiteral("queued"), int(m_queue.size())},
            {QStringLiteral("running"), m_running ? QJsonValue(m_running) : QJsonValue()},
            {QStringLiteral("checked"), m_checked},
            {QStringLiteral("delay_ms"), m_settings->channelCheckDelayMs()},
            {QStringLiteral("unsaved"), int(m_unsaved.size())}};
}

void ChannelChecker::next()
{
    if (m_reply || m_pause.isActive())
        return; // one at a time
    while (!m_queue.isEmpty()) {
        const int id = m_queue.takeFirst();
        const auto target = CheckStore::target(m_db->connection(), id);
        if (!target)
            continue; // deleted meanwhile
        AceEngine *engine = m_engine;
        if (!engine)
            return;
        QUrl url = engine->endpoint(QStringLiteral("/server/api"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("api_version"), QStringLiteral("3"));
        query.addQueryItem(QStringLiteral("method"), QStringLiteral("get_media_files"));
        if (!target->contentId.isEmpty())
            query.addQueryItem(QStringLiteral("content_id"), target->contentId);
        else
            query.addQueryItem(QStringLiteral("infohash"), target->infohash);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setTransferTimeout(m_settings->channelCheckTimeoutSeconds() * 1000);
        QNetworkReply *reply = engine->network()->get(request);
        // A torrent's file list: small, but not as small as the other engine answers.
        ReplyLimit::apply(reply, 1024 * 1024, m_settings->channelCheckTimeoutSeconds() * 1000,
                          QStringLiteral("a channel check"));
        m_reply = reply;
        m_running = id;
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, id]() { onFinished(reply, id); });
        return;
    }
    Q_EMIT idle();
}

void ChannelChecker::onFinished(QNetworkReply *reply, int channelId)
{
    reply->deleteLater();
    m_reply = nullptr;
    m_running = 0;
    QString status;
    QString error;
    if (reply->error() != QNetworkReply::NoError) {
        // The engine did not answer: says nothing about the channel itself.
        status = QStringLiteral("error");
        const QString limit = ReplyLimit::exceeded(reply);
        error = !limit.isEmpty() ? QStringLiteral("the engine's answer was %1").arg(limit)
                : reply->error() == QNetworkReply::OperationCanceledError
                        ? QStringLiteral("no answer from the engine within the timeout")
                        : reply->errorString();
    } else {
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        const QJsonValue result = o.value(QLatin1String("result"));
        const QJsonValue err = o.value(QLatin1String("error"));
        if (result.isObject() && (err.isNull() || err.isUndefined())) {
            status = QStringLiteral("ok");
        } else if (!err.isNull() && !err.isUndefined()) {
            status = QStringLiteral("unavailable");
            error = err.isObject() ? err.toObject().value(QLatin1String("message")).toString()
                                   : err.toString();
        } else {
            status = QStringLiteral("error");
            error = QStringLiteral("unexpected answer from the engine");
        }
    }
    store(channelId, status, error);
    ++m_checked;
    Q_EMIT checked(channelId, status, error);
    m_pause.start(m_settings->channelCheckDelayMs());
}

void ChannelChecker::store(int channelId, const QString &status, const QString &error)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (!m_unsaved.isEmpty() || !write(channelId, status, error, now)) {
        // Locked by an import (or earlier results still wait): keep the newest result.
        m_unsaved.insert(channelId, {status, error, now});
        if (!m_retry.isActive())
            m_retry.start();
    }
}

bool ChannelChecker::write(int channelId, const QString &status, const QString &error, qint64 at)
{
    const StoreResult saved = CheckStore::save(m_db->connection(), channelId, status, error, at);
    if (saved.ok())
        return true;
    if (Database::isBusy(saved.error))
        return false; // retried later
    qCWarning(lcCatalog) << "Cannot store the check of channel" << channelId << saved.error;
    return true; // not a lock: retrying would fail the same way
}

void ChannelChecker::retryUnsaved()
{
    for (auto it = m_unsaved.begin(); it != m_unsaved.end();) {
        if (!write(it.key(), it->status, it->error, it->at)) {
            m_retry.start(); // still locked: try again later
            return;
        }
        it = m_unsaved.erase(it);
    }
}
