#pragma once
// The edge script's part in one request: the program the request started
// with, the request's script state across hooks, and the adapters between
// Beast messages and what scripts see. A RequestFlow (or the fresh-hit step)
// calls one function per hook at that step's decision point; each answers
// what the step does next. A hook that fails ends the script's part of the
// request: fail-open goes on without it, fail-closed answers 503.
#include "http/http_exchange.hpp"
#include "node/node_scripts.hpp"
#include "script/header_overlay.hpp"

#include <array>
#include <memory>

namespace edgelab {

class EdgeNode;
struct CachedObject;

class FlowScript {
 public:
  enum class Verdict {
    proceed,        // go on (edits, if any, applied)
    respond,        // the script answered: script_answer()
    pass,           // req:pass(): bypass the cache
    failed_closed,  // the script failed and its mode is fail-closed: 503
  };

  // Null when the node has no live script.
  static std::unique_ptr<FlowScript> begin(EdgeNode& node, const RequestFields& request,
                                           const net::ip::address& client);
  FlowScript(EdgeNode& node, ScriptProgramPtr program, const RequestFields& request, const net::ip::address& client);

  // The client hooks run only where the request came from a client, not on a
  // shield serving a child node: a PoP's script sees its users, once.
  bool wants(ScriptHook hook) const {
    return active_ && program_->defines(hook) &&
           (from_client_ || (hook != ScriptHook::client_request && hook != ScriptHook::client_response));
  }

  // on_client_request. Header edits come back as a new request (`edited`);
  // a cache key set by the script is in cache_key().
  Verdict client_request(const Request& request, std::shared_ptr<Request>& edited);
  // on_origin_request, editing the upstream request in place.
  Verdict origin_request(Request& upstream);
  // on_origin_response, editing the upstream header in place; the storing
  // decisions (ttl, tags, uncacheable) are in state().
  Verdict origin_response(const Request& request, http::response_header<>& header);
  // on_client_response for a stored object: edits land in `edits` (over the
  // object's headers) and `status`; the caller writes them (edited_object_header).
  Verdict client_response(const Request& request, const CachedObject& object, HeaderOverlay& edits, unsigned& status);
  // on_client_response for a relayed answer, editing its header in place.
  Verdict client_response(const Request& request, http::response_header<>& header);

  Response script_answer(bool keep_alive) const;
  static Response failed_closed_answer(bool keep_alive);
  const ScriptRequestState& state() const { return state_; }
  const std::optional<std::string>& cache_key() const { return state_.cache_key; }
  const ScriptProgram& program() const { return *program_; }

 private:
  ScriptCall make_call(ScriptHook hook, const Request& request);
  Verdict run(ScriptHook hook, ScriptCall& call);
  // A response hook over a Beast header, its edits applied in place.
  Verdict run_on_header(ScriptHook hook, const Request& request, http::response_header<>& header);

  EdgeNode& node_;
  ScriptProgramPtr program_;
  ScriptRequestState state_;
  std::optional<ScriptGeo> geo_with_city_;  // the node's geo plus the lab user's city
  static std::string_view client_ip_text(const void* self);

  net::ip::address client_;
  // Formatted on a script's first read of req.client_ip, into a buffer (no
  // allocation: it happens inside a Lua call).
  mutable std::array<char, 64> client_ip_{};
  mutable std::size_t client_ip_length_ = 0;
  std::string method_;
  bool active_ = true;
  bool from_client_ = true;
};

// The header block of a stored object with a script's edits and status: the
// status line and fields as edited, Content-Length kept (without the final CRLF,
// like CachedObject::header_block).
void edited_object_header(const CachedObject& object, const HeaderOverlay& edits, unsigned status, std::string& out);

// A Beast message's fields as a HeaderSource.
template <class Fields>
class BeastFieldsSource final : public HeaderSource {
 public:
  explicit BeastFieldsSource(const Fields& fields) : fields_(fields) {}
  std::optional<std::string_view> find(std::string_view name) const override {
    auto it = fields_.find(name);
    if (it == fields_.end()) return std::nullopt;
    return std::string_view(it->value());
  }
  void for_each(const std::function<void(std::string_view, std::string_view)>& visit) const override {
    for (const auto& field : fields_) visit(field.name_string(), field.value());
  }

 private:
  const Fields& fields_;
};

// Applies an overlay's edits to Beast fields.
template <class Fields>
void apply_edits(const HeaderOverlay& overlay, Fields& fields) {
  overlay.for_each_edit([&](const HeaderOverlay::EditView& edit) {
    fields.erase(edit.name);
    if (edit.value) fields.insert(edit.name, *edit.value);
  });
}

}  // namespace edgelab
