#!/usr/bin/env bash
# The full measure of stepwise derive: every derivation of derivations/ with its steps removed
# (start, symbols, the last expression as goal:), derived again with --budget (default 30 s),
# each written file checked again with check; prints a Markdown table.
#
#   src/bench/derive-all.sh                      # all of derivations/, --budget 30
#   src/bench/derive-all.sh --budget 10 derivations/ml
#   src/bench/derive-all.sh --out /tmp/stripped derivations/entropy.yaml
#
# One JVM for all files (stepwise.derive.DeriveAll, test scope): the seconds are the search's
# and the checks', not start-up's. Seconds are wall / process CPU: on a loaded machine read CPU.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -q -B -o -Dstyle.color=never test-compile >/dev/null
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test >/dev/null
exec java -Xss8m -cp "target/test-classes:target/classes:$(cat "$cp")" stepwise.derive.DeriveAll "$@"
