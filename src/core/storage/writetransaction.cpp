#include "writetransaction.h"

#include <QSqlQuery>

WriteTransaction::WriteTransaction(const QSqlDatabase &db, Lock lock) : m_db(db)
{
    QSqlQuery begin(m_db);
    m_open = begin.exec(lock == Lock::Immediate ? QStringLiteral("BEGIN IMMEDIATE")
                                                : QStringLiteral("BEGIN"));
    if (!m_open)
        m_error = begin.lastError();
}

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        m_db.rollback();
}

bool WriteTransaction::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    if (m_db.commit())
        return true;
    m_error = m_db.lastError();
    m_db.rollback();
    return false;
}
