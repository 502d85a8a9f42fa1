#include "models/region_catalogue.hpp"

#include <algorithm>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace edgelab::console {

const RegionCatalogue& RegionCatalogue::instance() {
  static const RegionCatalogue catalogue;
  return catalogue;
}

RegionCatalogue::RegionCatalogue() {
  QFile file(u":/edgelab/regions.json"_s);
  if (!file.open(QIODevice::ReadOnly)) return;  // compiled in; an empty catalogue only loses city names
  const auto regions = QJsonDocument::fromJson(file.readAll()).object().value(u"regions"_s).toArray();
  for (const auto& value : regions) {
    const QJsonObject o = value.toObject();
    RegionInfo info{o.value(u"name"_s).toString(), o.value(u"city"_s).toString(), o.value(u"continent"_s).toString(),
                    o.value(u"lat"_s).toDouble(), o.value(u"lon"_s).toDouble()};
    regions_.insert(info.name, info);
  }
}

std::optional<RegionInfo> RegionCatalogue::find(const QString& region) const {
  auto it = regions_.constFind(region);
  if (it == regions_.constEnd()) return std::nullopt;
  return *it;
}

QList<RegionInfo> RegionCatalogue::all() const {
  QList<RegionInfo> out = regions_.values();
  std::sort(out.begin(), out.end(), [](const RegionInfo& a, const RegionInfo& b) { return a.city < b.city; });
  return out;
}

}  // namespace edgelab::console
