#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# multiboot: in qemu (TCG), Debian's kernel boots a multiboot kernel this
# script builds (tests/e2e/guest/multiboot-kernel) with two modules and a
# command line.  The multiboot kernel prints what it was handed on the
# serial port ("MB-" lines) and stops the machine; the script checks the
# command line, each module's string and contents, the magic and the
# boot loader's name.  Cases: the ELF form with --method=kexec and with
# --method=auto (which also checks that --method=file refuses it, and
# that --initrd is refused), and the flat binary with the header's
# address fields.  Prints TAP: one ok/not ok line a case
# (tests/e2e/lib.sh).
#
# Environment: as boot-matrix (BOOTIMG_STAGE, BOOTIMG_E2E_CACHE,
# BOOTIMG_E2E_ONLY, BOOTIMG_E2E_WORK, BOOTIMG_E2E_TIMEOUT).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 multiboot
work=$e2e_work
e2e_images "$work" "$kernel"

# The test kernel, as a 32-bit ELF and as a flat binary whose header
# has the address fields (flags bit 16).
src=$e2e_guest/multiboot-kernel
# shellcheck disable=SC2054	# the commas are the linker's
cflags=(-m32 -ffreestanding -nostdlib -static -fno-pic -no-pie
	-fno-stack-protector -fno-asynchronous-unwind-tables -O2
	-Wall -Wextra -Werror -Wl,-T,"$src/link.ld" -Wl,--build-id=none
	-Wl,--no-warn-rwx-segments)
# Its serial output is the purgatory's.
cflags+=(-I"$e2e_top/src/purgatory")
sources=("$src/entry.S" "$src/main.c" "$e2e_top/src/purgatory/serial.c")
build_kernels() {
	gcc "${cflags[@]}" -o "$work/mb-elf" "${sources[@]}" &&
	gcc "${cflags[@]}" -DADDRESS_FIELDS -o "$work/mb-flat.elf" \
		"${sources[@]}" &&
	objcopy -O binary "$work/mb-flat.elf" "$work/mb-flat"
}
build_kernels ||
	e2e_bail "cannot build the multiboot test kernel (gcc -m32: gcc-multilib)"

token() { head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# A case staging /stage2/IMAGE with two modules; RUN_BEFORE runs first
# (checks of refused inputs).
mb_case() {	# mb_case NAME IMAGE METHOD [RUN_BEFORE]
	local dir=$work/cases/$1 load
	load="bootimg -v --load /stage2/$2 --method=$3 --command-line=\"\$CMDLINE\""
	load+=" --module=\"/stage2/mod-a alpha one\" --module=/stage2/mod-b"
	e2e_case "$dir" exec="bootimg --exec" \
		cmdline="mb.case=$1 words=\"two words\" token=$(token)" \
		run="${4:+$4 
}$load"
	mkdir -p "$dir/root/stage2"
	cp "$work/$2" "$dir/root/stage2/$2"
	printf 'module A %s' "$(token)" >"$dir/root/stage2/mod-a"
	printf 'module B\nline two %s\n' "$(token)" >"$dir/root/stage2/mod-b"
}

# The refusals checked before staging in the auto case: the file method
# cannot load a multiboot kernel (exit 7), an initrd is refused (exit 9).
refusals='bootimg --load /stage2/mb-elf --method=file --module=/stage2/mod-a; [ $? -eq 7 ] || { echo "BOOTIMG-STAGE1-FAIL --method=file not refused"; exit 1; }
bootimg --load /stage2/mb-elf --initrd=/stage2/mod-a; [ $? -eq 9 ] || { echo "BOOTIMG-STAGE1-FAIL --initrd not refused"; exit 1; }'

cases=()
for c in "elf-kexec mb-elf kexec" "elf-auto mb-elf auto" \
	 "flat-kexec mb-flat kexec"; do
	# shellcheck disable=SC2086
	set -- $c
	e2e_selected "$1" || continue
	if [ "$1" = elf-auto ]; then
		mb_case "$@" "$refusals"
	else
		mb_case "$@"
	fi
	cases+=("$1")
done

# mb_check DIR: the multiboot kernel's report against the case.
mb_check() {
	local dir=$1 log=$1/serial.log want got
	if grep -q BOOTIMG-STAGE1-FAIL "$log"; then
		e2e_field "$log" "BOOTIMG-STAGE1-FAIL "
		return 1
	fi
	grep -q "MB-DONE" "$log" || { echo "the multiboot kernel did not report"; return 1; }
	if [ "${dir##*/}" = elf-auto ] && ! grep -q "used kexec_load" "$log"; then
		echo "auto did not fall back to kexec_load"
		return 1
	fi
	got=$(e2e_field "$log" "MB-MAGIC ")
	[ "$((got))" = "$((0x2badb002))" ] || { echo "magic $got"; return 1; }
	got=$(e2e_field "$log" "MB-LOADER ")
	[ "$got" = bootimg ] || { echo "boot loader name '$got'"; return 1; }
	want=$(cat "$dir/root/case/cmdline")
	got=$(e2e_field "$log" "MB-CMDLINE ")
	[ "$got" = "$want" ] || { echo "cmdline '$got', want '$want'"; return 1; }
	want="/stage2/mod-a alpha one $(cat "$dir/root/stage2/mod-a")"
	got=$(sed -n 's/^[0-9.]* MB-MODULE //p' "$log" | sed -n 1p)
	[ "$got" = "$want" ] || { echo "module 1 '$got', want '$want'"; return 1; }
	want="/stage2/mod-b $(tr '\n' '|' <"$dir/root/stage2/mod-b")"
	got=$(sed -n 's/^[0-9.]* MB-MODULE //p' "$log" | sed -n 2p)
	[ "$got" = "$want" ] || { echo "module 2 '$got', want '$want'"; return 1; }
	got=$(e2e_field "$log" "MB-MEM ")
	echo "$got, $(e2e_field "$log" "MB-MMAP ")"
}

for name in "${cases[@]}"; do
	dir=$work/cases/$name
	e2e_boot "$work" "$dir" 1
	why=$(mb_check "$dir")
	e2e_result "$name" $? "$why" "$dir/serial.log"
done
e2e_finalize
