#pragma once

#include <QByteArray>
#include <QString>

// Playlists and guides built for the catalog tests.
namespace Fixtures {

QByteArray gzip(const QByteArray &data);

// A 40-hex content id made from n (distinct n, distinct ids).
QString contentId(int n);

// XMLTV with `channels` channels ("ch<i>", display name "Channel <i>") and `perChannel`
// one-hour programmes each, starting at startUtc (seconds).
QByteArray xmltv(int channels, int perChannel, qint64 startUtc);

} // namespace Fixtures
