#!/usr/bin/env bash
# event_hop_p50_ms / _p95_ms / _p99_ms: file opened (urban planning's 201, after its commit) → dossier created in
# the archive (its stored creation time), for files opened at a steady rate (BENCH_EVENT_HOP_PER_S,
# default 20/s, for BENCH_EVENT_HOP_SECONDS, default 10 s, after BENCH_EVENT_HOP_WARMUP_SECONDS, default
# 60 s, of the same stream, reported apart). webhook_delivery_p50_ms / _p95_ms / _p99_ms: the same measured openings, 201 →
# the signed file-opened CloudEvent at a subscriber on loopback (WebhookProbe.cs). See Program.cs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec dotnet "$here/bin/${CITY_BENCH_CONFIGURATION:-Debug}/net10.0/CityEServices.EventHop.dll"
