#!/usr/bin/env bash
# Runs every FairShare test, on a fresh Debian machine as on a developer's.
#
# Installs what the tests need when it is missing (chromium, fonts-liberation, PostgreSQL, Node.js),
# starts a throwaway PostgreSQL server on loopback, checks formatting, builds with warnings as errors, runs
# every test project, stops what it started, and ends with one line: "N passed, N failed".
# Nothing is skipped: if something cannot be installed or started, the script fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'scripts/test.sh: %s\n' "$*" >&2; exit 1; }
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# 1. What the tests need from Debian.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
[ -x "$(postgres_bin)/initdb" ] 2>/dev/null || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || die "apt-get update failed, so ${missing[*]} cannot be installed."
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || die "could not install ${missing[*]}."
fi
pg_bin="$(postgres_bin)"
[ -x "$pg_bin/initdb" ] || die "PostgreSQL's initdb is not under /usr/lib/postgresql after installing it."

# 2. A throwaway PostgreSQL server on 127.0.0.1, removed when the script ends however it ends.
pg_dir="$(mktemp -d /tmp/fairshare-pg.XXXXXX)"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
[ "$(id -u)" -ne 0 ] || chown postgres "$pg_dir"
pg_port=""
for port in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then pg_port=$port; break; fi
done
[ -n "$pg_port" ] || die "no free port between 55432 and 55532 for PostgreSQL."
stop_postgres() {
  as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
log "starting PostgreSQL on 127.0.0.1:$pg_port"
as_postgres "$pg_bin/initdb -D $pg_dir/data -A trust -U postgres" >/dev/null || die "initdb failed."
as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1' start" >/dev/null \
  || { cat "$pg_dir/log" >&2; die "PostgreSQL did not start."; }
export FAIRSHARE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# 3. Format, build (warnings are errors), then every test project.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "checking formatting (dotnet format --verify-no-changes)"
dotnet format FairShare.slnx --verify-no-changes || die "dotnet format would change files: run 'dotnet format FairShare.slnx'."
log "building"
dotnet build FairShare.slnx --nologo -v quiet || die "the build failed."

rm -rf TestResults
status=0
projects=(tests/*/*.Tests.csproj)
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  log "testing $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory TestResults || status=1
done

# 4. One line for CI, summed over every project; a project that wrote no results counts as a failure.
read -r passed failed < <(awk '
  /<Counters / {
    match($0, / passed="[0-9]+"/); p += substr($0, RSTART + 9, RLENGTH - 10)
    match($0, / failed="[0-9]+"/); f += substr($0, RSTART + 9, RLENGTH - 10)
  }
  END { print p + 0, f + 0 }' TestResults/*.trx 2>/dev/null || echo "0 0")
results=$(ls TestResults/*.trx 2>/dev/null | wc -l)
if [ "$results" -lt "${#projects[@]}" ]; then
  log "$(( ${#projects[@]} - results )) test project(s) wrote no results"
  failed=$(( failed + ${#projects[@]} - results ))
fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
