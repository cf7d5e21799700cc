#pragma once

#include <QList>
#include <QStringList>

// One numbered step of the schema. Migrations are applied in order, each in one transaction,
// and recorded in PRAGMA user_version; they are never edited once released, only added.
struct Migration
{
    int version;
    const char *description;
    QStringList statements;
};

const QList<Migration> &schemaMigrations();
