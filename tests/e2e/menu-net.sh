#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-menu's network source end to end (issue 13): in qemu (TCG)
# the first kernel's init loads e1000 and runs bootimg-menu with ip=dhcp
# on its command line; qemu's user network answers DHCP.  The kernel,
# the two test initrds and a pxelinux configuration are served to it:
#   net-tftp     by qemu's own TFTP server (-netdev user,tftp=,bootfile=
#                pxelinux.0): DHCP's boot file has pxelinux.cfg/ searched
#                as PXELINUX does, down to "default"
#   net-http     by an HTTP server this script starts on the host's
#                loopback (10.0.2.2 to the guest), named by bootimg.url=;
#                the configuration gives the kernel's and initrds' sha256
#   net-bad-sha  the same server, a configuration whose default entry has
#                a wrong sha256 for its second initrd: --list shows it
#                refused with both digests, the menu stays, and the
#                second entry (bootimg.entry=) boots
# bootimg.timeout=0 boots at once; the second kernel reports the command
# line and initrds it got, which must be the entry's.
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_ONLY (a regular expression).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 menu-net usr/sbin/bootimg-menu usr/share/bootimg/udhcpc.script
e2e_need_command python3
work=$e2e_work
e2e_images "$work" "$kernel"
moddir=
e2e_kernel_modules moddir "$kernel" menu-net e1000.ko

# add_menu ROOT: bootimg-menu, its libraries (libcurl's among them), the
# udhcpc script and the e1000 module.
add_menu() {
	mkdir -p "$1/usr/sbin" "$1/usr/lib" "$1/usr/share/bootimg" \
		"$1/lib/modules" "$1/run"
	cp -a "$BOOTIMG_STAGE/usr/sbin/bootimg-menu" "$1/usr/sbin/"
	cp -a "$BOOTIMG_STAGE"/usr/lib/libbootcfg.so* "$1/usr/lib/"
	cp -a "$BOOTIMG_STAGE/usr/share/bootimg/udhcpc.script" \
		"$1/usr/share/bootimg/"
	e2e_copy_libs "$1" "$BOOTIMG_STAGE/usr/sbin/bootimg-menu"
	cp "$moddir/e1000.ko" "$1/lib/modules/"
}

# serve DIR AT CMDLINE [BAD]: DIR, at the path AT on its server ("" for
# its root), gets the kernel, the initrds and pxelinux.cfg/default, whose
# default entry boots CMDLINE (the second initrd by its absolute path);
# with BAD, that initrd's sha256 is wrong and a second entry, "good",
# boots CMDLINE with the right ones.
serve() {
	local dir=$1 at=$2 cmdline=$3 bad=0000000000000000000000000000000000000000000000000000000000000000
	mkdir -p "$dir/pxelinux.cfg" "$dir/initrd"
	ln -f "$work/vmlinuz" "$dir/vmlinuz" 2>/dev/null || cp "$work/vmlinuz" "$dir/vmlinuz"
	cp "$work/a.cpio" "$work/b.cpio" "$dir/initrd/"
	{
		echo "DEFAULT first"
		echo "# sha256 vmlinuz $(sha256sum "$work/vmlinuz" | cut -d' ' -f1)"
		echo "LABEL first"
		echo "  MENU LABEL Debian over the network"
		echo "  KERNEL vmlinuz"
		if [ -n "${4:-}" ]; then
			echo "  INITRD initrd/a.cpio,$at/initrd/b.cpio#sha256=$bad"
			echo "  APPEND $cmdline bad-entry"
			echo "LABEL good"
			echo "  MENU LABEL The good one"
			echo "  KERNEL vmlinuz#sha256=$(sha256sum "$work/vmlinuz" | cut -d' ' -f1)"
		fi
		echo "  INITRD initrd/a.cpio,$at/initrd/b.cpio"
		echo "  APPEND $cmdline"
	} >"$dir/pxelinux.cfg/default"
	# the initrds' digests, as "# sha256" lines after the entries
	printf '# sha256 initrd/a.cpio %s\n# sha256 %s/initrd/b.cpio %s\n' \
		"$(sha256sum "$dir/initrd/a.cpio" | cut -d' ' -f1)" "$at" \
		"$(sha256sum "$dir/initrd/b.cpio" | cut -d' ' -f1)" \
		>>"$dir/pxelinux.cfg/default"
}

# The HTTP server, on a free port of 127.0.0.1, serving $work/http.
http_pid=
start_http() {
	mkdir -p "$work/http"
	python3 - "$work/http" "$work/http.port" >"$work/http.log" 2>&1 <<'PY' &
import functools, http.server, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                            directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
with open(sys.argv[2] + ".new", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(sys.argv[2] + ".new", sys.argv[2])
server.serve_forever()
PY
	http_pid=$!
	trap 'stop_http $?' EXIT
	for ((i = 0; i < 100; i++)); do
		[ -s "$work/http.port" ] && break
		sleep 0.1
	done
	[ -s "$work/http.port" ] || e2e_bail "the HTTP server did not start: $(cat "$work/http.log")"
	http_port=$(cat "$work/http.port")
}

# shellcheck disable=SC2317  # called by the trap
stop_http() {	# stop_http STATUS: the EXIT trap once the server runs
	kill "$http_pid" 2>/dev/null
	e2e_exit "$1"
}

# check_refused LOG: --list's lines show the bad entry refused.
check_refused() {
	local log=$1
	if ! grep -q "BOOTIMG-MENU-LIST problem: http://10.0.2.2:$http_port/net-bad-sha/pxelinux.cfg/default: Debian over the network: http://10.0.2.2:$http_port/net-bad-sha/initrd/b.cpio: sha256 mismatch: got $(sha256sum "$work/b.cpio" | cut -d" " -f1), expected 0\{64\}; refused" "$log"; then
		echo "--list did not show the refused initrd with both digests"
	elif ! grep -q "BOOTIMG-MENU-LIST [* ] 0  http://10.0.2.2:$http_port/net-bad-sha/pxelinux.cfg/default  The good one  (" "$log"; then
		echo "--list did not list the good entry"
	else
		return 0
	fi
	return 1
}

for name in net-tftp net-http net-bad-sha; do
	e2e_selected $name || continue
	dir=$work/cases/$name
	cmdline="console=ttyS0 panic=-1 quiet bootimg.case=$name token=$RANDOM$RANDOM"
	append="ip=dhcp bootimg.timeout=0"
	run='insmod /lib/modules/e1000.ko || exit'
	E2E_QEMU_ARGS=(-device "e1000,netdev=n0")
	case $name in
	net-tftp)
		serve "$dir/tftp" "" "$cmdline"
		E2E_QEMU_ARGS+=(-netdev "user,id=n0,tftp=$dir/tftp,bootfile=pxelinux.0") ;;
	net-http|net-bad-sha)
		[ -n "$http_pid" ] || start_http
		bad=
		[ $name = net-http ] || bad=1
		serve "$work/http/$name" "/$name" "$cmdline" ${bad:+bad}
		append+=" bootimg.url=http://10.0.2.2:$http_port/$name/pxelinux.cfg/default"
		E2E_QEMU_ARGS+=(-netdev "user,id=n0") ;;
	esac
	if [ $name = net-bad-sha ]; then
		append+=" bootimg.entry=good"
		run+='
bootimg-menu --list 2>&1 | sed "s/^/BOOTIMG-MENU-LIST /"'
	fi
	e2e_case "$dir" exec="bootimg-menu" cmdline="$cmdline" run="$run"
	add_menu "$dir/root"
	e2e_boot "$work" "$dir" 1 bios none "$append"
	log=$dir/serial.log
	if { [ $name != net-bad-sha ] || why=$(check_refused "$log"); } &&
		why=$(e2e_check "$dir" "$work" 1 2); then
		why="booted over the network: $why"
		e2e_result $name 0 "$why"
	else
		e2e_result $name 1 "$why" "$log"
	fi
done
e2e_finalize
