#!/usr/bin/env bash
# venv.sh DIR PACKAGE... — makes a Python virtualenv in DIR (if it is not one already)
# and pip installs the packages into it, for benchmarks that compare Seam with a Python
# tool. Nothing is installed outside DIR; remove DIR to undo. Prints DIR/bin/python.
#
# PYTHON picks the interpreter (default: python3). pip's progress goes to standard error,
# so that standard output is only the interpreter's path.
set -euo pipefail

if [[ $# -lt 1 ]]; then
	echo "usage: $0 DIR [PACKAGE...]" >&2
	exit 2
fi
dir=$1
shift
python=${PYTHON:-python3}

if [[ ! -x "$dir/bin/python" ]]; then
	"$python" -m venv "$dir" >&2
	"$dir/bin/python" -m pip install --quiet --upgrade pip >&2
fi
if [[ $# -gt 0 ]]; then
	# pip skips what is already installed at a fitting version, so a second run is quick.
	"$dir/bin/python" -m pip install --quiet --disable-pip-version-check "$@" >&2
fi
echo "$dir/bin/python"
