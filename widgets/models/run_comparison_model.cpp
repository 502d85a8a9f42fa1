#include "models/run_comparison_model.hpp"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace edgelab::console {
namespace {

double reportValue(const QJsonObject& report, const QStringList& path) {
  QJsonValue v = report;
  for (const QString& key : path) v = v.toObject().value(key);
  return v.toDouble(-1);
}

}  // namespace

RunComparisonModel::RunComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

QString RunComparisonModel::runName(const RunData& run) {
  return tr("run %1 (%2)").arg(QString::number(run.summary.id), run.summary.topology);
}

void RunComparisonModel::compare(std::shared_ptr<const RunData> a, std::shared_ptr<const RunData> b) {
  beginResetModel();
  a_ = std::move(a);
  b_ = std::move(b);
  rows_.clear();
  if (a_ && b_) {
    struct Figure {
      QString label;
      QStringList path;
      double scale;
    };
    const Figure figures[] = {{tr("requests"), {u"requests"_s}, 1},
                              {tr("achieved req/s"), {u"achieved_rps"_s}, 1},
                              {tr("origin offload %"), {u"origin"_s, u"offload"_s}, 100},
                              {tr("origin requests"), {u"origin"_s, u"requests"_s}, 1},
                              {tr("p50 ms"), {u"latency"_s, u"p50_ms"_s}, 1},
                              {tr("p99 ms"), {u"latency"_s, u"p99_ms"_s}, 1}};
    for (const Figure& f : figures) {
      const double va = reportValue(a_->summary.report, f.path), vb = reportValue(b_->summary.report, f.path);
      rows_.push_back({f.label, va < 0 ? -1 : va * f.scale, vb < 0 ? -1 : vb * f.scale});
    }
  }
  endResetModel();
}

int RunComparisonModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RunComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case FigureColumn: return tr("figure");
    case FirstRunColumn: return a_ ? runName(*a_) : QString();
    case SecondRunColumn: return b_ ? runName(*b_) : QString();
    case DifferenceColumn: return tr("difference");
    default: return {};
  }
}

QVariant RunComparisonModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  if (role == Qt::TextAlignmentRole && index.column() != FigureColumn) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  const Row& row = rows_[static_cast<std::size_t>(index.row())];
  const QLocale locale;
  auto text = [&](double v) { return v < 0 ? u"–"_s : locale.toString(v, 'f', 1); };
  switch (index.column()) {
    case FigureColumn: return row.label;
    case FirstRunColumn: return text(row.a);
    case SecondRunColumn: return text(row.b);
    case DifferenceColumn:
      if (row.a < 0 || row.b < 0) return u"–"_s;
      return QString((row.b >= row.a ? u"+"_s : QString()) + locale.toString(row.b - row.a, 'f', 1));
    default: return {};
  }
}

}  // namespace edgelab::console
