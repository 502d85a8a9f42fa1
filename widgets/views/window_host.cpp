#include "views/window_host.hpp"

#include "views/main_window.hpp"
#include "views/ui_language.hpp"

#include <QTimer>

namespace edgelab::console {

WindowHost::WindowHost(ConsoleSession* session, bool restoreLayout, QObject* parent)
    : QObject(parent), session_(session), restore_layout_(restoreLayout) {}

WindowHost::~WindowHost() = default;

void WindowHost::show() {
  window_ = std::make_unique<MainWindow>(session_, restore_layout_);
  connect(window_.get(), &MainWindow::languageRequested, this, &WindowHost::switchLanguage);
  window_->show();
  emit windowShown(window_.get());
}

void WindowHost::switchLanguage(const QString& code) {
  UiLanguage::save(code);
  UiLanguage::install(code);
  window_->saveLayout();
  // Not from inside the old window's own signal: it is deleted by the rebuild.
  QTimer::singleShot(0, this, [this] {
    const QRect geometry = window_->geometry();
    const bool keepGeometry = !restore_layout_;
    show();
    if (keepGeometry) window_->setGeometry(geometry);
  });
}

}  // namespace edgelab::console
