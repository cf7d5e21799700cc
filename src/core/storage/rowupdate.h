#pragma once

#include "storage/storeresult.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

// One row's UPDATE built from the fields an edit gives: each store names which fields map to
// which columns, RowUpdate writes the statement. Nothing given, nothing written. Also the one
// DELETE of a row by id the stores share.
class RowUpdate final
{
public:
    explicit RowUpdate(QString table) : m_table(std::move(table)) { }

    void set(const QString &column, const QVariant &value);
    // column = fields[field] (Database::bindValue: null -> NULL, text trimmed) when the edit
    // gives field; column defaults to field's own name.
    void setFrom(const QJsonObject &fields, const QString &field, const QString &column = {});
    bool isEmpty() const { return m_sets.isEmpty(); }

    // DELETE FROM <table> WHERE id = ?: NotFound when there was no such row.
    static StoreResult remove(const QSqlDatabase &db, const QString &table, qint64 id);

    // UPDATE <table> SET … WHERE id = ?. Conflict with `duplicate` when it breaks a UNIQUE
    // constraint (an empty duplicate: Failed like any other refusal).
    StoreResult exec(const QSqlDatabase &db, qint64 id, const QString &duplicate = {}) const;

private:
    QString m_table;
    QStringList m_sets;
    QVariantList m_binds;
};
