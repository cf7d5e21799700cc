#pragma once

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

// Opens the menu of File › <action> with the mouse and picks the action, as a user would (the
// offscreen platform of Qt 6.4 delivers no keyboard shortcuts to menus, so tests cannot press
// Ctrl+Q there).
inline void clickMenuAction(QMainWindow *window, const char *actionName)
{
    auto *action = window->findChild<QAction *>(QLatin1String(actionName));
    QVERIFY(action);
    QMenu *menu = nullptr;
    for (QAction *top : window->menuBar()->actions()) {
        if (top->menu() && top->menu()->actions().contains(action))
            menu = top->menu();
    }
    QVERIFY(menu);
    QTest::mouseClick(window->menuBar(), Qt::LeftButton, {},
                      window->menuBar()->actionGeometry(menu->menuAction()).center());
    QTRY_VERIFY(menu->isVisible());
    // The item is picked with the keyboard: the offscreen platform of Qt 6.8 hands the open
    // menu mouse moves and clicks, but it never makes the item under them its active one.
    menu->setActiveAction(action);
    QTest::keyClick(menu, Qt::Key_Return);
}
