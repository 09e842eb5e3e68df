#!/bin/sh
# Each development set's promises as recorded by `kefu analyze` at the commit at which that set was
# still blind (the same commits as blind-engine.sh), written to eval/learn/blind-engine/promises-<set>.json,
# so the promise leave-one-set-out (promise-loso.ts) vetoes an engine that never saw the held-out set.
#   sh eval/learn/blind-promises.sh     (needs git worktrees under /tmp; a few minutes)
set -e
cd "$(dirname "$0")/../.."
repo=$(pwd)
for pair in blind-c:9d91a4a blind-d:ffc5480 blind-e:cbaa88e blind-f:07ffa19 blind-g:de2052a blind-h:8326a16; do
  set_=${pair%%:*}; commit=${pair#*:}
  dir=/tmp/learn-old-$commit
  [ -d "$dir" ] || git worktree add --detach "$dir" "$commit" >/dev/null
  ln -sfn "$repo/node_modules" "$dir/node_modules"
  cp eval/learn/dump-promises.ts "$dir/learn-dump-promises.ts"
  (cd "$dir" && npx tsx learn-dump-promises.ts "$repo/eval/$set_" "$repo/eval/learn/blind-engine/promises-$set_.json")
done
