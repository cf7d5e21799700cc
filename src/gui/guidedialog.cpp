#include "guidedialog.h"

#include "apiclient.h"
#include "jsontablemodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

GuideDialog::GuideDialog(ApiClient *api, const QString &channelName, QWidget *parent)
    : QDialog(parent), m_api(api), m_model(new JsonTableModel(this)), m_search(new QLineEdit(this)),
      m_view(new QTableView(this))
{
    setWindowTitle(tr("Map a guide channel"));
    resize(560, 420);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
            new QLabel(tr("Guide channel for <b>%1</b>:").arg(channelName.toHtmlEscaped()), this));
    m_search->setPlaceholderText(tr("Search the guides' channels"));
    m_search->setAccessibleName(tr("Search the guides' channels"));
    m_search->setText(channelName);
    layout->addWidget(m_search);
    m_model->setColumns({JsonTableModel::keyColumn(tr("Name"), QStringLiteral("display_name")),
                         JsonTableModel::keyColumn(tr("Guide id"), QStringLiteral("epg_id"))});
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Guide channels"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto accept = [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!current.isValid())
            return;
        Q_EMIT chosen(m_model->item(current.row()).value(QLatin1String("epg_id")).toString());
        QDialog::accept();
    };
    connect(buttons, &QDialogButtonBox::accepted, this, accept);
    connect(m_view, &QTableView::activated, this, accept);
    m_delay.setSingleShot(true);
    m_delay.setInterval(250);
    connect(&m_delay, &QTimer::timeout, this, &GuideDialog::search);
    connect(m_search, &QLineEdit::textChanged, &m_delay, qOverload<>(&QTimer::start));
    search();
}

void GuideDialog::search()
{
    m_api->guideChannels(m_search->text().trimmed(), this, [this](const ApiResult &r) {
        if (!r.ok())
            return;
        QJsonArray items = r.json.value(QLatin1String("items")).toArray();
        m_model->setItems(items);
        if (m_model->rowCount() > 0)
            m_view->selectRow(0);
    });
}
