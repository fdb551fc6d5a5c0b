#!/usr/bin/env bash
# Prints where postgres.sh keeps the data of DATADIR when the postgres user cannot reach it (a folder
# under a private .city/, when run as root): one place per folder, so ./city can wipe it too.
# usage: postgres-relocated-dir.sh DATADIR
set -euo pipefail
echo "/var/lib/cityeservices/$(echo -n "$(realpath -m "$1")" | sha256sum | cut -c1-16)/postgres"
