#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <memory>

namespace Ui {
class UserDialog;
}
class ApiClient;

// Creates or edits an Xtream account (what a TV signs in with). Sends the request itself and
// closes when the server accepted it; a refusal shows under the form and the dialog stays.
class UserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserDialog)

public:
    // user: empty to create one.
    UserDialog(ApiClient *api, const QJsonObject &user, const QJsonArray &categories,
               QWidget *parent = nullptr);
    ~UserDialog() override;

    static QString generatePassword();
    QJsonObject body() const;

Q_SIGNALS:
    void saved(const QJsonObject &user);

public Q_SLOTS:
    void accept() override;

private:
    std::unique_ptr<Ui::UserDialog> m_ui;
    ApiClient *m_api;
    qint64 m_id = 0;
};
