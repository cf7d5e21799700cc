#pragma once

#include <QObject>
#include <QThreadPool>

class Database;
class HttpFront;
class StreamManager;

// The Xtream accounts: /api/users and /api/users/{id} (Access::Admin). Deleting an account,
// disabling it or changing its credentials ends the streams it has open.
class UsersRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersRoutes)

public:
    // A child of http; registers its routes there.
    UsersRoutes(HttpFront *http, Database *db, StreamManager *streams);
    ~UsersRoutes() override;

Q_SIGNALS:
    // An edit was stored: area and action as in the "changed" event (docs/admin-api.md).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids);

private:
    QThreadPool m_workers; // the list of accounts is read here
};
