#pragma once

#include "http/api/apiinput.h"

#include <QObject>
#include <QThreadPool>

class AceEngine;
class ChannelChecker;
class Database;
class HttpFront;
class Settings;
class SourceManager;

// /api/backup, /api/restore and /api/export.m3u.
class BackupRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupRoutes)

public:
    // A child of http; registers its routes there.
    BackupRoutes(HttpFront *http, Database *db, const Settings *settings,
                 Api::SettingsWriter writeSettings, SourceManager *sources, ChannelChecker *checker,
                 AceEngine *engine);
    ~BackupRoutes() override;

Q_SIGNALS:
    // An edit was stored: area and action as in the "changed" event (docs/admin-api.md).
    void changed(const QString &area, const QString &action, const QList<qint64> &ids);

private:
    Database *m_db;
    const Settings *m_settings;
    Api::SettingsWriter m_writeSettings;
    SourceManager *m_sources;
    ChannelChecker *m_checker;
    AceEngine *m_engine;
    QThreadPool m_workers;
};
