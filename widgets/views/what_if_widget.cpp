#include "views/what_if_widget.hpp"

#include "models/console_session.hpp"
#include "models/region_catalogue.hpp"
#include "models/units.hpp"
#include "models/what_if_model.hpp"
#include "views/table_setup.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace edgelab::console {

WhatIfWidget::WhatIfWidget(ConsoleSession* session, QWidget* parent) : QWidget(parent), session_(session) {
  model_ = new WhatIfModel(this);
  city_ = new QComboBox(this);
  city_->setObjectName(u"whatIfCity"_s);
  city_->addItem(tr("(the point below)"), QString());
  for (const RegionInfo& r : RegionCatalogue::instance().all()) city_->addItem(tr("%1 (%2)").arg(r.city, r.name), r.name);
  lat_ = new QDoubleSpinBox(this);
  lat_->setObjectName(u"whatIfLat"_s);
  lat_->setRange(-90, 90);
  lat_->setDecimals(2);
  lon_ = new QDoubleSpinBox(this);
  lon_->setObjectName(u"whatIfLon"_s);
  lon_->setRange(-180, 180);
  lon_->setDecimals(2);
  pick_ = new QPushButton(tr("Pick on the map"), this);
  pick_->setObjectName(u"whatIfPick"_s);
  pick_->setCheckable(true);
  url_ = new QLineEdit(u"http://www.example.com/obj/s1"_s, this);
  url_->setObjectName(u"whatIfUrl"_s);
  ask_ = new QPushButton(tr("Ask the lab"), this);
  ask_->setObjectName(u"whatIfAsk"_s);
  summary_ = new QLabel(tr("Pick a city or a point on the map and a URL"), this);
  summary_->setObjectName(u"whatIfSummary"_s);
  summary_->setWordWrap(true);
  view_ = TableSetup::create(this, u"whatIfPath"_s);
  view_->setModel(model_);
  view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);  // four or five rows
  view_->horizontalHeader()->setStretchLastSection(true);

  auto* where = new QHBoxLayout;
  where->addWidget(city_, 2);
  where->addWidget(new QLabel(tr("lat"), this));
  where->addWidget(lat_);
  where->addWidget(new QLabel(tr("lon"), this));
  where->addWidget(lon_);
  where->addWidget(pick_);
  auto* what = new QHBoxLayout;
  what->addWidget(url_, 1);
  what->addWidget(ask_);
  auto* form = new QFormLayout;
  form->addRow(tr("User"), where);
  form->addRow(tr("URL"), what);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(summary_);
  layout->addWidget(view_, 1);

  connect(ask_, &QPushButton::clicked, this, &WhatIfWidget::send);
  connect(url_, &QLineEdit::returnPressed, this, &WhatIfWidget::send);
  connect(city_, &QComboBox::currentIndexChanged, this, [this] {
    if (const auto r = RegionCatalogue::instance().find(city_->currentData().toString())) {
      lat_->setValue(r->lat);
      lon_->setValue(r->lon);
    }
  });
  // The lab's own URLs are the useful ones to ask about: take the newest sample's.
  connect(session, &ConsoleSession::samplesArrived, this, [this](const QJsonArray& samples) {
    if (url_->isModified() || samples.isEmpty()) return;
    const QString url = samples.last().toObject().value(u"url"_s).toString();
    if (!url.isEmpty()) url_->setText(url);
  });
}

QString WhatIfWidget::summary() const { return summary_->text(); }

void WhatIfWidget::pickLocation(double lat, double lon) {
  if (!pick_->isChecked()) return;
  pick_->setChecked(false);
  city_->setCurrentIndex(0);
  lat_->setValue(lat);
  lon_->setValue(lon);
  send();
}

void WhatIfWidget::ask(const QString& city, double lat, double lon, const QString& url) {
  const int index = city.isEmpty() ? 0 : city_->findData(city);
  lat_->setValue(lat);
  lon_->setValue(lon);
  city_->setCurrentIndex(std::max(0, index));  // a city puts its own coordinates in
  url_->setText(url);
  url_->setModified(true);
  if (index < 0 && !city.isEmpty()) {
    // A city's own name ("Paris") rather than a region: the lab knows those too.
    if (!session_ || !session_->lab()) return;
    summary_->setText(tr("Asking…"));
    session_->lab()->whatIf(0, 0, city, url, [this, guard = QPointer(this), generation = ++generation_](const ApiResult& r) {
      if (!guard || generation != generation_) return;
      if (!r.ok()) return summary_->setText(tr("The lab could not answer: %1").arg(r.error));
      onAnswer(r.body.object());
    });
    return;
  }
  send();
}

void WhatIfWidget::send() {
  if (!session_ || !session_->lab()) {
    summary_->setText(tr("What-if needs a lab: the router and the delays are the lab's"));
    return;
  }
  summary_->setText(tr("Asking…"));
  session_->lab()->whatIf(lat_->value(), lon_->value(), city_->currentData().toString(), url_->text().trimmed(),
                          [this, guard = QPointer(this), generation = ++generation_](const ApiResult& r) {
                            if (!guard || generation != generation_) return;
                            if (!r.ok()) return summary_->setText(tr("The lab could not answer: %1").arg(r.error));
                            onAnswer(r.body.object());
                          });
}

void WhatIfWidget::onAnswer(const QJsonObject& answer) {
  model_->setAnswer(answer);
  const QString pop = answer.value(u"pop"_s).toString();
  if (pop.isEmpty()) {
    summary_->setText(tr("No PoP would take this user: %1").arg(answer.value(u"reason"_s).toString()));
    emit routeChanged({});
    return;
  }
  const QString by = model_->answeredBy();
  QString text = tr("%1 would serve it%2; %3 of simulated one-way delay to the origin; answered from %4")
                     .arg(pop, answer.value(u"spilled"_s).toBool() ? tr(" (not the nearest: %1)")
                                                                          .arg(answer.value(u"reason"_s).toString())
                                                                    : QString(),
                          Units::millis(answer.value(u"total_link_ms"_s).toDouble()), by);
  summary_->setText(text);
  // The route on the map: the user, then each hop where the fleet (or the lab) places it.
  MapRoute route;
  route.colour = QColor(0x6a, 0x3d, 0x9a);
  const QJsonObject client = answer.value(u"client"_s).toObject();
  route.lat_lon.append({client.value(u"lat"_s).toDouble(), client.value(u"lon"_s).toDouble()});
  FleetModel& fleet = session_->fleet();
  for (std::size_t i = 1; i < model_->hops().size(); ++i) {
    const auto& hop = model_->hops()[i];
    std::optional<QPointF> at;
    if (hop.role == u"origin"_s && session_->labSummary().origin)
      at = QPointF(session_->labSummary().origin->first, session_->labSummary().origin->second);
    const int row = fleet.rowOf(hop.node);
    if (row >= 0 && fleet.index(row, 0).data(FleetModel::HasLocationRole).toBool())
      at = QPointF(fleet.index(row, 0).data(FleetModel::LatitudeRole).toDouble(),
                   fleet.index(row, 0).data(FleetModel::LongitudeRole).toDouble());
    if (!at) continue;
    route.lat_lon.append(*at);
    route.leg_labels.append(Units::millis(hop.delay_ms));
  }
  emit routeChanged(route);
}

}  // namespace edgelab::console
