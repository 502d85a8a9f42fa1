#include "script/script_result.hpp"

#include <array>

namespace edgelab {

namespace {
constexpr std::array<std::string_view, std::size_t(ScriptStatus::count_)> kNames = {
#define EDGELAB_NAME_ENTRY(name, text) #name,
    EDGELAB_SCRIPT_STATUSES(EDGELAB_NAME_ENTRY)
#undef EDGELAB_NAME_ENTRY
};
constexpr std::array<std::string_view, std::size_t(ScriptStatus::count_)> kTexts = {
#define EDGELAB_TEXT_ENTRY(name, text) text,
    EDGELAB_SCRIPT_STATUSES(EDGELAB_TEXT_ENTRY)
#undef EDGELAB_TEXT_ENTRY
};
}  // namespace

std::string_view status_name(ScriptStatus s) { return kNames[std::size_t(s)]; }
std::string_view status_text(ScriptStatus s) { return kTexts[std::size_t(s)]; }

}  // namespace edgelab
