#include "rowupdate.h"

#include "storage/database.h"

#include <QSqlQuery>

void RowUpdate::set(const QString &column, const QVariant &value)
{
    m_sets << column + QStringLiteral(" = ?");
    m_binds << value;
}

void RowUpdate::setFrom(const QJsonObject &fields, const QString &field, const QString &column)
{
    if (fields.contains(field))
        set(column.isEmpty() ? field : column, Database::bindValue(fields.value(field)));
}

StoreResult RowUpdate::exec(const QSqlDatabase &db, qint64 id, const QString &duplicate) const
{
    if (m_sets.isEmpty())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                      .arg(m_table, m_sets.join(QStringLiteral(", "))));
    for (const QVariant &b : m_binds)
        q.addBindValue(b);
    q.addBindValue(id);
    if (q.exec())
        return {};
    return duplicate.isEmpty() ? StoreResult::failed(q.lastError())
                               : StoreResult::writeFailed(q.lastError(), duplicate);
}

StoreResult RowUpdate::remove(const QSqlDatabase &db, const QString &table, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    if (!q.exec())
        return StoreResult::failed(q.lastError());
    if (q.numRowsAffected() == 0)
        return StoreResult::notFound();
    return {};
}
