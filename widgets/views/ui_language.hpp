#pragma once
// The console's languages: the system locale's by default, or one chosen in
// the Language menu (kept in QSettings "ui/language"). Translations are the
// compiled .ts files in :/i18n (edgelab_de.qm, edgelab_ja.qm) plus Qt's own.
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

class QTranslator;

namespace edgelab::console {

class UiLanguage {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::UiLanguage)

 public:
  struct Choice {
    QString code;  // "" = the system's, "en", "de", "ja"
    QString native_name;
  };
  static QList<Choice> choices();
  // The saved choice, or "" for the system locale.
  static QString saved();
  static void save(const QString& code);
  // Installs the translators for `code` ("" = the system locale) on the application,
  // replacing those installed before. Returns the language in effect ("en" when none matched).
  static QString install(const QString& code);
};

}  // namespace edgelab::console
