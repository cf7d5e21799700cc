#pragma once

#include <QObject>

class Database;
class HttpFront;

// /api/categories: list, create, edit, order, delete.
class CategoriesRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CategoriesRoutes)

public:
    // A child of http; registers its routes there.
    CategoriesRoutes(HttpFront *http, Database *db);

private:
    Database *m_db;
};
