-- Per-client rate limit on /api/: 5 requests per second with bursts of 10,
-- a token bucket per client address on this node. Over the limit: 429 with
-- Retry-After, answered at the edge, never reaching the origin.
local RATE, BURST = 5, 10

function on_client_request(req, ctx)
  if req.path:sub(1, 5) ~= "/api/" then return end
  local allowed = edge.ratelimit("ip:" .. req.client_ip, RATE, BURST)
  if not allowed then
    edge.log("warn", "rate limited " .. req.client_ip .. " on " .. req.path)
    req:respond(429, { ["Retry-After"] = "1", ["Content-Type"] = "text/plain", ["Cache-Control"] = "no-store" },
                "too many requests\n")
  end
end

tests = {
  { name = "one request passes", request = "GET /api/items", expect = { status = 200, origin = true } },
  { name = "the burst passes", request = "GET /api/items", ["repeat"] = 10, expect = { status = 200 } },
  { name = "past the burst: 429", request = "GET /api/items", ["repeat"] = 11,
    expect = { status = 429, origin = false, headers = { ["Retry-After"] = "1" } } },
  { name = "other paths are not limited", request = "GET /static/a.css", ["repeat"] = 20, expect = { status = 200 } },
  { name = "clients have their own buckets",
    request = { method = "GET", path = "/api/items", client_ip = "198.51.100.7" }, expect = { status = 200 } },
}
