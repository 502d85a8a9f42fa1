#include "node/flow_script.hpp"

#include "cache/cached_object.hpp"
#include "cache/http_date.hpp"
#include "node/edge_node.hpp"
#include "node/forwarding.hpp"

#include <arpa/inet.h>

#include <chrono>
#include <cstring>

namespace edgelab {
namespace {

double unix_seconds() {
  // Coarse on purpose (milliseconds): edge.now() is fixed for the request.
  return double(
             std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                 .count()) /
         1000.0;
}

}  // namespace

std::unique_ptr<FlowScript> FlowScript::begin(EdgeNode& node, const RequestFields& request,
                                              const net::ip::address& client) {
  ScriptProgramPtr program = node.scripts().live();
  if (!program) return nullptr;
  return std::make_unique<FlowScript>(node, std::move(program), request, client);
}

FlowScript::FlowScript(EdgeNode& node, ScriptProgramPtr program, const RequestFields& request,
                       const net::ip::address& client)
    : node_(node), program_(std::move(program)), client_(client), from_client_(cdn_hops(request) == 0) {
  if (node.config().trust_user_city_header) {
    if (auto city = request.find("X-EdgeLab-User-City"); city != request.end() && !city->value().empty()) {
      geo_with_city_ = node.scripts().geo;
      geo_with_city_->city = std::string(city->value().substr(0, 128));
    }
  }
  state_.now = unix_seconds();
}

std::string_view FlowScript::client_ip_text(const void* self) {
  const auto& script = *static_cast<const FlowScript*>(self);
  if (script.client_ip_length_ == 0 && !script.client_.is_unspecified()) {
    const int family = script.client_.is_v4() ? AF_INET : AF_INET6;
    const auto bytes4 = script.client_.is_v4() ? script.client_.to_v4().to_bytes() : net::ip::address_v4::bytes_type{};
    const auto bytes6 = script.client_.is_v6() ? script.client_.to_v6().to_bytes() : net::ip::address_v6::bytes_type{};
    const void* raw = script.client_.is_v4() ? static_cast<const void*>(bytes4.data()) : bytes6.data();
    if (::inet_ntop(family, raw, script.client_ip_.data(), socklen_t(script.client_ip_.size())))
      script.client_ip_length_ = std::strlen(script.client_ip_.data());
  }
  return {script.client_ip_.data(), script.client_ip_length_};
}

namespace {

template <class Message>
void view_request_line(const Message& request, ScriptRequestView& view) {
  const std::string_view target = request.target();
  const std::size_t question = target.find('?');
  view.method = request.method_string();
  view.path = target.substr(0, question);
  view.query = question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
}

}  // namespace

ScriptCall FlowScript::make_call(ScriptHook hook, const Request& request) {
  ScriptCall call;
  call.hook = hook;
  call.state = &state_;
  call.services = &node_.scripts().services();
  call.limits = &program_->settings().limits;
  call.request.client_ip_text = &FlowScript::client_ip_text;
  call.request.client_ip_source = this;
  call.request.geo = geo_with_city_ ? &*geo_with_city_ : &node_.scripts().geo;
  if (auto host = request.find(http::field::host); host != request.end()) call.request.host = host->value();
  view_request_line(request, call.request);
  return call;
}

FlowScript::Verdict FlowScript::run(ScriptHook hook, ScriptCall& call) {
  ScriptResult result = program_->run(hook, call);
  if (result.ok()) return Verdict::proceed;
  active_ = false;  // the script's part of this request is over
  node_.scripts().report_failure(*program_, hook, result);
  return program_->settings().fail == ScriptFailMode::closed ? Verdict::failed_closed : Verdict::proceed;
}

FlowScript::Verdict FlowScript::client_request(const Request& request, std::shared_ptr<Request>& edited) {
  if (!wants(ScriptHook::client_request)) return Verdict::proceed;
  BeastFieldsSource<RequestFields> source(request.base());
  HeaderOverlay headers(&source);
  ScriptCall call = make_call(ScriptHook::client_request, request);
  call.request_headers = &headers;
  const Verdict verdict = run(ScriptHook::client_request, call);
  if (!active_) {
    state_ = ScriptRequestState{};  // a failed hook's decisions do not count
    return verdict;
  }
  if (headers.edited()) {
    edited = std::make_shared<Request>(request);
    apply_edits(headers, edited->base());
  }
  if (state_.action == ScriptRequestState::Action::respond) return Verdict::respond;
  if (state_.action == ScriptRequestState::Action::pass) return Verdict::pass;
  return Verdict::proceed;
}

FlowScript::Verdict FlowScript::origin_request(Request& upstream) {
  if (!wants(ScriptHook::origin_request)) return Verdict::proceed;
  BeastFieldsSource<RequestFields> source(upstream.base());
  HeaderOverlay headers(&source);
  ScriptCall call = make_call(ScriptHook::origin_request, upstream);
  call.request_headers = &headers;
  const auto before = state_.action;
  const Verdict verdict = run(ScriptHook::origin_request, call);
  if (!active_) {
    state_.action = before;
    return verdict;
  }
  apply_edits(headers, upstream.base());
  return state_.action == ScriptRequestState::Action::respond ? Verdict::respond : Verdict::proceed;
}

FlowScript::Verdict FlowScript::run_on_header(ScriptHook hook, const Request& request,
                                              http::response_header<>& header) {
  BeastFieldsSource<http::fields> source(header);
  HeaderOverlay headers(&source);
  unsigned status = header.result_int();
  ScriptCall call = make_call(hook, request);
  call.response_headers = &headers;
  call.response_status = &status;
  const Verdict verdict = run(hook, call);
  if (!active_) return verdict;  // the failed hook's edits are dropped with the overlay
  apply_edits(headers, static_cast<http::fields&>(header));
  if (status != header.result_int()) header.result(status);
  return Verdict::proceed;
}

FlowScript::Verdict FlowScript::origin_response(const Request& request, http::response_header<>& header) {
  if (!wants(ScriptHook::origin_response)) return Verdict::proceed;
  const Verdict verdict = run_on_header(ScriptHook::origin_response, request, header);
  if (!active_) {
    state_.ttl.reset();
    state_.tags.clear();
    state_.uncacheable = false;
  }
  return verdict;
}

FlowScript::Verdict FlowScript::client_response(const Request& request, const CachedObject& object,
                                                HeaderOverlay& edits, unsigned& status) {
  if (!wants(ScriptHook::client_response)) return Verdict::proceed;
  ScriptCall call = make_call(ScriptHook::client_response, request);
  call.response_headers = &edits;
  status = object.status;
  call.response_status = &status;
  const Verdict verdict = run(ScriptHook::client_response, call);
  if (!active_) {
    edits.clear();
    status = object.status;
  }
  return verdict;
}

FlowScript::Verdict FlowScript::client_response(const Request& request, http::response_header<>& header) {
  if (!wants(ScriptHook::client_response)) return Verdict::proceed;
  return run_on_header(ScriptHook::client_response, request, header);
}

Response FlowScript::script_answer(bool keep_alive) const {
  Response res{static_cast<http::status>(state_.respond_status), 11};
  for (const auto& [name, value] : state_.respond_headers) res.insert(name, value);
  if (res.find(http::field::date) == res.end()) res.set(http::field::date, current_http_date(std::int64_t(state_.now)));
  res.body() = state_.respond_body;
  res.keep_alive(keep_alive);
  try {
    res.prepare_payload();  // the API refuses what Beast would throw on (a body on a 204/304); this is the backstop
  } catch (const std::exception&) {
    return failed_closed_answer(keep_alive);
  }
  return res;
}

Response FlowScript::failed_closed_answer(bool keep_alive) {
  Response res{http::status::service_unavailable, 11};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.set(http::field::retry_after, "1");
  res.body() = "the edge script failed (fail-closed)\n";
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

void edited_object_header(const CachedObject& object, const HeaderOverlay& edits, unsigned status, std::string& out) {
  out.clear();
  out += "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += std::string_view(http::obsolete_reason(static_cast<http::status>(status)));
  out += "\r\n";
  for (const auto& [name, value] : object.headers) {
    if (edits.overrides(name)) continue;
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  edits.for_each_edit([&out](const HeaderOverlay::EditView& edit) {
    if (!edit.value) return;
    out += edit.name;
    out += ": ";
    out += *edit.value;
    out += "\r\n";
  });
  // The stored block ends with its Content-Length line (serialize_header_block).
  const std::string_view block = object.header_block;
  const std::size_t length_line = block.rfind("\r\nContent-Length: ");
  if (length_line != std::string_view::npos) out += block.substr(length_line + 2);
}

}  // namespace edgelab
