#pragma once

#include "answerorder.h"
#include "page.h"

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <memory>

namespace Ui {
class SourcesPage;
}
class JsonTableModel;
class QTableView;

// Where the catalog comes from: playlist (M3U) and guide (XMLTV) sources; add by URL or file
// (uploaded, so it works on a remote AceHub too), refresh now with live progress, delete.
class SourcesPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesPage)

public:
    explicit SourcesPage(ApiClient *api, QWidget *parent = nullptr);
    ~SourcesPage() override;

    void reload() override;
    void addFile(const QString &path);

private:
    bool guideTab() const;
    JsonTableModel *model(bool guide) const { return guide ? m_guides : m_playlists; }
    QTableView *view(bool guide) const;
    JsonTableModel *makeModel(bool guide);
    void load(bool guide);
    qint64 currentId() const;
    void addUrl();
    void chooseFile();
    void onEvent(const QString &type, const QJsonObject &data);
    void showCurrent();

    std::unique_ptr<Ui::SourcesPage> m_ui;
    JsonTableModel *m_playlists;
    JsonTableModel *m_guides;
    AnswerOrder m_order[2]; // playlists, guides
    // The progress of imports under way as the events last told it, by (guide, source id): a
    // list asked for before an event can arrive after it, and must not put the older state back.
    QHash<QPair<bool, qint64>, QJsonObject> m_running;
};
