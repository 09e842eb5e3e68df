#!/bin/sh
# Today's flags of each development set's calls by the engine of the commit at which that set was
# still blind (its first run), written to eval/learn/blind-engine/<set>.json, so the leave-one-set-out
# scorer can add the classifier to an engine that never saw the held-out set (loso.ts --engine blind).
#   sh eval/learn/blind-engine.sh     (needs git worktrees under /tmp; ~1 min)
set -e
cd "$(dirname "$0")/../.."
repo=$(pwd)
. eval/learn/blind-commits.sh
npx tsx eval/learn/export-calls.ts /tmp/learn-calls
for pair in $BLIND_COMMITS; do
  set_=${pair%%:*}; commit=${pair#*:}
  dir=$(blind_worktree "$commit")
  cp eval/learn/dump-flags.ts "$dir/learn-dump.ts"
  (cd "$dir" && npx tsx learn-dump.ts "/tmp/learn-calls/$set_.json" "$repo/eval/learn/blind-engine/$set_.json")
done
