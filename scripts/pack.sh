#!/usr/bin/env bash
# Packs every packable project (the libraries under src/) into artifacts/packages, each .nupkg with its .snupkg,
# then checks every package and stops on the first defect: LICENSE and README inside, no runtimeconfig.json or
# deps.json, our own dependencies bounded to one major version, no path of this machine in a DLL or PDB.
# The version comes from git tags (MinVer, see Directory.Build.props); the last line names it.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=artifacts/packages
rm -rf "$out"

# ContinuousIntegrationBuild maps source paths to /_/ (deterministic, nothing of this machine in the binaries).
dotnet pack Crm.Sdk.sln -c Release -o "$out" -warnaserror -nologo -clp:ErrorsOnly -p:ContinuousIntegrationBuild=true

fail() { echo "pack.sh: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

expected=$(ls src/*/*.csproj | wc -l)
found=$(ls "$out"/*.nupkg | wc -l)
[ "$found" = "$expected" ] || fail "$found packages for $expected projects under src/"

for package in "$out"/*.nupkg; do
  file=$(basename "$package")
  id=$(unzip -Z1 "$package" '*.nuspec' | sed 's/\.nuspec$//')
  version=${file#"$id".}; version=${version%.nupkg}
  [ -f "$out/$id.$version.snupkg" ] || fail "$file has no symbol package"
  entries=$(unzip -Z1 "$package")
  for required in LICENSE README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -qxF "$required" <<<"$entries" || fail "$file lacks $required"
  done
  ! grep -E '\.(runtimeconfig|deps)\.json$' <<<"$entries" || fail "$file carries a runtime file"
  unbounded=$(unzip -p "$package" "$id.nuspec" | grep -E '<dependency id="Crm\.' | grep -vE 'version="\[[^,]+, [0-9]+\.0\.0\)"' || true)
  [ -z "$unbounded" ] || fail "$file has an unbounded dependency on our own packages: $unbounded"
  unzip -q -o "$package" -d "$work/$id" && unzip -q -o "$out/$id.$version.snupkg" -d "$work/$id"
done

leaks=$(grep -rlaF -e "$PWD" -e "$HOME/.nuget" "$work" || true)
[ -z "$leaks" ] || fail "a path of this machine inside: ${leaks//$work\//}"

ls -l "$out" | awk 'NR > 1 { printf "%9d  %s\n", $5, $9 }'
echo "pack.sh: $found packages with symbols, version $version, in $out"
