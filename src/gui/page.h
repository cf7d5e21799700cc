#pragma once

#include <QWidget>

class ApiClient;

// One page of the panel's window: a Designer form and the class that feeds it from the API.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    explicit Page(ApiClient *api, QWidget *parent = nullptr) : QWidget(parent), m_api(api) { }

    // Loads everything the page shows again (after connecting, a reconnect or a resync).
    virtual void reload() = 0;
    // Ctrl+F: puts the keyboard in the page's search field, if it has one.
    virtual void focusSearch() { }

Q_SIGNALS:
    // A short message for the status bar (results of actions, errors).
    void message(const QString &text);

protected:
    ApiClient *m_api;
};
