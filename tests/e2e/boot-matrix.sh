#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# boot-matrix: in qemu (TCG), Debian's kernel boots a second kernel with
# bootimg by every method, each with one and with two initrds and on one
# and on two CPUs (two cases a method: file 1-1 and 2-2, kexec 1-2 and
# 2-1, auto 1-1 and 2-2, as initrds-CPUs, so that every pair of the two
# comes up; they are independent, the plan's initrd segment and the
# handoff's other CPU, and their full product per method doubled the
# boots of the longest suite), plus the cases
# where bad input must leave the staged kernel in place, and a file added
# with --initrd-file.  The second kernel reports its command line, initrd
# checksums, memory and CPUs.  The auto cases are the default path: with
# the kernel's config in the guest's /boot and nothing against it, auto
# must take kexec_load with fast boot, KASLR kept, and say so (-v).
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# purgatory-reset stages a kernel whose first segment reaches kexec_load
# damaged (tests/e2e/guest/corrupt-segment.c, preloaded): purgatory must say
# so on the serial port and reset the machine, so that qemu (-no-reboot)
# exits by itself long before the timeout, and no second kernel runs.
#
# check-lockdown boots the first kernel with lockdown=integrity: bootimg
# --check must name the lockdown and predict that auto takes the file
# method and that kexec_file_load refuses Debian's kernel (exit 6): it is
# signed, but by Debian's key, which only a UEFI machine's db (the
# .platform keyring) holds, and this qemu boots through SeaBIOS; that
# --method=kexec is refused too.  The loads then do just that, and the
# first kernel powers off.  Its --check output is kept in
# cases/check-lockdown/check.txt.
# breadcrumb stages with --debug: purgatory must print its one line on
# the serial port before the second kernel's first message.
# Every kernel staged by the kexec method or by auto must have its crng
# ready within its first second: the RNG seed in its boot_params.
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree, required),
# BOOTIMG_E2E_CACHE (downloads), BOOTIMG_E2E_JOBS (parallel boots, 2),
# BOOTIMG_E2E_ONLY (a regular expression: run the matching cases only).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 boot-matrix
work=$e2e_work/$(basename "$kernel")
e2e_images "$work" "$kernel"

# --initrd-file: a random key put into the second kernel's initramfs,
# whose checksum and mode its init reports; the command line has a word
# to --remove on the way.
initrd_file_case() {	# initrd_file_case NAME METHOD
	e2e_case "$work/cases/$1" exec="bootimg --exec" \
		cmdline="$(e2e_cmdline "$1")" \
		run="bootimg -v --load /stage2/vmlinuz --initrd=/stage2/a.cpio --initrd-file=/case/key:/etc/bootimg-e2e/key --command-line=\"\$CMDLINE bootimg.junk=1\" --remove=bootimg.junk --method=$2"
	head -c 65536 /dev/urandom >"$work/cases/$1/root/case/key"
	chmod 644 "$work/cases/$1/root/case/key"
}

# e2e_check, then the key: the same bytes, mode 600 (the source's owner
# bits), owner root.
check_initrd_file() {	# check_initrd_file DIR WORK
	local want got why
	why=$(e2e_check "$1" "$2" 1 1) || { echo "$why"; return 1; }
	want="$(sha256sum <"$1/root/case/key" | cut -d' ' -f1) 600 0:0"
	got=$(e2e_field "$1/serial.log" "BOOTIMG-STAGE2 initrd-file ")
	[ "$got" = "$want" ] || { echo "initrd-file: got '$got', want '$want'"; return 1; }
	echo "key delivered, $why"
}

# Bad input after a good load: each must fail with its own exit code and
# leave the first kernel staged; then a disabled kexec (EPERM) too.
keep_case() {	# keep_case NAME METHOD
	e2e_case "$work/cases/$1" exec="bootimg --exec" \
		cmdline="$(e2e_cmdline "$1")" run="$(cat <<EOS
expect() { want=\$1; shift; "\$@"; rc=\$?; [ \$rc -eq \$want ] && return 0; echo "BOOTIMG-STAGE1-FAIL \$* exited \$rc, not \$want"; exit 1; }
bootimg --load /stage2/vmlinuz --initrd=/stage2/a.cpio --command-line="\$CMDLINE" --method=$2 || exit 1
head -c 100000 /stage2/vmlinuz >/tmp/truncated
echo hello >/tmp/not-a-kernel
long=\$(printf '%4096s' | tr ' ' x)
for m in file kexec auto; do
	expect 3 bootimg --load /tmp/truncated --method=\$m
	expect 3 bootimg --load /tmp/not-a-kernel --method=\$m
	expect 4 bootimg --load /stage2/vmlinuz --initrd=/nonexistent --method=\$m
	expect 5 bootimg --load /stage2/vmlinuz --command-line="\$long" --method=\$m
done
echo 1 >/proc/sys/kernel/kexec_load_disabled
expect 6 bootimg --load /stage2/vmlinuz --method=$2
expect 0 bootimg --status
EOS
)"
}

# guest_config DIR: the kernel's config in the guest's /boot, where
# auto reads whether kexec signatures are enforced: with nothing against
# it, auto takes kexec_load with fast boot (bootimg(8)).
guest_config() {
	mkdir -p "$1/root/boot"
	cp "$(dirname "$kernel")"/config-* "$1/root/boot/" 2>/dev/null
	return 0
}

# The default path, auto, took fast boot and said why (-v)?
check_auto() {	# check_auto DIR SMP INITRDS
	local why
	why=$(e2e_check "$1" "$work" "$2" "$3") || { echo "$why"; return 1; }
	grep -q 'bootimg: auto: kexec_load with fast boot' "$1/serial.log" ||
		{ echo "auto did not take kexec_load with fast boot"; return 1; }
	grep -q 'bootimg: fast boot, KASLR: _text at 0x' "$1/serial.log" ||
		{ echo "no KASLR line from the fast boot"; return 1; }
	echo "auto: kexec_load with fast boot and KASLR, $why"
}

cases=()
for c in "file 1 1" "file 2 2" "kexec 1 2" "kexec 2 1" "auto 1 1" "auto 2 2"; do
	read -r method initrds smp <<<"$c"
	name=$method-${initrds}initrd-smp$smp
	e2e_load_case "$work/cases/$name" "$method" "$initrds"
	[ $method = auto ] && guest_config "$work/cases/$name"
	cases+=("$name $smp $initrds")
done
for method in file kexec; do
	keep_case "keep-$method" "$method"
	cases+=("keep-$method 1 1")
	initrd_file_case "initrd-file-$method" "$method"
	cases+=("initrd-file-$method 1 1")
done
# check_case NAME: --check's predictions, then the loads they predict.
check_case() {
	local dir=$work/cases/$1
	e2e_case "$dir" exec="echo BOOTIMG-CHECK-PASS; poweroff -f" \
		cmdline="$(e2e_cmdline "$1")" run="$(cat <<'EOS'
mount -t securityfs securityfs /sys/kernel/security
args="--load /stage2/vmlinuz --initrd=/stage2/a.cpio"
bootimg --check $args >/tmp/check.txt; rc=$?
sed 's/^/BOOTIMG-CHECK /' /tmp/check.txt
bootimg --check --json $args | tr -d '\n' | sed 's/^/BOOTIMG-CHECK-JSON /'; echo
ok() { grep -q "$1" /tmp/check.txt || { echo "BOOTIMG-STAGE1-FAIL --check: no '$1'"; exit 1; }; }
[ $rc -eq 6 ] || { echo "BOOTIMG-STAGE1-FAIL --check exited $rc, want 6"; exit 1; }
ok '^lockdown: *integrity'
ok '^signature: *signed (Authenticode); required: yes; accepted: no'
ok '^method file *fails: the kernel is locked down'
ok '^method kexec *not tried'
ok '^verdict: *the load would fail (exit 6)'
bootimg --check --method=kexec $args >/tmp/check.txt; rc=$?
[ $rc -eq 6 ] || { echo "BOOTIMG-STAGE1-FAIL --check --method=kexec exited $rc, want 6"; exit 1; }
ok 'locked down (integrity)'
for m in kexec auto; do
	bootimg --method=$m $args --command-line="$CMDLINE"; rc=$?
	[ $rc -eq 6 ] || { echo "BOOTIMG-STAGE1-FAIL --method=$m exited $rc, as --check said: 6"; exit 1; }
done
bootimg --status && { echo "BOOTIMG-STAGE1-FAIL a kernel is staged"; exit 1; }
exit 0
EOS
)"
	guest_config "$dir"
}
check_case check-lockdown
cases+=("check-lockdown 1 1 lockdown=integrity")

e2e_case "$work/cases/breadcrumb" exec="bootimg --exec" \
	cmdline="$(e2e_cmdline breadcrumb)" \
	run="bootimg --debug --load /stage2/vmlinuz --initrd=/stage2/a.cpio --command-line=\"\$CMDLINE\""
cases+=("breadcrumb 1 1")
e2e_reset_case "$work" gcc "$(e2e_cmdline purgatory-reset)" ||
	e2e_bail "cannot build guest/corrupt-segment.c"
cases+=("purgatory-reset 1 1")

check_verdict() {	# check_verdict DIR: check-lockdown's in-guest checks passed?
	if grep -q BOOTIMG-STAGE1-FAIL "$1/serial.log"; then
		e2e_field "$1/serial.log" "BOOTIMG-STAGE1-FAIL "
		return 1
	fi
	grep -q BOOTIMG-CHECK-PASS "$1/serial.log" ||
		{ echo "the first kernel did not finish"; return 1; }
	sed -n 's/^[0-9.]* BOOTIMG-CHECK-JSON //p' "$1/serial.log" >"$1/check.json"
	jq -e '.facts.lockdown == "integrity" and .method == "file" and .exit_code == 6' \
		"$1/check.json" >/dev/null || { echo "--check --json: $(cat "$1/check.json")"; return 1; }
	echo "--check predicted exit 6 by the file method under lockdown=integrity; so it was"
}

# The crng of the kernel in DIR was ready within its first second?
check_seeded() {	# check_seeded DIR
	local at
	at=$(e2e_field "$1/serial.log" "BOOTIMG-STAGE2 crng=" | tr -d '\r')
	awk -v t="${at:-9999}" 'BEGIN { exit !(t < 1) }' ||
		{ echo "crng ready at ${at:-never} s: no RNG seed"; return 1; }
}

run_one() {	# run_one NAME SMP INITRDS [APPEND]: boot, check, print the verdict
	local dir=$work/cases/$1 why status start=$SECONDS
	e2e_boot "$work" "$dir" "$2" bios none "${4:-}"
	status=$?
	sed -n 's/^[0-9.]* BOOTIMG-CHECK //p' "$dir/serial.log" >"$dir/check.txt"
	if [ "$1" = purgatory-reset ]; then
		why=$(e2e_check_reset "$dir" "$status" $((SECONDS - start)))
	elif [ "$1" = check-lockdown ]; then
		why=$(check_verdict "$dir")
	elif [[ $1 == auto-* ]]; then
		why=$(check_auto "$dir" "$2" "$3")
	elif [[ $1 == initrd-file-* ]]; then
		why=$(check_initrd_file "$dir" "$work")
	elif [ "$1" = breadcrumb ] &&
	     ! grep -q 'bootimg purgatory: checksums ok, entering 64-bit kernel at 0x' "$dir/serial.log"; then
		why="no breadcrumb line on the serial port"
		false
	else
		why=$(e2e_check "$dir" "$work" "$2" "$3")
	fi
	status=$?
	if [ $status -eq 0 ] && [[ $1 == kexec-* || $1 == auto-* || $1 == *-kexec ]]; then
		check_seeded "$dir" || { why="$why; $(check_seeded "$dir")"; status=1; }
	fi
	e2e_result "$1" $status "$why" "$dir/serial.log"
}

e2e_pool run_one "${cases[@]}"
e2e_finalize
