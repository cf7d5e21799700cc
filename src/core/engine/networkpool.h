#pragma once

#include <QNetworkAccessManager>
#include <functional>
#include <memory>
#include <vector>

// Network managers handed out so that none carries more than a few long-lived requests at
// once: a QNetworkAccessManager opens at most six connections per host, and a request past
// those waits, unseen, until one of them ends (forever, for a playback). Managers are kept
// for the pool's lifetime: deleting one with live replies blocks on its thread.
class NetworkPool final
{
public:
    explicit NetworkPool(int perManager) : m_perManager(perManager) { }

    // load(manager): how many requests that manager carries now.
    QNetworkAccessManager *pick(const std::function<int(QNetworkAccessManager *)> &load)
    {
        for (const auto &manager : m_managers) {
            if (load(manager.get()) < m_perManager)
                return manager.get();
        }
        auto manager = std::make_unique<QNetworkAccessManager>();
        manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_managers.push_back(std::move(manager));
        return m_managers.back().get();
    }

    void clear() { m_managers.clear(); }

private:
    int m_perManager;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
};
