#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel hooks that warm the cache of unpacked kernels: Debian's
# /etc/kernel/postinst.d/bootimg and kernel-install's 90-bootimg.install,
# made from their sources with the build's bootimg as @sbindir@/bootimg
# (its cache below BOOTIMG_SYSROOT).  A kernel is cached; one bootimg
# cannot cache, a missing image and a missing bootimg leave the kernel's
# installation going: exit 0, a line on standard error for the first.
# TAP.
set -u

b=${top_builddir:-.}
src=${srcdir:-.}
if [ ! -x "$b/bootimg" ] || [ ! -x "$b/tests/unit/make-fake-fastboot" ]; then
	echo "Bail out! build the tree first (make check)"
	exit 99
fi
case $b in /*) ;; *) b=$(pwd)/$b ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-hooks.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/err" 2>/dev/null; }
check() { local desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }

mkdir -p "$tmp/sbin" "$tmp/root" "$tmp/none"
ln -s "$b/bootimg" "$tmp/sbin/bootimg"
for hook in postinst.d/bootimg 90-bootimg.install; do
	name=${hook##*/}
	sed "s|@sbindir@|$tmp/sbin|g" "$src/init/kernel/$hook.in" >"$tmp/$name"
	sed "s|@sbindir@|$tmp/none|g" "$src/init/kernel/$hook.in" >"$tmp/$name-none"
	chmod +x "$tmp/$name" "$tmp/$name-none"
done
"$b/tests/unit/make-fake-fastboot" "$tmp/vmlinuz-6.1.0-fake"
echo "not a kernel" >"$tmp/vmlinuz-6.1.0-text"
cache=$tmp/root${localstatedir:-/var}/cache/bootimg
export BOOTIMG_SYSROOT=$tmp/root

entries() { ls -A "$cache" 2>/dev/null | wc -l; }
run() { "$@" >"$tmp/out" 2>"$tmp/err"; }

# Debian's postinst.d hook: VERSION IMAGE.
check "postinst.d: caches the kernel" eval \
	'run "$tmp/bootimg" 6.1.0-fake "$tmp/vmlinuz-6.1.0-fake" && [ "$(entries)" = 1 ] && [ ! -s "$tmp/err" ]'
check "postinst.d: again, still one entry" eval \
	'run "$tmp/bootimg" 6.1.0-fake "$tmp/vmlinuz-6.1.0-fake" && [ "$(entries)" = 1 ]'
check "postinst.d: not a bzImage: exit 0, one line naming it" eval \
	'run "$tmp/bootimg" 6.1.0-text "$tmp/vmlinuz-6.1.0-text" && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "vmlinuz-6.1.0-text is not cached" "$tmp/err"'
check "postinst.d: a missing image: exit 0, silent" eval \
	'run "$tmp/bootimg" 6.1.0-gone "$tmp/vmlinuz-6.1.0-gone" && [ ! -s "$tmp/err" ]'
check "postinst.d: no bootimg: exit 0, silent" eval \
	'run "$tmp/bootimg-none" 6.1.0-fake "$tmp/vmlinuz-6.1.0-fake" && [ ! -s "$tmp/err" ]'
chmod 755 "$cache"
check "postinst.d: a cache others may read: exit 0, one line" eval \
	'run "$tmp/bootimg" 6.1.0-fake "$tmp/vmlinuz-6.1.0-fake" && grep -q "mode 0700" "$tmp/err"'
chmod 700 "$cache"
rm -f "$cache"/*

# kernel-install's plugin: COMMAND VERSION ENTRY_DIR IMAGE.
check "install.d: add caches the kernel" eval \
	'run "$tmp/90-bootimg.install" add 6.1.0-fake "$tmp/entry" "$tmp/vmlinuz-6.1.0-fake" && [ "$(entries)" = 1 ] && [ ! -s "$tmp/err" ]'
check "install.d: remove leaves the cache to its bound" eval \
	'run "$tmp/90-bootimg.install" remove 6.1.0-fake "$tmp/entry" && [ "$(entries)" = 1 ]'
check "install.d: not a bzImage: exit 0, one line" eval \
	'run "$tmp/90-bootimg.install" add 6.1.0-text "$tmp/entry" "$tmp/vmlinuz-6.1.0-text" && grep -q "is not cached" "$tmp/err"'
check "install.d: no bootimg: exit 0, silent" eval \
	'run "$tmp/90-bootimg.install-none" add 6.1.0-fake "$tmp/entry" "$tmp/vmlinuz-6.1.0-fake" && [ ! -s "$tmp/err" ]'
check "both hooks: sh -n" eval 'sh -n "$tmp/bootimg" && sh -n "$tmp/90-bootimg.install"'
echo "1..$n"
