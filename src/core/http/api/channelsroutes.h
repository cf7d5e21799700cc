#pragma once

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <optional>

class Database;
class HttpFront;
class QSqlDatabase;
class QSqlQuery;

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

    // One channel as the API shows it; nothing when there is no such id.
    static std::optional<QJsonObject> channel(const QSqlDatabase &db, int id);
    static QJsonObject channelJson(const QSqlQuery &q);

Q_SIGNALS:
    // An edit was stored: area and action as in the "changed" event (docs/admin-api.md).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids);

private:
    Database *m_db;
    QThreadPool m_workers; // lists and searches: they grow with the catalog
};
