#!/usr/bin/env bash
# bench/snapshot.sh OUTDIR [REPO] [CORPUS]: `arclean fix` (default and
# --profile search, stdin -> stdout) over whole corpus files, to prove that a
# speed change leaves the output byte-identical:
#
#   bench/snapshot.sh /tmp/before "$(git worktree of main)"
#   bench/snapshot.sh /tmp/after .
#   diff -r /tmp/before /tmp/after && echo identical
set -u
out=$(realpath -m "$1"); repo=$(realpath "${2:-.}")
corpus=$(realpath "${3:-$repo/../shared/corpus}")
mkdir -p "$out"; cd "$repo" || exit 2
export PYTHONPATH=$repo ARCLEAN_NO_CACHE=1
for f in "$corpus"/news/*.txt "$corpus"/plain/*.txt "$corpus"/messy/*.txt \
         "$corpus"/diacritized/*.txt "$corpus"/ud/*.txt "$corpus"/ner/*.sentences.txt; do
  [ -f "$f" ] || continue
  case "$f" in */ner/*_test.*) continue ;; esac  # the names evaluation's test split: not read
  b=$(basename "$f")
  python -m arclean fix < "$f" > "$out/$b.fix" 2> "$out/$b.fix.err"; echo "rc=$?" >> "$out/$b.fix.err"
  python -m arclean fix --profile search < "$f" > "$out/$b.search" 2> "$out/$b.search.err"
  echo "rc=$?" >> "$out/$b.search.err"
done
echo "$(ls "$out" | wc -l) files in $out"
