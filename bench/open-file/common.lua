-- Shared by prepare.lua and open.lua: thread t's i-th property, the same in both phases.
-- RUN (set by run.sh) keeps renovation codes of one run apart from every earlier run's.
local run = tonumber(os.getenv("OPEN_FILE_RUN") or "1")

-- The applicants' national IDs, made by run.sh (city_national_ids): line 1 is the operator's, then
-- OPEN_FILE_IDS_PER_THREAD for each thread in turn.
local ids = {}
for line in io.lines(os.getenv("OPEN_FILE_IDS")) do table.insert(ids, line) end
local ids_per_thread = tonumber(os.getenv("OPEN_FILE_IDS_PER_THREAD"))

function property(t, i)
  local n = t * 100000 + i
  local district = 1 + (n % 22)
  return {
    district = district,
    renovation_code = string.format("%d-%d-%d-1-0-0-0", district, run, n),
    applicant = ids[1 + t * ids_per_thread + i],
    n = n,
  }
end

-- Wall clock in microseconds: wrk's summary.duration is the whole -d window even when every thread
-- stopped early, so the rate is taken from the first request to the last answer instead.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
function now_us()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1e6 + tonumber(tv.tv_usec)
end

-- Thread bookkeeping: each thread gets an id in setup and counts its answers by status.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  per_thread = tonumber(os.getenv("OPEN_FILE_PER_THREAD") or "500")
  sent = 0
  answered = 0
  statuses = {}
  first_us = 0
  last_us = 0
end

function count_request()
  sent = sent + 1
  if first_us == 0 then first_us = now_us() end
  return sent
end

function count_response(status)
  answered = answered + 1
  last_us = now_us()
  statuses[status] = (statuses[status] or 0) + 1
  if answered >= per_thread then wrk.thread:stop() end
end

-- Every phase counts each answer by its status; a phase with more to do defines its own.
function response(status, headers, body)
  count_response(status)
end

-- Seconds from the first request of any thread to the last answer of any thread.
function elapsed_s()
  local first, last = nil, 0
  for _, thread in ipairs(threads) do
    local f, l = thread:get("first_us"), thread:get("last_us")
    if f > 0 and (first == nil or f < first) then first = f end
    if l > last then last = l end
  end
  if first == nil or last <= first then return 0 end
  return (last - first) / 1e6
end

function totals()
  local all = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      all[status] = (all[status] or 0) + count
    end
  end
  return all
end

-- How far each thread got, so the openings stop where the properties do.
function save_progress(path)
  local state = io.open(path, "w")
  for _, thread in ipairs(threads) do
    state:write(string.format("%d %d\n", thread:get("id"), thread:get("answered")))
  end
  state:close()
end
