#!/usr/bin/env bash
# Runs every fuzz target of the module briefly: CI's check that no parser, mapping or
# GraphQL input crashes on what the fuzzer finds in a few seconds each.
#
#   scripts/fuzz.sh [FUZZTIME]      FUZZTIME per target, default 5s (FUZZTIME env too)
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

echo "fuzz: ${#targets[@]} targets, $fuzztime each"
start=$SECONDS
failed=()
for t in "${targets[@]}"; do
	dir=${t% *} name=${t#* }
	if ! out=$("$go" test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "./$dir" 2>&1); then
		echo "FAIL $dir $name"
		echo "$out" | tail -30
		failed+=("$dir $name")
	else
		echo "ok   $dir $name"
	fi
done
echo "fuzz: ${#targets[@]} targets in $((SECONDS - start)) s"
if ((${#failed[@]})); then
	echo "fuzz: ${#failed[@]} failed: ${failed[*]}" >&2
	echo "fuzz: the failing inputs are under each package's testdata/fuzz/; commit them with the fix" >&2
	exit 1
fi
