-- Signed URLs for /private/: ?token=EXPIRES.HMAC where HMAC is
-- hex(HMAC-SHA256(secret, path .. EXPIRES)) and EXPIRES is Unix seconds.
-- Refused answers are made at the edge (403), valid ones are cached without
-- the token in the key, so every signed link to an object shares one copy.
local SECRET = "change-me: a long random secret shared with the signer"
local PREFIX = "/private/"

local function deny(req, why)
  req:respond(403, { ["Content-Type"] = "text/plain", ["Cache-Control"] = "no-store" }, "forbidden: " .. why .. "\n")
end

function on_client_request(req, ctx)
  if req.path:sub(1, #PREFIX) ~= PREFIX then return end
  local token = req.query.token or req.headers:get("X-Edge-Token")
  if not token then return deny(req, "no token") end
  local expires, mac = token:match("^(%d+)%.(%x+)$")
  if not expires then return deny(req, "malformed token") end
  if tonumber(expires) < edge.now() then return deny(req, "expired token") end
  if edge.hmac_sha256(SECRET, req.path .. expires) ~= mac:lower() then return deny(req, "bad signature") end
  req:set_cache_key({ req.path })
  ctx.authorized = true
end

local function sign(path, expires)
  return expires .. "." .. edge.hmac_sha256(SECRET, path .. expires)
end

tests = {
  { name = "public paths pass untouched", request = "GET /public/a", expect = { status = 200, origin = true } },
  { name = "no token", request = "GET /private/a", expect = { status = 403, origin = false, body = "forbidden: no token\n" } },
  { name = "malformed token", request = "GET /private/a?token=abc", expect = { status = 403, body_contains = "malformed" } },
  { name = "bad signature", request = "GET /private/a?token=4102444800.00ff", expect = { status = 403, body_contains = "signature" } },
  { name = "expired", request = "GET /private/a?token=" .. sign("/private/a", "1000000000"),
    expect = { status = 403, body_contains = "expired" } },
  { name = "signed for another path", request = "GET /private/b?token=" .. sign("/private/a", "4102444800"),
    expect = { status = 403 } },
  { name = "valid token, cached without it", request = "GET /private/a?token=" .. sign("/private/a", "4102444800"),
    expect = { status = 200, origin = true, cache_key = "/private/a" } },
  { name = "the token may come as a header",
    request = { method = "GET", path = "/private/a", headers = { ["X-Edge-Token"] = sign("/private/a", "4102444800") } },
    expect = { status = 200 } },
}
