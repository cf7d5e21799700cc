#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// Every write transaction of the stores, bulk edits, restores and imports: rolled back unless
// committed, so every early return leaves the database untouched.
//
// It begins with BEGIN IMMEDIATE: the write lock is taken up front, waiting in the busy handler
// for a writer that holds it. A deferred BEGIN whose first statement reads fails with "database
// is locked" when another connection commits between that read and the first write (WAL cannot
// upgrade a stale read snapshot) - what an edit during a big import hit.
class WriteTransaction final
{
public:
    enum class Lock {
        Immediate,
        // Only for a transaction that writes nothing but an attached scratch file (an import's
        // staging database): IMMEDIATE would lock the catalog too, and edits could not go on.
        Deferred,
    };

    explicit WriteTransaction(const QSqlDatabase &db, Lock lock = Lock::Immediate);
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    bool isOpen() const { return m_open; }
    // Why it did not begin, or why the commit failed.
    QSqlError error() const { return m_error; }
    // False (and rolled back) when the commit failed.
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_open = false;
    QSqlError m_error;
};
