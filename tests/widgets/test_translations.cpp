// The German and Japanese translations are complete: lupdate run over today's
// sources (into a copy of each .ts) finds no string without a finished
// translation, no translation lost a %1 of its source, and the .ts holds no
// string the code no longer has.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
  QString context, source, translation;
  bool unfinished = false;
};

QList<Message> readTs(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&file);
  QList<Message> messages;
  QString context;
  Message current;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == u"name")
      context = xml.readElementText();
    else if (xml.name() == u"message")
      current = Message{context, {}, {}, false};
    else if (xml.name() == u"source")
      current.source = xml.readElementText();
    else if (xml.name() == u"translation") {
      const auto type = xml.attributes().value("type");
      current.unfinished = type == u"unfinished" || type == u"vanished" || type == u"obsolete";
      current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      if (current.translation.trimmed().isEmpty()) current.unfinished = true;
      messages.append(current);
    }
  }
  return messages;
}

QSet<QString> placeholders(const QString& text) {
  QSet<QString> found;
  static const QRegularExpression marker(QStringLiteral("%(\\d|n)"));
  for (auto it = marker.globalMatch(text); it.hasNext();) found.insert(it.next().captured());
  return found;
}

}  // namespace

class TestTranslations : public QObject {
  Q_OBJECT
 private slots:
  void complete_data() {
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("ja") << "ja";
  }
  void complete() {
    QFETCH(QString, language);
    const QString original = QStringLiteral(EDGELAB_SOURCE_DIR "/translations/edgelab_%1.ts").arg(language);
    QVERIFY2(QFile::exists(original), qPrintable(original));
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("edgelab_%1.ts").arg(language));
    QVERIFY(QFile::copy(original, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LUPDATE_PATH), {"-no-obsolete", "-locations", "none", EDGELAB_SOURCE_DIR "/widgets",
                                                 EDGELAB_SOURCE_DIR "/app/edgelab", "-ts", copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    const QList<Message> before = readTs(original);
    const QList<Message> now = readTs(copy);
    QVERIFY(now.size() > 100);
    QStringList problems;
    for (const auto& m : now) {
      if (m.unfinished)
        problems << QStringLiteral("untranslated [%1] \"%2\"").arg(m.context, m.source);
      else if (placeholders(m.source) != placeholders(m.translation))
        problems << QStringLiteral("placeholders differ [%1] \"%2\" -> \"%3\"").arg(m.context, m.source, m.translation);
    }
    // Strings the code no longer has: lupdate -no-obsolete dropped them from the copy.
    if (before.size() != now.size())
      problems << QStringLiteral("%1 has %2 messages, the sources %3: run lupdate -no-obsolete")
                      .arg(original)
                      .arg(before.size())
                      .arg(now.size());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
  }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
