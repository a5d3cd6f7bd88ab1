#!/usr/bin/env bash
# Proves the packages install in a new console app as a user would: packs (scripts/pack.sh), then in a temporary
# folder creates three console apps (Crm.Sdk, Crm.Domain alone, every package), each restoring from a local feed of
# artifacts/packages plus nuget.org into a NuGet cache of its own (a repack with the same version is never shadowed
# by ~/.nuget/packages), builds it with warnings as errors and runs it. Not part of scripts/test.sh: it takes minutes.
# Usage: scripts/pack-smoke.sh [--no-pack]   (--no-pack reuses artifacts/packages)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

[ "${1:-}" = --no-pack ] || scripts/pack.sh
feed=$PWD/artifacts/packages
programs=$PWD/scripts/pack-smoke
version=$(ls "$feed"/Crm.Domain.*.nupkg | sed 's/.*Crm\.Domain\.\(.*\)\.nupkg$/\1/')
ids=$(ls "$feed"/*.nupkg | xargs -n1 basename | sed "s/\.$version\.nupkg$//")
# The host's own Microsoft.Extensions.DependencyInjection, at our lowest supported version.
extensions=$(sed -n 's|.*<MicrosoftExtensionsVersion>\(.*\)</MicrosoftExtensionsVersion>.*|\1|p' Directory.Packages.props)

root=$(mktemp -d /tmp/crm-pack-smoke.XXXXXX)
trap 'rm -rf "$root"' EXIT
export NUGET_PACKAGES=$root/nuget-packages
cat >"$root/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="crm-local" value="$feed" />
  </packageSources>
</configuration>
CONFIG

# smoke NAME PROGRAM ARGS PACKAGE@VERSION...: new console app, install, build with warnings as errors, run PROGRAM ARGS.
smoke() {
  local name=$1 program=$2 args=$3 app=$root/$1; shift 3
  echo "== $name: $*"
  dotnet new console -o "$app" --framework net10.0 --no-restore >/dev/null
  for package in "$@"; do
    dotnet add "$app" package "${package%@*}" --version "${package#*@}" --no-restore >/dev/null
  done
  cp "$programs/$program" "$app/Program.cs"
  local log=$root/$name.build.log
  if ! dotnet build "$app" -c Release -warnaserror -p:TreatWarningsAsErrors=true -nologo >"$log" 2>&1 \
     || grep -qiE ': (warning|error) ' "$log"; then
    grep -iE ': (warning|error) ' "$log" | sort -u >&2 || cat "$log" >&2
    echo "pack-smoke.sh: $name does not build without warnings" >&2
    exit 1
  fi
  echo "   restored and built without warnings; resolved:"
  dotnet list "$app" package --include-transitive \
    | grep -E '> (Crm\.|Microsoft\.(EntityFrameworkCore|Extensions\.(DependencyInjection|Options|Logging))( |\.Abstractions ))' \
    | awk '{ printf "     %s %s\n", $2, $NF }' | sort -u
  dotnet run --project "$app" -c Release --no-build -- $args | sed 's/^/   run: /'
}

SECONDS=0
smoke sdk-host Sdk.cs "$root/sdk-host.db" "Crm.Sdk@$version" "Microsoft.Extensions.DependencyInjection@$extensions"
smoke domain-only Domain.cs "" "Crm.Domain@$version"
count=0 all=()
for id in $ids; do all+=("$id@$version"); count=$((count + 1)); done
smoke every-package All.cs "$count" "${all[@]}"
echo "pack-smoke.sh: $count packages $version install, build without warnings and run in new console apps (${SECONDS}s)"
