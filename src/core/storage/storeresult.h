#pragma once

#include <QSqlError>
#include <QString>

// What a store's write came to, without HTTP: the admin routes turn it into an answer
// (Api::storeFailed), services log it. Stores take the calling thread's connection, so a route
// may call them on the server thread or from a worker alike.
struct StoreResult
{
    enum class Code {
        Ok,
        NotFound, // no row has the id
        Invalid, // the input names something that does not exist (error starts with the field)
        Conflict, // a UNIQUE constraint: the name is taken (error starts with the field)
        Failed, // the database refused (error is its text; "database is locked" while importing)
    };

    Code code = Code::Ok;
    QString error;
    qint64 id = 0; // a created row's id

    bool ok() const { return code == Code::Ok; }

    static StoreResult created(qint64 id) { return {Code::Ok, {}, id}; }
    static StoreResult notFound() { return {Code::NotFound, {}, 0}; }
    static StoreResult invalid(const QString &error) { return {Code::Invalid, error, 0}; }
    static StoreResult failed(const QSqlError &error) { return {Code::Failed, error.text(), 0}; }
    // A failed write: Conflict with `duplicate` when it broke a UNIQUE constraint.
    static StoreResult writeFailed(const QSqlError &error, const QString &duplicate)
    {
        if (error.databaseText().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive))
            return {Code::Conflict, duplicate, 0};
        return failed(error);
    }
};
