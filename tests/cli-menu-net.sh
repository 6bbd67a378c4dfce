#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu's network source without a network: configurations,
# kernels and initrds fetched from file:// URLs (--url; no DHCP): a
# pxelinux configuration whose relative paths are below the parent of
# pxelinux.cfg/ and absolute ones below the server's root, sha256 given by "#sha256=" and "# sha256" lines (a
# mismatch refused with both digests, the other entries kept), a GRUB
# configuration, a missing kernel, an unreachable server, and the boot
# of a fetched entry under the syscall shim.  The real network (DHCP,
# TFTP, HTTP) is tests/e2e/menu-net.sh's.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-menu-net
menu=$b/bootimg-menu

srv=$tmp/srv
mkdir -p "$srv/pxelinux.cfg" "$srv/initrd" "$srv/grub" "$tmp/root"
"$fake" "$srv/vmlinuz"
printf 'first initrd\n' >"$srv/initrd/a.img"
printf 'second initrd\n' >"$srv/initrd/b.img"
: >"$tmp/devices"	# no disks
k=$(sha <"$srv/vmlinuz") a=$(sha <"$srv/initrd/a.img") b=$(sha <"$srv/initrd/b.img")
zero=0000000000000000000000000000000000000000000000000000000000000000
cat >"$srv/pxelinux.cfg/default" <<CFG
DEFAULT good
# sha256 initrd/a.img $a
# sha256 $srv/initrd/b.img $zero
LABEL good
  MENU LABEL Good entry
  KERNEL vmlinuz#sha256=$k
  INITRD initrd/a.img
  APPEND console=ttyS0 good=1
LABEL bad
  MENU LABEL Bad digest
  KERNEL $srv/vmlinuz
  INITRD initrd/a.img,initrd/b.img
LABEL gone
  MENU LABEL Missing kernel
  KERNEL vmlinuz-gone
LABEL out
  MENU LABEL Climbs out
  KERNEL ../../../../../../../../tmp/x
CFG
cat >"$srv/grub/grub.cfg" <<CFG
set default=0
menuentry 'Debian from GRUB' {
	linux $srv/vmlinuz root=/dev/vda1
	initrd $srv/initrd/a.img
}
CFG
cfg=file://$srv/pxelinux.cfg/default

# net_run [VAR=VALUE...] -- ARGS...: bootimg-menu ARGS under the shim,
# no disks; $tmp/out, $tmp/err (the server's directory shown as @,
# the fetch directory as %), $rc.
net_run() {
	local vars=()
	while [ "$1" != -- ]; do vars+=("$1"); shift; done
	shift
	: >"$tmp/log"
	timeout "${CLI_TIMEOUT:-60}" env BOOTIMG_SYSROOT="$tmp/root" \
		BOOTIMG_SHIM_LOG="$tmp/log" "${vars[@]}" LD_PRELOAD="$shim" \
		"$menu" --test-devices="$tmp/devices" "$@" </dev/null \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
	sed -i -e "s|$srv|@|g" \
		-e "s|$tmp/root/run/bootimg-menu-net/fetch\.[A-Za-z0-9]*|%|g" \
		"$tmp/out" "$tmp/err"
}

net_run -- --list --url="$cfg"
if has "built without its network source" "$tmp/out"; then
	skip "bootimg-menu was built --without-net"
	echo "1..$n"
	exit 0
fi
cat >"$tmp/want" <<WANT
* 0  file://@/pxelinux.cfg/default  Good entry  (6.1.0-fake)
problem: file://@/pxelinux.cfg/default: Bad digest: file://@/initrd/b.img: sha256 mismatch: got $b, expected $zero; refused
problem: file://@/pxelinux.cfg/default: Missing kernel: file://@/vmlinuz-gone: no such file
WANT
check "--url: pxelinux paths; a bad sha256 and a missing kernel listed" \
	diff -u "$tmp/want" <(grep -v "Climbs out" "$tmp/out")
check "a path that climbs out of the server's root (..): refused" \
	grep -q "^problem: file://@/pxelinux.cfg/default: Climbs out: .*: not below the server's root$" "$tmp/out"
check "--list: exit 0, nothing loaded" [ $rc -eq 0 ] && [ ! -s "$tmp/log" ]

net_run -- --list --json --url="$cfg"
check "--json: the entry's files are the fetched copies" \
	[ "$(jq -r '.entries[0].kernel, .entries[0].initrds[0], .entries[0].source' "$tmp/out")" = \
	  "$(printf '%%@/vmlinuz\n%%@/initrd/a.img\nfile://@/pxelinux.cfg/default')" ]

net_run -- --list --url="$cfg#sha256=$zero"
check "a wrong #sha256= on the configuration: refused, exit 3 (no entry)" \
	[ $rc -eq 3 ] && has "problem: file://@/pxelinux.cfg/default: sha256 mismatch: got $(sha <"$srv/pxelinux.cfg/default"), expected $zero; refused" "$tmp/out"
net_run -- --list --url="$cfg#sha256=$(sha <"$srv/pxelinux.cfg/default" | tr a-f A-F)"
check "the right #sha256= (upper case) on the configuration" \
	[ $rc -eq 0 ] && has "Good entry" "$tmp/out"
net_run -- --list --url="$cfg#sha256=abc"
check "#sha256= that is not 64 hex digits: a problem" \
	[ $rc -eq 3 ] && has "problem: file://@/pxelinux.cfg/default: #sha256= takes 64 hexadecimal digits" "$tmp/out"

net_run -- --list --url="file://$srv/grub/grub.cfg"
check "a GRUB configuration by URL: absolute and relative paths" \
	[ $rc -eq 0 ] && has "* 0  file://@/grub/grub.cfg  Debian from GRUB  (6.1.0-fake)" "$tmp/out"

net_run -- --list --url="file://$srv/pxelinux.cfg/nothing"
check "a configuration that is not there: its URL and cause" \
	[ $rc -eq 3 ] && has "problem: file://@/pxelinux.cfg/nothing: no such file" "$tmp/out"
net_run -- --list --url="http://127.0.0.1:1/pxelinux.cfg/default"
check "a server that does not answer: its URL and curl's cause" \
	[ $rc -eq 3 ] && has "problem: http://127.0.0.1:1/pxelinux.cfg/default: " "$tmp/out"
net_run -- --list --url="gopher://127.0.0.1/x"
check "a scheme other than http, https, tftp or file: refused" \
	[ $rc -eq 3 ] && has "problem: gopher://127.0.0.1/x: " "$tmp/out"

net_run -- --dry-run --timeout=0 --url="$cfg"
check "--dry-run: the default entry's fetched files and command line" \
	[ "$(cat "$tmp/out")" = "$(printf 'kernel: %%@/vmlinuz\ninitrd: %%@/initrd/a.img\ncmdline: console=ttyS0 good=1')" ]
net_run -- --timeout=0 --url="$cfg"
check "a network entry boots: kexec_file_load of the fetched kernel" \
	[ $rc -eq 0 ] && has 'kexec_file_load kernel=' "$tmp/log" &&
	has 'cmdline="console=ttyS0 good=1"' "$tmp/log" && has reboot "$tmp/log"

echo "1..$n"
