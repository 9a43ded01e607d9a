#!/bin/sh
# Dev helper: copy the core's files into a clean worktree (others' WIP may not compile yet).
cd /work/main && for p in emulator/server.ts emulator/cli.ts emulator/state/types.ts emulator/state/store.ts emulator/rest emulator/oauth emulator/events emulator/control emulator/tls emulator/apps emulator/http emulator/methods/index.ts emulator/methods/platform emulator/testing emulator/sdk.int.test.ts; do
  [ -e "$p" ] && rm -rf "/tmp/wt/$p" && mkdir -p "/tmp/wt/$(dirname $p)" && cp -r "$p" "/tmp/wt/$p"
done
