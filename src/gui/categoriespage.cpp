#include "categoriespage.h"

#include "apiclient.h"
#include "categoriesmodel.h"
#include "ui_categoriespage.h"

#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QMessageBox>

CategoriesPage::CategoriesPage(ApiClient *api, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::CategoriesPage>()),
      m_model(new CategoriesModel(this))
{
    m_ui->setupUi(this);
    m_model->setColumns({JsonTableModel::keyColumn(tr("Name"), QStringLiteral("name"), true),
                         {tr("Channels"),
                          [](const QJsonObject &o, int role) -> QVariant {
                              if (role == Qt::DisplayRole)
                                  return o.value(QLatin1String("channels")).toInt();
                              return {};
                          },
                          false}});
    m_model->setEditCallback([this](const QJsonObject &item, int, const QVariant &value) {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return;
        m_api->updateCategory(item.value(QLatin1String("id")).toInteger(),
                              QJsonObject {{QStringLiteral("name"), name}}, this,
                              [this](const ApiResult &r) {
                                  if (r.ok())
                                      m_model->upsert(r.json);
                                  else
                                      Q_EMIT message(tr("Not renamed: %1").arg(r.error));
                              });
    });
    QTableView *view = m_ui->categoriesView;
    view->setModel(m_model);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setDragEnabled(true);
    view->setAcceptDrops(true);
    view->setDropIndicatorShown(true);
    // DragDrop rather than InternalMove: the model takes only its own row type
    // (CategoriesModel::mimeTypes), so nothing from outside can land here, and a drop is handled
    // the same however the window system delivers it (InternalMove also wants the QDrag this
    // view started, which the offscreen platform of the tests never runs).
    view->setDragDropMode(QAbstractItemView::DragDrop);
    view->setDefaultDropAction(Qt::MoveAction);
    view->setDragDropOverwriteMode(false);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->verticalHeader()->hide();
    connect(m_model, &CategoriesModel::reordered, this, &CategoriesPage::sendOrder);
    connect(m_ui->upButton, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_ui->downButton, &QPushButton::clicked, this, [this] { move(1); });
    m_ui->upButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_ui->downButton->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(m_ui->renameButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_ui->categoriesView->currentIndex();
        if (current.isValid())
            m_ui->categoriesView->edit(current.siblingAtColumn(0));
    });
    connect(m_ui->addButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add category"), tr("Name:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                     .trimmed();
        if (!ok || name.isEmpty())
            return;
        m_api->createCategory(name, this, [this](const ApiResult &r) {
            if (r.ok())
                m_model->upsert(r.json);
            else
                Q_EMIT message(tr("Not added: %1").arg(r.error));
        });
    });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const qint64 id = currentId();
        if (id <= 0)
            return;
        const QString name
                = m_ui->categoriesView->currentIndex().siblingAtColumn(0).data().toString();
        if (QMessageBox::question(this, tr("Delete category"),
                                  tr("Delete the category %1? Its channels stay, without a "
                                     "category.")
                                          .arg(name))
            != QMessageBox::Yes)
            return;
        m_api->deleteCategory(id, this, [this, id](const ApiResult &r) {
            if (r.ok())
                m_model->removeId(id);
            else
                Q_EMIT message(tr("Not deleted: %1").arg(r.error));
        });
    });
    connect(m_ui->hideButton, &QPushButton::clicked, this, [this] { setChannelsHidden(true); });
    connect(m_ui->showButton, &QPushButton::clicked, this, [this] { setChannelsHidden(false); });
    connect(api, &ApiClient::event, this, [this](const QString &type, const QJsonObject &data) {
        if (type == QLatin1String("changed")
            && (data.value(QLatin1String("area")).toString() == QLatin1String("categories")
                || data.value(QLatin1String("area")).toString() == QLatin1String("channels")))
            reload();
        else if (type == QLatin1String("import.finished"))
            reload();
    });
}

CategoriesPage::~CategoriesPage() = default;

void CategoriesPage::reload()
{
    m_api->categories(this, m_order.next([this](const ApiResult &r) {
        if (!r.ok())
            return;
        const qint64 current = currentId();
        m_model->setItems(r.json.value(QLatin1String("items")).toArray());
        const int row = m_model->rowOfId(current);
        if (row >= 0)
            m_ui->categoriesView->selectRow(row);
    }));
}

qint64 CategoriesPage::currentId() const
{
    const QModelIndex current = m_ui->categoriesView->currentIndex();
    return current.isValid() ? current.data(JsonTableModel::IdRole).toLongLong() : 0;
}

void CategoriesPage::move(int delta)
{
    const int row = m_ui->categoriesView->currentIndex().row();
    if (row < 0)
        return;
    const int target = row + delta;
    if (target < 0 || target >= m_model->rowCount())
        return;
    m_model->moveItem(row, delta > 0 ? target + 1 : target);
    m_ui->categoriesView->selectRow(target);
}

void CategoriesPage::sendOrder()
{
    m_api->orderCategories(m_model->ids(), this, [this](const ApiResult &r) {
        if (!r.ok()) {
            Q_EMIT message(tr("Order not saved: %1").arg(r.error));
            reload();
        }
    });
}

void CategoriesPage::setChannelsHidden(bool hidden)
{
    const qint64 id = currentId();
    if (id <= 0)
        return;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("category_id"), QString::number(id));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("5000"));
    m_api->channels(q, this, [this, hidden](const ApiResult &r) {
        QJsonArray ids;
        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray())
            ids.append(v.toObject().value(QLatin1String("id")));
        if (ids.isEmpty())
            return;
        m_api->bulkChannels(
                QJsonObject {{QStringLiteral("ids"), ids}, {QStringLiteral("hidden"), hidden}},
                this, [this, hidden, n = ids.size()](const ApiResult &r) {
                    if (!r.ok())
                        Q_EMIT message(tr("Not changed: %1").arg(r.error));
                    else
                        Q_EMIT message(hidden ? tr("%n channel(s) hidden", nullptr, int(n))
                                              : tr("%n channel(s) shown", nullptr, int(n)));
                });
    });
}
