#pragma once

#include "answerorder.h"
#include "page.h"

#include <QJsonObject>
#include <memory>

namespace Ui {
class OverviewPage;
}
class StreamsModel;

// Server and engine status with counts, and "Connect a TV": what to type into a TV for a user.
class OverviewPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    OverviewPage(ApiClient *api, StreamsModel *streams, QWidget *parent = nullptr);
    ~OverviewPage() override;

    void reload() override;
    QString serverStatusText() const;
    QString engineStatusText() const;
    bool engineReachable() const { return m_engineReachable; }

Q_SIGNALS:
    void engineChanged(bool reachable, const QString &error);
    void countsChanged();

private:
    void onEvent(const QString &type, const QJsonObject &data);
    void setEngine(const QJsonObject &engine);
    void setConnected(bool connected);
    void loadCounts();
    void loadUsers();
    void showConnectInfo();
    static void setStatus(class QLabel *label, const QString &text, bool good);

    std::unique_ptr<Ui::OverviewPage> m_ui;
    StreamsModel *m_streams;
    bool m_engineReachable = false;
    bool m_engineKnown = false;
    AnswerOrder m_countOrder;
    AnswerOrder m_userOrder;
};
