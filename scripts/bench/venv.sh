#!/usr/bin/env bash
# Creates (once) the Python virtualenv that `seam bench forecast` runs its reference
# library in, and prints the path of its python. The venv lives under .seam/ (git-ignored,
# beside the local services' state) so it is reused between runs and never touches the
# system Python; SEAM_BENCH_VENV picks another folder (e.g. a mktemp -d).
#
#   scripts/bench/venv.sh            # prints e.g. /repo/.seam/venv-bench/bin/python
#
# statsforecast is pinned so that the figures we compare against are reproducible.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
venv=${SEAM_BENCH_VENV:-$root/.seam/venv-bench}
statsforecast_version=${SEAM_STATSFORECAST_VERSION:-2.1.1}

log() { printf 'venv: %s\n' "$*" >&2; }

python=${PYTHON:-python3}
command -v "$python" >/dev/null || { log "$python not found; install Python 3.10 or newer"; exit 1; }

if [[ ! -x $venv/bin/python ]]; then
  log "creating $venv"
  "$python" -m venv "$venv" >&2 || {
    log "python3 -m venv failed; on Debian: apt-get install python3-venv"
    exit 1
  }
fi
if ! "$venv/bin/python" -c "import statsforecast, sys; sys.exit(statsforecast.__version__ != '$statsforecast_version')" 2>/dev/null; then
  log "installing statsforecast==$statsforecast_version (a few minutes the first time)"
  "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
  "$venv/bin/python" -m pip install --quiet "statsforecast==$statsforecast_version" >&2
fi
echo "$venv/bin/python"
