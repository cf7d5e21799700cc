#pragma once

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

// Work that leaves the server thread (imports, backup and restore, exports, lists, password
// checks) runs at a lower CPU priority than the server thread: on a machine with two cores, a
// worker writing 50,000 rows must not take the CPU the event loop needs to answer a health
// check or pass a stream's bytes on. The worker still gets every cycle the server thread does
// not want. The server thread never waits on a worker (SQLite's busy handler is off there), so
// a slow worker cannot hold it up by a lock.
namespace Background {

// Lowers the calling thread's priority (Linux: its own nice value, +10; a thread started from
// it inherits that). Once per thread; a no-op where the thread's priority cannot be set apart.
inline void lowerThisThread()
{
#ifdef Q_OS_LINUX
    static thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // On Linux the nice value belongs to a thread: PRIO_PROCESS with a thread id sets only it.
    const int current = getpriority(PRIO_PROCESS, id_t(gettid()));
    setpriority(PRIO_PROCESS, id_t(gettid()), qMin(current + 10, 19));
#endif
}

} // namespace Background
