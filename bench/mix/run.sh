#!/usr/bin/env bash
# The sizing benchmark (./city bench mix only; plain ./city bench skips it, it is long): an integrator's
# mix through the gateway at rising open-loop rates; mix_rps is the highest rate whose p95 stayed
# <= 100 ms with < 1% errors. Proportions and reasons in bench/README.md; the driver is Program.cs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec dotnet "$here/bin/${CITY_BENCH_CONFIGURATION:-Debug}/net10.0/CityEServices.Mix.dll"
