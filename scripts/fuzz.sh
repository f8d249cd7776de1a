#!/usr/bin/env bash
# Runs every fuzz target of the module briefly: CI's check that no parser, mapping or
# GraphQL input crashes on what the fuzzer finds in a few seconds each.
#
#   scripts/fuzz.sh [FUZZTIME]      FUZZTIME per target, default 5s (FUZZTIME env too)
#
# FUZZ_BUDGET (seconds, default 600) bounds the whole run: each target also costs its
# instrumented build and its corpus's first pass, which on two busy cores can be tens of
# seconds. Targets not reached within the budget are listed as skipped; the run starts
# at a different target each day, so that every target is fuzzed over a few CI runs.
#
# A target that fails leaves its input under <package>/testdata/fuzz/<Target>/; commit
# that file with the fix: plain `go test` runs it from then on as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${1:-${FUZZTIME:-5s}}
go=${GO:-go}

# Targets from the sources, without compiling every test package to list them.
mapfile -t targets < <(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' . |
	sed -E 's|^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)$|\1 \2|' | sort -u)

# inputs counts the files under a target's corpus folder (0 when it does not exist).
inputs() {
	if [[ -d $1 ]]; then find "$1" -type f | wc -l; else echo 0; fi
}

budget=${FUZZ_BUDGET:-600}
n=${#targets[@]}
first=$((10#$(date +%j) % n))
echo "fuzz: $n targets, $fuzztime each, within $budget s, from target $first"
start=$SECONDS
failed=()
skipped=0
for ((k = 0; k < n; k++)); do
	t=${targets[$(((first + k) % n))]}
	dir=${t% *} name=${t#* }
	if ((SECONDS - start >= budget)); then
		skipped=$((skipped + 1))
		echo "skip $dir $name (budget spent)"
		continue
	fi
	# Go 1.26's fuzz coordinator can fail a target with a bare "context deadline
	# exceeded" at the -fuzztime boundary when its workers are starved of CPU
	# (go.dev/issue/75804, fixed in Go 1.27): no input is written and nothing
	# reproduces. Such a run is retried once; a run that writes an input, or fails
	# any other way, fails at once.
	corpus="$dir/testdata/fuzz/$name"
	for attempt in 1 2; do
		before=$(inputs "$corpus")
		if out=$("$go" test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "./$dir" 2>&1); then
			echo "ok   $dir $name"
			break
		fi
		after=$(inputs "$corpus")
		if ((attempt == 1 && after == before)) && grep -q 'context deadline exceeded' <<<"$out" &&
			! grep -q 'Failing input written' <<<"$out"; then
			echo "retry $dir $name (coordinator deadline race, no input written)"
			continue
		fi
		echo "FAIL $dir $name"
		echo "$out" | tail -30
		failed+=("$dir $name")
		break
	done
done
echo "fuzz: $((n - skipped)) of $n targets in $((SECONDS - start)) s; $skipped skipped for time"
if ((${#failed[@]})); then
	echo "fuzz: ${#failed[@]} failed: ${failed[*]}" >&2
	echo "fuzz: the failing inputs are under each package's testdata/fuzz/; commit them with the fix" >&2
	exit 1
fi
