#!/bin/sh
# Each development set's promises as recorded by `kefu analyze` at the commit at which that set was
# still blind (the same commits as blind-engine.sh), written to eval/learn/blind-engine/promises-<set>.json,
# so the promise leave-one-set-out (promise-loso.ts) vetoes an engine that never saw the held-out set.
#   sh eval/learn/blind-promises.sh     (needs git worktrees under /tmp; a few minutes)
set -e
cd "$(dirname "$0")/../.."
repo=$(pwd)
. eval/learn/blind-commits.sh
for pair in $BLIND_COMMITS; do
  set_=${pair%%:*}; commit=${pair#*:}
  dir=$(blind_worktree "$commit")
  cp eval/learn/dump-promises.ts "$dir/learn-dump-promises.ts"
  (cd "$dir" && npx tsx learn-dump-promises.ts "$repo/eval/$set_" "$repo/eval/learn/blind-engine/promises-$set_.json")
done
