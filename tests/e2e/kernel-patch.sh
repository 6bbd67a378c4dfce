#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# kernel-patch: the kernel patch (BOOTIMG_KERNEL_PATCH, the one `make
# kernel-patch` built; else kernel/make-patch makes it) applies to Debian's
# linux-source-6.1 and, as a dry run, to trixie's linux-source-6.12;
# passes 6.1's scripts/checkpatch.pl --strict with nothing to report;
# and the driver compiles in the 6.1 tree as a module (x86_64 and i386
# defconfigs + CONFIG_BOOTIMG=m without KPROBES or KALLSYMS, which the
# in-tree driver does not need; make prepare, then drivers/misc/bootimg/
# and the files whose exports the patch adds: minutes, not a kernel
# build).  The sources are
# downloaded once into the cache (scripts/fetch-linux-source).
# Prints TAP: one ok/not ok line a check (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_WORK,
# BOOTIMG_KERNEL_PATCH.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init kernel-patch
e2e_need_arch x86_64
work=$e2e_work
jobs=$(nproc)

tree=$("$e2e_top/scripts/fetch-linux-source" "$cache") || {
	e2e_result "kernel-patch download of linux-source-6.1" 1
	e2e_finalize
}
version=${tree##*/linux-source-6.1-}

patch=$(realpath -m "${BOOTIMG_KERNEL_PATCH:-$work/bootimg-driver.patch}")
[ -n "${BOOTIMG_KERNEL_PATCH:-}" ] ||
	sh "$e2e_top/kernel/make-patch" "$e2e_top/kernel" >"$patch" || {
	e2e_result "kernel-patch kernel/make-patch makes the patch" 1
	e2e_finalize
}
cp -al "$tree" "$work/linux"	# patch(1) replaces files, links stay intact
patch -p1 -d "$work/linux" <"$patch" >"$work/patch.log" 2>&1
e2e_result "kernel-patch applies to linux-source-6.1 $version" $? "" \
	"$work/patch.log"

# The current stable kernel, Debian trixie's linux-source-6.12: the patch
# applies there too, without fuzz (a dry run in the shared tree; it is
# not built here: seconds from a warm cache, not minutes).
if tree612=$(BOOTIMG_DEBIAN_SUITE=trixie "$e2e_top/scripts/fetch-linux-source" \
	"$cache" 2>"$work/fetch-6.12.log"); then
	patch -p1 -F0 --dry-run -d "$tree612" <"$patch" >"$work/patch-6.12.log" 2>&1
	e2e_result "kernel-patch applies to Debian trixie's ${tree612##*/}" $? "" \
		"$work/patch-6.12.log"
else
	e2e_result "kernel-patch download of Debian trixie's linux-source" 1 "" \
		"$work/fetch-6.12.log"
fi

# The kernel's own style checker, as a submission would meet it: no
# error, warning or check (the last line says so only when all are 0).
(cd "$work/linux" && perl scripts/checkpatch.pl --strict \
	"$patch") >"$work/checkpatch.log" 2>&1
grep -q "has no obvious style problems" "$work/checkpatch.log"
e2e_result "kernel-patch checkpatch.pl --strict: $(grep -m1 '^total:' "$work/checkpatch.log")" \
	$? "" "$work/checkpatch.log"

# One build a architecture: its defconfig, and its own handoff object.
for arch in x86_64 i386; do
	bits=64
	[ "$arch" = i386 ] && bits=32
	out=$work/out-$arch
	{
		make -C "$work/linux" O="$out" ARCH=$arch ${arch}_defconfig &&
		"$work/linux/scripts/config" --file "$out/.config" \
			-d KPROBES -m BOOTIMG &&
		make -C "$work/linux" O="$out" ARCH=$arch olddefconfig &&
		grep -qx CONFIG_BOOTIMG=m "$out/.config"
	} >"$work/config-$arch.log" 2>&1
	e2e_result "kernel-patch $arch: CONFIG_BOOTIMG=m is offered and kept" $? \
		"" "$work/config-$arch.log"

	start=$SECONDS
	log=$work/build-$arch.log
	{
		make -C "$work/linux" O="$out" ARCH=$arch -j"$jobs" prepare &&
		make -C "$work/linux" O="$out" ARCH=$arch -j"$jobs" W=1 \
			drivers/misc/bootimg/ &&
		make -C "$work/linux" O="$out" ARCH=$arch -j"$jobs" \
			kernel/reboot.o drivers/base/syscore.o \
			arch/x86/kernel/reboot.o &&
		[ -f "$out/drivers/misc/bootimg/bootimg.o" ] &&
		[ -f "$out/drivers/misc/bootimg/handoff_$bits.o" ]
	} >"$log" 2>&1
	rc=$?
	[ $rc -ne 0 ] || ! grep -E "drivers/misc/bootimg/.*(warning|error)" "$log" || rc=1
	# The driver calls what the hooks export, and finds nothing at run time.
	[ $rc -ne 0 ] || ! nm "$out/drivers/misc/bootimg/bootimg.o" |
		grep -E "register_kprobe|kallsyms" || rc=1
	e2e_result "kernel-patch $arch: drivers/misc/bootimg compiles without warnings" \
		$rc "$((SECONDS - start)) s" "$log"
done
rm -rf "$work"
e2e_finalize
