#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <initializer_list>

// Turns SIGTERM/SIGINT into a Qt signal: the handler only writes a byte to a socket pair,
// and the event loop does the rest (the self-pipe trick; no Qt calls inside the handler).
class UnixSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignals)

public:
    explicit UnixSignals(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void handler(int signalNumber);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};
