-- Security headers on every answer, hits included, and no version banners.
-- The header-rewrite script of bench_script and tests/bench/hit_bench.sh.
local SET = {
  ["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains; preload",
  ["X-Content-Type-Options"] = "nosniff",
  ["X-Frame-Options"] = "DENY",
  ["Referrer-Policy"] = "strict-origin-when-cross-origin",
  ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()",
}

function on_client_response(resp, ctx)
  local h = resp.headers
  for name, value in pairs(SET) do
    h:set(name, value)
  end
  h:remove("Server")
  h:remove("X-Powered-By")
end

tests = {
  { name = "headers are added",
    request = "GET /index.html",
    expect = { status = 200,
               headers = { ["X-Frame-Options"] = "DENY", ["X-Content-Type-Options"] = "nosniff",
                           ["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains; preload" } } },
  { name = "banners are removed",
    request = "GET /",
    origin = { status = 200, headers = { Server = "Apache/2.4.1", ["X-Powered-By"] = "PHP/5.3" }, body = "hi" },
    expect = { headers = { Server = false, ["X-Powered-By"] = false }, body = "hi" } },
  { name = "errors get them too",
    request = "GET /missing",
    origin = { status = 404, headers = { ["Content-Type"] = "text/plain" }, body = "no" },
    expect = { status = 404, headers = { ["X-Frame-Options"] = "DENY" } } },
}
