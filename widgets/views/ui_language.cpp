#include "views/ui_language.hpp"

#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <vector>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {
std::vector<std::unique_ptr<QTranslator>>& installed() {
  static std::vector<std::unique_ptr<QTranslator>> translators;
  return translators;
}
}  // namespace

QList<UiLanguage::Choice> UiLanguage::choices() {
  return {{QString(), tr("System language")}, {u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}, {u"ja"_s, u"日本語"_s}};
}

QString UiLanguage::saved() { return QSettings().value(u"ui/language"_s).toString(); }

void UiLanguage::save(const QString& code) { QSettings().setValue(u"ui/language"_s, code); }

QString UiLanguage::install(const QString& code) {
  for (auto& translator : installed()) QCoreApplication::removeTranslator(translator.get());
  installed().clear();
  const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
  auto ours = std::make_unique<QTranslator>();
  if (!ours->load(locale, u"edgelab"_s, u"_"_s, u":/i18n"_s)) {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    return u"en"_s;
  }
  QCoreApplication::installTranslator(ours.get());
  installed().push_back(std::move(ours));
  // Qt's own strings (standard buttons, file dialogs), when the system has them.
  auto qt = std::make_unique<QTranslator>();
  if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt.get());
    installed().push_back(std::move(qt));
  }
  QLocale::setDefault(locale);
  return locale.name().left(2);
}

}  // namespace edgelab::console
