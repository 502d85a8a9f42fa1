#pragma once
// The Cache-Status response header (RFC 9211) decoded, member by member: a
// Structured Field list (RFC 8941) of caches, the one nearest the origin
// first, each with its parameters (hit, fwd, fwd-status, stored, collapsed,
// ttl, key, detail). Written for what nodes send; anything it cannot read is
// kept as the member's raw text rather than guessed at.
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace edgelab::console {

struct CacheStatusMember {
  QString cache;                               // the cache's name
  QList<QPair<QString, QString>> parameters;  // in order; a bare key ("hit") has "?1"
  QString raw;
  bool valid = true;
  QString parameter(const QString& key) const;
  bool has(const QString& key) const;
  // "hit", "miss (uri-miss)", "stale hit", … and the rest in words.
  QString describe() const;
};

class CacheStatus {
  Q_DECLARE_TR_FUNCTIONS(edgelab::console::CacheStatus)

 public:
  static QList<CacheStatusMember> parse(const QString& header);
};

}  // namespace edgelab::console
