#!/usr/bin/env bash
# Mutation testing of the domain and the engine by their own test projects, with Stryker.NET (docs/mutation.md).
# Not part of CI: a full run takes tens of minutes on two cores.
#
#   scripts/mutation.sh                 # domain, then allocation (in groups of files)
#   scripts/mutation.sh domain          # src/FairShare.Domain by tests/FairShare.Domain.Tests
#   scripts/mutation.sh allocation      # src/FairShare.Allocation by tests/FairShare.Allocation.Tests, group by group
#   scripts/mutation.sh allocation rounding   # one group only (rounding, models or engine; see FILE_GROUPS below)
#
# What is mutated and what is ignored (only string mutations) is in each test project's stryker-config.json.
# CONCURRENCY (default 1) sets Stryker's --concurrency: the machine has two cores shared with others.
# FAST=1 (engine only) leaves out the three slow FsCheck property tests (SLOW_ENGINE_TESTS below): the score
# is then a lower bound of the real one (more tests can only kill more mutants), in minutes instead of hours.
# Reports go to StrykerOutput/<project>[-<group>]/reports/mutation-report.{html,json}; the last lines of each
# run give the score. Extra arguments after the project (and group) go to Stryker as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'scripts/mutation.sh: %s\n' "$*" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
concurrency="${CONCURRENCY:-1}"
root="$PWD"

# The engine's tests include slow property tests, so its files are mutated in three groups whose reports can
# be read as each finishes; together they are every file of src/FairShare.Allocation.
declare -A FILE_GROUPS=(
  [rounding]="**/PennyRounding.cs **/MarginRounding.cs"
  [models]="**/ModelValidation.cs **/AllocationModelParser.cs **/Formatting.cs **/Model.cs"
  [engine]="**/Methods.cs **/Network.cs **/Origins.cs **/SparseSystem.cs **/Allocator.cs **/AllocationResult.cs **/Explanation.cs"
)
FILE_GROUP_ORDER=(rounding models engine)

# The engine's property tests that take 5-10 s a run each; FAST=1 filters them out (docs/mutation.md).
SLOW_ENGINE_TESTS=(
  RepeatedDistribution_ShrinkingTolerance_ConvergesToTheExactReciprocalResult
  EveryMethod_RandomModelsWithCycles_KeepsEveryPennyAndEndsSupportAtZero
  EveryMethod_ShuffledDepartmentsAndUsageLines_GivesTheSameResult
)

dotnet tool restore >/dev/null || die "'dotnet tool restore' failed: dotnet-stryker is a local tool (dotnet-tools.json)."

run() { # run <test project folder> <output name> [stryker args...]
  local dir="$1" name="$2"
  shift 2
  log "mutating for $(basename "$dir") -> StrykerOutput/$name"
  local start=$SECONDS
  (cd "$dir" && dotnet stryker --concurrency "$concurrency" --output "$root/StrykerOutput/$name" "$@") \
    || die "Stryker failed for $name."
  log "$name took $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
}

domain() { run tests/FairShare.Domain.Tests domain "$@"; }

allocation() {
  local groups=("${FILE_GROUP_ORDER[@]}")
  if [ $# -gt 0 ] && [ -n "${FILE_GROUPS[$1]:-}" ]; then
    groups=("$1")
    shift
  fi
  local filter=() suffix=""
  if [ "${FAST:-0}" = 1 ]; then
    local expression="" test
    for test in "${SLOW_ENGINE_TESTS[@]}"; do expression+="${expression:+&}FullyQualifiedName!~$test"; done
    filter=(--test-case-filter "$expression")
    suffix="-fast"
    log "FAST=1: without the slow property tests; the score is a lower bound"
  fi
  for group in "${groups[@]}"; do
    local mutate=() patterns
    read -ra patterns <<< "${FILE_GROUPS[$group]}"
    for pattern in "${patterns[@]}"; do mutate+=(--mutate "$pattern"); done
    run tests/FairShare.Allocation.Tests "allocation-$group$suffix" "${mutate[@]}" "${filter[@]}" "$@"
  done
}

case "${1:-all}" in
  domain) shift; domain "$@" ;;
  allocation) shift; allocation "$@" ;;
  all) [ $# -eq 0 ] || shift; domain "$@"; allocation "$@" ;;
  *) die "unknown target '$1': use domain, allocation [rounding|models|engine] or all." ;;
esac
