#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# module: in qemu (TCG), Debian's kernel boots a second kernel through
# bootimg.ko, with the kernel's own kexec switched off
# (kernel.kexec_load_disabled=1 before the module is loaded, with
# override_kexec_load_disabled=1).  The module is built against the
# linux-headers packages that match the kernel exactly
# (scripts/fetch-headers).  Cases:
#   module-smp1    --method=module, bad plans refused first (overlap,
#                  outside RAM) and the staged kernel kept; bootimg --exec
#   module-smp2    --method=auto refuses (exit 6, nothing staged: it never
#                  falls back to the module because kexec is disabled),
#                  then --method=module; bootimg --exec
#   cpumax-reboot  -cpu max (LA57 5-level paging, SMEP, SMAP), two CPUs;
#                  an ordinary `reboot -f` hands off
# The second kernel reports its command line, initrds, memory and CPUs.
# Cases that boot no second kernel, only check that the machine still
# reboots through the firmware (qemu -no-reboot exits, no timeout):
#   exec-unstaged  BOOTIMG_IOC_EXEC with nothing staged fails with ENOENT,
#                  STATUS still answers, `reboot -f` reboots
#   lockdown       staged, then lockdown raised: bootimg --exec fails
#                  (exit 6) and `reboot -f` reboots
#   policy         without override_kexec_load_disabled, LOAD fails with
#                  EPERM (exit 6) and says why; rmmod with a kernel staged
#                  warns; kernel.kexec_load_limit_reboot is counted down
#                  (on kernels that have it: 6.12, not 6.1); an IMA
#                  rule that appraises kexec images refuses LOAD (exit
#                  6), the staged kernel stays; a reboot(2) with a
#                  restart command (RESTART2 "bootloader") does not hand
#                  off
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: as boot-matrix (BOOTIMG_STAGE, BOOTIMG_E2E_CACHE,
# BOOTIMG_E2E_ONLY, BOOTIMG_E2E_TIMEOUT); BOOTIMG_DEBIAN_SUITE=trixie
# takes that suite's kernel and headers (scripts/fetch-kernel).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 "module${BOOTIMG_DEBIAN_SUITE:+-$BOOTIMG_DEBIAN_SUITE}"
kdir=$("$e2e_top/scripts/fetch-headers" amd64 "$cache") ||
	e2e_bail "no kernel headers (scripts/fetch-headers)"
work=$e2e_work
mkdir -p "$work/kernel"

# The module, built in a copy of kernel/ against the matching headers.
cp -r "$e2e_top"/kernel/Kbuild "$e2e_top"/kernel/*.[chS] \
	"$e2e_top"/kernel/uapi "$work/kernel/"
if ! make -s -C "$kdir" M="$work/kernel" CONFIG_BOOTIMG=m modules \
	>"$work/kbuild.log" 2>&1; then
	e2e_result "bootimg.ko builds" 1 "not against $kdir"
	tail -20 "$work/kbuild.log" | sed 's/^/#   /'
	e2e_finalize
fi
echo "# bootimg.ko built against $(basename "$kdir") ($(modinfo -F vermagic "$work/kernel/bootimg.ko"))"
for prog in bad-plan kmod-direct; do
	gcc -static -O2 -Wall -Wextra -I"$e2e_top/kernel/uapi" \
		-o "$work/$prog" "$e2e_guest/$prog.c" ||
		e2e_bail "cannot build guest/$prog.c"
done

e2e_images "$work/$(basename "$kernel")" "$kernel"
images=$work/$(basename "$kernel")

# module_case NAME RUN EXEC: RUN starts as guest/module-setup says (kexec
# off, then the module).
module_case() {
	e2e_case "$work/cases/$1" run=". /case/module-setup
$2" exec="$3" cmdline="$(e2e_cmdline "$1")"
	cp "$work/kernel/bootimg.ko" "$work/bad-plan" "$work/kmod-direct" \
		"$e2e_guest/module-setup" "$work/cases/$1/root/case/"
}

# firmware_reboot DIR SECONDS [TEXT]: the case got to its reboot and the
# first kernel restarted through the firmware (qemu -no-reboot exited)
# within SECONDS, without booting the staged kernel, and printed TEXT.
firmware_reboot() {
	local log=$1/serial.log
	if grep -q BOOTIMG-STAGE1-FAIL "$log"; then
		e2e_field "$log" "BOOTIMG-STAGE1-FAIL "
		return 1
	fi
	grep -q BOOTIMG-STAGE1-EXEC "$log" || { echo "the case did not get to its reboot (hung?)"; return 1; }
	! grep -q BOOTIMG-STAGE2 "$log" || { echo "the staged kernel was booted"; return 1; }
	grep -q "reboot: Restarting system" "$log" || { echo "no 'Restarting system' (hung in the reboot?)"; return 1; }
	[ "$2" -lt "${BOOTIMG_E2E_TIMEOUT:-240}" ] || { echo "qemu ran into the timeout"; return 1; }
	[ -z "${3:-}" ] || grep -q "$3" "$log" || { echo "no '$3'"; return 1; }
	echo "firmware reboot, $2 s"
}

module_case module-smp1 '
expect 6 $load --method=kexec
expect 0 $load --command-line="$CMDLINE" --method=module
/case/bad-plan || { echo "BOOTIMG-STAGE1-FAIL bad plans"; exit 1; }
dmesg | grep -E "bootimg: (segments .* overlap|segment .* is not all System RAM|LOAD by uid)" | sed "s/^/BOOTIMG-STAGE1-KMSG /"
bootimg --status | grep -q "staged (bootimg.ko)" || { echo "BOOTIMG-STAGE1-FAIL not staged after bad plans"; exit 1; }' \
	'bootimg --exec'
module_case module-smp2 '
expect 6 $load --command-line="$CMDLINE"
expect 1 bootimg --status
expect 0 $load --command-line="$CMDLINE" --method=module' \
	'bootimg --exec'
module_case cpumax-reboot '
grep -qw la57 /proc/cpuinfo || { echo "BOOTIMG-STAGE1-FAIL no la57 with -cpu max"; exit 1; }
echo "BOOTIMG-STAGE1 cr4 smep=$(grep -cw smep /proc/cpuinfo) smap=$(grep -cw smap /proc/cpuinfo) la57=$(grep -cw la57 /proc/cpuinfo)"
expect 0 $load --command-line="$CMDLINE" --method=module' \
	'reboot -f'

module_case exec-unstaged '
expect 2 /case/kmod-direct exec
expect 1 timeout 20 bootimg --status' \
	'reboot -f'
module_case lockdown '
mount -t securityfs securityfs /sys/kernel/security 2>/dev/null
expect 0 $load --command-line="$CMDLINE" --method=module
echo integrity >/sys/kernel/security/lockdown || { echo "BOOTIMG-STAGE1-FAIL cannot raise lockdown"; exit 1; }
expect 6 bootimg --exec' \
	'reboot -f'
module_case policy '
rmmod bootimg && insmod /case/bootimg.ko || { echo "BOOTIMG-STAGE1-FAIL insmod without the override"; exit 1; }
expect 6 $load --command-line="$CMDLINE" --method=module
expect 1 bootimg --status
dmesg | grep -q "bootimg: kernel.kexec_load_disabled is 1: refusing" || { echo "BOOTIMG-STAGE1-FAIL no refusal logged"; exit 1; }
rmmod bootimg && insmod /case/bootimg.ko override_kexec_load_disabled=1 || exit 1
expect 0 $load --command-line="$CMDLINE" --method=module
rmmod bootimg || exit 1
dmesg | grep -q "bootimg: unloaded with a kernel staged" || { echo "BOOTIMG-STAGE1-FAIL no warning at rmmod"; exit 1; }
insmod /case/bootimg.ko override_kexec_load_disabled=1 || exit 1
expect 0 $load --command-line="$CMDLINE" --method=module
limit=/proc/sys/kernel/kexec_load_limit_reboot
if [ -e $limit ]; then
	echo 1 >$limit
	expect 0 $load --command-line="$CMDLINE" --method=module
	expect 6 $load --command-line="$CMDLINE" --method=module
	echo "BOOTIMG-STAGE1-KMSG kexec_load_limit_reboot 1: one load, then EPERM; now $(cat $limit)"
fi
mount -t securityfs securityfs /sys/kernel/security 2>/dev/null
echo "appraise func=KEXEC_KERNEL_CHECK" >/sys/kernel/security/ima/policy || { echo "BOOTIMG-STAGE1-FAIL cannot write an IMA policy"; exit 1; }
expect 6 $load --command-line="$CMDLINE" --method=module
dmesg | grep -q "bootimg: a security policy refuses" || { echo "BOOTIMG-STAGE1-FAIL IMA did not refuse"; exit 1; }
dmesg | grep -E "bootimg: (LOAD|EXEC) by uid|bootimg: a security policy|kexec" | sed "s/^/BOOTIMG-STAGE1-KMSG /"
bootimg --status | grep -q "staged (bootimg.ko)" || { echo "BOOTIMG-STAGE1-FAIL the staged kernel was lost"; exit 1; }
echo 8 >/proc/sys/kernel/printk' \
	'/case/kmod-direct restart2 bootloader'

# NAME SMP CPU CHECK: CHECK is handoff (the second kernel reports) or
# firmware (firmware_reboot)
cases=("module-smp1 1 - handoff" "module-smp2 2 - handoff"
	"cpumax-reboot 2 max handoff" "exec-unstaged 1 - firmware"
	"lockdown 1 - firmware" "policy 1 - firmware")
# What a firmware case's console must show besides the reboot.
declare -A firmware_text=(
	[policy]="bootimg: a restart with a command: the firmware restarts")
for c in "${cases[@]}"; do
	# shellcheck disable=SC2086
	set -- $c
	e2e_selected "$1" || continue
	dir=$work/cases/$1
	cpu=$3
	[ "$cpu" = - ] && cpu=
	start=$SECONDS
	BOOTIMG_E2E_CPU=$cpu e2e_boot "$images" "$dir" "$2"
	if [ "$4" = firmware ]; then
		why=$(firmware_reboot "$dir" $((SECONDS - start)) "${firmware_text[$1]:-}")
	else
		why=$(e2e_check "$dir" "$images" "$2" 2)
	fi
	e2e_result "module $1" $? "$why" "$dir/serial.log"
	grep -h 'BOOTIMG-STAGE1-KMSG\|bad-plan' "$dir/serial.log" | cut -d' ' -f2- | sed 's/^/#   /'
done
e2e_finalize
