#!/usr/bin/env bash
# The project's test command (`npm test`): unit tests, integration tests against a real
# PostgreSQL, then a production build and the Playwright end-to-end suite in Chromium.
# Every step runs even when an earlier one failed (except e2e, which needs the build); the exit
# status is non-zero if any step failed, and a summary repeats each runner's closing lines.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/false}"

logs="$(mktemp -d "${TMPDIR:-/tmp}/shipshape-test.XXXXXX")"
trap 'rm -rf "$logs"' EXIT
steps=()
statuses=()

run_step() {
  local name="$1"
  shift
  echo
  echo "==> ${name}: $*"
  "$@" 2>&1 | tee "${logs}/${#steps[@]}.log"
  local status=${PIPESTATUS[0]}
  steps+=("$name")
  statuses+=("$status")
  return "$status"
}

skip_step() {
  steps+=("$1")
  statuses+=("skipped: $2")
}

run_step "unit tests" npx vitest run --project unit
run_step "integration tests" npx vitest run --project integration

if [[ -d app ]]; then
  if run_step "production build" npx next build; then
    if [[ -f playwright.config.ts ]]; then
      run_step "end-to-end tests" npx playwright test
    else
      skip_step "end-to-end tests" "no playwright.config.ts"
    fi
  else
    skip_step "end-to-end tests" "the build failed"
  fi
else
  skip_step "production build" "no app/ directory"
fi

strip_ansi() { sed -E 's/\x1B\[[0-9;]*[A-Za-z]//g'; }

echo
echo "==> summary"
failed=0
for i in "${!steps[@]}"; do
  status="${statuses[$i]}"
  if [[ "$status" == skipped* ]]; then
    printf '  %-20s %s\n' "${steps[$i]}" "$status"
    continue
  fi
  if [[ "$status" == 0 ]]; then verdict="passed"; else verdict="FAILED (exit $status)"; failed=1; fi
  printf '  %-20s %s\n' "${steps[$i]}" "$verdict"
  # The runners' own closing lines: vitest's "Test Files/Tests", Playwright's counts, Next's errors.
  strip_ansi < "${logs}/${i}.log" \
    | grep -E '^\s*(Test Files|Tests|Errors)\s|^\s*[0-9]+ (passed|failed|flaky|skipped|did not run)|Failed to compile|Build error|Type error|error TS[0-9]+' \
    | awk '!seen[$0]++' | tail -n 8 | sed 's/^\s*/      /'
done
# One plain closing line over every runner: vitest's "Tests  N failed | M passed (T)" and Playwright's
# "N passed" / "N failed" lines, summed.
total_passed=0
total_failed=0
for i in "${!steps[@]}"; do
  [[ -f "${logs}/${i}.log" ]] || continue
  clean="$(strip_ansi < "${logs}/${i}.log")"
  while read -r line; do
    p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)
    f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || true)
    total_passed=$((total_passed + ${p:-0}))
    total_failed=$((total_failed + ${f:-0}))
  done < <(grep -E '^\s*Tests\s+[0-9]' <<<"$clean" || true)
  while read -r line; do
    n=$(grep -oE '^[0-9]+' <<<"$line")
    if grep -q passed <<<"$line"; then total_passed=$((total_passed + n)); else total_failed=$((total_failed + n)); fi
  done < <(grep -E '^\s*[0-9]+ (passed|failed)( \(|\s*$)' <<<"$clean" | sed -E 's/^\s+//' || true)
done
echo
echo "${total_passed} passed, ${total_failed} failed"
exit "$failed"
