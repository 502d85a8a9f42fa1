#pragma once
// The request path's steps, declared once (after Varnish's include/tbl/steps.h).
// RequestFlow::run() loops on the current step: each step does its work and
// names the next one, or parks the flow while an asynchronous operation (an L2
// read, a coalesced wait, an upstream fetch) is outstanding; the operation's
// completion resumes the loop at the step it names. A script hook is a step's
// decision point (recv: on_client_request, fetch: on_origin_request, store:
// on_origin_response, deliver: on_client_response).
//
//   fresh_hit ------------------------------------------------------> (answered)
//      | (not a fresh L1 hit of a plain GET/HEAD)
//   recv -> lookup -> hit -> deliver
//             |        +--> stale: deliver + background refresh
//             |        +--> miss -> wait (a coalesced waiter) -> deliver | fetch | pass
//             |                 +--> fetch -> store -> deliver | relay
//             +--> pass -> relay
//   any step -> synth (an answer made here: 4xx/5xx, loops) -> done
#include <cstdint>
#include <string_view>

namespace edgelab {

// X(step, what it does)
#define EDGELAB_REQUEST_STEPS(X)                                                                 \
  X(fresh_hit, "a plain GET/HEAD fresh in L1, answered from the connection without a flow")      \
  X(recv, "checks the request; lookup, pass or synth")                                           \
  X(lookup, "L1, then L2 (asynchronous)")                                                        \
  X(hit, "an object found: fresh, stale-while-revalidate, or stale (to miss)")                   \
  X(miss, "a coalesced fetch: lead it or wait for it")                                           \
  X(wait, "a waiter's outcome: the leader's object, its stream, or a fetch of its own")          \
  X(fetch, "the request to the upstream, a validation when a stale copy has a validator")        \
  X(store, "the upstream's answer: refresh, store whole, stream while storing, or not store")    \
  X(pass, "to the upstream without the cache")                                                   \
  X(relay, "an upstream answer streamed to the client as it comes")                              \
  X(deliver, "an object (or a stream being stored) to the client, 304 when validators match")    \
  X(synth, "an answer made here")

enum class RequestStep : std::uint8_t {
#define EDGELAB_STEP_ENUM(name, what) name,
  EDGELAB_REQUEST_STEPS(EDGELAB_STEP_ENUM)
#undef EDGELAB_STEP_ENUM
  // Not steps: the loop stops. `parked`: an asynchronous operation resumes it; `done`: nothing left.
  parked,
  done,
};

constexpr std::string_view step_name(RequestStep step) {
  switch (step) {
#define EDGELAB_STEP_NAME(name, what) \
  case RequestStep::name:             \
    return #name;
    EDGELAB_REQUEST_STEPS(EDGELAB_STEP_NAME)
#undef EDGELAB_STEP_NAME
    case RequestStep::parked:
      return "parked";
    case RequestStep::done:
      return "done";
  }
  return "?";
}

}  // namespace edgelab
