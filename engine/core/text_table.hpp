#pragma once
// Plain-text output for the command line: aligned tables and numbers.
#include <cstdint>
#include <string>
#include <vector>

namespace edgelab {

// Rows of cells as an aligned text table (the first row is the header).
std::string text_table(const std::vector<std::vector<std::string>>& rows);
// 12.3 with `decimals` digits after the point.
std::string format_fixed(double value, int decimals);
// 1,234,567
std::string format_grouped(std::uint64_t value);

}  // namespace edgelab
