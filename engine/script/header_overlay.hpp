#pragma once
// The header fields a script sees and edits. The host's fields stay where
// they are (a Beast request, a stored object's list): a script reads them
// through a HeaderSource, and its edits collect in a HeaderOverlay that the
// host applies once the hook returns. A request that no script touches is
// never copied.
//
// Names compare case-insensitively. set() replaces every field of that name,
// remove() drops them all. Edits are validated here, so nothing a script
// writes can split a message: names are RFC 9110 tokens, values carry no CR,
// LF or NUL, and the framing fields are refused.
#include <boost/container/small_vector.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edgelab {

class HeaderSource {
 public:
  virtual ~HeaderSource() = default;
  // The first field of that name (case-insensitive), if any.
  virtual std::optional<std::string_view> find(std::string_view name) const = 0;
  virtual void for_each(const std::function<void(std::string_view name, std::string_view value)>& visit) const = 0;
};

// A flat list of fields (a stored object's headers, a test's request).
class FieldListSource final : public HeaderSource {
 public:
  explicit FieldListSource(const std::vector<std::pair<std::string, std::string>>* fields = nullptr)
      : fields_(fields) {}
  std::optional<std::string_view> find(std::string_view name) const override;
  void for_each(const std::function<void(std::string_view, std::string_view)>& visit) const override;

 private:
  const std::vector<std::pair<std::string, std::string>>* fields_;
};

enum class HeaderEditError {
  none,
  bad_name,        // not a token, or longer than kMaxNameBytes
  bad_value,       // CR, LF, NUL or another control character, or longer than kMaxValueBytes
  protected_name,  // framing and hop-by-hop fields are the node's
};
std::string_view header_edit_error_text(HeaderEditError error);

class HeaderOverlay {
 public:
  static constexpr std::size_t kMaxNameBytes = 256;
  static constexpr std::size_t kMaxValueBytes = 8 * 1024;
  static constexpr std::size_t kInlineEdits = 12;
  static constexpr std::size_t kInlineBytes = 768;

  // One edit; its text lives in the overlay's arena (one buffer for all,
  // inline in the overlay up to kInlineBytes, so a hook's usual handful of
  // edits allocates nothing).
  struct Edit {
    std::uint32_t name_at = 0, name_length = 0;  // the name as the script spelled it
    std::uint32_t value_at = 0, value_length = 0;
    bool removed = false;
  };
  // What an edit says, as views valid until the next change.
  struct EditView {
    std::string_view name;
    std::optional<std::string_view> value;  // nullopt: removed
  };

  explicit HeaderOverlay(const HeaderSource* base = nullptr) : base_(base) {}
  void rebase(const HeaderSource* base) { base_ = base; }

  std::optional<std::string_view> get(std::string_view name) const;
  HeaderEditError set(std::string_view name, std::string_view value);
  HeaderEditError remove(std::string_view name);

  // Every field as it now stands: the base's without the edited names, then the set values.
  void for_each(const std::function<void(std::string_view name, std::string_view value)>& visit) const;
  bool edited() const { return !edits_.empty(); }
  std::size_t edit_count() const { return edits_.size(); }
  EditView edit(std::size_t i) const;
  template <class Visit>
  void for_each_edit(Visit&& visit) const {
    for (std::size_t i = 0; i < edits_.size(); ++i) visit(edit(i));
  }
  // Whether an edit names this field (the host skips the base's copy of it).
  bool overrides(std::string_view name) const { return find_edit(name) != nullptr; }
  void clear() {
    edits_.clear();
    arena_.clear();
  }

  static bool valid_name(std::string_view name);
  static bool valid_value(std::string_view value);
  // Content-Length, Transfer-Encoding, Connection and the other hop-by-hop
  // fields, Host (the cache key; use req:set_cache_key), Cache-Status (the
  // node's own trace), CDN-Loop and Via (loop detection), Date and Age.
  static bool protected_name(std::string_view name);

 private:
  const Edit* find_edit(std::string_view name) const;
  std::string_view name_of(const Edit& e) const { return {arena_.data() + e.name_at, e.name_length}; }
  HeaderEditError apply(std::string_view name, std::optional<std::string_view> value);

  const HeaderSource* base_;
  boost::container::small_vector<Edit, kInlineEdits> edits_;
  boost::container::small_vector<char, kInlineBytes> arena_;
};

bool iequal(std::string_view a, std::string_view b);

}  // namespace edgelab
