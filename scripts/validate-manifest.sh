#!/bin/sh
# Validates manifest.xml against the Office add-in manifest XML schema, offline.
#   sh scripts/validate-manifest.sh [manifest.xml]
# Needs xmllint (Debian/Ubuntu: apt-get install -y libxml2-utils) and the XSDs:
# OFFICE_MANIFEST_SCHEMA_DIR, else ../shared/office-manifest-schema beside the repository.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
manifest=${1:-"$root/manifest.xml"}
schema_dir=${OFFICE_MANIFEST_SCHEMA_DIR:-"$root/../shared/office-manifest-schema"}
schema="$schema_dir/OfficeAppManifestV1_1.xsd"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "validate-manifest: xmllint not found; install it with: apt-get install -y libxml2-utils" >&2
  exit 2
fi
if [ ! -f "$schema" ]; then
  echo "validate-manifest: schema not found at $schema (set OFFICE_MANIFEST_SCHEMA_DIR)" >&2
  exit 2
fi

xmllint --noout --schema "$schema" "$manifest"
