#pragma once

#include <QByteArray>

class QAbstractHttpServer;
class QHttpServerResponse;

// Small QtHttpServer test servers (a playlist host, an engine's version probe) on Qt 6.4 and
// 6.8+: QHttpServer::listen() and QHttpServerResponse::setHeader() are gone in 6.8.

// Listens on 127.0.0.1, any free port, with a QTcpServer the server then owns; returns the
// port (0 on failure).
quint16 listenOnLocalhost(QAbstractHttpServer &server);
void addHeader(QHttpServerResponse &response, const QByteArray &name, const QByteArray &value);
