#pragma once
// Holds the console's one MainWindow over a session and builds it anew when the
// user picks another language: every tr() string is read again, while the
// session (connections, models, the last minute of figures) runs on under it.
// The old window's layout is saved first, so the new one opens as it was.
#include <QObject>

#include <memory>

namespace edgelab::console {

class ConsoleSession;
class MainWindow;

class WindowHost : public QObject {
  Q_OBJECT
 public:
  // `restoreLayout` false: every window opens with the default layout (screenshots).
  WindowHost(ConsoleSession* session, bool restoreLayout, QObject* parent = nullptr);
  ~WindowHost() override;

  MainWindow* window() const { return window_.get(); }

 signals:
  // A window was built and shown (the first one too).
  void windowShown(MainWindow* window);

 public slots:
  void show();

 private:
  void switchLanguage(const QString& code);

  ConsoleSession* session_;
  bool restore_layout_;
  std::unique_ptr<MainWindow> window_;
};

}  // namespace edgelab::console
