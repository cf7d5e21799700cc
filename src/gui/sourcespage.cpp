#include "sourcespage.h"

#include "apiclient.h"
#include "guiformat.h"
#include "jsontablemodel.h"
#include "ui_sourcespage.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyledItemDelegate>

namespace {

constexpr int kProgressColumn = 4;

// Draws an import's progress as a bar in its cell.
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QJsonObject progress = index.data(JsonTableModel::ObjectRole)
                                             .toJsonObject()
                                             .value(QLatin1String("progress"))
                                             .toObject();
        const QString state = progress.value(QLatin1String("state")).toString();
        if (state.isEmpty() || state == QLatin1String("idle")) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = progress.value(QLatin1String("percent")).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

QString stateText(const QString &state)
{
    if (state == QLatin1String("queued"))
        return SourcesPage::tr("Queued");
    if (state == QLatin1String("downloading"))
        return SourcesPage::tr("Downloading");
    if (state == QLatin1String("importing"))
        return SourcesPage::tr("Importing");
    return QString();
}

QString intervalText(qint64 seconds)
{
    if (seconds <= 0)
        return SourcesPage::tr("On demand");
    if (seconds % 86400 == 0)
        return SourcesPage::tr("Every %n day(s)", nullptr, int(seconds / 86400));
    if (seconds % 3600 == 0)
        return SourcesPage::tr("Every %n hour(s)", nullptr, int(seconds / 3600));
    return SourcesPage::tr("Every %n minute(s)", nullptr, int(seconds / 60));
}

} // namespace

SourcesPage::SourcesPage(ApiClient *api, QWidget *parent)
    : Page(api, parent), m_ui(std::make_unique<Ui::SourcesPage>())
{
    m_ui->setupUi(this);
    m_playlists = makeModel(false);
    m_guides = makeModel(true);
    connect(m_ui->kindTabs, &QTabWidget::currentChanged, this, &SourcesPage::showCurrent);
    connect(m_ui->addUrlButton, &QPushButton::clicked, this, &SourcesPage::addUrl);
    connect(m_ui->addFileButton, &QPushButton::clicked, this, &SourcesPage::chooseFile);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, [this] {
        const qint64 id = currentId();
        if (id <= 0)
            return;
        m_api->refreshSource(guideTab(), id, this, [this](const ApiResult &r) {
            if (!r.ok())
                Q_EMIT message(tr("Cannot refresh: %1").arg(r.error));
        });
    });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const qint64 id = currentId();
        if (id <= 0)
            return;
        const bool guide = guideTab();
        const QString name = model(guide)
                                     ->item(model(guide)->rowOfId(id))
                                     .value(QLatin1String("name"))
                                     .toString();
        const QString question
                = guide ? tr("Delete the guide source %1? Its programmes go with it.").arg(name)
                        : tr("Delete the playlist source %1? Its channels stay, marked inactive.")
                                  .arg(name);
        if (QMessageBox::question(this, tr("Delete source"), question) != QMessageBox::Yes)
            return;
        m_api->deleteSource(guide, id, this, [this, guide, id](const ApiResult &r) {
            if (r.ok())
                model(guide)->removeId(id);
            else
                Q_EMIT message(tr("Not deleted: %1").arg(r.error));
        });
    });
    connect(api, &ApiClient::event, this, &SourcesPage::onEvent);
}

SourcesPage::~SourcesPage() = default;

QTableView *SourcesPage::view(bool guide) const
{
    return guide ? m_ui->guidesView : m_ui->playlistsView;
}

JsonTableModel *SourcesPage::makeModel(bool guide)
{
    auto *m = new JsonTableModel(this);
    m->setColumns({
            JsonTableModel::keyColumn(tr("Name"), QStringLiteral("name")),
            JsonTableModel::keyColumn(tr("Location"), QStringLiteral("location")),
            {tr("Refresh"),
             [](const QJsonObject &o, int role) -> QVariant {
                 const qint64 s = o.value(QLatin1String("refresh_interval_s")).toInteger();
                 if (role == Qt::DisplayRole)
                     return intervalText(s);
                 if (role == Qt::EditRole)
                     return int(s / 60);
                 if (role == Qt::ToolTipRole)
                     return tr("Double-click to change (in minutes; 0: on demand only)");
                 return {};
             },
             true},
            {tr("Last result"),
             [guide](const QJsonObject &o, int role) -> QVariant {
                 if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
                     return {};
                 const QJsonObject st = o.value(QLatin1String("status")).toObject();
                 const QString status = st.value(QLatin1String("last_status")).toString();
                 const QString when
                         = GuiFormat::timeText(st.value(QLatin1String("last_refresh_at")));
                 if (status == QLatin1String("ok"))
                     return tr("%1: %2 imported, %3 skipped")
                             .arg(when)
                             .arg(st.value(QLatin1String("last_imported")).toInt())
                             .arg(st.value(QLatin1String("last_skipped")).toInt());
                 if (status == QLatin1String("error"))
                     return tr("%1: failed: %2")
                             .arg(when, st.value(QLatin1String("last_error")).toString());
                 Q_UNUSED(guide);
                 return tr("Never refreshed");
             },
             false},
            {tr("Progress"),
             [](const QJsonObject &o, int role) -> QVariant {
                 if (role != Qt::DisplayRole)
                     return {};
                 const QJsonObject p = o.value(QLatin1String("progress")).toObject();
                 const QString state = stateText(p.value(QLatin1String("state")).toString());
                 if (state.isEmpty())
                     return QString();
                 return QStringLiteral("%1 %2%").arg(state).arg(
                         p.value(QLatin1String("percent")).toInt());
             },
             false},
            {guide ? tr("Programmes") : tr("Channels"),
             [guide](const QJsonObject &o, int role) -> QVariant {
                 if (role != Qt::DisplayRole)
                     return {};
                 return o.value(guide ? QLatin1String("programmes") : QLatin1String("channels"))
                         .toInt();
             },
             false},
    });
    m->setEditCallback([this, guide](const QJsonObject &item, int, const QVariant &value) {
        const qint64 minutes = value.toLongLong();
        m_api->updateSource(guide, item.value(QLatin1String("id")).toInteger(),
                            QJsonObject {{QStringLiteral("refresh_interval_s"), minutes * 60}},
                            this, [this, guide](const ApiResult &r) {
                                if (r.ok())
                                    model(guide)->upsert(r.json);
                                else
                                    Q_EMIT message(tr("Not changed: %1").arg(r.error));
                            });
    });
    QTableView *v = view(guide);
    v->setModel(m);
    v->setSelectionMode(QAbstractItemView::SingleSelection);
    v->setItemDelegateForColumn(kProgressColumn, new ProgressDelegate(v));
    v->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    v->verticalHeader()->hide();
    v->setColumnWidth(0, 160);
    v->setColumnWidth(3, 260);
    v->setColumnWidth(kProgressColumn, 140);
    connect(v->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &SourcesPage::showCurrent);
    return m;
}

bool SourcesPage::guideTab() const
{
    return m_ui->kindTabs->currentIndex() == 1;
}

void SourcesPage::reload()
{
    load(false);
    load(true);
}

void SourcesPage::load(bool guide)
{
    m_api->sources(guide, this, m_order[guide].next([this, guide](const ApiResult &r) {
        if (!r.ok())
            return;
        const qint64 current = guideTab() == guide ? currentId() : 0;
        model(guide)->setItems(r.json.value(QLatin1String("items")).toArray());
        for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
            if (it.key().first == guide)
                model(guide)->patch(it.key().second, [&it](QJsonObject &source) {
                    source.insert(QStringLiteral("progress"), it.value());
                });
        }
        const int row = model(guide)->rowOfId(current);
        view(guide)->selectRow(row >= 0 ? row : 0);
        showCurrent();
    }));
}

qint64 SourcesPage::currentId() const
{
    const QModelIndex current = view(guideTab())->currentIndex();
    return current.isValid() ? current.data(JsonTableModel::IdRole).toLongLong() : 0;
}

void SourcesPage::showCurrent()
{
    const bool guide = guideTab();
    const int row = model(guide)->rowOfId(currentId());
    m_ui->refreshButton->setEnabled(row >= 0);
    m_ui->deleteButton->setEnabled(row >= 0);
    if (row < 0) {
        m_ui->progressBar->hide();
        m_ui->resultLabel->clear();
        return;
    }
    const QJsonObject source = model(guide)->item(row);
    const QJsonObject p = source.value(QLatin1String("progress")).toObject();
    const QString state = p.value(QLatin1String("state")).toString();
    const bool busy = !state.isEmpty() && state != QLatin1String("idle");
    m_ui->progressBar->setVisible(busy);
    m_ui->progressBar->setValue(p.value(QLatin1String("percent")).toInt());
    m_ui->progressBar->setFormat(stateText(state) + QStringLiteral(" %p%"));
    m_ui->resultLabel->setText(
            QStringLiteral("<b>%1</b> — %2")
                    .arg(source.value(QLatin1String("name")).toString().toHtmlEscaped(),
                         model(guide)->index(row, 3).data().toString().toHtmlEscaped()));
}

void SourcesPage::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("changed")) {
        const QString area = data.value(QLatin1String("area")).toString();
        if (area == QLatin1String("sources"))
            load(false);
        else if (area == QLatin1String("epg-sources"))
            load(true);
        return;
    }
    if (!type.startsWith(QLatin1String("import.")))
        return;
    const bool guide = data.value(QLatin1String("kind")).toString() == QLatin1String("epg");
    const qint64 id = data.value(QLatin1String("source_id")).toInteger();
    if (type == QLatin1String("import.finished")) {
        m_running.remove({guide, id});
        load(guide); // the new status, counts and an idle progress
        return;
    }
    model(guide)->patch(id, [&](QJsonObject &source) {
        QJsonObject p = source.value(QLatin1String("progress")).toObject();
        if (type == QLatin1String("import.started")) {
            p.insert(QStringLiteral("state"), QStringLiteral("downloading"));
            p.insert(QStringLiteral("percent"), 0);
        } else {
            for (const char *k : {"state", "percent", "items", "errors"})
                p.insert(QLatin1String(k), data.value(QLatin1String(k)));
        }
        source.insert(QStringLiteral("progress"), p);
        m_running.insert({guide, id}, p);
    });
    if (guide == guideTab() && id == currentId())
        showCurrent();
}

void SourcesPage::addUrl()
{
    const bool guide = guideTab();
    QDialog dialog(this);
    dialog.setWindowTitle(guide ? tr("Add a guide source") : tr("Add a playlist source"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    name->setAccessibleName(tr("Name"));
    auto *url = new QLineEdit(&dialog);
    url->setAccessibleName(tr("Address"));
    url->setPlaceholderText(QStringLiteral("https://example.org/list.m3u"));
    auto *hours = new QSpinBox(&dialog);
    hours->setAccessibleName(tr("Refresh interval in hours"));
    hours->setRange(0, 24 * 366);
    hours->setValue(guide ? 12 : 24);
    hours->setSpecialValueText(tr("On demand"));
    hours->setSuffix(tr(" h"));
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Address:"), url);
    form->addRow(tr("Refresh every:"), hours);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || url->text().trimmed().isEmpty())
        return;
    const QString location = url->text().trimmed();
    const QString title
            = name->text().trimmed().isEmpty() ? QUrl(location).host() : name->text().trimmed();
    QJsonObject body {{QStringLiteral("name"), title},
                      {QStringLiteral("location"), location},
                      {QStringLiteral("refresh_interval_s"), qint64(hours->value()) * 3600}};
    m_api->createSource(guide, body, this, [this, guide](const ApiResult &r) {
        if (r.ok())
            model(guide)->upsert(r.json);
        else
            Q_EMIT message(tr("Not added: %1").arg(r.error));
    });
}

void SourcesPage::chooseFile()
{
    const bool guide = guideTab();
    auto *dialog
            = new QFileDialog(this, guide ? tr("Add a guide file") : tr("Add a playlist file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setNameFilters(
            guide ? QStringList {tr("Guides (*.xml *.xmltv *.gz)"), tr("All files (*)")}
                  : QStringList {tr("Playlists (*.m3u *.m3u8 *.gz)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &SourcesPage::addFile);
    dialog->open();
}

void SourcesPage::addFile(const QString &path)
{
    const bool guide = guideTab();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    // "list.m3u.gz" is named "list": the name a user gave the file.
    QString name = QFileInfo(path).fileName();
    name.remove(QRegularExpression(QStringLiteral("(\\.(m3u8?|xml|xmltv))?(\\.gz)?$"),
                                   QRegularExpression::CaseInsensitiveOption));
    if (name.isEmpty())
        name = QFileInfo(path).fileName();
    const QString fileName = QFileInfo(path).fileName();
    Q_EMIT message(tr("Sending %1…").arg(fileName));
    // The bar shows the bytes sent (a big guide to a NAS takes a while); then the import's own
    // progress shows on the new source, which becomes the current one.
    m_ui->uploadBar->setRange(0, 100);
    m_ui->uploadBar->setValue(0);
    m_ui->uploadBar->setFormat(tr("Sending %1: %p%").arg(fileName));
    m_ui->uploadBar->show();
    // Uploaded (POST /api/…/upload), so a remote AceHub gets the file too.
    m_api->uploadSource(
            guide, name, file.readAll(), this,
            [this, guide, name](const ApiResult &r) {
                m_ui->uploadBar->hide();
                if (!r.ok()) {
                    Q_EMIT message(tr("Not added: %1").arg(r.error));
                    return;
                }
                model(guide)->upsert(r.json);
                if (guide == guideTab()) {
                    view(guide)->selectRow(
                            model(guide)->rowOfId(r.json.value(QLatin1String("id")).toInteger()));
                    showCurrent();
                }
                Q_EMIT message(tr("Added %1; importing it now").arg(name));
            },
            [this](qint64 sent, qint64 total) {
                if (total > 0)
                    m_ui->uploadBar->setValue(int(sent * 100 / total));
            });
}
