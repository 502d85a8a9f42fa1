#include "http/structured_field.hpp"


namespace edgelab {
namespace {

bool is_lcalpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) { return is_lcalpha(c) || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_tchar(char c) {
  return is_alpha(c) || is_digit(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}
bool is_base64(char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '/' || c == '='; }

// RFC 8941 4.2: the parsing algorithms, over a cursor.
class Parser {
 public:
  explicit Parser(std::string_view input) : in_(input) {}

  std::optional<StructuredList> list() {
    skip_sp();
    StructuredList out;
    while (!done()) {
      StructuredItem member;
      if (!item_or_inner_list(member) || !parameters(member.parameters)) return std::nullopt;
      out.push_back(std::move(member));
      if (!member_separator()) return std::nullopt;
    }
    return out;
  }

  std::optional<StructuredDictionary> dictionary() {
    skip_sp();
    StructuredDictionary out;
    while (!done()) {
      auto key = this->key();
      if (!key) return std::nullopt;
      StructuredItem member;
      if (peek() == '=') {
        ++at_;
        if (!item_or_inner_list(member)) return std::nullopt;
      }
      if (!parameters(member.parameters)) return std::nullopt;
      bool replaced = false;
      for (auto& [k, v] : out)
        if (k == *key) v = member, replaced = true;
      if (!replaced) out.emplace_back(std::move(*key), std::move(member));
      if (!member_separator()) return std::nullopt;
    }
    return out;
  }

 private:
  bool done() const { return at_ >= in_.size(); }

  bool item_or_inner_list(StructuredItem& member) {
    if (peek() != '(') return bare_item(member);
    member.type = StructuredItem::Type::inner_list;
    return inner_list();
  }

  // After a list or dictionary member: the end, or a comma and another member.
  bool member_separator() {
    skip_ows();
    if (done()) return true;
    if (peek() != ',') return false;
    ++at_;
    skip_ows();
    return !done();  // a trailing comma is not allowed
  }
  char peek() const { return done() ? '\0' : in_[at_]; }
  void skip_sp() {
    while (peek() == ' ') ++at_;
  }
  void skip_ows() {
    while (peek() == ' ' || peek() == '\t') ++at_;
  }

  std::optional<std::string> key() {
    if (!is_lcalpha(peek()) && peek() != '*') return std::nullopt;
    std::string out;
    while (!done() && (is_lcalpha(peek()) || is_digit(peek()) || peek() == '_' || peek() == '-' || peek() == '.' ||
                       peek() == '*'))
      out += in_[at_++];
    return out;
  }

  bool parameters(StructuredParameters& out) {
    while (peek() == ';') {
      ++at_;
      skip_sp();
      auto key = this->key();
      if (!key) return false;
      StructuredBareItem value;  // a parameter without a value is ?1
      if (peek() == '=') {
        ++at_;
        if (!bare_item(value)) return false;
      }
      bool replaced = false;
      for (auto& [k, v] : out)
        if (k == *key) v = value, replaced = true;
      if (!replaced) out.emplace_back(std::move(*key), std::move(value));
    }
    return true;
  }
  bool parameters() {
    StructuredParameters ignored;
    return parameters(ignored);
  }

  bool inner_list() {
    ++at_;  // '('
    while (!done()) {
      skip_sp();
      if (peek() == ')') {
        ++at_;
        return parameters();
      }
      StructuredBareItem item;
      if (!bare_item(item) || !parameters()) return false;
      if (peek() != ' ' && peek() != ')') return false;
    }
    return false;
  }

  bool bare_item(StructuredBareItem& item) {
    const char c = peek();
    if (c == '-' || is_digit(c)) return number(item);
    if (c == '"') return string(item);
    if (c == '*' || is_alpha(c)) return token(item);
    if (c == ':') return byte_sequence(item);
    if (c == '?') return boolean(item);
    return false;
  }

  bool number(StructuredBareItem& item) {
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++at_;
    }
    if (!is_digit(peek())) return false;
    std::string digits;
    bool decimal = false;
    while (!done()) {
      const char c = in_[at_];
      if (is_digit(c)) {
        digits += c;
        ++at_;
      } else if (!decimal && c == '.') {
        if (digits.size() > 12) return false;
        digits += c;
        decimal = true;
        ++at_;
      } else {
        break;
      }
      if (!decimal && digits.size() > 15) return false;
      if (decimal && digits.size() > 16) return false;
    }
    if (!decimal) {
      item.type = StructuredItem::Type::integer;
      item.integer = std::stoll(digits) * (negative ? -1 : 1);
      return true;
    }
    if (digits.back() == '.' || digits.size() - digits.find('.') - 1 > 3) return false;
    item.type = StructuredItem::Type::decimal;
    item.decimal = std::stod(digits) * (negative ? -1 : 1);
    return true;
  }

  bool string(StructuredBareItem& item) {
    ++at_;  // '"'
    item.type = StructuredItem::Type::string;
    while (!done()) {
      const char c = in_[at_++];
      if (c == '\\') {
        if (done() || (peek() != '"' && peek() != '\\')) return false;
        item.text += in_[at_++];
      } else if (c == '"') {
        return true;
      } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
        return false;
      } else {
        item.text += c;
      }
    }
    return false;  // unterminated
  }

  bool token(StructuredBareItem& item) {
    item.type = StructuredItem::Type::token;
    while (!done() && (is_tchar(peek()) || peek() == ':' || peek() == '/')) item.text += in_[at_++];
    return true;
  }

  bool byte_sequence(StructuredBareItem& item) {
    ++at_;  // ':'
    item.type = StructuredItem::Type::byte_sequence;
    while (!done() && peek() != ':') {
      if (!is_base64(peek())) return false;
      item.text += in_[at_++];
    }
    if (done()) return false;
    ++at_;
    return true;
  }

  bool boolean(StructuredBareItem& item) {
    ++at_;  // '?'
    item.type = StructuredItem::Type::boolean;
    if (peek() == '1' || peek() == '0') {
      item.boolean = in_[at_++] == '1';
      return true;
    }
    return false;
  }

  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace

const StructuredBareItem* StructuredItem::parameter(std::string_view key) const {
  for (const auto& [k, v] : parameters)
    if (k == key) return &v;
  return nullptr;
}

std::optional<StructuredList> parse_structured_list(std::string_view value) {
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return Parser(value).list();
}

std::optional<StructuredDictionary> parse_structured_dictionary(std::string_view value) {
  // Leading and trailing SP are discarded before parsing (RFC 8941 4.2).
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return Parser(value).dictionary();
}

}  // namespace edgelab
