#!/usr/bin/env bash
# Runs the whole system on this machine with demo data: PostgreSQL, migrations, the Worker and the WebApi.
#   scripts/run.sh                      then open http://127.0.0.1:8080/swagger
# Settings (environment): PORT (8080), ConnectionStrings__Ticketing (else a local cluster under .data/postgres, or
# linked from there when the postgres OS user cannot reach this clone),
# TICKETING_PG_PORT (55432, the local cluster's port). Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/lib/postgres.sh

port=${PORT:-8080}
pg_port=${TICKETING_PG_PORT:-55432}
data_dir="$root/.data"
pg_dir="$data_dir/postgres"
api_url="http://127.0.0.1:$port"
started_pg=""
compose_started=""
pids=()

log() { printf '\033[1m[run]\033[0m %s\n' "$*"; }

stop_all() {
  trap - INT TERM EXIT
  log "stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_pg" ]; then pg_cluster_stop "$pg_dir"; log "PostgreSQL stopped"; fi
  if [ -n "$compose_started" ]; then docker compose stop db >/dev/null 2>&1 || true; log "docker compose db stopped"; fi
  log "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is already in use; set PORT to another one." >&2
  trap - EXIT; exit 1
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not found)." >&2; trap - EXIT; exit 1; }
log "building (Release)…"
dotnet build Ticketing.sln -c Release -nologo -v quiet -clp:ErrorsOnly

# The database: a given connection string, else a local cluster, else docker compose.
if [ -n "${ConnectionStrings__Ticketing:-}" ]; then
  log "using ConnectionStrings__Ticketing"
elif pg_bin_dir >/dev/null; then
  pg_dir=$(pg_reachable_dir "$data_dir/postgres")
  log "starting PostgreSQL from $(pg_bin_dir) in $pg_dir (port $pg_port)…"
  pg_cluster_start "$pg_dir" "$pg_port" "$data_dir/postgres.password"
  [ "$PG_STARTED" = 1 ] && started_pg=1
  export ConnectionStrings__Ticketing="$PG_CONNECTION_STRING"
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  log "starting PostgreSQL with docker compose…"
  docker compose up -d --wait db
  compose_started=1
  export ConnectionStrings__Ticketing="Host=127.0.0.1;Port=${TICKETING_DB_PORT:-5432};Database=ticketing;Username=ticketing;Password=ticketing"
else
  cat >&2 <<'MSG'
No PostgreSQL found. Do one of:
  - install the server binaries:  sudo apt-get install postgresql   (initdb and pg_ctl are all this script needs)
  - start a Docker engine (docker compose runs postgres:16 for you)
  - point ConnectionStrings__Ticketing at a PostgreSQL 15+ database you own
MSG
  exit 1
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT
export Email__DevelopmentDirectory="$data_dir/mail"
# Each host runs from its build output, where its appsettings*.json were copied.
api_bin="$root/src/WebApi/bin/Release/net10.0"
worker_bin="$root/src/Worker/bin/Release/net10.0"

log "migrating…"
(cd "$api_bin" && dotnet Ticketing.WebApi.dll migrate)

log "starting the Worker and the WebApi…"
(cd "$worker_bin" && exec dotnet Ticketing.Worker.dll) &
pids+=($!)
(cd "$api_bin" && exec dotnet Ticketing.WebApi.dll --urls "$api_url") &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "$api_url/health/ready" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A process exited during start-up; see its output above." >&2; exit 1; }
  done
  sleep 0.5
done
curl -fsS "$api_url/health/ready" >/dev/null || { echo "The WebApi did not become ready." >&2; exit 1; }

cat <<MSG

  Ticketing is running.
    Swagger UI     $api_url/swagger
    API document   $api_url/swagger/v1/swagger.json
    Health         $api_url/health/ready
    Dev mailbox    $api_url/dev/mailbox?to=customer@example.com   (also $data_dir/mail/)

  Demo logins (password Ticketing#2026):
    admin@example.com       Admin
    organizer@example.com   Organizer
    staff@example.com       Staff
    customer@example.com    Customer

  Press Ctrl-C to stop everything.

MSG

# Stay up while both run; if either dies, stop the rest.
wait -n "${pids[@]}" || true
log "a process exited"
