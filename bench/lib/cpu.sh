# CPU spent by each part of the stack over a measured phase, from /proc/<pid>/stat (utime + stime of
# every process alive at the snapshot; source it). A process that starts and ends inside the phase is
# not seen, so the figures are a floor — the stack's processes live across the whole phase.

# Prints "<part> <clock ticks>" lines: each service by its assembly, the servers, the launcher and
# DCP, and everything else on the machine as "other".
city_cpu_snapshot() {
  local dir stat rest cmd part fields args
  # No process started per /proc entry (a snapshot must cost little beside the load it measures).
  for dir in /proc/[0-9]*; do
    { read -r stat < "$dir/stat" && mapfile -d '' args < "$dir/cmdline"; } 2>/dev/null || continue
    cmd="${args[*]}"
    rest=${stat#*) }
    case "$cmd" in
      *CityEServices.Stack.dll*|*CityEServices.AppHost*) part=launcher ;;
      *CityEServices.*.dll*) part=${cmd#*CityEServices.}; part=${part%%.dll*}; part=${part,,} ;;
      *postgres*) part=postgres ;;
      *beam.smp*|*rabbitmq*|*epmd*) part=rabbitmq ;;
      *redis-server*) part=redis ;;
      *dcp*) part=dcp ;;
      wrk*) part=wrk ;;
      nginx*) part=nginx ;;
      *) part=other ;;
    esac
    # Fields 14 and 15 of stat (the 12th and 13th after the command's closing parenthesis): user and system time.
    read -ra fields <<< "$rest"
    echo "$part $(( fields[11] + fields[12] ))"
  done | awk '{ ticks[$1] += $2 } END { for (p in ticks) print p, ticks[p] }' | sort
}

# A snapshot taken once the stack has finished what the phase set off (events still being consumed
# after the last answer): the first whose stack parts spent under a tenth of a core in the half second
# before it, or the one at 15 s.
city_cpu_settle() {
  local previous current busy deadline=$(( SECONDS + 15 ))
  previous=$(city_cpu_snapshot)
  while :; do
    sleep 0.5
    current=$(city_cpu_snapshot)
    busy=$(join <(echo "$previous") <(echo "$current") \
      | awk -v hz="$(getconf CLK_TCK)" '$1 != "other" && $1 != "wrk" { t += $3 - $2 } END { print (t / hz > 0.05) ? 1 : 0 }')
    if [ "$busy" = 0 ] || [ "$SECONDS" -ge "$deadline" ]; then
      echo "$current"
      return
    fi
    previous=$current
  done
}

# city_cpu_per <before> <after> <units> <prefix>: one "<prefix>_<part>: <ms>" line per part that spent
# CPU, in milliseconds per unit (e.g. per file opened), and "<prefix>_total".
city_cpu_per() {
  local hz
  hz=$(getconf CLK_TCK)
  join "$1" "$2" | awk -v units="$3" -v prefix="$4" -v hz="$hz" '
    { ms = ($3 - $2) * 1000 / hz / units; if (ms > 0) { printf "%s_%s: %.2f\n", prefix, $1, ms; total += ms } }
    END { printf "%s_total: %.2f\n", prefix, total }'
}
