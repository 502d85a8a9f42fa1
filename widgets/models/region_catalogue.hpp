#pragma once
// The region catalogue (resources/regions.json, compiled in) as the console
// needs it: a node's status names its region; the table shows the city.
#include <QHash>
#include <QPointF>
#include <QString>

#include <optional>

namespace edgelab::console {

struct RegionInfo {
  QString name;
  QString city;
  QString continent;
  double lat = 0;
  double lon = 0;
};

class RegionCatalogue {
 public:
  static const RegionCatalogue& instance();  // loaded once from :/edgelab/regions.json
  std::optional<RegionInfo> find(const QString& region) const;
  QList<RegionInfo> all() const;  // sorted by city

 private:
  RegionCatalogue();
  QHash<QString, RegionInfo> regions_;
};

}  // namespace edgelab::console
