#include "webserver.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponse>
#include <QTcpServer>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttpHeaders>
#endif

quint16 listenOnLocalhost(QAbstractHttpServer &server)
{
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        delete tcp;
        return 0;
    }
    server.bind(tcp); // void on 6.4, bool on 6.8: a listening server is always taken
    return tcp->serverPort();
}

void addHeader(QHttpServerResponse &response, const QByteArray &name, const QByteArray &value)
{
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    response.addHeader(name, value);
#else
    QHttpHeaders headers = response.headers();
    headers.append(name, value);
    response.setHeaders(std::move(headers));
#endif
}
