#pragma once

#include "answerorder.h"
#include "page.h"

#include <QHash>
#include <QJsonArray>
#include <QTimer>
#include <memory>

namespace Ui {
class ChannelsPage;
}
class ChannelsModel;

// The catalog: search and filter, edit in place, hide/show, categories, guide mapping, checks.
class ChannelsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsPage)

public:
    explicit ChannelsPage(ApiClient *api, QWidget *parent = nullptr);
    ~ChannelsPage() override;

    void reload() override;
    void focusSearch() override;
    ChannelsModel *model() const { return m_model; }
    QJsonArray categories() const { return m_categories; }

private:
    void loadFilters();
    void applyFilter();
    QList<qint64> selectedIds() const;
    void updateButtons();
    void setHidden(bool hidden);
    void setCategory();
    void mapGuide();
    void checkNow();
    void deleteSelected();
    void onEvent(const QString &type, const QJsonObject &data);

    std::unique_ptr<Ui::ChannelsPage> m_ui;
    ChannelsModel *m_model;
    QJsonArray m_categories;
    QTimer m_searchDelay;
    QHash<qint64, QString> m_checkNames; // channels checked from here: id -> name
    AnswerOrder m_categoryOrder;
    AnswerOrder m_sourceOrder;
};
