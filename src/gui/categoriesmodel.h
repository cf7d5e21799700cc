#pragma once

#include "jsontablemodel.h"

// The categories' table, rows movable by drag and drop; a move is reported by reordered() so
// the page can send the new order to the server.
class CategoriesModel final : public JsonTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CategoriesModel)

public:
    explicit CategoriesModel(QObject *parent = nullptr);

    QList<qint64> ids() const;
    bool moveItem(int from, int to);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    void reordered();
};
