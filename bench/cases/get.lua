-- wrk script for one GET endpoint of the cases benchmark, signed with the bearer token.
--   TARGET=/api/work TOKEN=<accessToken> wrk -t2 -c16 -d20s -s get.lua http://127.0.0.1:5097
local target = os.getenv("TARGET")
local token = os.getenv("TOKEN")

function request()
  return wrk.format("GET", target, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
