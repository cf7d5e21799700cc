#pragma once

#include <QDialog>
#include <QTimer>

class ApiClient;
class JsonTableModel;
class QLineEdit;
class QTableView;

// Picks a guide channel (from the XMLTV sources) for a catalog channel: a searchable list.
class GuideDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideDialog)

public:
    GuideDialog(ApiClient *api, const QString &channelName, QWidget *parent = nullptr);

Q_SIGNALS:
    void chosen(const QString &epgId);

private:
    void search();

    ApiClient *m_api;
    JsonTableModel *m_model;
    QLineEdit *m_search;
    QTableView *m_view;
    QTimer m_delay;
};
