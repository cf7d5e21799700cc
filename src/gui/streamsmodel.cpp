#include "streamsmodel.h"

#include "apiclient.h"
#include "guiformat.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <utility>

StreamsModel::StreamsModel(ApiClient *api, QObject *parent) : QAbstractItemModel(parent), m_api(api)
{
    connect(api, &ApiClient::event, this, &StreamsModel::onEvent);
}

void StreamsModel::reload()
{
    const int reload = ++m_reloads;
    m_reloading = true;
    m_eventsMeanwhile.clear(); // this list is read after them
    m_api->streams(this, [this, reload](const ApiResult &r) {
        if (reload != m_reloads)
            return;
        m_reloading = false;
        const auto meanwhile = std::exchange(m_eventsMeanwhile, {});
        if (!r.ok())
            return;
        setStreams(r.json.value(QLatin1String("streams")).toArray());
        for (const auto &[type, data] : meanwhile)
            apply(type, data);
    });
}

int StreamsModel::playerCount() const
{
    int n = 0;
    for (const Stream &s : m_streams)
        n += int(s.players.size());
    return n;
}

QList<QJsonObject> StreamsModel::playersOf(const QJsonObject &stream)
{
    // "clients" in AceHub 0.1, "players" where a later server names them so.
    QJsonArray array = stream.value(QLatin1String("players")).toArray();
    if (array.isEmpty())
        array = stream.value(QLatin1String("clients")).toArray();
    QList<QJsonObject> out;
    for (const QJsonValue &v : array)
        out.append(v.toObject());
    return out;
}

void StreamsModel::setStreams(const QJsonArray &streams)
{
    beginResetModel();
    m_streams.clear();
    for (const QJsonValue &v : streams)
        m_streams.append({v.toObject(), playersOf(v.toObject())});
    endResetModel();
    Q_EMIT countsChanged();
}

int StreamsModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_streams.size(); ++i) {
        if (m_streams.at(i).object.value(QLatin1String("key")).toString() == key)
            return i;
    }
    return -1;
}

void StreamsModel::addStream(const QJsonObject &stream)
{
    const int existing = rowOf(stream.value(QLatin1String("key")).toString());
    if (existing >= 0) {
        m_streams[existing].object = stream;
        Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, int(m_streams.size()), int(m_streams.size()));
    m_streams.append({stream, playersOf(stream)});
    endInsertRows();
}

void StreamsModel::onEvent(const QString &type, const QJsonObject &data)
{
    // (The once-a-second stats come again soon: not kept.)
    if (m_reloading
        && (type.startsWith(QLatin1String("stream.")) || type.startsWith(QLatin1String("player."))))
        m_eventsMeanwhile.append({type, data});
    apply(type, data);
}

void StreamsModel::apply(const QString &type, const QJsonObject &data)
{
    const QString key = data.value(QLatin1String("key")).toString();
    if (type == QLatin1String("stream.started")) {
        addStream(data);
        Q_EMIT countsChanged();
    } else if (type == QLatin1String("stream.state")) {
        const int row = rowOf(key);
        if (row < 0)
            return;
        m_streams[row].object.insert(QStringLiteral("state"), data.value(QLatin1String("state")));
        m_streams[row].object.insert(QStringLiteral("reason"), data.value(QLatin1String("reason")));
        Q_EMIT dataChanged(index(row, State), index(row, State));
    } else if (type == QLatin1String("stream.ended")) {
        const int row = rowOf(key);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_streams.removeAt(row);
        endRemoveRows();
        Q_EMIT countsChanged();
    } else if (type == QLatin1String("player.joined")) {
        int row = rowOf(key);
        if (row < 0) {
            addStream(QJsonObject {{QStringLiteral("key"), key}});
            row = rowOf(key);
        }
        const QJsonObject player = data.value(QLatin1String("player")).toObject();
        const qint64 id = player.value(QLatin1String("id")).toInteger();
        QList<QJsonObject> &players = m_streams[row].players;
        for (const QJsonObject &p : players) {
            if (p.value(QLatin1String("id")).toInteger() == id)
                return;
        }
        const QModelIndex parent = index(row, 0);
        beginInsertRows(parent, int(players.size()), int(players.size()));
        players.append(player);
        endInsertRows();
        Q_EMIT countsChanged();
    } else if (type == QLatin1String("player.left")) {
        const int row = rowOf(key);
        if (row < 0)
            return;
        const qint64 id = data.value(QLatin1String("id")).toInteger();
        QList<QJsonObject> &players = m_streams[row].players;
        for (int i = 0; i < players.size(); ++i) {
            if (players.at(i).value(QLatin1String("id")).toInteger() != id)
                continue;
            beginRemoveRows(index(row, 0), i, i);
            players.removeAt(i);
            endRemoveRows();
            Q_EMIT countsChanged();
            return;
        }
    } else if (type == QLatin1String("stats")) {
        for (const QJsonValue &v : data.value(QLatin1String("streams")).toArray()) {
            const QJsonObject s = v.toObject();
            const int row = rowOf(s.value(QLatin1String("key")).toString());
            if (row < 0)
                continue;
            Stream &stream = m_streams[row];
            for (const char *k : {"rate_in", "bytes_in", "engine"}) {
                if (s.contains(QLatin1String(k)))
                    stream.object.insert(QLatin1String(k), s.value(QLatin1String(k)));
            }
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            const QModelIndex parent = index(row, 0);
            for (const QJsonValue &pv : s.value(QLatin1String("players")).toArray()) {
                const QJsonObject p = pv.toObject();
                const qint64 id = p.value(QLatin1String("id")).toInteger();
                for (int i = 0; i < stream.players.size(); ++i) {
                    if (stream.players.at(i).value(QLatin1String("id")).toInteger() != id)
                        continue;
                    stream.players[i].insert(QStringLiteral("rate"),
                                             p.value(QLatin1String("rate")));
                    stream.players[i].insert(QStringLiteral("bytes_sent"),
                                             p.value(QLatin1String("bytes_sent")));
                    Q_EMIT dataChanged(index(i, 0, parent), index(i, ColumnCount - 1, parent));
                }
            }
        }
    }
}

QModelIndex StreamsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_streams.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_streams.size())
        return {};
    if (row >= m_streams.at(parent.row()).players.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex StreamsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int StreamsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_streams.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_streams.size())
        return 0;
    return int(m_streams.at(parent.row()).players.size());
}

int StreamsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant StreamsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        if (index.row() >= m_streams.size())
            return {};
        const Stream &s = m_streams.at(index.row());
        if (role == KeyRole)
            return s.object.value(QLatin1String("key")).toString();
        if (role == PlayerIdRole)
            return qint64(0);
        return streamData(s, index.column(), role);
    }
    const int streamRow = int(index.internalId() - 1);
    if (streamRow >= m_streams.size() || index.row() >= m_streams.at(streamRow).players.size())
        return {};
    const QJsonObject &p = m_streams.at(streamRow).players.at(index.row());
    if (role == KeyRole)
        return m_streams.at(streamRow).object.value(QLatin1String("key")).toString();
    if (role == PlayerIdRole)
        return p.value(QLatin1String("id")).toInteger();
    return playerData(p, index.column(), role);
}

QVariant StreamsModel::streamData(const Stream &s, int column, int role) const
{
    const QJsonObject &o = s.object;
    const QJsonObject engine = o.value(QLatin1String("engine")).toObject();
    if (role == Qt::ForegroundRole && column == State) {
        const QString state = o.value(QLatin1String("state")).toString();
        if (state == QLatin1String("running"))
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (state == QLatin1String("recovering"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return QBrush(QColor(0xef, 0x6c, 0x00));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Name: {
        const QJsonObject channel = o.value(QLatin1String("channel")).toObject();
        if (!channel.isEmpty()) {
            const QJsonValue number = channel.value(QLatin1String("number"));
            const QString name = channel.value(QLatin1String("name")).toString();
            return number.isNull() || number.isUndefined()
                           ? name
                           : QStringLiteral("%1  %2").arg(number.toInteger()).arg(name);
        }
        return o.value(QLatin1String("key")).toString();
    }
    case User:
        return tr("%n player(s)", nullptr, int(s.players.size()));
    case State: {
        const QString reason = o.value(QLatin1String("reason")).toString();
        const QString state = o.value(QLatin1String("state")).toString();
        return reason.isEmpty() ? state : QStringLiteral("%1 (%2)").arg(state, reason);
    }
    case Peers:
        return engine.value(QLatin1String("peers")).isDouble()
                       ? QVariant(engine.value(QLatin1String("peers")).toInt())
                       : QVariant();
    case Speeds:
        if (!engine.value(QLatin1String("speed_down")).isDouble())
            return {};
        // The engine reports its speeds in KiB/s.
        return tr("↓ %1  ↑ %2")
                .arg(GuiFormat::rate(engine.value(QLatin1String("speed_down")).toDouble() * 1024),
                     GuiFormat::rate(engine.value(QLatin1String("speed_up")).toDouble() * 1024));
    case Rate:
        return GuiFormat::rate(o.value(QLatin1String("rate_in")).toDouble());
    case Bytes:
        return GuiFormat::bytes(o.value(QLatin1String("bytes_in")).toDouble());
    case Since:
        return GuiFormat::timeText(o.value(QLatin1String("started_at")));
    default:
        return {};
    }
}

QVariant StreamsModel::playerData(const QJsonObject &p, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Name:
        return p.value(QLatin1String("address")).toString();
    case User: {
        const QString user = p.value(QLatin1String("user")).toString();
        return user.isEmpty() ? tr("(anonymous)") : user;
    }
    case Rate:
        return GuiFormat::rate(p.value(QLatin1String("rate")).toDouble());
    case Bytes:
        return GuiFormat::bytes(p.value(QLatin1String("bytes_sent")).toDouble());
    case Since:
        return GuiFormat::timeText(p.value(QLatin1String("connected_at")));
    case UserAgent:
        return p.value(QLatin1String("user_agent")).toString();
    default:
        return {};
    }
}

QVariant StreamsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Channel / player");
    case User:
        return tr("User");
    case State:
        return tr("State");
    case Peers:
        return tr("Peers");
    case Speeds:
        return tr("Engine speeds");
    case Rate:
        return tr("Rate");
    case Bytes:
        return tr("Bytes");
    case Since:
        return tr("Since");
    case UserAgent:
        return tr("User agent");
    default:
        return {};
    }
}
