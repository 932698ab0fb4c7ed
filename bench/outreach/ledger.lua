-- wrk script for GET /api/people/{id}/consents (the person page's consent ledger): rotates through person ids.
--   SAMPLES=people.txt TOKEN=<accessToken> wrk -t2 -c4 -d20s -s ledger.lua http://127.0.0.1:5097
local samples = {}
for line in io.lines(os.getenv("SAMPLES")) do
  samples[#samples + 1] = line
end
local token = os.getenv("TOKEN")
local counter = 0

function setup(thread)
  thread:set("offset", math.random(#samples))
end

function request()
  counter = counter + 1
  local id = samples[((offset or 0) + counter) % #samples + 1]
  return wrk.format("GET", "/api/people/" .. id .. "/consents", { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
