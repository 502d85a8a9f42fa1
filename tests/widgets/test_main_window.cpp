// The main window: its four views as dock widgets, the View menu toggling each,
// the layout saved and restored through QSettings; Fleet -> Add nodes… validating
// what it is given and keeping it for the next start; the Language menu building
// the window anew in German and Japanese (the .qm files are compiled into this test).
#include "dialogs/add_nodes_dialog.hpp"
#include "models/console_session.hpp"
#include "models/saved_nodes.hpp"
#include "views/main_window.hpp"
#include "views/ui_language.hpp"
#include "views/window_host.hpp"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace edgelab::console;

class TestMainWindow : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() {
    // Settings and data (the purge journal) of this run only: both paths are read on first use.
    qputenv("XDG_CONFIG_HOME", config_.path().toLocal8Bit());
    qputenv("XDG_DATA_HOME", (config_.path() + "/data").toLocal8Bit());
    QCoreApplication::setOrganizationName("EdgeLabTest");
    QCoreApplication::setApplicationName("test_main_window");
    QSettings().clear();
  }

  void docksToggleAndPersist() {
    ConsoleSession session;
    {
      MainWindow window(&session);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      QCOMPARE(window.views().keys(), (QStringList{"charts", "events", "fleet", "inspector", "lab", "map", "purge", "replay",
                                               "traces", "whatif"}));
      const auto docks = window.findChildren<QDockWidget*>();
      QCOMPARE(docks.size(), 10);
      // Open in the layout (the inspector and purge panel as tabs behind the fleet table).
      for (auto* dock : docks) QVERIFY2(dock->toggleViewAction()->isChecked(), qPrintable(dock->objectName()));
      QVERIFY(window.findChild<QDockWidget*>("fleetDock")->isVisible());
      window.showView("purge");
      QVERIFY(window.findChild<QDockWidget*>("purgeDock")->isVisible());
      window.showView("fleet");
      // The View menu has one toggle per dock; hiding the event log hides its dock.
      QMenu* view = nullptr;
      for (QAction* a : window.menuBar()->actions())
        if (a->text() == "&View") view = a->menu();
      QVERIFY(view);
      QDockWidget* events = window.findChild<QDockWidget*>("eventDock");
      QVERIFY(events);
      QAction* toggle = events->toggleViewAction();
      QVERIFY(view->actions().contains(toggle));
      toggle->trigger();
      QVERIFY(!events->isVisible());
      window.close();  // saves the layout
    }
    MainWindow again(&session);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.findChild<QDockWidget*>("eventDock")->isVisible());
    QVERIFY(again.findChild<QDockWidget*>("mapDock")->isVisible());
    // A window for screenshots ignores the saved layout.
    MainWindow fresh(&session, false);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    QVERIFY(fresh.findChild<QDockWidget*>("eventDock")->isVisible());
  }

  void addNodesValidates() {
    QTemporaryDir dir;
    AddNodesDialog dialog;
    auto* file = dialog.findChild<QLineEdit*>("nodesFile");
    QVERIFY(file);
    file->setText(dir.filePath("missing.json"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QLabel* error = nullptr;
    for (auto* label : dialog.findChildren<QLabel*>())
      if (label->text().contains("missing.json")) error = label;
    QVERIFY2(error, "the error names the file");

    QFile nodes(dir.filePath("nodes.json"));
    QVERIFY(nodes.open(QIODevice::WriteOnly));
    nodes.write("[{\"name\":\"paris\",\"admin_url\":\"http://127.0.0.1:19081\",\"token_file\":\"paris.token\"}]");
    nodes.close();
    file->setText(nodes.fileName());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.nodes().size(), 1);
    QCOMPARE(dialog.nodes().first().name, QStringLiteral("paris"));
    QCOMPARE(dialog.nodes().first().token_file, dir.filePath("paris.token"));  // relative to the file
  }

  void addedNodesComeBack() {
    QTemporaryDir dir;
    QFile nodes(dir.filePath("nodes.json"));
    QVERIFY(nodes.open(QIODevice::WriteOnly));
    nodes.write("[{\"name\":\"tokyo\",\"admin_url\":\"http://127.0.0.1:19082\",\"token_file\":\"tokyo.token\"}]");
    nodes.close();
    ConsoleSession session;
    MainWindow window(&session, false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Fleet -> Add nodes…, filled in and accepted as a user would, while its exec() runs.
    QAction* add = nullptr;
    for (auto* action : window.findChildren<QAction*>())
      if (action->text().contains("Add nodes")) add = action;
    QVERIFY(add);
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
      auto* dialog = qobject_cast<AddNodesDialog*>(QApplication::activeModalWidget());
      if (!dialog) return;
      dialog->findChild<QLineEdit*>("nodesFile")->setText(nodes.fileName());
      filled = true;
      dialog->accept();
    });
    add->trigger();
    QVERIFY(filled);
    QCOMPARE(session.fleet().rowCount(), 1);
    // The next start (a new session) finds it in the settings, token path made absolute.
    const auto saved = SavedNodes::load();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().name, QStringLiteral("tokyo"));
    QCOMPARE(saved.first().token_file, dir.filePath("tokyo.token"));
    // The same name again replaces the entry instead of adding a second one.
    SavedNodes::add(saved);
    QCOMPARE(SavedNodes::load().size(), 1);
  }

  void languageSwitchRebuildsTheWindow() {
    ConsoleSession session;
    session.events().append(1, "console", "test", "kept across the rebuild");
    WindowHost host(&session, true);
    host.show();
    MainWindow* english = host.window();
    QVERIFY(QTest::qWaitForWindowExposed(english));
    auto menuTitles = [&] {
      QStringList titles;
      for (auto* action : host.window()->menuBar()->actions()) titles << action->text();
      return titles;
    };
    QVERIFY2(menuTitles().contains("&View"), qPrintable(menuTitles().join(',')));
    auto pick = [&](const QString& nativeName) {
      for (auto* action : host.window()->menuBar()->findChildren<QAction*>())
        if (action->text() == nativeName) return action->trigger(), true;
      return false;
    };
    QVERIFY(pick("Deutsch"));
    QTRY_VERIFY(host.window() != english);
    QVERIFY2(menuTitles().contains("&Ansicht"), qPrintable(menuTitles().join(',')));
    QCOMPARE(UiLanguage::saved(), QStringLiteral("de"));
    QCOMPARE(session.events().rowCount(), 1);  // the session ran on under the rebuild

    MainWindow* german = host.window();
    QVERIFY(pick("日本語"));
    QTRY_VERIFY(host.window() != german);
    QVERIFY2(menuTitles().contains("表示(&V)"), qPrintable(menuTitles().join(',')));

    QVERIFY(pick("English"));
    QTRY_VERIFY(menuTitles().contains("&View"));
    UiLanguage::save(QString());
  }

 private:
  QTemporaryDir config_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
