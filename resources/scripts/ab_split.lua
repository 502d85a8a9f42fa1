-- A/B split, 50/50, sticky through a cookie. Each variant is its own cache
-- entry (the key carries it) and the origin learns it from X-AB-Variant.
local COOKIE = "ab"

local function variant_from_cookie(cookie)
  if not cookie then return nil end
  local v = cookie:match("%f[%w]" .. COOKIE .. "=([ab])")
  return v
end

function on_client_request(req, ctx)
  local v = variant_from_cookie(req.headers:get("Cookie"))
  if not v then
    v = math.random() < 0.5 and "a" or "b"
    ctx.ab_new = true
  end
  ctx.ab = v
  req.headers:set("X-AB-Variant", v)
  local target = req.path
  if req.query_string ~= "" then target = target .. "?" .. req.query_string end
  req:set_cache_key({ target, v })
end

function on_client_response(resp, ctx)
  if not ctx.ab then return end
  resp.headers:set("X-AB-Variant", ctx.ab)
  if ctx.ab_new then
    resp.headers:set("Set-Cookie", COOKIE .. "=" .. ctx.ab .. "; Path=/; Max-Age=2592000; SameSite=Lax")
  end
end

tests = {
  { name = "a cookie keeps its variant",
    request = { method = "GET", path = "/page", headers = { Cookie = "theme=dark; ab=b" } },
    expect = { status = 200, cache_key = "/page\x1fb", upstream_headers = { ["X-AB-Variant"] = "b" },
               headers = { ["X-AB-Variant"] = "b", ["Set-Cookie"] = false } } },
  { name = "variant a too",
    request = { method = "GET", path = "/page?x=1", headers = { Cookie = "ab=a" } },
    expect = { cache_key = "/page?x=1\x1fa", headers = { ["X-AB-Variant"] = "a" } } },
  { name = "a new visitor gets a sticky cookie",
    request = "GET /page",
    expect = { status = 200, headers = { ["Set-Cookie"] = true, ["X-AB-Variant"] = true } } },
  { name = "a lookalike cookie does not count",
    request = { method = "GET", path = "/page", headers = { Cookie = "grab=b" } },
    expect = { headers = { ["Set-Cookie"] = true } } },
}
