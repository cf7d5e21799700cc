#pragma once

#include <QObject>

class Database;
class HttpFront;
class SourceManager;

// Channel sources (/api/sources, M3U) and EPG sources (/api/epg-sources, XMLTV) with the same
// routes, and the guides' own channels (/api/epg-channels).
class SourcesRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesRoutes)

public:
    // A child of http; registers its routes there.
    SourcesRoutes(HttpFront *http, Database *db, SourceManager *sources);

private:
    Database *m_db;
    SourceManager *m_sources;
};
