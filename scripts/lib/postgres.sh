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

# PostgreSQL refuses to run as root: as root, run its binaries as the postgres OS user — from /, because the
# current directory may be one it cannot enter (its tools then warn "could not change directory"). Paths are absolute.
pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# pg_stat_statements records where the database spends its time (bench/run.sh reads it); loaded only when installed.
pg_preload_option() {
  [ -f "$1/../lib/pg_stat_statements.so" ] && echo " -c shared_preload_libraries=pg_stat_statements"
  return 0
}

# pg_reachable_dir DIR — where the cluster meant for DIR lives: DIR itself, unless this runs as root and the postgres
# OS user cannot reach DIR's parent (a clone under /root or in a `mktemp -d` folder). Then the files go to a folder
# of their own under /var/tmp, named after DIR, and DIR becomes a link to it, so .data/ still shows where they are.
# A folder there without its link belongs to a .data/ that was deleted (the way to reset): it is removed.
pg_reachable_dir() {
  local wanted=$1 parent
  parent=$(dirname "$wanted")
  mkdir -p "$parent"
  if [ "$(id -u)" != "0" ] || runuser -u postgres -- test -x "$parent" 2>/dev/null; then
    echo "$wanted"
    return 0
  fi
  local outside
  outside="/var/tmp/ticketing-pg-$(printf '%s' "$wanted" | sha256sum | cut -c1-16)/postgres"
  if [ -d "$wanted" ] && [ ! -L "$wanted" ]; then
    echo "$wanted holds a cluster the postgres OS user cannot reach (it cannot read $parent): delete it and run again." >&2
    return 1
  fi
  if [ "$(readlink "$wanted" 2>/dev/null)" != "$outside" ]; then
    [ -d "$outside" ] && { pg_cluster_stop "$outside"; rm -rf "$(dirname "$outside")"; }
    rm -f "$wanted"
    ln -s "$outside" "$wanted"
  fi
  mkdir -p "$outside"
  chown postgres "$(dirname "$outside")" && chmod 700 "$(dirname "$outside")"
  echo "The postgres OS user cannot read $parent; the database files are in $outside ($wanted links to it)." >&2
  echo "$outside"
}

# pg_cluster_start DATA_DIR PORT [PASSWORD_FILE] — initdb on first use (password in PASSWORD_FILE, by default
# DATA_DIR/../postgres.password), then start. Sets PG_CONNECTION_STRING, and PG_STARTED=1 when this call started the
# server (0 when it was already running).
pg_cluster_start() {
  local data_dir=$1 port=$2 bin
  bin=$(pg_bin_dir) || return 1
  local password_file=${3:-"$(dirname "$data_dir")/postgres.password"}
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
