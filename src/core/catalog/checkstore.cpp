#include "checkstore.h"

#include <QSqlQuery>

std::optional<QString> CheckStore::kind(const QSqlDatabase &db, qint64 channelId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind FROM channels WHERE id = ?"));
    q.addBindValue(channelId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

QList<int> CheckStore::activeAceStreamIds(const QSqlDatabase &db)
{
    QList<int> ids;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id FROM channels WHERE kind = 'acestream' AND active = 1"
                              " ORDER BY COALESCE(custom_number, number), id"))) {
        while (q.next())
            ids << q.value(0).toInt();
    }
    return ids;
}

std::optional<CheckStore::Target> CheckStore::target(const QSqlDatabase &db, qint64 channelId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "SELECT content_id, infohash FROM channels WHERE id = ? AND kind = 'acestream'"));
    q.addBindValue(channelId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Target {q.value(0).toString(), q.value(1).toString()};
}

StoreResult CheckStore::save(const QSqlDatabase &db, qint64 channelId, const QString &status,
                             const QString &error, qint64 at)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
            "UPDATE channels SET check_status = ?, check_error = ?, checked_at = ? WHERE id = ?"));
    q.addBindValue(status);
    q.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    q.addBindValue(at);
    q.addBindValue(channelId);
    if (!q.exec())
        return StoreResult::failed(q.lastError());
    return {};
}
