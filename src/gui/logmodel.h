#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSortFilterProxyModel>

class ApiClient;

// The Logs page's lines: the latest page from /api/logs, then every "log" event; at most
// kMaxLines are kept (the oldest go). Paused, new lines wait and arrive together on resume.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogModel)

public:
    enum Column { Time, Level, Category, Message, ColumnCount };
    static constexpr int LevelRole = Qt::UserRole + 1; // 0 debug .. 3 error
    static constexpr int kMaxLines = 20000;

    explicit LogModel(ApiClient *api, QObject *parent = nullptr);

    void reload();
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    QString lineText(int row) const;
    static int levelNumber(const QString &level);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void append(const QList<QJsonObject> &lines);

    ApiClient *m_api;
    QList<QJsonObject> m_lines;
    QList<QJsonObject> m_waiting; // while paused
    qint64 m_lastId = 0;
    bool m_paused = false;
};

// Least level and a case-insensitive search over the category and the message.
class LogFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterProxy)

public:
    explicit LogFilterProxy(QObject *parent = nullptr) : QSortFilterProxyModel(parent) { }
    void setMinimumLevel(int level);
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_level = 0;
    QString m_search;
};
