#include "acehubprocess.h"
#include "apiclient.h"
#include "desktopapp.h"
#include "httpclient.h"
#include "log/logger.h"
#include "mainwindow.h"
#include "menuclick.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// File › Connect to…: the same window manages an AceHub daemon in another process.
class tst_GuiRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectToASecondAceHubListsItsChannels();
};

void tst_GuiRemote::connectToASecondAceHubListsItsChannels()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("remote/addresses")); // no completion from earlier runs
    AcehubProcess daemon;
    daemon.start({QStringLiteral("--daemon"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                  QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--engine"),
                  QStringLiteral("127.0.0.1:9")});
    QVERIFY2(daemon.waitListening(), qPrintable(daemon.output()));
    const QRegularExpression re(QStringLiteral("admin password[^\\n]*\\n\\s*\\n\\s+(\\S+)"));
    QString password;
    QTRY_VERIFY((password = re.match(daemon.output()).captured(1), !password.isEmpty()));
    const HttpResult created = httpRequest(
            "POST", daemon.url(QStringLiteral("/api/channels")),
            R"({"name": "Remote One", "address": "acestream://4444444444444444444444444444444444444444"})",
            {basicAuth(password), {"Content-Type", "application/json"}});
    QCOMPARE(created.status, 201);

    Logger logger;
    logger.setEchoToStderr(false);
    QTemporaryDir dir;
    DesktopApp app(dir.path(), Settings()); // its own server is not started
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    clickMenuAction(window, "connectAction");
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<QDialog *>(QStringLiteral("ConnectDialog")))
                && dialog->isVisible());
    auto *address = dialog->findChild<QComboBox *>(QStringLiteral("addressCombo"));
    address->lineEdit()->setFocus();
    address->lineEdit()->selectAll(); // an address remembered by an earlier run goes
    QTest::keyClicks(address->lineEdit(), daemon.url(QString()).toString());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), password);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);

    // The dialog signs in, then closes (and deletes) itself.
    QTRY_VERIFY_WITH_TIMEOUT(app.api()->baseUrl().port() == daemon.port(), 15000);
    QVERIFY(app.api()->isRemote());
    window->showPage(MainWindow::Channels);
    auto *view = window->findChild<QTableView *>(QStringLiteral("channelsView"));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 15000);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("Remote One"));
    QVERIFY(window->windowTitle().contains(QString::number(daemon.port())));
    app.shutdown();
    daemon.terminate();
    QVERIFY(daemon.waitFinished());
}

QTEST_MAIN(tst_GuiRemote)
#include "tst_gui_remote.moc"
