#!/usr/bin/env bash
# Bootstraps a minimal Debian trixie root filesystem with the Python stack the
# sandbox needs, from Debian's package mirror alone (no image registry, no PyPI).
#
#   bootstrap.sh ROOTFS_DIR
#
# The caller (ormcheck image build) imports the tree into Docker as the base
# image that images/Dockerfile builds FROM. Needs root and debootstrap.
set -euo pipefail

rootfs=${1:?usage: bootstrap.sh ROOTFS_DIR}
suite=${ORMCHECK_SUITE:-trixie}

# Use the mirror this machine's apt already uses: it is the one known to be
# reachable. Fall back to Debian's default address.
mirror=${ORMCHECK_MIRROR:-}
if [ -z "$mirror" ]; then
  for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    mirror=$(grep -hoE 'https?://[^ ]+/debian/?( |$)' "$f" 2>/dev/null | grep -v security | head -n1 | tr -d ' ') || true
    [ -n "$mirror" ] && break
  done
fi
mirror=${mirror:-http://deb.debian.org/debian}

packages=python3,python3-sqlalchemy,python3-pytest,python3-aiosqlite,python3-greenlet,python3-flask-sqlalchemy,python3-pytest-asyncio

echo "bootstrap: debootstrap $suite from $mirror" >&2
debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >&2

# Trim what a sandbox never needs: package caches and documentation.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
       "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
