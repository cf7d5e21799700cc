#include "categoriesmodel.h"

#include <QMimeData>

namespace {
const QString kMime = QStringLiteral("application/x-acehub-category-row");
}

CategoriesModel::CategoriesModel(QObject *parent) : JsonTableModel(parent) { }

QList<qint64> CategoriesModel::ids() const
{
    QList<qint64> out;
    for (const QJsonObject &o : m_items)
        out.append(o.value(QLatin1String("id")).toInteger());
    return out;
}

bool CategoriesModel::moveItem(int from, int to)
{
    if (from < 0 || from >= m_items.size() || to < 0 || to > m_items.size() || to == from
        || to == from + 1)
        return false;
    beginMoveRows({}, from, from, {}, to);
    m_items.move(from, to > from ? to - 1 : to);
    endMoveRows();
    Q_EMIT reordered();
    return true;
}

Qt::ItemFlags CategoriesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = JsonTableModel::flags(index);
    return index.isValid() ? f | Qt::ItemIsDragEnabled : f | Qt::ItemIsDropEnabled;
}

QStringList CategoriesModel::mimeTypes() const
{
    return {kMime};
}

QMimeData *CategoriesModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kMime, QByteArray::number(indexes.first().row()));
    return data;
}

bool CategoriesModel::dropMimeData(const QMimeData *data, Qt::DropAction, int row, int,
                                   const QModelIndex &parent)
{
    if (!data->hasFormat(kMime))
        return false;
    const int from = data->data(kMime).toInt();
    int to = row;
    if (to < 0)
        to = parent.isValid() ? parent.row() : int(m_items.size());
    moveItem(from, to);
    // The move is done here; false keeps the view from removing the dragged row afterwards.
    return false;
}
