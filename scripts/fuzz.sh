#!/usr/bin/env bash
# Runs each import fuzzer (tests/FairShare.Fuzz.Tests) for a time, one parser at a time, and prints its figures.
#
#   scripts/fuzz.sh [seconds-per-parser] [parsers-at-once] [parser...]
#
# Seconds default to 600 (ten minutes a parser, the issue's long run); CI runs the same harnesses within its
# three-minute budget through scripts/test.sh (FAIRSHARE_FUZZ_SECONDS unset: 20 s each). Parsers at once default
# to 1; each fuzzer uses one thread, so 2 suits a machine of two cores. Prints one line per parser — iterations,
# distinct outcomes, crashes, seconds — and exits non-zero if any crashed (the test's failure names the input,
# shrunk, and the CsCheck seed that repeats it). The outcomes seen are under TestResults/fuzz/. Name parsers
# (csv, xlsx, import-usage, import-ledger, import-provider-costs, inputs, allocation-model, record-usage-json) to
# run only those.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
jobs="${2:-1}"
parsers=(csv xlsx import-usage import-ledger import-provider-costs inputs allocation-model record-usage-json)
if [ "$#" -gt 2 ]; then
  parsers=("${@:3}")
fi
declare -A tests=(
  [csv]=TheCsvReader_NamesEveryFaultOfADamagedFile_ReadsBackAnyWellFormedOne_AndNeverThrows
  [xlsx]=TheWorkbookReader_OnDamagedWorkbooks_ZipBombsAndMissingParts_AnswersInASentence_AndNeverThrows
  [import-usage]=Usage_NeverThrows_RefusedWritesNothing_AcceptedWritesWhatWasRead
  [import-ledger]=DriversAndCosts_NeverThrow_RefusedWritesNothing_AcceptedWritesWhatWasRead
  [import-provider-costs]=AttributionsAndApportionments_NeverThrow_RefusedWritesNothing_AcceptedWritesWhatWasRead
  [inputs]=TheInputParsers_AnswerAValueOrTheirFieldsError_ForAnyText
  [allocation-model]=TheAllocationModelParser_AndTheEngineAfterIt_AnswerAModelOrEveryProblem_ForAnyText
  [record-usage-json]=TheUsageApiBody_IsA400OrAnOutcome_AndARefusalWritesNothing
)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export FAIRSHARE_FUZZ_SECONDS="$seconds"
export FAIRSHARE_FUZZ_REPORT="$PWD/TestResults/fuzz"
mkdir -p "$FAIRSHARE_FUZZ_REPORT"
for parser in "${parsers[@]}"; do
  [ -n "${tests[$parser]:-}" ] || { echo "scripts/fuzz.sh: no parser '$parser'." >&2; exit 2; }
  rm -f "$FAIRSHARE_FUZZ_REPORT/$parser".*
done
dotnet build tests/FairShare.Fuzz.Tests --nologo -v quiet >/dev/null || { echo "scripts/fuzz.sh: the build failed." >&2; exit 1; }

run() {
  local parser="$1"
  dotnet test tests/FairShare.Fuzz.Tests --no-build --nologo --filter "FullyQualifiedName~${tests[$parser]}" \
    >"$FAIRSHARE_FUZZ_REPORT/$parser.log" 2>&1 || true
}

running=0
for parser in "${parsers[@]}"; do
  run "$parser" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

status=0
printf '%-22s %12s %9s %8s %8s\n' parser iterations outcomes crashes seconds
for parser in "${parsers[@]}"; do
  if [ -f "$FAIRSHARE_FUZZ_REPORT/$parser.tsv" ]; then
    IFS=$'\t' read -r name iterations outcomes crashes secs first <"$FAIRSHARE_FUZZ_REPORT/$parser.tsv" || true
    printf '%-22s %12s %9s %8s %8s\n' "$name" "$iterations" "$outcomes" "$crashes" "$secs"
    if [ "$crashes" != 0 ]; then
      status=1
      echo "  first crash: $first (see $FAIRSHARE_FUZZ_REPORT/$parser.log)"
    fi
  else
    status=1
    printf '%-22s did not report: see %s\n' "$parser" "$FAIRSHARE_FUZZ_REPORT/$parser.log"
  fi
  if grep -q "Failed!" "$FAIRSHARE_FUZZ_REPORT/$parser.log"; then
    status=1
  fi
done
exit "$status"
