#include "map/equal_earth.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace edgelab::console {
namespace {

constexpr double A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
const double M = std::sqrt(3.0) / 2.0;
constexpr double kDegrees = 180.0 / std::numbers::pi;

double yOf(double t) {
  const double t2 = t * t, t6 = t2 * t2 * t2;
  return t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

double dyOf(double t) {  // d y / d theta
  const double t2 = t * t, t6 = t2 * t2 * t2;
  return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
}

}  // namespace

QPointF EqualEarth::forward(double lonDegrees, double latDegrees) {
  const double lambda = lonDegrees / kDegrees;
  const double theta = std::asin(M * std::sin(latDegrees / kDegrees));
  return {2 * std::sqrt(3.0) * lambda * std::cos(theta) / (3 * dyOf(theta)), yOf(theta)};
}

std::optional<QPointF> EqualEarth::inverse(QPointF projected) {
  const double y = projected.y();
  if (std::abs(y) > kMaxY + 1e-9) return std::nullopt;
  // Newton's method on y(theta): converges in a handful of steps over [-pi/3, pi/3].
  double theta = y / A1;
  for (int i = 0; i < 20; ++i) {
    const double step = (yOf(theta) - y) / dyOf(theta);
    theta -= step;
    if (std::abs(step) < 1e-12) break;
  }
  const double cosTheta = std::cos(theta);
  if (cosTheta < 1e-12) return QPointF(0, y > 0 ? 90 : -90);
  const double lambda = 3 * projected.x() * dyOf(theta) / (2 * std::sqrt(3.0) * cosTheta);
  if (std::abs(lambda) > std::numbers::pi + 1e-9) return std::nullopt;
  const double phi = std::asin(std::clamp(std::sin(theta) / M, -1.0, 1.0));
  return QPointF(lambda * kDegrees, phi * kDegrees);
}

}  // namespace edgelab::console
