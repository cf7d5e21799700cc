#pragma once

#include <QAbstractItemModel>
#include <QJsonObject>

class ApiClient;

// The live tree of the Streams page: streams (one per channel being watched) and, under each,
// its players. Loaded once from /api/streams, then kept current by the stream.*, player.* and
// stats events, so nothing polls.
class StreamsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamsModel)

public:
    enum Column { Name, User, State, Peers, Speeds, Rate, Bytes, Since, UserAgent, ColumnCount };
    static constexpr int KeyRole = Qt::UserRole + 1; // the stream's key (both levels)
    static constexpr int PlayerIdRole = Qt::UserRole + 2; // 0 on a stream row

    explicit StreamsModel(ApiClient *api, QObject *parent = nullptr);

    void reload();
    int streamCount() const { return int(m_streams.size()); }
    int playerCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void countsChanged();

private:
    struct Stream
    {
        QJsonObject object;
        QList<QJsonObject> players;
    };
    void onEvent(const QString &type, const QJsonObject &data);
    void apply(const QString &type, const QJsonObject &data);
    void setStreams(const QJsonArray &streams);
    void addStream(const QJsonObject &stream);
    int rowOf(const QString &key) const;
    static QList<QJsonObject> playersOf(const QJsonObject &stream);
    QVariant streamData(const Stream &s, int column, int role) const;
    QVariant playerData(const QJsonObject &p, int column, int role) const;

    ApiClient *m_api;
    QList<Stream> m_streams;
    int m_reloads = 0; // the newest reload's number; older answers are dropped
    bool m_reloading = false;
    // Stream and player events that came while a reload was on its way: its list may have been
    // read before them, so they are applied again over it.
    QList<QPair<QString, QJsonObject>> m_eventsMeanwhile;
};
