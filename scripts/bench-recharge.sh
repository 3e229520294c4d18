#!/usr/bin/env bash
# The recharge benchmark of docs/recharge.md: a generated large council (5,000 cost centres, 300 offerings,
# 2,000,000 usage records in May 2026), imported and run through the CLI, whole process, timed with peak memory.
#   scripts/bench-recharge.sh                 # SQLite in a temporary folder
#   scripts/bench-recharge.sh "Host=…;Username=fairshare_bench;Database=fs_bench;…"   # an empty PostgreSQL database,
#     owned by a role that is not a superuser (as production connects), or row-level security is skipped
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/fairshare-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# The command line as production runs it: published, precompiled (scripts/publish.sh).
scripts/publish.sh "$work/cli" >/dev/null
dotnet build -c Release -v q -nologo benchmarks/FairShare.Benchmarks >/dev/null
dotnet benchmarks/FairShare.Benchmarks/bin/Release/net10.0/FairShare.Benchmarks.dll council "$work" "$@"
if [ $# -gt 0 ]; then db=(--database Postgres --connection-string "$1"); else db=(--data "$work"); fi
step() {
  local what=$1; shift
  /usr/bin/time -f "$what: %e s, peak %M KB" dotnet "$work/cli/fairshare.dll" "${db[@]}" --authority BIG "$@" >"$work/out.txt" \
    || { cat "$work/out.txt"; exit 1; }
  tail -n 1 "$work/out.txt" | cut -c1-160
}
step "import costs" import costs "$work/costs.csv"
step "import drivers" import drivers "$work/drivers.csv"
step "import usage 1,000,000 rows (empty table)" import usage "$work/usage-1.csv"
step "import usage 1,000,000 rows (1,000,000 already there)" import usage "$work/usage-2.csv"
step "recharge run over 2,000,000 records" recharge run --period 2026-05
