#!/usr/bin/env bash
# Notification dispatch benchmark (issue 10): Warden's dispatcher and jOOQ outbox on an embedded
# PostgreSQL, sending Slack-channel notifications to a local stand-in (the JDK HTTP server, 503 for
# a share of requests so retries run), next to the stand-in's own ceiling with the same client and
# concurrency, measured in the same run. Loopback only; stops by itself.
#
#   bench/notify-bench.sh [notifications, default 10000] [dispatcher threads, default 16] [% 503, default 5]
#
# Needs: JDK 17+ and a built tree (./mvnw -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
THREADS=${2:-16}
FAIL_PERCENT=${3:-5}
[ -f bootstrap/target/warden.jar ] || ./mvnw -q -DskipTests install
FIXTURES_JAR=$(ls domain-fixtures/target/warden-domain-fixtures-*.jar | grep -v -e sources -e javadoc | head -1)
java -cp "bootstrap/target/warden.jar:$FIXTURES_JAR" bench/NotifyBench.java "$N" "$THREADS" "$FAIL_PERCENT" 2>/dev/null \
  | grep '^notify'
