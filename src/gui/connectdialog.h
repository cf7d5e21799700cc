#pragma once

#include <QDialog>
#include <QUrl>
#include <memory>

namespace Ui {
class ConnectDialog;
}
class ApiClient;

// File › Connect to…: the address of another AceHub and its admin password, exchanged for a
// session token. Addresses are remembered; the password never is.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    explicit ConnectDialog(ApiClient *api, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    void setError(const QString &error);
    static QStringList rememberedAddresses();
    static QUrl normalized(const QString &address);

Q_SIGNALS:
    void signedIn(const QUrl &base, const QString &token);

public Q_SLOTS:
    void accept() override;

private:
    std::unique_ptr<Ui::ConnectDialog> m_ui;
    ApiClient *m_api;
};
