#pragma once

#include <QMainWindow>
#include <QUrl>

class ApiClient;
class ChannelsPage;
class LogsPage;
class OverviewPage;
class Page;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class SettingsPage;
class SourcesPage;
class StreamsModel;
class StreamsPage;
class UsersPage;
class CategoriesPage;

// The control panel's window: a page list on the left, the pages on the right, a banner while
// the connection to AceHub is lost. Everything it shows comes through the ApiClient, so the
// same window manages the AceHub in this process or one on another machine.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum PageIndex {
        Overview,
        Streams,
        Channels,
        Categories,
        Sources,
        Users,
        Logs,
        Settings,
        PageCount
    };

    explicit MainWindow(ApiClient *api, QWidget *parent = nullptr);
    ~MainWindow() override;

    // With a tray icon, closing the window hides it (the server keeps serving).
    void setTrayIcon(QSystemTrayIcon *tray) { m_tray = tray; }
    // Whether File › This computer is offered (a Server runs in this process).
    void setLocalAvailable(bool available);
    void showPage(int index);
    int currentPage() const;
    void reloadAll();

    ApiClient *api() const { return m_api; }
    StreamsModel *streamsModel() const { return m_streams; }
    OverviewPage *overviewPage() const { return m_overview; }
    StreamsPage *streamsPage() const { return m_streamsPage; }
    ChannelsPage *channelsPage() const { return m_channels; }
    CategoriesPage *categoriesPage() const { return m_categories; }
    SourcesPage *sourcesPage() const { return m_sources; }
    UsersPage *usersPage() const { return m_users; }
    LogsPage *logsPage() const { return m_logs; }
    SettingsPage *settingsPage() const { return m_settings; }
    QLabel *banner() const { return m_banner; }

    static bool notificationsEnabled();

public Q_SLOTS:
    void showConnectDialog(const QString &error = QString());
    void showMessage(const QString &text);
    void openDashboard();
    void copyPlaylistLink();

Q_SIGNALS:
    void quitRequested();
    void localRequested();
    void remoteSignedIn(const QUrl &base, const QString &token);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page *page, const QString &title, const QString &icon);
    void createMenus();
    void setConnected(bool connected);
    void updateTitle();

    ApiClient *m_api;
    StreamsModel *m_streams;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QLabel *m_banner;
    QLabel *m_target;
    QList<Page *> m_pages;
    OverviewPage *m_overview;
    StreamsPage *m_streamsPage;
    ChannelsPage *m_channels;
    CategoriesPage *m_categories;
    SourcesPage *m_sources;
    UsersPage *m_users;
    LogsPage *m_logs;
    SettingsPage *m_settings;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_localAction = nullptr;
    bool m_trayHintShown = false;
};
