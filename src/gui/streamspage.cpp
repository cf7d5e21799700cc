#include "streamspage.h"

#include "apiclient.h"
#include "streamsmodel.h"
#include "ui_streamspage.h"

#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>

StreamsPage::StreamsPage(ApiClient *api, StreamsModel *model, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::StreamsPage>()), m_model(model),
      m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ui->streamsView->setModel(m_proxy);
    m_ui->streamsView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->streamsView->header()->setStretchLastSection(true);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->streamsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &StreamsPage::updateButtons);
    connect(m_ui->kickButton, &QPushButton::clicked, this, &StreamsPage::kick);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &StreamsPage::stop);
    // New streams show their players at once.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid()) {
                    for (int row = first; row <= last; ++row)
                        m_ui->streamsView->expand(m_proxy->index(row, 0));
                }
            });
    connect(m_proxy, &QAbstractItemModel::modelReset, m_ui->streamsView, &QTreeView::expandAll);
    connect(model, &StreamsModel::countsChanged, this, [this] {
        m_ui->summaryLabel->setText(tr("%n stream(s)", nullptr, m_model->streamCount())
                                    + QLatin1String(", ")
                                    + tr("%n player(s)", nullptr, m_model->playerCount()));
        updateButtons();
    });
    updateButtons();
}

StreamsPage::~StreamsPage() = default;

void StreamsPage::reload()
{
    m_model->reload();
}

void StreamsPage::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void StreamsPage::updateButtons()
{
    const QModelIndex current = m_ui->streamsView->currentIndex();
    m_ui->kickButton->setEnabled(current.isValid()
                                 && current.data(StreamsModel::PlayerIdRole).toLongLong() > 0);
    m_ui->stopButton->setEnabled(current.isValid());
}

void StreamsPage::kick()
{
    const QModelIndex current = m_ui->streamsView->currentIndex();
    const qint64 id = current.data(StreamsModel::PlayerIdRole).toLongLong();
    if (id <= 0)
        return;
    const QString address = current.siblingAtColumn(StreamsModel::Name).data().toString();
    m_api->kickPlayer(current.data(StreamsModel::KeyRole).toString(), id, this,
                      [this, address](const ApiResult &r) {
                          Q_EMIT message(r.ok() ? tr("Kicked %1").arg(address)
                                                : tr("Cannot kick %1: %2").arg(address, r.error));
                      });
}

void StreamsPage::stop()
{
    const QModelIndex current = m_ui->streamsView->currentIndex();
    if (!current.isValid())
        return;
    const QModelIndex stream = current.parent().isValid() ? current.parent() : current;
    const QString key = stream.data(StreamsModel::KeyRole).toString();
    const QString name = stream.siblingAtColumn(StreamsModel::Name).data().toString();
    const auto answer = QMessageBox::question(
            this, tr("Stop stream"),
            tr("Stop %1? Every player watching it is disconnected.").arg(name));
    if (answer != QMessageBox::Yes)
        return;
    m_api->stopStream(key, this, [this, name](const ApiResult &r) {
        Q_EMIT message(r.ok() ? tr("Stopped %1").arg(name)
                              : tr("Cannot stop %1: %2").arg(name, r.error));
    });
}
