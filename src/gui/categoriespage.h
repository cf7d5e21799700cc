#pragma once

#include "answerorder.h"
#include "page.h"

#include <memory>

namespace Ui {
class CategoriesPage;
}
class CategoriesModel;

// Categories in the order players show them: drag or move to reorder, rename in place, hide
// (the channels of) a category, add, delete.
class CategoriesPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CategoriesPage)

public:
    explicit CategoriesPage(ApiClient *api, QWidget *parent = nullptr);
    ~CategoriesPage() override;

    void reload() override;

private:
    qint64 currentId() const;
    void move(int delta);
    void sendOrder();
    void setChannelsHidden(bool hidden);

    std::unique_ptr<Ui::CategoriesPage> m_ui;
    CategoriesModel *m_model;
    AnswerOrder m_order;
};
