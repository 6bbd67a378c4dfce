# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# Sourced by mkbootimg-initramfs for --uki: a unified kernel image of
# the kernel, the initramfs and a command line, made by ukify, else by
# objcopy on systemd's EFI stub.

uki_stub=/usr/lib/systemd/boot/efi/linuxx64.efi.stub

# uki_build KERNEL INITRD CMDLINE OUT: the UKI in OUT, or die with
# EXIT_UKI (no tool) or EXIT_FAILED.
uki_build() {
	local kernel=$1 initrd=$2 cmdline=$3 out=$4
	if command -v ukify >/dev/null; then
		ukify build --linux="$kernel" --initrd="$initrd" \
			${cmdline:+--cmdline="$cmdline"} --output="$out" >/dev/null ||
			die "$EXIT_FAILED" "$out: ukify failed"
		return 0
	fi
	if ! command -v objcopy >/dev/null || ! command -v objdump >/dev/null; then
		die "$EXIT_UKI" "--uki: neither ukify nor objcopy is installed (systemd-ukify or binutils)"
	fi
	[ -f "$uki_stub" ] ||
		die "$EXIT_UKI" "--uki: no ukify, and no EFI stub $uki_stub (systemd-boot-efi)"
	uki_objcopy "$kernel" "$initrd" "$cmdline" "$out" ||
		die "$EXIT_FAILED" "$out: objcopy failed"
}

# uki_objcopy KERNEL INITRD CMDLINE OUT: the stub with .osrel, .cmdline,
# .initrd and .linux added, each at the next section-aligned address
# after the stub's last section and the one before.
uki_objcopy() {
	local align next args=() name file size
	align=$((16#$(objdump -p "$uki_stub" | awk '$1 == "SectionAlignment" {print $2}')))
	next=$(objdump -h "$uki_stub" |
		awk 'NF == 7 && $1 ~ /^[0-9]+$/ {v = $4; s = $3} END {print v, s}')
	next=$((16#${next% *} + 16#${next#* }))
	printf '%s' "$3" >"$4.cmdline"
	for name in osrel cmdline initrd linux; do
		case $name in
		osrel) file=/etc/os-release ;;
		cmdline) [ -n "$3" ] || continue; file=$4.cmdline ;;
		initrd) file=$2 ;;
		linux) file=$1 ;;
		esac
		[ -f "$file" ] || continue
		next=$(((next + align - 1) / align * align))
		args+=(--add-section ".$name=$file" --change-section-vma ".$name=$(printf 0x%x $next)")
		size=$(stat -L -c %s "$file")
		next=$((next + size))
	done
	objcopy "${args[@]}" "$uki_stub" "$4"
	local status=$?
	rm -f "$4.cmdline"
	return $status
}
