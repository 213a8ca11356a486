#!/usr/bin/env bash
# Load-tests a running Ticketing (scripts/run.sh) on this machine and measures the raw PostgreSQL ceiling beside it.
#   bench/run.sh onsale --url http://127.0.0.1:8080 --out bench/results/onsale.json
#   bench/run.sh hot-claim --clients 100 --tickets 5000 --url http://127.0.0.1:8080
#   bench/run.sh queue-poll --users 50000 --url http://127.0.0.1:8080
# The database: TICKETING_BENCH_DB (a connection string), else scripts/run.sh's local cluster (.data/postgres on
# TICKETING_PG_PORT, 55432). Jwt__SigningKey and Payments__Simulated__SecretKey must match the system's when it does
# not run with the Development settings. See bench/README.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

build() {
  echo "[bench] building the load runner (Release)…" >&2
  dotnet build bench/Ticketing.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >&2
}
runner=bench/Ticketing.Bench/bin/Release/net10.0/Ticketing.Bench.dll

if [ $# -eq 0 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  build
  exec dotnet "$runner" --help
fi

if [ -z "${TICKETING_BENCH_DB:-}" ]; then
  password_file="$root/.data/postgres.password"
  [ -f "$password_file" ] || { echo "No database: start scripts/run.sh first, or set TICKETING_BENCH_DB." >&2; exit 1; }
  TICKETING_BENCH_DB="Host=127.0.0.1;Port=${TICKETING_PG_PORT:-55432};Database=ticketing;Username=ticketing;Password=$(cat "$password_file")"
fi
export TICKETING_BENCH_DB

# pgbench comes with the PostgreSQL server binaries run.sh uses; install them where they are missing.
pgbench=$(command -v pgbench || true)
if [ -z "$pgbench" ]; then
  if bin=$(pg_bin_dir) && [ -x "$bin/pgbench" ]; then
    pgbench="$bin/pgbench"
  elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[bench] installing pgbench (apt-get install postgresql)…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pgbench="$(pg_bin_dir)/pgbench"
  else
    echo "pgbench is missing: install the PostgreSQL server package (it ships pgbench)." >&2
    exit 1
  fi
fi

build
# Every on-sale listener is an open socket: allow as many as this shell may (bench/README.md, "Listeners").
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec dotnet "$runner" "$@" --pgbench "$pgbench"
