-- The home page sends visitors to their region's site, decided at the PoP
-- that received them (req.geo: the PoP's region; in the lab also the
-- simulated user's city). Deeper paths are left alone.
local SITES = { eu = "/eu/", ap = "/asia/", us = "/us/", ca = "/us/", sa = "/latam/", af = "/intl/" }

function on_client_request(req, ctx)
  if req.path ~= "/" then return end
  local region = req.geo.region or ""
  local site = SITES[region:match("^(%a%a)%-") or ""] or "/intl/"
  req:redirect(site, 302)
end

local function home(region) return { method = "GET", path = "/", geo = { region = region, pop = "test" } } end

tests = {
  { name = "Europe", request = home("eu-central-1"), expect = { status = 302, headers = { Location = "/eu/" }, origin = false } },
  { name = "Asia", request = home("ap-northeast-1"), expect = { status = 302, headers = { Location = "/asia/" } } },
  { name = "North America", request = home("us-east-1"), expect = { headers = { Location = "/us/" } } },
  { name = "unknown region", request = home("moon-1"), expect = { headers = { Location = "/intl/" } } },
  { name = "deeper paths stay", request = "GET /eu/news", expect = { status = 200, origin = true } },
}
