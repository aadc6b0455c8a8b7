#!/usr/bin/env bash
# Publishes the gateway (framework-dependent, Release) into one folder: the step the Dockerfile runs, and the one
# tests/Suno.WebApi.FunctionalTests/Operations/DockerFilesTests runs, so both use the same command.
#   build/publish.sh [OUTPUT]   (default build/out/publish)
# Environment: CONFIGURATION (default Release).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTPUT="${1:-$ROOT/build/out/publish}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet publish "$ROOT/src/Suno.WebApi/Suno.WebApi.csproj" \
    --configuration "${CONFIGURATION:-Release}" \
    --output "$OUTPUT" \
    -p:UseAppHost=false \
    -v quiet
