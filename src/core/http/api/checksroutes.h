#pragma once

#include <QObject>
#include <QThreadPool>

class ChannelChecker;
class Database;
class HttpFront;

// Engine checks of AceStream channels: /api/checks and /api/channels/{id}/check.
class ChecksRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksRoutes)

public:
    // A child of http; registers its routes there.
    ChecksRoutes(HttpFront *http, Database *db, ChannelChecker *checker);
    ~ChecksRoutes() override;

private:
    Database *m_db;
    ChannelChecker *m_checker;
    QThreadPool m_workers; // which channels to check, read for many at once
};
