#pragma once

#include "page.h"

#include <memory>

namespace Ui {
class StreamsPage;
}
class QSortFilterProxyModel;
class StreamsModel;

// Who watches what, live: streams and their players; kick a player, stop a stream.
class StreamsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamsPage)

public:
    StreamsPage(ApiClient *api, StreamsModel *model, QWidget *parent = nullptr);
    ~StreamsPage() override;

    void reload() override;
    void focusSearch() override;

private:
    void updateButtons();
    void kick();
    void stop();

    std::unique_ptr<Ui::StreamsPage> m_ui;
    StreamsModel *m_model;
    QSortFilterProxyModel *m_proxy;
};
