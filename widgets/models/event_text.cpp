#include "models/event_text.hpp"

#include "models/node_health.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace edgelab::console {

QString EventText::nodeEvent(const QString& type, const QJsonObject& d) {
  const QString count = QString::number(d.value(u"count"_s).toInteger(1));
  if (type == u"purge_applied"_s)
    return tr("purge %1 %2 (seq %3)")
        .arg(d.value(u"kind"_s).toString(), d.value(u"value"_s).toString())
        .arg(d.value(u"seq"_s).toInteger())
        .simplified();  // a purge of everything has no value: no double space
  if (type == u"node_state"_s) {
    const QString state = d.value(u"state"_s).toString();
    if (state == u"serving"_s) return tr("node serving on port %1").arg(d.value(u"port"_s).toInteger());
    if (state == u"draining"_s) return tr("node draining");
    return tr("node %1").arg(state);
  }
  if (type == u"upstream_framing_error"_s)
    return tr("malformed response from %1: %2 (%3 since the last report)")
        .arg(d.value(u"upstream"_s).toString(), d.value(u"kind"_s).toString(), count);
  if (type == u"bad_request"_s)
    return tr("request from %1 refused: %2 (%3 since the last report)")
        .arg(d.value(u"client"_s).toString(), d.value(u"kind"_s).toString(), count);
  if (type == u"purge_reclaimed"_s)
    return tr("storage of purged objects reclaimed up to seq %1").arg(d.value(u"floor"_s).toInteger());
  if (type == u"error"_s && d.value(u"what"_s).toString() == u"purge not persisted"_s)
    return tr("purge seq %1 not persisted: %2").arg(d.value(u"seq"_s).toInteger()).arg(d.value(u"why"_s).toString());
  return QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
}

QString EventText::labEvent(const QJsonObject& e) {
  const QString kind = e.value(u"kind"_s).toString();
  if (kind == u"fault"_s) return fault(e);
  if (kind == u"traffic"_s) return traffic(e);
  if (kind == u"health"_s && e.contains(u"from"_s) && e.contains(u"state"_s)) {
    // "healthy -> down: /health refused": the states in the console's words, the reason as the monitor gave it.
    const QString message = e.value(u"message"_s).toString();
    const qsizetype colon = message.indexOf(u": "_s);
    const QString reason = colon < 0 ? QString() : message.mid(colon + 2);
    const QString states =
        tr("%1 → %2")
            .arg(NodeHealth::label(NodeHealth::fromLabState(e.value(u"from"_s).toString())),
                 NodeHealth::label(NodeHealth::fromLabState(e.value(u"state"_s).toString())));
    return reason.isEmpty() ? states : tr("%1: %2").arg(states, reason);
  }
  return e.value(u"message"_s).toString();
}

QString EventText::fault(const QJsonObject& e) {
  const QString action = e.value(u"action"_s).toString();
  const qint64 ms = e.value(u"ms"_s).toInteger();
  if (action == u"kill"_s) return tr("PoP killed (lab fault)");
  if (action == u"revive"_s) return tr("PoP revived (lab fault)");
  if (action == u"cut"_s) return tr("cut from its upstream (lab fault)");
  if (action == u"restore"_s) return tr("upstream link restored (lab fault)");
  if (action == u"link-delay"_s) return tr("link delay set to %1 ms one way (lab fault)").arg(ms);
  if (action == u"origin-slow"_s) return tr("origin slowed: +%1 ms per response (lab fault)").arg(ms);
  if (action == u"origin-down"_s) return tr("origin down: it answers 503 (lab fault)");
  if (action == u"origin-up"_s) return tr("origin up: it answers normally again (lab fault)");
  return e.value(u"message"_s).toString();
}

QString EventText::traffic(const QJsonObject& e) {
  if (!e.contains(u"change"_s)) return e.value(u"message"_s).toString();  // a lab of an older build
  const QLocale locale;
  auto number = [&](const QJsonValue& v) { return locale.toString(v.toDouble(), 'g', 6); };
  const QJsonArray mix = e.value(u"mix"_s).toArray();
  const QString settings = tr("%1 req/s, mix %2/%3/%4, %5 objects per class, Zipf %6, seed %7")
                               .arg(number(e.value(u"rps"_s)), number(mix.at(0)), number(mix.at(1)),
                                    number(mix.at(2)), number(e.value(u"objects"_s)), number(e.value(u"zipf"_s)))
                               .arg(e.value(u"seed"_s).toInteger());
  const QString change = e.value(u"change"_s).toString();
  if (change == u"started"_s) return tr("users started: %1").arg(settings);
  if (change == u"stopped"_s) return tr("users stopped: %1").arg(settings);
  return tr("users changed: %1").arg(settings);
}

}  // namespace edgelab::console
