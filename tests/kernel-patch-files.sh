#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel patch that `make kernel-patch` builds (kernel/make-patch) is
# whole for the driver as it is now: every object Kbuild builds in tree
# has its source in the patch, every header those include is there too,
# each file the patch creates is its source byte for byte, and the hooks
# carry what an in-tree driver needs.  Whether it applies to a kernel
# tree, builds there and passes checkpatch.pl --strict, tests/e2e/kernel-patch
# checks with linux-source-6.1.  TAP.
src=${srcdir:-.}/kernel
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
check() {	# check TEXT COMMAND...: one TAP line
	text=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $text"; else echo "not ok $n - $text"; fi
}
echo 1..7

sh "$src/make-patch" "$src" >"$tmp/patch" 2>"$tmp/err"
check "make-patch makes a patch" test -s "$tmp/patch" -a ! -s "$tmp/err"

# The new files start at the first git header; the hooks come before.
mkdir "$tmp/tree"
sed -n '/^diff --git /,$p' "$tmp/patch" | patch -p1 -s -d "$tmp/tree" >"$tmp/err" 2>&1
check "its new files apply to an empty tree" test ! -s "$tmp/err"
drv=$tmp/tree/drivers/misc/bootimg

same_files() {
	cmp -s "$src/Kbuild" "$drv/Makefile" &&
	cmp -s "$src/uapi/linux/bootimg.h" "$tmp/tree/include/uapi/linux/bootimg.h" &&
	for f in "$drv"/*; do
		[ "${f##*/}" = Makefile ] || cmp -s "$f" "$src/${f##*/}" || return 1
	done
}
check "each is its source in kernel/, byte for byte" same_files

# The in-tree objects: Kbuild's lines before the out-of-tree block.
objects=$(sed '/^ifneq/,$d' "$src/Kbuild" | sed -n 's/^bootimg-[^=]*=//p')
sources_there() {
	for o in $objects; do
		[ -f "$drv/${o%.o}.c" ] || [ -f "$drv/${o%.o}.S" ] ||
			{ echo "# no source for $o" >&2; return 1; }
	done
}
check "every in-tree object has its source: $(echo $objects)" sources_there

headers_there() {
	for h in $(sed -n 's/^#include "\(.*\)"$/\1/p' "$drv"/*.[chS] | sort -u); do
		[ -f "$drv/$h" ] || { echo "# $h is not in the patch" >&2; return 1; }
	done
}
check "every header the driver includes is in the patch" headers_there

hooked() {
	grep -q '^+source "drivers/misc/bootimg/Kconfig"$' "$tmp/patch" &&
	grep -q '^+obj-$(CONFIG_BOOTIMG).*+= bootimg/$' "$tmp/patch" &&
	grep -q '^+EXPORT_SYMBOL_GPL(migrate_to_reboot_cpu);$' "$tmp/patch"
}
check "the hooks: drivers/misc Kconfig and Makefile, the exports" hooked

documented() {
	grep -q '^+0xB9  00-0F  uapi/linux/bootimg.h ' "$tmp/patch" &&
	grep -q '^+F:	drivers/misc/bootimg/$' "$tmp/patch" &&
	grep -q '^ MAINTAINERS | ' "$tmp/patch"
}
check "ioctl-number.rst has 0xB9, MAINTAINERS the driver" documented
