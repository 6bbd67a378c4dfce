#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel patch in kernel/patches is generated from the module's
# sources: regenerate it and compare, so the two never drift.  TAP.
src=${srcdir:-.}
tmp=$(mktemp) || exit 99
trap 'rm -f "$tmp"' EXIT
echo 1..1
if sh "$src/kernel/make-patch" "$src/kernel" >"$tmp" &&
	cmp -s "$tmp" "$src/kernel/patches/bootimg-driver.patch"; then
	echo "ok 1 - kernel/patches/bootimg-driver.patch is current"
else
	echo "not ok 1 - kernel/patches/bootimg-driver.patch is stale: run make kernel-patch"
fi
