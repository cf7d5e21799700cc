#include "channelsmodel.h"

#include "apiclient.h"
#include "guiformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonArray>

namespace {

// Sets each of fields' keys in into.
void merge(QJsonObject &into, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        into.insert(it.key(), it.value());
}

} // namespace

ChannelsModel::ChannelsModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{
    connect(api, &ApiClient::event, this, &ChannelsModel::onEvent);
}

void ChannelsModel::setFilter(const QUrlQuery &filter)
{
    m_filter = filter;
    reload();
}

void ChannelsModel::setSourceNames(const QHash<qint64, QString> &names)
{
    m_sourceNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Source), index(int(m_rows.size()) - 1, Source));
}

QUrlQuery ChannelsModel::pageQuery(int offset) const
{
    QUrlQuery q = m_filter;
    q.addQueryItem(QStringLiteral("sort"), m_sort);
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    q.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    return q;
}

void ChannelsModel::reload()
{
    const int generation = ++m_generation;
    m_fetching = true;
    m_landed.clear(); // this request is read after all of it
    m_api->channels(pageQuery(0), this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        beginResetModel();
        m_rows.clear();
        m_total = 0;
        if (r.ok()) {
            for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray())
                m_rows.append(withLanded(v.toObject()));
            m_total = r.json.value(QLatin1String("total")).toInt();
        }
        m_landed.clear();
        endResetModel();
        Q_EMIT loaded(m_total);
    });
}

bool ChannelsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_rows.size() < m_total;
}

void ChannelsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int generation = m_generation;
    m_fetching = true;
    m_landed.clear();
    m_api->channels(pageQuery(int(m_rows.size())), this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (r.ok()) {
            const QJsonArray items = r.json.value(QLatin1String("items")).toArray();
            m_total = r.json.value(QLatin1String("total")).toInt();
            if (!items.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
                for (const QJsonValue &v : items)
                    m_rows.append(withLanded(v.toObject()));
                endInsertRows();
            }
        }
        m_landed.clear();
    });
}

void ChannelsModel::sort(int column, Qt::SortOrder)
{
    // The server sorts; it knows these orders (ascending).
    QString sort;
    switch (column) {
    case Number:
        sort = QStringLiteral("number");
        break;
    case Name:
        sort = QStringLiteral("name");
        break;
    default:
        return;
    }
    if (sort == m_sort)
        return;
    m_sort = sort;
    reload();
}

int ChannelsModel::rowOfId(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value(QLatin1String("id")).toInteger() == id)
            return i;
    }
    return -1;
}

void ChannelsModel::noteLanded(qint64 id, const QJsonObject &fields)
{
    if (!m_fetching)
        return;
    merge(m_landed[id], fields);
}

QJsonObject ChannelsModel::withLanded(QJsonObject row) const
{
    merge(row, m_landed.value(row.value(QLatin1String("id")).toInteger()));
    return row;
}

void ChannelsModel::replaceRow(const QJsonObject &channel)
{
    const qint64 id = channel.value(QLatin1String("id")).toInteger();
    noteLanded(id, channel);
    const int row = rowOfId(id);
    if (row < 0)
        return;
    m_rows[row] = channel;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ChannelsModel::refreshRow(qint64 id)
{
    if (rowOfId(id) < 0)
        return;
    m_api->channel(id, this, [this](const ApiResult &r) {
        if (r.ok())
            replaceRow(r.json);
    });
}

void ChannelsModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == QLatin1String("check")) {
        const qint64 id = data.value(QLatin1String("channel_id")).toInteger();
        const QJsonObject verdict {
                {QStringLiteral("check_status"), data.value(QLatin1String("status"))},
                // absent when there was none: an empty text clears the last one
                {QStringLiteral("check_error"), data.value(QLatin1String("error")).toString()},
                {QStringLiteral("checked_at"), data.value(QLatin1String("checked_at"))}};
        noteLanded(id, verdict);
        const int row = rowOfId(id);
        if (row < 0)
            return;
        merge(m_rows[row], verdict);
        Q_EMIT dataChanged(index(row, Check), index(row, Check));
        return;
    }
    if (type == QLatin1String("import.finished")
        && data.value(QLatin1String("kind")).toString() == QLatin1String("channels")) {
        reload();
        return;
    }
    if (type != QLatin1String("changed"))
        return;
    const QString area = data.value(QLatin1String("area")).toString();
    if (area == QLatin1String("categories")) {
        reload(); // category names shown in the rows
        return;
    }
    if (area != QLatin1String("channels"))
        return;
    const QString action = data.value(QLatin1String("action")).toString();
    const QJsonArray ids = data.value(QLatin1String("ids")).toArray();
    if (action == QLatin1String("updated") && !ids.isEmpty() && ids.size() <= 50) {
        for (const QJsonValue &id : ids)
            refreshRow(id.toInteger());
        return;
    }
    reload();
}

int ChannelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChannelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &c = m_rows.at(index.row());
    if (role == IdRole)
        return c.value(QLatin1String("id")).toInteger();
    if (role == ObjectRole)
        return c;
    const bool hidden = c.value(QLatin1String("hidden")).toBool();
    const bool inactive = !c.value(QLatin1String("active")).toBool(true);
    if (role == Qt::ForegroundRole && (hidden || inactive))
        return QBrush(QColor(0x75, 0x75, 0x75));
    if (role == Qt::FontRole && inactive) {
        QFont f;
        f.setStrikeOut(true);
        return f;
    }
    if (index.column() == Hidden) {
        if (role == Qt::CheckStateRole)
            return hidden ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    const QString status = c.value(QLatin1String("check_status")).toString();
    if (index.column() == Check) {
        if (role == Qt::ForegroundRole && status == QLatin1String("ok"))
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (role == Qt::ForegroundRole && !status.isEmpty() && status != QLatin1String("none"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (role == Qt::ToolTipRole) {
            const QString error = c.value(QLatin1String("check_error")).toString();
            const QString at = GuiFormat::timeText(c.value(QLatin1String("checked_at")));
            return error.isEmpty() ? at : QStringLiteral("%1 — %2").arg(at, error);
        }
        if (role != Qt::DisplayRole)
            return {};
        if (status == QLatin1String("ok"))
            return tr("Available");
        if (status == QLatin1String("unavailable"))
            return tr("Unavailable");
        if (status == QLatin1String("error"))
            return tr("Check failed");
        return tr("Not checked");
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Number: {
        const QJsonValue n = c.value(QLatin1String("number"));
        return n.isDouble() ? QVariant(n.toInt()) : QVariant();
    }
    case Name:
        return c.value(QLatin1String("name")).toString();
    case Category:
        if (role == Qt::EditRole)
            return c.value(QLatin1String("category_id")).toInteger();
        return c.value(QLatin1String("category")).toString();
    case Source: {
        const QJsonValue id = c.value(QLatin1String("source_id"));
        if (!id.isDouble())
            return tr("(added by hand)");
        return m_sourceNames.value(id.toInteger(), QString::number(id.toInteger()));
    }
    case GuideId:
        return c.value(QLatin1String("epg_id")).toString();
    case Logo:
        return c.value(QLatin1String("logo")).toString();
    default:
        return {};
    }
}

QVariant ChannelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Name:
        return tr("Name");
    case Category:
        return tr("Category");
    case Source:
        return tr("Source");
    case GuideId:
        return tr("Guide id");
    case Logo:
        return tr("Logo");
    case Hidden:
        return tr("Hidden");
    case Check:
        return tr("Check");
    default:
        return {};
    }
}

Qt::ItemFlags ChannelsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    switch (index.column()) {
    case Number:
    case Name:
    case Category:
    case GuideId:
    case Logo:
        return f | Qt::ItemIsEditable;
    case Hidden:
        return f | Qt::ItemIsUserCheckable;
    default:
        return f;
    }
}

bool ChannelsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return false;
    const qint64 id = m_rows.at(index.row()).value(QLatin1String("id")).toInteger();
    QJsonObject change;
    if (index.column() == Hidden && role == Qt::CheckStateRole) {
        change.insert(QStringLiteral("hidden"), value.toInt() == Qt::Checked);
    } else if (role == Qt::EditRole) {
        const QString text = value.toString().trimmed();
        // An empty value clears the user's edit: the imported value shows again.
        const QJsonValue v = text.isEmpty() ? QJsonValue() : QJsonValue(text);
        switch (index.column()) {
        case Number:
            change.insert(QStringLiteral("number"),
                          text.isEmpty() ? QJsonValue() : QJsonValue(text.toLongLong()));
            break;
        case Name:
            change.insert(QStringLiteral("name"), v);
            break;
        case Category:
            change.insert(QStringLiteral("category_id"),
                          value.toLongLong() > 0 ? QJsonValue(value.toLongLong()) : QJsonValue());
            break;
        case GuideId:
            change.insert(QStringLiteral("epg_id"), v);
            break;
        case Logo:
            change.insert(QStringLiteral("logo"), v);
            break;
        default:
            return false;
        }
        if (data(index, Qt::EditRole) == value)
            return false;
    } else {
        return false;
    }
    m_api->updateChannel(id, change, this, [this](const ApiResult &r) {
        if (r.ok())
            replaceRow(r.json);
        else
            Q_EMIT editFailed(r.error);
    });
    return true;
}
