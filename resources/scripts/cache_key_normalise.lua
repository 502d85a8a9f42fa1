-- One cache entry per real URL: tracking parameters (utm_*, gclid, fbclid,
-- ...) leave the cache key and the origin request, and the remaining
-- parameters are sorted, so /a?b=2&a=1 and /a?a=1&b=2&utm_source=x share a copy.
local TRACKING = { gclid = true, fbclid = true, msclkid = true, mc_cid = true, mc_eid = true, _ga = true, yclid = true }

local function tracking(name)
  return TRACKING[name] or name:sub(1, 4) == "utm_"
end

function on_client_request(req, ctx)
  local raw = req.query_string
  if raw == "" then return end
  local kept = {}
  for pair in raw:gmatch("[^&]+") do
    local name = pair:match("^([^=]*)")
    if not tracking(name:lower()) then kept[#kept + 1] = pair end
  end
  table.sort(kept)
  local target = req.path
  if #kept > 0 then target = target .. "?" .. table.concat(kept, "&") end
  req:set_cache_key({ target })
  ctx.normalised = target
end

function on_origin_request(req, ctx)
  -- The origin sees the normalised URL too: its answer is what the key says.
  if ctx.normalised then req.headers:set("X-Normalised-Url", ctx.normalised) end
end

tests = {
  { name = "tracking parameters leave the key", request = "GET /a?utm_source=news&b=2&a=1&gclid=xyz",
    expect = { cache_key = "/a?a=1&b=2", upstream_headers = { ["X-Normalised-Url"] = "/a?a=1&b=2" } } },
  { name = "order does not matter", request = "GET /a?b=2&a=1", expect = { cache_key = "/a?a=1&b=2" } },
  { name = "only tracking: no query", request = "GET /a?utm_medium=mail&fbclid=1", expect = { cache_key = "/a" } },
  { name = "no query: the default key", request = "GET /a", expect = { status = 200 } },
}
