-- wrk script for POST /api/outreach/next: every request claims the next person for the signed-in agent.
--   TOKEN=<accessToken> wrk -t2 -c16 -d20s -s next.lua http://127.0.0.1:5097
local token = os.getenv("TOKEN")

function request()
  return wrk.format("POST", "/api/outreach/next", { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
