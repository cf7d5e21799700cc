#pragma once

#include "userstore.h"

#include <QByteArray>
#include <QSqlDatabase>

// The XMLTV guide of the channels a user may see. Reads the whole guide, so it runs on a
// worker thread with that thread's own connection.
class XmltvWriter final
{
public:
    // Programmes that ended more than this long ago are left out.
    static constexpr qint64 kPastSeconds = 24 * 3600;

    static QByteArray write(const QSqlDatabase &db, const XtreamUser &user, qint64 now);
    // "20261121170000 +0000"
    static QString time(qint64 epoch);
};
