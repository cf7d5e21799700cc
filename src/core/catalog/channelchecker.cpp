#include "channelchecker.h"

#include "engine/aceengine.h"
#include "server.h"
#include "sourcemanager.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace {
constexpr int kRetryMs = 1000;
}

ChannelChecker::ChannelChecker(Server *server, QObject *parent) : QObject(parent), m_server(server)
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
    QSqlQuery q(m_server->database()->connection());
    q.prepare(QStringLiteral("SELECT kind FROM channels WHERE id = ?"));
    int added = 0;
    for (int id : channelIds) {
        if (id == m_running || m_queue.contains(id))
            continue;
        q.addBindValue(id);
        if (!q.exec() || !q.next() || q.value(0).toString() != QLatin1String("acestream"))
            continue;
        q.finish();
        m_queue.append(id);
        ++added;
    }
    if (added && !m_reply && !m_pause.isActive())
        QTimer::singleShot(0, this, &ChannelChecker::next);
    return added;
}

int ChannelChecker::enqueueAll()
{
    QList<int> ids;
    QSqlQuery q(m_server->database()->connection());
    if (q.exec(QStringLiteral("SELECT id FROM channels WHERE kind = 'acestream' AND active = 1"
                              " ORDER BY COALESCE(custom_number, number), id"))) {
        while (q.next())
            ids << q.value(0).toInt();
    }
    return enqueue(ids);
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
            {QStringLiteral("delay_ms"), m_server->settings().channelCheckDelayMs()},
            {QStringLiteral("unsaved"), int(m_unsaved.size())}};
}

void ChannelChecker::next()
{
    if (m_reply || m_pause.isActive())
        return; // one at a time
    while (!m_queue.isEmpty()) {
        const int id = m_queue.takeFirst();
        QSqlQuery q(m_server->database()->connection());
        q.prepare(QStringLiteral(
                "SELECT content_id, infohash FROM channels WHERE id = ? AND kind = 'acestream'"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            continue; // deleted meanwhile
        AceEngine *engine = m_server->engine();
        if (!engine)
            return;
        QUrl url = engine->endpoint(QStringLiteral("/server/api"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("api_version"), QStringLiteral("3"));
        query.addQueryItem(QStringLiteral("method"), QStringLiteral("get_media_files"));
        if (!q.value(0).toString().isEmpty())
            query.addQueryItem(QStringLiteral("content_id"), q.value(0).toString());
        else
            query.addQueryItem(QStringLiteral("infohash"), q.value(1).toString());
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setTransferTimeout(m_server->settings().channelCheckTimeoutSeconds() * 1000);
        QNetworkReply *reply = engine->network()->get(request);
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
        error = reply->error() == QNetworkReply::OperationCanceledError
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
    m_pause.start(m_server->settings().channelCheckDelayMs());
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
    QSqlQuery q(m_server->database()->connection());
    q.prepare(QStringLiteral(
            "UPDATE channels SET check_status = ?, check_error = ?, checked_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    q.addBindValue(at);
    q.addBindValue(channelId);
    if (q.exec())
        return true;
    if (Database::isBusy(q.lastError()))
        return false; // retried later
    qCWarning(lcCatalog) << "Cannot store the check of channel" << channelId
                         << q.lastError().text();
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
