#include "models/cache_status.hpp"

#include "models/units.hpp"

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

// A cursor over one header value, with the few RFC 8941 pieces Cache-Status uses.
class Reader {
 public:
  explicit Reader(const QString& text) : s_(text) {}
  bool atEnd() const { return i_ >= s_.size(); }
  QChar peek() const { return atEnd() ? QChar() : s_[i_]; }
  void skipSpaces() {
    while (!atEnd() && (s_[i_] == u' ' || s_[i_] == u'\t')) ++i_;
  }
  bool take(QChar c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  // sf-string ("…" with \" and \\) or a token / key / number / boolean, as text.
  bool bareItem(QString& out) {
    out.clear();
    if (take(u'"')) {
      while (!atEnd()) {
        const QChar c = s_[i_++];
        if (c == u'"') return true;
        if (c == u'\\') {
          if (atEnd()) return false;
          out += s_[i_++];
        } else {
          out += c;
        }
      }
      return false;  // unterminated
    }
    const qsizetype start = i_;
    while (!atEnd() && !QStringView(u",;= \t").contains(s_[i_])) ++i_;
    out = s_.mid(start, i_ - start);
    return !out.isEmpty();
  }
  qsizetype position() const { return i_; }
  void skipTo(QChar c) {
    while (!atEnd() && s_[i_] != c) ++i_;
  }

 private:
  const QString& s_;
  qsizetype i_ = 0;
};

}  // namespace

QString CacheStatusMember::parameter(const QString& key) const {
  for (const auto& [k, v] : parameters)
    if (k == key) return v;
  return {};
}

bool CacheStatusMember::has(const QString& key) const {
  for (const auto& p : parameters)
    if (p.first == key) return true;
  return false;
}

QString CacheStatusMember::describe() const {
  if (!valid) return CacheStatus::tr("unreadable: %1").arg(raw);
  QStringList parts;
  if (has(u"hit"_s))
    parts << CacheStatus::tr("hit");
  else if (has(u"fwd"_s))
    parts << CacheStatus::tr("went upstream (%1)").arg(parameter(u"fwd"_s));
  else
    parts << CacheStatus::tr("no verdict");
  if (has(u"fwd-status"_s)) parts << CacheStatus::tr("upstream answered %1").arg(parameter(u"fwd-status"_s));
  if (has(u"stored"_s)) parts << CacheStatus::tr("stored");
  if (has(u"collapsed"_s)) parts << CacheStatus::tr("collapsed into another request's fetch");
  if (has(u"ttl"_s)) {
    const double ttl = parameter(u"ttl"_s).toDouble();
    parts << (ttl >= 0 ? CacheStatus::tr("fresh for %1").arg(Units::duration(ttl))
                       : CacheStatus::tr("stale for %1").arg(Units::duration(-ttl)));
  }
  if (has(u"key"_s)) parts << CacheStatus::tr("key %1").arg(parameter(u"key"_s));
  if (has(u"detail"_s)) parts << CacheStatus::tr("detail: %1").arg(parameter(u"detail"_s));
  return parts.join(u" · "_s);
}

QList<CacheStatusMember> CacheStatus::parse(const QString& header) {
  QList<CacheStatusMember> members;
  Reader r(header);
  while (true) {
    r.skipSpaces();
    if (r.atEnd()) break;
    const qsizetype start = r.position();
    CacheStatusMember m;
    bool ok = r.bareItem(m.cache);
    while (ok) {
      r.skipSpaces();
      if (!r.take(u';')) break;
      r.skipSpaces();
      QString key, value = u"?1"_s;
      ok = r.bareItem(key);
      if (ok && r.take(u'=')) ok = r.bareItem(value);
      if (ok) m.parameters.append({key, value});
    }
    r.skipSpaces();
    if (!ok || (!r.atEnd() && r.peek() != u',')) {
      // Keep what cannot be read, to the next member.
      m.valid = false;
      r.skipTo(u',');
    }
    m.raw = header.mid(start, r.position() - start).trimmed();
    members.append(std::move(m));
    if (!r.take(u',')) break;
  }
  return members;
}

}  // namespace edgelab::console
