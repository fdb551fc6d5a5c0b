-- Phase 2: open a file for each prepared property, as the office's operator.
dofile("common.lua")

local token = os.getenv("OPEN_FILE_OPERATOR_TOKEN")
local office = os.getenv("OPEN_FILE_OFFICE")
local base_init = init

-- Each thread opens at most as many files as its twin in the preparation phase made properties.
function init(args)
  base_init(args)
  local state = io.open(os.getenv("OPEN_FILE_STATE"), "r")
  if state then
    for line in state:lines() do
      local t, prepared = line:match("^(%d+) (%d+)$")
      if tonumber(t) == id and tonumber(prepared) < per_thread then per_thread = tonumber(prepared) end
    end
    state:close()
  end
end

function request()
  local p = property(id, count_request())
  local body = string.format([[{"renovationCode":"%s","applicantNationalId":"%s","officeCode":"%s"}]], p.renovation_code, p.applicant, office)
  return wrk.format("POST", "/api/urban-planning/files", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  local all = totals()
  local created = all[201] or 0
  local others = {}
  for status, count in pairs(all) do
    if status ~= 201 then table.insert(others, string.format("%d×%d", count, status)) end
  end
  io.stderr:write(string.format("file openings: %d created, other answers: %s, socket errors: %d\n",
    created, #others > 0 and table.concat(others, " ") or "none",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  -- Openings per second count only files actually opened (201), from the first request to the last answer.
  local seconds = elapsed_s()
  print(string.format("open_file_per_s: %.1f", seconds > 0 and created / seconds or 0))
  print(string.format("open_file_p50_ms: %.1f", latency:percentile(50) / 1000))
  print(string.format("open_file_p99_ms: %.1f", latency:percentile(99) / 1000))
end
