#include "unixsignals.h"

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int s_fds[2] = {-1, -1};
}

UnixSignals::UnixSignals(std::initializer_list<int> signalNumbers, QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignals::onReadable);
    for (int n : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = &UnixSignals::handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(n, &action, nullptr);
    }
}

UnixSignals::~UnixSignals()
{
    for (int &fd : s_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void UnixSignals::handler(int signalNumber)
{
    const char byte = char(signalNumber);
    if (s_fds[0] >= 0)
        (void)!::write(s_fds[0], &byte, 1);
}

void UnixSignals::onReadable()
{
    char byte = 0;
    if (::read(s_fds[1], &byte, 1) == 1)
        Q_EMIT received(int(byte));
}
