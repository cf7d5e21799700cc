#pragma once

#include <QObject>
#include <QThreadPool>

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
    ~CategoriesRoutes() override;

Q_SIGNALS:
    // An edit was stored: area and action as in the "changed" event (docs/admin-api.md).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids);

private:
    Database *m_db;
    QThreadPool m_workers; // the list: its counts grow with the catalog
};
