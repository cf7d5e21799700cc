#include "guiapp.h"

#include "desktopapp.h"

#include <QApplication>

namespace GuiApp {

bool displayAvailable()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
           || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

int run(const QString &dataDir, const Settings &settings)
{
    QApplication::setQuitOnLastWindowClosed(false);
    DesktopApp app(dataDir, settings);
    app.start();
    const int code = QApplication::exec();
    app.shutdown();
    return app.exitCode() ? app.exitCode() : code;
}

} // namespace GuiApp
