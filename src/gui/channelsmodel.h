#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QUrlQuery>

class ApiClient;

// The Channels page's table: a window on the server's catalog, paged from /api/channels
// (fetchMore asks for the next 500 rows as the view scrolls), so 50,000 channels cost what is
// on screen. Search, filters and sort go to the server as query parameters. Inline edits are
// PATCHed and the row takes the server's answer; "changed" and "check" events keep rows current.
class ChannelsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsModel)

public:
    enum Column { Number, Name, Category, Source, GuideId, Logo, Hidden, Check, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int ObjectRole = Qt::UserRole + 2;
    static constexpr int PageSize = 500;

    explicit ChannelsModel(ApiClient *api, QObject *parent = nullptr);

    // Filters as /api/channels query items (search, category_id, source_id, hidden,
    // check_status); a new filter reloads from the first page.
    void setFilter(const QUrlQuery &filter);
    void reload();
    int total() const { return m_total; }
    QJsonObject channel(int row) const { return m_rows.value(row); }
    // Source names for the Source column (id -> name).
    void setSourceNames(const QHash<qint64, QString> &names);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    void loaded(int total);
    void editFailed(const QString &error);

private:
    void onEvent(const QString &type, const QJsonObject &data);
    void refreshRow(qint64 id);
    void replaceRow(const QJsonObject &channel);
    void noteLanded(qint64 id, const QJsonObject &fields);
    QJsonObject withLanded(QJsonObject row) const;
    int rowOfId(qint64 id) const;
    QUrlQuery pageQuery(int offset) const;

    ApiClient *m_api;
    QUrlQuery m_filter;
    QString m_sort = QStringLiteral("number");
    QList<QJsonObject> m_rows;
    QHash<qint64, QString> m_sourceNames;
    int m_total = 0;
    int m_generation = 0; // answers of an older filter are dropped
    bool m_fetching = false;
    // What the server said about channels while a page request was in flight, by id: that page
    // may have been read before (list pages are built on the server's workers, beside the
    // edit), so these fields win over it when it arrives.
    QHash<qint64, QJsonObject> m_landed;
};
