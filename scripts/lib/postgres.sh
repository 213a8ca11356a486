# Starting and stopping a throwaway PostgreSQL cluster from the server binaries on this machine.
# Sourced by scripts/run.sh and .ci/run; the integration tests do the same in C# (tests/IntegrationTests/Infrastructure).

pg_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  return 1
}

# PostgreSQL refuses to run as root: as root, run its binaries as the postgres OS user.
pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_stat_statements records where the database spends its time (bench/run.sh reads it); loaded only when installed.
pg_preload_option() {
  [ -f "$1/../lib/pg_stat_statements.so" ] && echo " -c shared_preload_libraries=pg_stat_statements"
  return 0
}

# pg_cluster_start DATA_DIR PORT — initdb on first use (password in DATA_DIR/../postgres.password), then start.
# Sets PG_CONNECTION_STRING, and PG_STARTED=1 when this call started the server (0 when it was already running).
pg_cluster_start() {
  local data_dir=$1 port=$2 bin
  bin=$(pg_bin_dir) || return 1
  local password_file
  password_file="$(dirname "$data_dir")/postgres.password"
  mkdir -p "$data_dir"
  if [ "$(id -u)" = "0" ]; then
    chown postgres "$data_dir" && chmod 700 "$data_dir"
    if ! runuser -u postgres -- test -w "$data_dir"; then
      echo "The postgres OS user cannot write $data_dir (a parent directory is closed to it)." >&2
      return 1
    fi
  fi
  if [ ! -f "$data_dir/PG_VERSION" ]; then
    [ -f "$password_file" ] || { umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$password_file"; }
    local pwfile
    pwfile=$(mktemp)
    cp "$password_file" "$pwfile"
    [ "$(id -u)" = "0" ] && chown postgres "$pwfile"
    pg_as_owner "$bin/initdb" -D "$data_dir" -U ticketing --pwfile="$pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$data_dir.initdb.log" 2>&1 \
      || { rm -f "$pwfile"; echo "initdb failed; see $data_dir.initdb.log" >&2; return 1; }
    rm -f "$pwfile"
  fi
  PG_STARTED=0
  if ! pg_as_owner "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
    pg_as_owner "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $data_dir -c max_connections=300 -c shared_buffers=256MB$(pg_preload_option "$bin")" \
      start >/dev/null || { echo "PostgreSQL did not start; see $data_dir/server.log" >&2; return 1; }
    PG_STARTED=1
  fi
  local password
  password=$(cat "$password_file")
  PG_CONNECTION_STRING="Host=127.0.0.1;Port=$port;Database=ticketing;Username=ticketing;Password=$password"
  PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U ticketing -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'ticketing'" | grep -q 1 \
    || PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U ticketing ticketing
}

pg_cluster_stop() {
  local data_dir=$1 bin
  bin=$(pg_bin_dir) || return 0
  [ -f "$data_dir/postmaster.pid" ] && pg_as_owner "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1
  return 0
}
