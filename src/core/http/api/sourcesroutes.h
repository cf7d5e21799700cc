#pragma once

#include "catalog/sourcemanager.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>

class Database;
class DeferredReply;
class HttpFront;
struct HttpRequest;

// Channel sources (/api/sources, M3U) and EPG sources (/api/epg-sources, XMLTV) with the same
// routes, an upload of the file itself ({base}/upload), and the guides' own channels
// (/api/epg-channels).
class SourcesRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesRoutes)

public:
    // A child of http; registers its routes there. uploadDir: where uploaded files are kept.
    SourcesRoutes(HttpFront *http, Database *db, SourceManager *sources, QString uploadDir);
    ~SourcesRoutes() override;

Q_SIGNALS:
    // An edit was stored: area and action as in the "changed" event (docs/admin-api.md).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids);

private:
    // The stored source (read on a worker: its counts walk the catalog) with the progress the
    // server thread keeps, given to answer; 404 naming what when there is none.
    void answerSource(const HttpRequest &req, SourceManager::Kind kind, qint64 id, const char *what,
                      const std::function<void(DeferredReply &, const QJsonObject &)> &answer);
    // Whether location is a file uploaded into m_uploadDir (deleted with its source).
    bool isUpload(const QString &location) const;

    Database *m_db;
    SourceManager *m_sources;
    QString m_uploadDir;
    QThreadPool m_workers; // uploads written to disk, lists that grow with the catalog
};
