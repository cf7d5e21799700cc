#pragma once

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>

class Database;
class HttpFront;

// /api/channels: list and search, one channel, create, edit, delete, bulk edits, a channel's
// programmes.
class ChannelsRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsRoutes)

public:
    // A child of http; registers its routes there.
    ChannelsRoutes(HttpFront *http, Database *db);
    ~ChannelsRoutes() override;

Q_SIGNALS:
    // An edit was stored: area and action as in the "changed" event (docs/admin-api.md).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids);

private:
    Database *m_db;
    QThreadPool m_workers; // lists and searches: they grow with the catalog
};
