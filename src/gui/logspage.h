#pragma once

#include "page.h"

#include <memory>

namespace Ui {
class LogsPage;
}
class LogFilterProxy;
class LogModel;

// AceHub's log, live: least level, search, colour by level, pause, save to a file.
class LogsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsPage)

public:
    explicit LogsPage(ApiClient *api, QWidget *parent = nullptr);
    ~LogsPage() override;

    void reload() override;
    void focusSearch() override;
    bool saveTo(const QString &path);

private:
    std::unique_ptr<Ui::LogsPage> m_ui;
    LogModel *m_model;
    LogFilterProxy *m_proxy;
};
