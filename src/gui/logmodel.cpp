#include "logmodel.h"

#include "apiclient.h"
#include "guiformat.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>

LogModel::LogModel(ApiClient *api, QObject *parent) : QAbstractTableModel(parent), m_api(api)
{
    connect(api, &ApiClient::event, this, [this](const QString &type, const QJsonObject &data) {
        if (type != QLatin1String("log"))
            return;
        if (m_paused)
            m_waiting.append(data);
        else
            append({data});
    });
}

int LogModel::levelNumber(const QString &level)
{
    if (level == QLatin1String("info"))
        return 1;
    if (level == QLatin1String("warning"))
        return 2;
    if (level == QLatin1String("error") || level == QLatin1String("critical")
        || level == QLatin1String("fatal"))
        return 3;
    return 0;
}

void LogModel::reload()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    m_api->logs(q, this, [this](const ApiResult &r) {
        if (r.status == 404) {
            // An AceHub without paged logs: its tail, oldest first.
            m_api->logTail(1000, this, [this](const ApiResult &tail) {
                if (!tail.ok())
                    return;
                beginResetModel();
                m_lines.clear();
                for (const QJsonValue &v : tail.json.value(QLatin1String("lines")).toArray())
                    m_lines.append(v.toObject());
                m_lastId = 0;
                endResetModel();
            });
            return;
        }
        if (!r.ok())
            return;
        // Newest first in the answer; lines that came as events meanwhile are kept.
        QList<QJsonObject> lines;
        const QJsonArray items = r.json.value(QLatin1String("items")).toArray();
        for (qsizetype i = items.size() - 1; i >= 0; --i)
            lines.append(items.at(i).toObject());
        beginResetModel();
        QList<QJsonObject> newer;
        const qint64 newest
                = lines.isEmpty() ? 0 : lines.last().value(QLatin1String("id")).toInteger();
        for (const QJsonObject &l : std::as_const(m_lines)) {
            if (l.value(QLatin1String("id")).toInteger() > newest)
                newer.append(l);
        }
        m_lines = lines + newer;
        m_lastId = m_lines.isEmpty() ? 0 : m_lines.last().value(QLatin1String("id")).toInteger();
        endResetModel();
    });
}

void LogModel::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && !m_waiting.isEmpty()) {
        const QList<QJsonObject> waiting = std::exchange(m_waiting, {});
        append(waiting);
    }
}

void LogModel::append(const QList<QJsonObject> &lines)
{
    QList<QJsonObject> fresh;
    for (const QJsonObject &l : lines) {
        const qint64 id = l.value(QLatin1String("id")).toInteger();
        // A replay after a reconnect may repeat lines already shown.
        if (id != 0 && id <= m_lastId)
            continue;
        if (id != 0)
            m_lastId = id;
        fresh.append(l);
    }
    if (fresh.isEmpty())
        return;
    const int overflow = int(m_lines.size() + fresh.size()) - kMaxLines;
    if (overflow > 0) {
        const int drop = qMin(overflow, int(m_lines.size()));
        if (drop > 0) {
            beginRemoveRows({}, 0, drop - 1);
            m_lines.erase(m_lines.begin(), m_lines.begin() + drop);
            endRemoveRows();
        }
    }
    beginInsertRows({}, int(m_lines.size()), int(m_lines.size() + fresh.size() - 1));
    m_lines += fresh;
    endInsertRows();
}

QString LogModel::lineText(int row) const
{
    const QJsonObject &l = m_lines.at(row);
    return QStringLiteral("%1 %2 [%3] %4")
            .arg(l.value(QLatin1String("time")).toString(),
                 l.value(QLatin1String("level")).toString(),
                 l.value(QLatin1String("category")).toString(),
                 l.value(QLatin1String("message")).toString());
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const QJsonObject &l = m_lines.at(index.row());
    const int level = levelNumber(l.value(QLatin1String("level")).toString());
    if (role == LevelRole)
        return level;
    if (role == Qt::ForegroundRole) {
        switch (level) {
        case 0:
            return QBrush(QColor(0x75, 0x75, 0x75));
        case 2:
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        case 3:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Time: {
        const QDateTime t = GuiFormat::time(l.value(QLatin1String("time")));
        return t.isValid() ? t.toString(QStringLiteral("HH:mm:ss.zzz")) : QString();
    }
    case Level:
        return l.value(QLatin1String("level")).toString();
    case Category:
        return l.value(QLatin1String("category")).toString();
    case Message:
        return l.value(QLatin1String("message")).toString();
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

void LogFilterProxy::setMinimumLevel(int level)
{
    m_level = level;
    invalidateFilter();
}

void LogFilterProxy::setSearch(const QString &text)
{
    m_search = text;
    invalidateFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (m->index(sourceRow, 0, sourceParent).data(LogModel::LevelRole).toInt() < m_level)
        return false;
    if (m_search.isEmpty())
        return true;
    return m->index(sourceRow, LogModel::Message, sourceParent)
                   .data()
                   .toString()
                   .contains(m_search, Qt::CaseInsensitive)
           || m->index(sourceRow, LogModel::Category, sourceParent)
                      .data()
                      .toString()
                      .contains(m_search, Qt::CaseInsensitive);
}
