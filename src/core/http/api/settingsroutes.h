#pragma once

#include "http/api/apiinput.h"

#include <QObject>

class HttpFront;
class Settings;

// /api/settings: every setting with its value, default and layer; edits of the stored layer.
class SettingsRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsRoutes)

public:
    // A child of http; registers its routes there.
    SettingsRoutes(HttpFront *http, const Settings *settings, Api::SettingsWriter writeSettings);

private:
    const Settings *m_settings;
    Api::SettingsWriter m_writeSettings;
};
