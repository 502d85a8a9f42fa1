#pragma once
// Words an event in the console's language from its fields. Nodes and labs send
// events with an English message for logs and curl; the console builds its own
// sentence from the structured fields (state, kind, action, ms, ...), keeping
// technical identifiers (error kinds, addresses, engine reasons) as sent. An
// event it does not know is shown as the message it came with.
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace edgelab::console {

class EventText {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::EventText)

 public:
  // A node's /admin/v1/events entry: its type and its "data" object.
  static QString nodeEvent(const QString& type, const QJsonObject& data);
  // A lab's /lab/v1/events entry (kind fault|health|traffic, its fields at the top level).
  static QString labEvent(const QJsonObject& event);

 private:
  static QString fault(const QJsonObject& event);
  static QString traffic(const QJsonObject& event);
};

}  // namespace edgelab::console
