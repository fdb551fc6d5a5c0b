-- Phase 1: one property per file opening, owned (6 dang) by its applicant.
dofile("common.lua")

local token = os.getenv("OPEN_FILE_ADMIN_TOKEN")
local run = tonumber(os.getenv("OPEN_FILE_RUN") or "1")

function request()
  local p = property(id, count_request())
  local body = string.format([[{"renovationCode":"%s","registrationPlate":{"section":11,"main":%d,"sub":%d},"district":%d,"address":"Tehran, bench street %d","postalCode":"19%08d","landAreaM2":200,"buildingAreaM2":400,"floors":2,"usage":"Residential","owners":[{"partyType":"Person","nationalId":"%s","fullName":"Bench Applicant","shareDang":6}]}]],
    p.renovation_code, run % 100000 + 1, p.n + 1, p.district, p.n, p.n, p.applicant)
  return wrk.format("POST", "/api/properties", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  local all = totals()
  io.stderr:write(string.format("prepared properties: %d created of %d answers\n", all[201] or 0, summary.requests))
  save_progress(os.getenv("OPEN_FILE_STATE"))
end
