#include "logspage.h"

#include "apiclient.h"
#include "logmodel.h"
#include "ui_logspage.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QSaveFile>
#include <QScrollBar>

LogsPage::LogsPage(ApiClient *api, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::LogsPage>()), m_model(new LogModel(api, this)),
      m_proxy(new LogFilterProxy(this))
{
    m_ui->setupUi(this);
    m_ui->levelCombo->addItem(tr("Debug"), 0);
    m_ui->levelCombo->addItem(tr("Info"), 1);
    m_ui->levelCombo->addItem(tr("Warning"), 2);
    m_ui->levelCombo->addItem(tr("Error"), 3);
    m_ui->levelCombo->setCurrentIndex(1);
    m_ui->levelLabel->setBuddy(m_ui->levelCombo);
    m_proxy->setSourceModel(m_model);
    m_proxy->setMinimumLevel(1);
    QTableView *view = m_ui->logView;
    view->setModel(m_proxy);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setWordWrap(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 4);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setColumnWidth(LogModel::Time, 110);
    view->setColumnWidth(LogModel::Level, 70);
    view->setColumnWidth(LogModel::Category, 150);
    connect(m_ui->levelCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumLevel(m_ui->levelCombo->currentData().toInt()); });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_proxy, &LogFilterProxy::setSearch);
    connect(m_ui->pauseButton, &QPushButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        m_ui->pauseButton->setText(paused ? tr("&Resume") : tr("&Pause"));
    });
    // Follow new lines while the view is at the bottom.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_ui->logView->verticalScrollBar();
        m_ui->logView->setProperty("follow", bar->value() >= bar->maximum() - 2);
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_ui->logView->property("follow").toBool())
            m_ui->logView->scrollToBottom();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, m_ui->logView, &QTableView::scrollToBottom);
    connect(m_ui->saveButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the log"),
                                                          QStringLiteral("acehub.log"),
                                                          tr("Log files (*.log *.txt)"));
        if (!path.isEmpty() && !saveTo(path))
            Q_EMIT message(tr("Cannot write %1").arg(path));
    });
}

LogsPage::~LogsPage() = default;

void LogsPage::reload()
{
    m_model->reload();
}

void LogsPage::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

bool LogsPage::saveTo(const QString &path)
{
    // The lines shown (level and search applied), oldest first.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        file.write(m_model->lineText(m_proxy->mapToSource(m_proxy->index(row, 0)).row()).toUtf8()
                   + '\n');
    if (!file.commit())
        return false;
    Q_EMIT message(tr("Saved %n line(s) to %1", nullptr, m_proxy->rowCount()).arg(path));
    return true;
}
