#include "jsontablemodel.h"

JsonTableModel::JsonTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void JsonTableModel::setColumns(const QList<Column> &columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

void JsonTableModel::setItems(const QJsonArray &items)
{
    beginResetModel();
    m_items.clear();
    for (const QJsonValue &v : items)
        m_items.append(v.toObject());
    endResetModel();
}

int JsonTableModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).value(QLatin1String("id")).toInteger() == id)
            return i;
    }
    return -1;
}

void JsonTableModel::upsert(const QJsonObject &item)
{
    const int row = rowOfId(item.value(QLatin1String("id")).toInteger());
    if (row < 0) {
        beginInsertRows({}, m_items.size(), m_items.size());
        m_items.append(item);
        endInsertRows();
        return;
    }
    m_items[row] = item;
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void JsonTableModel::removeId(qint64 id)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
}

void JsonTableModel::patch(qint64 id, const std::function<void(QJsonObject &)> &change)
{
    const int row = rowOfId(id);
    if (row < 0)
        return;
    change(m_items[row]);
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

int JsonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int JsonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant JsonTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size() || index.column() >= m_columns.size())
        return {};
    const QJsonObject &o = m_items.at(index.row());
    if (role == ObjectRole)
        return o;
    if (role == IdRole)
        return o.value(QLatin1String("id")).toInteger();
    if (role == SortRole) {
        const QVariant v = m_columns.at(index.column()).data(o, SortRole);
        return v.isValid() ? v : m_columns.at(index.column()).data(o, Qt::DisplayRole);
    }
    return m_columns.at(index.column()).data(o, role);
}

QVariant JsonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section < m_columns.size())
        return m_columns.at(section).title;
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags JsonTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() < m_columns.size()
        && m_columns.at(index.column()).editable)
        f |= Qt::ItemIsEditable;
    return f;
}

bool JsonTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_edit)
        return false;
    if (value == data(index, Qt::EditRole))
        return false;
    m_edit(m_items.at(index.row()), index.column(), value);
    return true;
}

JsonTableModel::Column JsonTableModel::keyColumn(const QString &title, const QString &key,
                                                 bool editable)
{
    return {title,
            [key](const QJsonObject &o, int role) -> QVariant {
                if (role == Qt::DisplayRole || role == Qt::EditRole || role == Qt::ToolTipRole)
                    return o.value(key).toVariant();
                return {};
            },
            editable};
}
