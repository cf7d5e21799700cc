#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <functional>

// A table over a list of JSON objects from the admin API (users, categories, sources, guide
// channels): each column says how it shows an object. Rows keep the object, so pages act on
// the "id" of what is selected. Editable columns hand the new value to an edit callback that
// sends it to the server; the row changes when the server's answer comes back.
class JsonTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTableModel)

public:
    static constexpr int ObjectRole = Qt::UserRole + 1; // the whole QJsonObject
    static constexpr int IdRole = Qt::UserRole + 2;
    static constexpr int SortRole = Qt::UserRole + 3;

    struct Column
    {
        QString title;
        // display (and edit, sort) value of an object for a role; return {} when not shown
        std::function<QVariant(const QJsonObject &, int role)> data;
        bool editable = false;
    };
    using EditCallback
            = std::function<void(const QJsonObject &item, int column, const QVariant &value)>;

    explicit JsonTableModel(QObject *parent = nullptr);

    void setColumns(const QList<Column> &columns);
    void setItems(const QJsonArray &items);
    void setEditCallback(EditCallback edit) { m_edit = std::move(edit); }
    // Replaces the object with the same id (or appends it); removes it with removeId().
    void upsert(const QJsonObject &item);
    void removeId(qint64 id);
    void patch(qint64 id, const std::function<void(QJsonObject &)> &change);

    QJsonObject item(int row) const { return m_items.value(row); }
    int rowOfId(qint64 id) const;
    const QList<QJsonObject> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

    // A plain column showing one key.
    static Column keyColumn(const QString &title, const QString &key, bool editable = false);

protected:
    QList<QJsonObject> m_items;

private:
    QList<Column> m_columns;
    EditCallback m_edit;
};
