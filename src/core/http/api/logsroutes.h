#pragma once

#include <QObject>

class HttpFront;

// The log over the admin API: /api/logs (the logger's ring buffer, filtered and paged),
// /api/logs/tail (its last lines) and /api/logs/download (the current file).
class LogsRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsRoutes)

public:
    // A child of http; registers its routes there.
    explicit LogsRoutes(HttpFront *http);
};
