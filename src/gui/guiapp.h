#pragma once

class QString;
class Settings;

// Desktop mode: the control panel window, the tray icon and the Server in its own thread.
namespace GuiApp {

// Whether a QApplication can be created here (a display, or an explicit QT_QPA_PLATFORM).
bool displayAvailable();

int run(const QString &dataDir, const Settings &settings);

} // namespace GuiApp
