#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# crash-dump: in qemu (TCG), Debian's kernel boots with crashkernel=256M,
# bootimg stages a panic kernel with each method (file, kexec), unloads
# and stages it again, writes a marker to /dev/kmsg and crashes the
# kernel with sysrq-c.  The panic kernel must come up, find /proc/vmcore
# with an NT_PRSTATUS note per CPU and the VMCOREINFO note, and the
# marker in the dumped memory.  Prints one PASS:/FAIL: line a case and
# "N passed, N failed".
#
# Environment: as tests/e2e/boot-matrix (BOOTIMG_STAGE, BOOTIMG_E2E_CACHE,
# BOOTIMG_E2E_JOBS, BOOTIMG_E2E_ONLY, BOOTIMG_E2E_TIMEOUT).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

: "${BOOTIMG_STAGE:?set BOOTIMG_STAGE to a make install DESTDIR tree}"
[ -x "$BOOTIMG_STAGE/usr/sbin/bootimg" ] || { echo "no bootimg in $BOOTIMG_STAGE" >&2; exit 77; }
command -v qemu-system-x86_64 >/dev/null || { echo "no qemu" >&2; exit 77; }
cache=${BOOTIMG_E2E_CACHE:-$e2e_top/tests/e2e/cache}
kernel=$("$e2e_top/scripts/fetch-kernel" amd64 "$cache") || exit 1
work=${BOOTIMG_E2E_WORK:-$e2e_top/tests/e2e/work}/crash
rm -rf "$work"
e2e_prepare "$work/$(basename "$kernel")" "$kernel" || exit 1
work=$work/$(basename "$kernel")
smp=2

crash_case() {	# crash_case NAME METHOD
	local token
	token=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
	e2e_case "$work/cases/$1" \
		cmdline="console=ttyS0 panic=-1 quiet nr_cpus=1 reset_devices bootimg.case=$1 bootimg.marker=$token" \
		exec="echo c >/proc/sysrq-trigger" run="$(cat <<EOS
fail() { echo "BOOTIMG-STAGE1-FAIL \$*"; exit 1; }
echo "BOOTIMG-STAGE1 reserved \$(grep 'Crash kernel' /proc/iomem)"
load() { bootimg -v -p /stage2/vmlinuz --initrd=/stage2/a.cpio --command-line="\$CMDLINE" --method=$2 || fail "bootimg -p exited \$?"; }
staged() { bootimg --status | grep -q "panic kernel:  staged"; }
load
staged || fail "--status does not show the panic kernel"
bootimg -u -p || fail "bootimg -u -p exited \$?"
staged && fail "the panic kernel is still staged after -u -p"
load
bootimg --status | sed 's/^/BOOTIMG-STAGE1 status /'
staged || fail "--status does not show the panic kernel"
echo "BOOTIMG-KMSG-\$(echo $token | rev)" >/dev/kmsg
EOS
)"
}

crash_check() {	# crash_check DIR: the panic kernel's report
	local dir=$1 log=$1/serial.log want got
	if grep -q BOOTIMG-STAGE1-FAIL "$log"; then
		e2e_field "$log" "BOOTIMG-STAGE1-FAIL "
		return 1
	fi
	grep -q "BOOTIMG-STAGE1 reserved .*Crash kernel" "$log" ||
		{ echo "crashkernel=256M reserved nothing"; return 1; }
	grep -q BOOTIMG-STAGE2-DONE "$log" ||
		{ echo "the panic kernel did not report"; return 1; }
	want=$(cat "$dir/root/case/cmdline")
	got=$(e2e_field "$log" "BOOTIMG-STAGE2 cmdline=")
	case $got in
	*"$want"*) ;;
	*) echo "cmdline: got '$got', want '$want'"; return 1 ;;
	esac
	case $got in	# the file method puts it first, the kexec method last
	*elfcorehdr=*) ;;
	*) echo "cmdline: no elfcorehdr= in '$got'"; return 1 ;;
	esac
	got=$(e2e_field "$log" "BOOTIMG-STAGE2 vmcore ")
	case $got in
	"prstatus=$smp vmcoreinfo=yes osrelease="[0-9]*) ;;
	*) echo "vmcore: got '$got', want prstatus=$smp vmcoreinfo=yes"; return 1 ;;
	esac
	[ "$(e2e_field "$log" "BOOTIMG-STAGE2 vmcore-marker ")" -ge 1 ] 2>/dev/null ||
		{ echo "the /dev/kmsg marker is not in /proc/vmcore"; return 1; }
	echo "$got, marker found, $(e2e_field "$log" "BOOTIMG-STAGE1 reserved " | sed 's/ *: Crash kernel//'), panic kernel MemTotal $(e2e_field "$log" "BOOTIMG-STAGE2 memtotal=" | cut -d' ' -f1) kB"
}

cases=(crash-file crash-kexec)
run_one() {	# run_one NAME
	local dir=$work/cases/$1 why
	e2e_boot "$work" "$dir" "$smp" bios none "crashkernel=256M"
	if why=$(crash_check "$dir"); then
		echo "PASS: $1 ($why)"
	else
		echo "FAIL: $1: $why"
		tail -n 25 "$dir/serial.log" | sed 's/^/#   /'
	fi
}

for c in "${cases[@]}"; do
	crash_case "$c" "${c#crash-}"
done
jobs=${BOOTIMG_E2E_JOBS:-2}
for c in "${cases[@]}"; do
	[[ $c =~ ${BOOTIMG_E2E_ONLY:-.} ]] || continue
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	run_one "$c" >"$work/cases/$c/verdict" &
done
wait
passed=0 failed=0
for c in "${cases[@]}"; do
	[ -f "$work/cases/$c/verdict" ] || continue
	cat "$work/cases/$c/verdict"
	if grep -q '^PASS' "$work/cases/$c/verdict"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
