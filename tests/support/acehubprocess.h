#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// The real acehub binary run as a child process, as a user or systemd would run it.
class AcehubProcess
{
public:
    explicit AcehubProcess(const QString &dataDir = {});
    ~AcehubProcess();

    QProcessEnvironment &environment() { return m_env; }
    QString dataDir() const { return m_dataDir; }

    void start(const QStringList &arguments);
    // Waits for the "Listening on …:PORT" log line; returns the port, 0 on failure or exit.
    quint16 waitListening(int timeoutMs = 15000);
    bool waitFinished(int timeoutMs = 15000);
    void terminate();

    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return m_port; }
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    QString output(); // everything printed so far, stdout then stderr
    QProcess &process() { return m_process; }

private:
    QTemporaryDir m_tempDir;
    QString m_dataDir;
    QProcessEnvironment m_env;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
};
