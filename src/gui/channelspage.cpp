#include "channelspage.h"

#include "apiclient.h"
#include "channelsmodel.h"
#include "guidedialog.h"
#include "ui_channelspage.h"

#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QMessageBox>
#include <QStyledItemDelegate>

namespace {

// Edits a channel's category with a list of the categories' names.
class CategoryDelegate final : public QStyledItemDelegate
{
public:
    CategoryDelegate(ChannelsPage *page) : QStyledItemDelegate(page), m_page(page) { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        combo->addItem(ChannelsPage::tr("(none)"), qint64(0));
        for (const QJsonValue &v : m_page->categories()) {
            const QJsonObject c = v.toObject();
            combo->addItem(c.value(QLatin1String("name")).toString(),
                           c.value(QLatin1String("id")).toInteger());
        }
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole).toLongLong())));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }

private:
    ChannelsPage *m_page;
};

} // namespace

ChannelsPage::ChannelsPage(ApiClient *api, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::ChannelsPage>()),
      m_model(new ChannelsModel(api, this))
{
    m_ui->setupUi(this);
    QTableView *view = m_ui->channelsView;
    view->setModel(m_model);
    view->setSortingEnabled(true);
    view->sortByColumn(ChannelsModel::Number, Qt::AscendingOrder);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed);
    view->setItemDelegateForColumn(ChannelsModel::Category, new CategoryDelegate(this));
    view->horizontalHeader()->setSectionResizeMode(ChannelsModel::Name, QHeaderView::Stretch);
    view->verticalHeader()->hide();
    view->setColumnWidth(ChannelsModel::Number, 70);
    view->setColumnWidth(ChannelsModel::Category, 140);
    view->setColumnWidth(ChannelsModel::Source, 140);

    m_ui->hiddenFilter->addItem(tr("Visible and hidden"), QString());
    m_ui->hiddenFilter->addItem(tr("Visible only"), QStringLiteral("false"));
    m_ui->hiddenFilter->addItem(tr("Hidden only"), QStringLiteral("true"));
    m_ui->checkFilter->addItem(tr("Any availability"), QString());
    m_ui->checkFilter->addItem(tr("Available"), QStringLiteral("ok"));
    m_ui->checkFilter->addItem(tr("Unavailable"), QStringLiteral("unavailable"));
    m_ui->checkFilter->addItem(tr("Check failed"), QStringLiteral("error"));
    m_ui->checkFilter->addItem(tr("Not checked"), QStringLiteral("none"));

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &ChannelsPage::applyFilter);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    for (QComboBox *combo :
         {m_ui->categoryFilter, m_ui->sourceFilter, m_ui->hiddenFilter, m_ui->checkFilter})
        connect(combo, &QComboBox::activated, this, &ChannelsPage::applyFilter);

    connect(m_model, &ChannelsModel::loaded, this, [this](int total) {
        m_ui->countLabel->setText(tr("%n channel(s)", nullptr, total));
        updateButtons();
    });
    connect(m_model, &ChannelsModel::editFailed, this,
            [this](const QString &error) { Q_EMIT message(tr("Not saved: %1").arg(error)); });
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ChannelsPage::updateButtons);
    connect(m_ui->hideButton, &QPushButton::clicked, this, [this] { setHidden(true); });
    connect(m_ui->showButton, &QPushButton::clicked, this, [this] { setHidden(false); });
    connect(m_ui->categoryButton, &QPushButton::clicked, this, &ChannelsPage::setCategory);
    connect(m_ui->guideButton, &QPushButton::clicked, this, &ChannelsPage::mapGuide);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &ChannelsPage::checkNow);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ChannelsPage::deleteSelected);
    connect(api, &ApiClient::event, this, &ChannelsPage::onEvent);
    updateButtons();
}

ChannelsPage::~ChannelsPage() = default;

void ChannelsPage::reload()
{
    loadFilters();
    applyFilter();
}

void ChannelsPage::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void ChannelsPage::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("changed")) {
        const QString area = data.value(QLatin1String("area")).toString();
        if (area == QLatin1String("categories") || area == QLatin1String("sources"))
            loadFilters();
    } else if (type == QLatin1String("check")) {
        const qint64 id = data.value(QLatin1String("channel_id")).toInteger();
        const QString name = m_checkNames.take(id);
        if (name.isEmpty())
            return;
        const QString status = data.value(QLatin1String("status")).toString();
        if (status == QLatin1String("ok"))
            Q_EMIT message(tr("%1 is available").arg(name));
        else
            Q_EMIT message(tr("%1 is not available: %2")
                                   .arg(name, data.value(QLatin1String("error")).toString(status)));
    }
}

void ChannelsPage::loadFilters()
{
    m_api->categories(this, m_categoryOrder.next([this](const ApiResult &r) {
        if (!r.ok())
            return;
        m_categories = r.json.value(QLatin1String("items")).toArray();
        const QString current = m_ui->categoryFilter->currentData().toString();
        QSignalBlocker block(m_ui->categoryFilter);
        m_ui->categoryFilter->clear();
        m_ui->categoryFilter->addItem(tr("All categories"), QString());
        m_ui->categoryFilter->addItem(tr("No category"), QStringLiteral("none"));
        for (const QJsonValue &v : std::as_const(m_categories)) {
            const QJsonObject c = v.toObject();
            m_ui->categoryFilter->addItem(
                    c.value(QLatin1String("name")).toString(),
                    QString::number(c.value(QLatin1String("id")).toInteger()));
        }
        m_ui->categoryFilter->setCurrentIndex(qMax(0, m_ui->categoryFilter->findData(current)));
    }));
    m_api->sources(false, this, m_sourceOrder.next([this](const ApiResult &r) {
        if (!r.ok())
            return;
        QHash<qint64, QString> names;
        const QString current = m_ui->sourceFilter->currentData().toString();
        QSignalBlocker block(m_ui->sourceFilter);
        m_ui->sourceFilter->clear();
        m_ui->sourceFilter->addItem(tr("All sources"), QString());
        m_ui->sourceFilter->addItem(tr("Added by hand"), QStringLiteral("none"));
        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject s = v.toObject();
            const qint64 id = s.value(QLatin1String("id")).toInteger();
            names.insert(id, s.value(QLatin1String("name")).toString());
            m_ui->sourceFilter->addItem(names.value(id), QString::number(id));
        }
        m_ui->sourceFilter->setCurrentIndex(qMax(0, m_ui->sourceFilter->findData(current)));
        m_model->setSourceNames(names);
    }));
}

void ChannelsPage::applyFilter()
{
    QUrlQuery q;
    const QString search = m_ui->searchEdit->text().trimmed();
    if (!search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), search);
    const struct
    {
        QComboBox *combo;
        const char *key;
    } filters[] = {{m_ui->categoryFilter, "category_id"},
                   {m_ui->sourceFilter, "source_id"},
                   {m_ui->hiddenFilter, "hidden"},
                   {m_ui->checkFilter, "check_status"}};
    for (const auto &f : filters) {
        const QString value = f.combo->currentData().toString();
        if (!value.isEmpty())
            q.addQueryItem(QLatin1String(f.key), value);
    }
    m_model->setFilter(q);
}

QList<qint64> ChannelsPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_ui->channelsView->selectionModel()->selectedRows())
        ids.append(index.data(ChannelsModel::IdRole).toLongLong());
    return ids;
}

void ChannelsPage::updateButtons()
{
    const int n = int(selectedIds().size());
    for (QPushButton *b : {m_ui->hideButton, m_ui->showButton, m_ui->categoryButton,
                           m_ui->checkButton, m_ui->deleteButton})
        b->setEnabled(n > 0);
    m_ui->guideButton->setEnabled(n == 1);
}

void ChannelsPage::setHidden(bool hidden)
{
    QJsonArray ids;
    for (qint64 id : selectedIds())
        ids.append(id);
    m_api->bulkChannels(
            QJsonObject {{QStringLiteral("ids"), ids}, {QStringLiteral("hidden"), hidden}}, this,
            [this, hidden, n = ids.size()](const ApiResult &r) {
                if (!r.ok()) {
                    Q_EMIT message(tr("Not changed: %1").arg(r.error));
                    return;
                }
                Q_EMIT message(hidden ? tr("%n channel(s) hidden", nullptr, int(n))
                                      : tr("%n channel(s) shown", nullptr, int(n)));
                m_model->reload();
            });
}

void ChannelsPage::setCategory()
{
    QStringList names {tr("(none)")};
    for (const QJsonValue &v : std::as_const(m_categories))
        names.append(v.toObject().value(QLatin1String("name")).toString());
    bool ok = false;
    const QString chosen
            = QInputDialog::getItem(this, tr("Set category"),
                                    tr("Category of the selected channels:"), names, 0, false, &ok);
    if (!ok)
        return;
    const int index = int(names.indexOf(chosen)) - 1;
    const QJsonValue category
            = index < 0 ? QJsonValue()
                        : QJsonValue(m_categories.at(index).toObject().value(QLatin1String("id")));
    QJsonArray ids;
    for (qint64 id : selectedIds())
        ids.append(id);
    m_api->bulkChannels(
            QJsonObject {{QStringLiteral("ids"), ids}, {QStringLiteral("category_id"), category}},
            this, [this](const ApiResult &r) {
                Q_EMIT message(r.ok() ? tr("Category set") : tr("Not changed: %1").arg(r.error));
                if (r.ok())
                    m_model->reload();
            });
}

void ChannelsPage::mapGuide()
{
    const QModelIndexList rows = m_ui->channelsView->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const QJsonObject channel = rows.first().data(ChannelsModel::ObjectRole).toJsonObject();
    auto *dialog = new GuideDialog(m_api, channel.value(QLatin1String("name")).toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = channel.value(QLatin1String("id")).toInteger();
    connect(dialog, &GuideDialog::chosen, this, [this, id](const QString &epgId) {
        m_api->updateChannel(id, QJsonObject {{QStringLiteral("epg_id"), epgId}}, this,
                             [this, epgId](const ApiResult &r) {
                                 Q_EMIT message(r.ok() ? tr("Guide id set to %1").arg(epgId)
                                                       : tr("Not changed: %1").arg(r.error));
                                 if (r.ok())
                                     m_model->reload();
                             });
    });
    dialog->open();
}

void ChannelsPage::checkNow()
{
    const QModelIndexList rows = m_ui->channelsView->selectionModel()->selectedRows();
    QList<qint64> ids;
    for (const QModelIndex &index : rows) {
        const qint64 id = index.data(ChannelsModel::IdRole).toLongLong();
        ids.append(id);
        m_checkNames.insert(id, index.siblingAtColumn(ChannelsModel::Name).data().toString());
    }
    m_api->checkChannels(ids, this, [this, n = ids.size()](const ApiResult &r) {
        Q_EMIT message(r.ok() ? tr("%n channel(s) queued for a check; the result shows in the "
                                   "Check column",
                                   nullptr, int(n))
                              : tr("Cannot check: %1").arg(r.error));
    });
}

void ChannelsPage::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(
            this, tr("Delete channels"),
            tr("Delete %n channel(s)? A channel still in its playlist comes back at the next "
               "refresh: hide it instead to keep it away.",
               nullptr, int(ids.size())));
    if (answer != QMessageBox::Yes)
        return;
    auto remaining = std::make_shared<int>(int(ids.size()));
    for (qint64 id : ids) {
        m_api->deleteChannel(id, this, [this, remaining](const ApiResult &r) {
            if (!r.ok())
                Q_EMIT message(tr("Not deleted: %1").arg(r.error));
            if (--*remaining == 0)
                m_model->reload();
        });
    }
}
