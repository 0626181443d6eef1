#!/usr/bin/env bash
# A/B of TorchRuntime's allocator setting (bench/README.md, "glibc's allocator"): the same binaries with the setting
# on (default) and off (MALLOC_TOP_PAD_ set to glibc's default value: any MALLOC_* variable makes TorchRuntime leave
# the allocator alone), alternating, for a text prediction, one epoch of text training, a table training and the
# decoding-speed harness. Wall, user and kernel seconds and peak resident memory come from /usr/bin/time.
#
# usage: bench/allocator-ab.sh TEXT_MODEL [ROUNDS]
#   TEXT_MODEL: a Debian text model, e.g. from
#     decoreg train --data ../shared/datasets/text/debian-packages/train.jsonl --target installed_size_kib --input text --model pkg.decoreg
# Build first: dotnet build -c Release DecoReg.slnx
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
model=${1:?usage: bench/allocator-ab.sh TEXT_MODEL [ROUNDS]}
rounds=${2:-2}
cli="$root/src/DecoReg.Cli/bin/Release/net10.0/DecoReg.Cli"
speed="$root/bench/DecodingSpeed/bin/Release/net10.0/DecodingSpeed.dll"
data="$root/../shared/datasets"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n 3000 "$data/text/debian-packages/train.jsonl" > "$work/train3k.jsonl"
timed() { /usr/bin/time -f "%e s wall, %U s user, %S s kernel, %M KB peak" "$@" 2>&1 >/dev/null | tail -n 1; }
for round in $(seq "$rounds"); do
  for mode in on off; do
    if [ "$mode" = on ]; then setting=(env); else setting=(env MALLOC_TOP_PAD_=131072); fi
    echo "== round $round, setting $mode"
    echo "text predict (Debian test records): $(timed "${setting[@]}" "$cli" predict --model "$model" --data "$data/text/debian-packages/test.jsonl" --out "$work/pred-$mode.csv" --force)"
    echo "text train, 3,000 records, 1 epoch: $(timed "${setting[@]}" "$cli" train --data "$work/train3k.jsonl" --target installed_size_kib --input text --epochs 1 --model "$work/text-$mode.decoreg" --force)"
    echo "concrete split 0 train, defaults: $(timed "${setting[@]}" "$cli" train --data "uci:$data/uci/concrete" --split 0 --model "$work/concrete-$mode.decoreg" --force)"
    echo "decoding speed (that concrete model):"
    "${setting[@]}" dotnet "$speed" --model "$work/concrete-$mode.decoreg" | grep '^| [nseSpe]' | grep -v '^| method'
  done
done
cmp "$work/pred-on.csv" "$work/pred-off.csv" && echo "predictions identical with the setting on and off"
