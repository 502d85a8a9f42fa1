// FleetModel: rows of a stored run, for the replay. No client polls them; a
// second of the run sets what a stats answer would have.
#include "models/fleet_model.hpp"

#include "models/region_catalogue.hpp"

using namespace Qt::StringLiterals;

namespace edgelab::console {

void FleetModel::addReplayNode(const QString& name, const QString& role) {
  if (rowOf(name) >= 0) return;
  auto row = std::make_unique<Row>();
  row->endpoint.name = name;
  row->endpoint.role = role;
  // Lab nodes are named after their region ("edge-fr-central", "shield-eu-central-1").
  const QString region = name.section(u'-', 1);
  row->region = region;
  if (const auto info = RegionCatalogue::instance().find(region)) {
    row->lat_lon = std::pair(info->lat, info->lon);
    row->city = info->city;
  }
  row->ever_answered = true;
  row->health = Health::healthy;
  const int at = rowCount();
  beginInsertRows({}, at, at);
  rows_.push_back(std::move(row));
  endInsertRows();
}

void FleetModel::applyReplaySecond(const QString& name, const ReplayFigures& f, bool killed) {
  const int index = rowOf(name);
  if (index < 0) return;
  Row& row = *rows_[static_cast<std::size_t>(index)];
  row.rate = f.requests;
  row.bytes_rate = f.bytes_out;
  row.error_rate = f.errors;
  row.upstream_rate = f.upstream;
  row.hit_l1 = f.requests > 0 ? f.l1_hits / f.requests : -1;
  row.hit_l2 = f.requests > 0 ? f.l2_hits / f.requests : -1;
  row.p50_ms = f.requests > 0 ? f.p50_ms : -1;
  row.p99_ms = f.requests > 0 ? f.p99_ms : -1;
  row.errors += static_cast<qint64>(f.errors);
  row.sparkline.push_back(f.requests);
  while (row.sparkline.size() > 60) row.sparkline.pop_front();
  row.killed_by_lab = killed;
  judge(row);
  rowChanged(row);
}

void FleetModel::clearReplayHistory() {
  for (auto& row : rows_) {
    row->sparkline.clear();
    row->errors = 0;
  }
  if (!rows_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

}  // namespace edgelab::console
