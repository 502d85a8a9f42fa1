// The console against a real lab: LabService in this process (the default
// topology: 12 PoPs, 3 shields and the origin on loopback, users at a low rate),
// reached over its control API and the nodes' admin APIs exactly as the console
// reaches any lab. The main window is driven as a user drives it: faults picked
// in the lab controls and injected with the button; what comes back is read from
// the models and from the map's own pixels.
#include "lab/lab_service.hpp"
#include "map/world_map_view.hpp"
#include "models/console_session.hpp"
#include "models/fleet_model.hpp"
#include "models/node_health.hpp"
#include "views/main_window.hpp"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <memory>

using namespace edgelab;
using namespace edgelab::console;

namespace {

constexpr int kHealthIntervalMs = 1000;  // the lab's health monitors (its default)
// Sanitizer builds on two busy cores: time for the answers to travel, on top of
// what the console and the lab promise.
constexpr int kSlackMs = 2000;

bool near(const QColor& a, const QColor& b, int tolerance = 40) {
  return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) <= tolerance;
}

}  // namespace

class TestConsoleLab : public QObject {
  Q_OBJECT

  std::unique_ptr<LabService> lab_;
  std::unique_ptr<ConsoleSession> session_;
  std::unique_ptr<MainWindow> window_;

  FleetModel& fleet() { return session_->fleet(); }

  Health healthOf(const QString& node) {
    return static_cast<Health>(fleet().index(fleet().rowOf(node), 0).data(FleetModel::HealthRole).toInt());
  }

  bool logged(const QString& node, const QString& kind, const QString& text = {}) {
    const EventLogModel& log = session_->events();
    for (int row = 0; row < log.rowCount(); ++row)
      if (log.index(row, EventLogModel::NodeColumn).data().toString() == node &&
          log.index(row, EventLogModel::KindColumn).data().toString() == kind &&
          log.index(row, EventLogModel::MessageColumn).data().toString().contains(text))
        return true;
    return false;
  }

  // The colour the map shows at a node's centre (or the origin's), from a fresh grab.
  QColor mapColourAt(QPointF at) {
    WorldMapView* map = window_->map();
    const QImage image = map->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    return image.pixelColor((at * ratio).toPoint());
  }

  // The edge drawn farthest from every other node, so its disc is not under a neighbour's.
  QString loneEdge() {
    QString best;
    double bestGap = -1;
    for (int row = 0; row < fleet().rowCount(); ++row) {
      const QString name = fleet().nameAt(row);
      if (fleet().index(row, 0).data(FleetModel::NodeRoleRole).toString() != QLatin1String("edge")) continue;
      const auto at = window_->map()->nodePosition(name);
      if (!at) continue;
      double gap = 1e9;
      for (int other = 0; other < fleet().rowCount(); ++other) {
        const auto there = other == row ? std::nullopt : window_->map()->nodePosition(fleet().nameAt(other));
        if (there) gap = std::min(gap, std::hypot(there->x() - at->x(), there->y() - at->y()));
      }
      if (gap > bestGap) {
        bestGap = gap;
        best = name;
      }
    }
    return best;
  }

  // Picks the node and the action in the lab controls and presses Inject.
  void inject(const QString& action, const QString& node = {}) {
    auto* nodes = window_->findChild<QComboBox*>(QStringLiteral("faultNode"));
    auto* actions = window_->findChild<QComboBox*>(QStringLiteral("faultAction"));
    auto* button = window_->findChild<QPushButton*>(QStringLiteral("injectFault"));
    QVERIFY(nodes && actions && button);
    if (!node.isEmpty()) {
      nodes->setCurrentIndex(nodes->findText(node));
      QCOMPARE(nodes->currentText(), node);
    }
    actions->setCurrentIndex(actions->findData(action));
    QCOMPARE(actions->currentData().toString(), action);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
  }

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);  // QSettings of its own
    LabServiceOptions options;
    options.topology = "default";
    options.rps = 30;
    options.resources = EDGELAB_RESOURCES;
    options.health_interval = std::chrono::milliseconds(kHealthIntervalMs);
    std::string error;
    lab_ = LabService::start(options, error);
    QVERIFY2(lab_, error.c_str());
    session_ = std::make_unique<ConsoleSession>();
    new QAbstractItemModelTester(&fleet(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    new QAbstractItemModelTester(&session_->events(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    session_->connectLab(QUrl(QString::fromStdString(lab_->api_url())),
                         QString::fromStdString(lab_->api_token_file().string()));
    window_ = std::make_unique<MainWindow>(session_.get(), false);
    window_->resize(1366, 768);
    window_->show();
  }

  void cleanupTestCase() {
    window_.reset();
    session_.reset();
    lab_.reset();
  }

  void fleetFollowsTheLab() {
    QTRY_COMPARE_WITH_TIMEOUT(fleet().rowCount(), 15, 10000);
    auto allHealthyAndPlaced = [&] {
      for (int row = 0; row < fleet().rowCount(); ++row) {
        const QModelIndex i = fleet().index(row, 0);
        if (!i.data(FleetModel::HasLocationRole).toBool()) return false;
        if (static_cast<Health>(i.data(FleetModel::HealthRole).toInt()) != Health::healthy) return false;
      }
      return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allHealthyAndPlaced(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(session_->labSummary().requests_per_s > 0, 10000);
    QVERIFY(session_->labSummary().origin.has_value());
  }

  void killFromTheUiShowsAndRevives() {
    const QString edge = loneEdge();
    QVERIFY(!edge.isEmpty());
    const QPointF at = *window_->map()->nodePosition(edge);
    QTRY_VERIFY_WITH_TIMEOUT(near(mapColourAt(at), NodeHealth::colour(Health::healthy), 60), 3000);

    inject(QStringLiteral("kill"), edge);
    QTRY_VERIFY_WITH_TIMEOUT(logged(edge, QStringLiteral("fault"), QStringLiteral("kill")), 5000);
    // The event itself marks the PoP: the table and the map within a second of it.
    QCOMPARE(healthOf(edge), Health::down);
    QTRY_VERIFY_WITH_TIMEOUT(near(mapColourAt(at), NodeHealth::colour(Health::down), 60), 1000);
    // The lab's health monitor confirms within two health intervals.
    QTRY_VERIFY_WITH_TIMEOUT(logged(edge, QStringLiteral("health"), QStringLiteral("down")),
                             2 * kHealthIntervalMs + kSlackMs);

    // Killing a PoP that is down already is refused with the reason, on screen and in the log.
    inject(QStringLiteral("kill"), edge);
    auto* message = window_->findChild<QLabel*>(QStringLiteral("labMessage"));
    QVERIFY(message);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("down already")), 5000);
    QVERIFY(logged(QStringLiteral("console"), QStringLiteral("fault"), QStringLiteral("409")));

    inject(QStringLiteral("revive"), edge);
    QTRY_VERIFY_WITH_TIMEOUT(logged(edge, QStringLiteral("fault"), QStringLiteral("revive")), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(edge), Health::healthy, 2 * kHealthIntervalMs + kSlackMs);
    QTRY_VERIFY_WITH_TIMEOUT(near(mapColourAt(at), NodeHealth::colour(Health::healthy), 60), 1000);
  }

  void cutShowsOnTheLink() {
    const QString edge = loneEdge();
    const QModelIndex i = fleet().index(fleet().rowOf(edge), 0);
    QVERIFY(!i.data(FleetModel::LinkCutRole).toBool());
    inject(QStringLiteral("cut"), edge);
    QTRY_VERIFY_WITH_TIMEOUT(logged(edge, QStringLiteral("fault"), QStringLiteral("cut")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(i.data(FleetModel::LinkCutRole).toBool(), 1000);
    inject(QStringLiteral("restore"), edge);
    QTRY_VERIFY_WITH_TIMEOUT(!i.data(FleetModel::LinkCutRole).toBool(), 5000);
  }

  void originFaultsShowOnTheMap() {
    const auto& lab = session_->labSummary();
    QVERIFY(lab.origin.has_value());
    inject(QStringLiteral("origin-down"));
    QTRY_COMPARE_WITH_TIMEOUT(lab.origin_health, Health::down, 5000);
    // The origin's square, from the map's pixels: the down colour now, its own again after.
    const auto at = window_->map()->originPosition();
    QVERIFY(at.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(near(mapColourAt(*at), NodeHealth::colour(Health::down), 60), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(logged(QStringLiteral("origin"), QStringLiteral("fault"), QStringLiteral("503")), 1000);
    inject(QStringLiteral("origin-up"));
    QTRY_COMPARE_WITH_TIMEOUT(lab.origin_health, Health::healthy, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(near(mapColourAt(*at), MapPalette::tierColour(ServedTier::origin), 60), 1000);
  }
};

QTEST_MAIN(TestConsoleLab)
#include "test_console_lab.moc"
