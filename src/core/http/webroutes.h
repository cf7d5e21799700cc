#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>

class HttpFront;
struct HttpRequest;
class QHttpServerResponder;

// The web dashboard's files (resources/web, compiled in under :/web) and the icon: "/" is the
// page, "/web/..." its modules and styles. Every file carries an ETag of its content, so a
// browser revalidates ("Cache-Control: no-cache") and gets a bodiless 304 when nothing changed.
class WebRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebRoutes)

public:
    // Registers its routes on http (before LiveRoutes: /web/{dir}/{file} has three segments).
    explicit WebRoutes(HttpFront *http);

    // The Content-Type of a dashboard file, from its extension; empty for a type not served.
    static QByteArray contentType(const QString &fileName);

private:
    void serve(const QString &resource, const HttpRequest &req, QHttpServerResponder &r);

    struct File
    {
        QByteArray body;
        QByteArray etag;
    };
    QHash<QString, File> m_files; // read once: the resources never change while AceHub runs
};
