#pragma once

#include "answerorder.h"
#include "page.h"

#include <QJsonArray>
#include <memory>

namespace Ui {
class UsersPage;
}
class JsonTableModel;
class QSortFilterProxyModel;

// The Xtream accounts TVs sign in with: create, edit, delete, copy the user's links.
class UsersPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    explicit UsersPage(ApiClient *api, QWidget *parent = nullptr);
    ~UsersPage() override;

    void reload() override;
    void focusSearch() override;

private:
    QJsonObject currentUser() const;
    void edit(const QJsonObject &user);

    std::unique_ptr<Ui::UsersPage> m_ui;
    JsonTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QJsonArray m_categories;
    AnswerOrder m_userOrder;
    AnswerOrder m_categoryOrder;
};
