#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# boot-i386: in qemu-system-i386 (TCG), Debian's 686 kernel boots a
# second 686 kernel with the i386 build of bootimg (kexec_load, the i386
# purgatory, the 32-bit boot protocol).  The i386 kernel has no
# kexec_file_load.  Cases, one boot each:
#   kexec-1initrd-smp1, kexec-2initrd-smp2, auto-1initrd-smp2,
#   auto-2initrd-smp1     the bzImage, each method with one and two
#                         initrds, on one and two CPUs (every pair of
#                         the two, as boot-matrix); auto must choose
#                         kexec quietly; kexec-1initrd-smp1 also checks
#                         that --method=file is refused (exit 7)
#   elf-vmlinux           the 32-bit ELF vmlinux inside the bzImage,
#                         --method=kexec
#   fast-boot             --fast-boot: the bzImage's vmlinux, unpacked by
#                         bootimg, entered directly, at a random place
#                         (KASLR) where its /proc/kallsyms finds _text
#   purgatory-reset       a segment damaged on its way into kexec_load:
#                         the i386 purgatory must report it and reset the
#                         machine (see boot-matrix)
# The second kernel reports its command line, initrds, memory and CPUs.
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree of an i386
# build, required), BOOTIMG_I386_SYSROOT (the i386 libraries and busybox,
# fetched there by scripts/fetch-debs; default CACHE/i386-sysroot),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_JOBS (parallel boots, 2),
# BOOTIMG_E2E_ONLY (a regular expression: run the matching cases only),
# BOOTIMG_E2E_TIMEOUT.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_i386 boot-i386
e2e_kernel kernel 686
work=$e2e_work
e2e_images "$work" "$kernel"
e2e_extract_vmlinux "$kernel" "$work/vmlinux" ||
	e2e_bail "cannot extract the vmlinux from $kernel"

# Checks in the guest, after `bootimg -v ... 2>&1 | tee /tmp/v`.
expect='expect() { want=$1; shift; "$@"; rc=$?; [ $rc -eq $want ] && return 0; echo "BOOTIMG-STAGE1-FAIL $* exited $rc, not $want"; exit 1; }'
used_kexec='grep -q "with method kexec" /tmp/v || { echo "BOOTIMG-STAGE1-FAIL not staged with kexec"; exit 1; }
! grep -q "kexec_file_load failed" /tmp/v || { echo "BOOTIMG-STAGE1-FAIL auto reported an ENOSYS"; exit 1; }'
file_refused='bootimg --load /stage2/vmlinuz --method=file 2>/tmp/file.err; rc=$?
[ $rc -eq 7 ] && grep -q "no kexec_file_load" /tmp/file.err &&
	[ "$(wc -l </tmp/file.err)" -eq 1 ] ||
	{ echo "BOOTIMG-STAGE1-FAIL --method=file: exit $rc, $(cat /tmp/file.err)"; exit 1; }'

# i386_case NAME IMAGE ARGS [EXTRA-RUN]: stage IMAGE with ARGS, then exec.
i386_case() {
	e2e_case "$work/cases/$1" exec="bootimg --exec" \
		cmdline="$(e2e_cmdline "$1")" run="$expect
${4:-}
set -o pipefail
bootimg -v --load /stage2/$2 $3 --command-line=\"\$CMDLINE\" 2>&1 | tee /tmp/v || exit 1
$used_kexec"
}

cases=()
for c in "kexec 1 1" "kexec 2 2" "auto 1 2" "auto 2 1"; do
	read -r method initrds smp <<<"$c"
	name=$method-${initrds}initrd-smp$smp
	extra=
	[ "$name" = kexec-1initrd-smp1 ] && extra=$file_refused
	i386_case "$name" vmlinuz \
		"$(e2e_initrd_args "$initrds") --method=$method" "$extra"
	cases+=("$name $smp $initrds")
done
i386_case elf-vmlinux vmlinux "$(e2e_initrd_args 2) --method=kexec"
mkdir -p "$work/cases/elf-vmlinux/root/stage2"
cp "$work/vmlinux" "$work/cases/elf-vmlinux/root/stage2/"
cases+=("elf-vmlinux 1 2")
i386_case fast-boot vmlinuz "$(e2e_initrd_args 2) --fast-boot"
cases+=("fast-boot 2 2")
e2e_reset_case "$work" "gcc -m32" "$(e2e_cmdline purgatory-reset)" ||
	e2e_bail "cannot build guest/corrupt-segment.c"
cases+=("purgatory-reset 1 1")

# Fast boot kept KASLR: the kernel runs where bootimg -v said it put it
# (16 MiB slots below 512 MiB, the link address among them: formats
# checks that places differ, on x86_64).
check_kaslr() {	# check_kaslr DIR
	local t
	t=$(e2e_kaslr_text "$1")
	[ "${t##* }" = KASLR ] || { echo "KASLR: $t"; return 1; }
	echo "_text, physical: ${t% *}"
}

run_one() {	# run_one NAME SMP INITRDS: boot, check, print the verdict
	local dir=$work/cases/$1 why status start=$SECONDS
	e2e_boot "$work" "$dir" "$2"
	status=$?
	if [ "$1" = purgatory-reset ]; then
		why=$(e2e_check_reset "$dir" "$status" $((SECONDS - start)))
	else
		why=$(e2e_check "$dir" "$work" "$2" "$3") &&
			if [ "$1" = fast-boot ]; then
				why="$why, $(check_kaslr "$dir")"
			fi
	fi
	status=$?
	[ $status -ne 0 ] || why="$why, $((SECONDS - start)) s"
	e2e_result "i386 $1" $status "$why" "$dir/serial.log"
}

e2e_pool run_one "${cases[@]}"
e2e_finalize
