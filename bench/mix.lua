-- wrk script of the realistic mix's closed-loop phases (bench/realistic-bench.sh):
--   wrk -t THREADS -c CONCURRENCY -d SECONDS -s bench/mix.lua URL -- PREFIX [TIMELINE]
-- Each wrk thread sends the lines of its own file PREFIX.<thread> in order, as written before the measure by
-- `WebhookLoad mix-file` ("changes TAB signature TAB body"): every body unique and signed as Meta signs it, and
-- nothing computed per request but a line read; each body is sent at most once (wrk's check of the script takes
-- the first line of file 0 and never sends it). WebhookLoad's own loop on the JDK HttpClient spent more CPU per POST
-- than the jar on the same two cores. Prints one line in WebhookLoad's format (changes= counts the bodies' changes
-- taken, those in flight at the end included); ran_out > 0 means a file ran out (the bench then fails: it wrote too
-- few bodies).
-- With TIMELINE, the answers are also counted per tenth of a second of the wall clock and written to that file at the
-- end, one line per tenth that had any ("<tenths since the epoch> <answers>"): wrk's p99 says how long the stalls
-- were in all, the timeline says when they came, to be set beside the server's log. Without it no response is looked
-- at, as before (wrk then skips handing each response to the script).

local CLOCK_REALTIME = 0
local threads = {}

function setup(thread)
  thread:set("part", #threads)
  table.insert(threads, thread)
end

function init(args)
  timeline = args[2]
  lines = assert(io.open(args[1] .. "." .. part, "r"))
  changes, ran_out = 0, 0
  if timeline then
    -- LuaJIT's, as wrk is built; loaded only for a timeline, so the phases without one need nothing more.
    local ffi = require("ffi")
    ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } mix_timespec;
    int clock_gettime(int clock_id, mix_timespec *tp);
    ]]
    tenths = {}
    local now = ffi.new("mix_timespec")
    response = function()
      ffi.C.clock_gettime(CLOCK_REALTIME, now)
      local tenth = tonumber(now.tv_sec) * 10 + math.floor(tonumber(now.tv_nsec) / 1e8)
      tenths[tenth] = (tenths[tenth] or 0) + 1
    end
  end
end

function request()
  local line = lines:read("*l")
  if line == nil then
    -- Nothing left to send that was not sent: a GET the webhook answers 403, counted as failed.
    ran_out = ran_out + 1
    return wrk.format("GET")
  end
  local count, signature, body = line:match("^(%d+)\t([^\t]+)\t(.*)$")
  changes = changes + tonumber(count)
  return wrk.format("POST", nil,
    { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
end

function done(summary, latency, requests)
  local changes_sent, ran_out_in_all, answers = 0, 0, {}
  for _, thread in ipairs(threads) do
    changes_sent = changes_sent + thread:get("changes")
    ran_out_in_all = ran_out_in_all + thread:get("ran_out")
    -- One table from each thread, once, at the end: wrk 4.1's thread:get pops a copied table's thread stack once
    -- too often, harmless for a last read.
    for tenth, count in pairs(thread:get("tenths") or {}) do
      answers[tenth] = (answers[tenth] or 0) + count
    end
  end
  local timeline = threads[1] and threads[1]:get("timeline")
  if timeline then
    local out = assert(io.open(timeline, "w"))
    for tenth, count in pairs(answers) do
      out:write(string.format("%d %d\n", tenth, count))
    end
    out:close()
  end
  local errors = summary.errors
  local ok = summary.requests - errors.status
  io.write(string.format(
    "mix requests=%d ok=%d rate=%.0f/s p50=%.1fms p99=%.1fms changes=%d errors=%d ran_out=%d\n",
    summary.requests, ok, ok / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, changes_sent,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout, ran_out_in_all))
end
