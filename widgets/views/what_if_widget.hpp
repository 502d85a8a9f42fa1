#pragma once
// What if a user here asked for this URL? A city (or a point picked on the
// map, or typed) and a URL go to the lab; back come the PoP the router would
// pick, its shield and the origin with each hop's simulated delay and which
// tiers hold the URL now, as a table and as a route on the map.
#include "map/map_marks.hpp"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace edgelab::console {

class ConsoleSession;
class WhatIfModel;

class WhatIfWidget : public QWidget {
  Q_OBJECT
 public:
  explicit WhatIfWidget(ConsoleSession* session, QWidget* parent = nullptr);
  WhatIfModel* model() const { return model_; }
  QString summary() const;
  // `city`: a region name or a city ("Paris"); empty asks for the point (lat, lon).
  void ask(const QString& city, double lat, double lon, const QString& url);

 public slots:
  // A click on the map: used when "Pick on the map" is on.
  void pickLocation(double lat, double lon);

 signals:
  void routeChanged(const MapRoute& route);

 private:
  void send();
  void onAnswer(const QJsonObject& answer);

  QPointer<ConsoleSession> session_;
  WhatIfModel* model_;
  QComboBox* city_;
  QDoubleSpinBox* lat_;
  QDoubleSpinBox* lon_;
  QPushButton* pick_;
  QLineEdit* url_;
  QPushButton* ask_;
  QLabel* summary_;
  QTableView* view_;
  int generation_ = 0;  // only the newest question's answer is shown
};

}  // namespace edgelab::console
