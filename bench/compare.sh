#!/usr/bin/env bash
# Runs ActorProc's benchmark scenarios and their Python counterparts on this machine in one run and prints
# a Markdown table of both figures and the ratio (how many times better ActorProc is: for rates ours/theirs,
# for times and sizes theirs/ours). Usage: bench/compare.sh [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
out=""
if [ "${1:-}" = "--out" ]; then out="$2"; fi

dotnet build bench/ActorProc.Benchmarks -c Release --nologo -v quiet >/dev/null
ours="$(dotnet bench/ActorProc.Benchmarks/bin/Release/net10.0/ActorProc.Benchmarks.dll macro)"
theirs="$(python3 bench/python/inproc.py; python3 bench/python/crossprocess.py; python3 bench/python/processes.py; python3 bench/python/queues.py; python3 bench/python/sync.py; python3 bench/python/shared.py; python3 bench/python/pools.py; python3 bench/python/manager.py)"

table="$(python3 - "$ours" "$theirs" <<'PY'
import sys
def parse(text):
    rows = {}
    for line in text.strip().splitlines():
        name, value, unit = line.split()
        rows[name] = (float(value), unit)
    return rows
ours, theirs = parse(sys.argv[1]), parse(sys.argv[2])
higher_is_better = {"msg/s", "items/s", "ops/s", "x"}
print("| scenario | ActorProc | Python | ActorProc vs Python |")
print("|---|---:|---:|---:|")
for name, (value, unit) in ours.items():
    if name in theirs:
        other = theirs[name][0]
        ratio = value / other if unit in higher_is_better else other / value
        print(f"| {name} | {value:,.2f} {unit} | {other:,.2f} {unit} | {ratio:,.1f}x |")
    else:
        print(f"| {name} | {value:,.2f} {unit} | n/a | n/a |")
PY
)"
header="Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), .NET $(dotnet --version), $(python3 --version). $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%s\n\n%s\n' "$header" "$table"
if [ -n "$out" ]; then printf '%s\n\n%s\n' "$header" "$table" > "$out"; fi
