# Sourced by blind-engine.sh and blind-promises.sh: each development set and the commit at which it
# was still blind (its first run), and a worktree of that commit sharing this checkout's packages.
BLIND_COMMITS="blind-c:9d91a4a blind-d:ffc5480 blind-e:cbaa88e blind-f:07ffa19 blind-g:de2052a blind-h:8326a16 blind-i:0b468d3 blind-j:cb9960d blind-k:d0d2209 blind-l:932a871 blind-m:3f151af blind-o:765b9a9 blind-p:9786b48 blind-q:704eb3e blind-r:1f2e71f blind-s:704eb3e"

# blind_worktree COMMIT: prints the directory of a detached worktree of COMMIT under /tmp.
blind_worktree() {
  dir=/tmp/learn-old-$1
  [ -d "$dir" ] || git worktree add --detach "$dir" "$1" >/dev/null
  ln -sfn "$repo/node_modules" "$dir/node_modules"
  echo "$dir"
}
