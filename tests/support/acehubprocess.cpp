#include "acehubprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTest>

AcehubProcess::AcehubProcess(const QString &dataDir)
    : m_dataDir(dataDir.isEmpty() ? m_tempDir.path() : dataDir),
      m_env(QProcessEnvironment::systemEnvironment())
{
    m_env.remove(QStringLiteral("ACEHUB_DATA_DIR"));
}

AcehubProcess::~AcehubProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void AcehubProcess::start(const QStringList &arguments)
{
    QStringList args = arguments;
    if (!args.contains(QStringLiteral("--data-dir")))
        args << QStringLiteral("--data-dir") << m_dataDir;
    m_process.setProcessEnvironment(m_env);
    m_process.start(QStringLiteral(ACEHUB_BINARY), args);
}

QString AcehubProcess::output()
{
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stdout + m_stderr);
}

quint16 AcehubProcess::waitListening(int timeoutMs)
{
    static const QRegularExpression re(QStringLiteral("Listening on \\S+:(\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const auto m = re.match(output());
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return m_port;
        }
        if (m_process.state() == QProcess::NotRunning)
            return 0;
        m_process.waitForReadyRead(100);
    }
    return 0;
}

bool AcehubProcess::waitFinished(int timeoutMs)
{
    const bool done
            = m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
    output();
    return done;
}

void AcehubProcess::terminate()
{
    m_process.terminate(); // SIGTERM
}

QUrl AcehubProcess::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}
