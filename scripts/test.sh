#!/usr/bin/env bash
# Builds the solution (Release, warnings as errors) and runs every test project.
# The last line it prints is always "N passed, N failed", summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A real PostgreSQL for the persistence tests (installed and started when missing; they skip visibly without one).
. scripts/postgres.sh
# Real FTP and SFTP servers for the connector tests (same rule: installed and started when missing, else skipped visibly).
. scripts/ftp.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if ! dotnet build Crm.Sdk.sln -c Release -warnaserror -nologo -clp:ErrorsOnly; then
  echo "The build failed: no test ran."
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
  failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit $status
