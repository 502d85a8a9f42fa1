-- Device classes from the User-Agent: the origin gets X-Device, and each
-- class is cached apart (the key carries it), without a Vary on the whole
-- User-Agent that would split the cache a thousand ways.
local function device_of(ua)
  if not ua or ua == "" then return "desktop" end
  if ua:find("iPad", 1, true) or ua:find("Tablet", 1, true) then return "tablet" end
  if ua:find("Mobile", 1, true) or ua:find("Android", 1, true) or ua:find("iPhone", 1, true) then return "mobile" end
  return "desktop"
end

function on_client_request(req, ctx)
  local device = device_of(req.headers:get("User-Agent"))
  ctx.device = device
  req.headers:set("X-Device", device)
  local target = req.path
  if req.query_string ~= "" then target = target .. "?" .. req.query_string end
  req:set_cache_key({ target, device })
end

function on_client_response(resp, ctx)
  if ctx.device then resp.headers:set("X-Device", ctx.device) end
end

local function ua(s) return { method = "GET", path = "/home", headers = { ["User-Agent"] = s } } end

tests = {
  { name = "iPhone is mobile",
    request = ua("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"),
    expect = { cache_key = "/home\x1fmobile", upstream_headers = { ["X-Device"] = "mobile" } } },
  { name = "iPad is a tablet", request = ua("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)"),
    expect = { cache_key = "/home\x1ftablet" } },
  { name = "a desktop browser", request = ua("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"),
    expect = { cache_key = "/home\x1fdesktop", headers = { ["X-Device"] = "desktop" } } },
  { name = "no User-Agent", request = { method = "GET", path = "/home", headers = { ["User-Agent"] = "" } },
    expect = { cache_key = "/home\x1fdesktop" } },
}
