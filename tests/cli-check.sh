#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg --check and --json under the syscall shim, on sysroots made
# here: the verdict's exit status is the one the load then gives, nothing
# is loaded by --check, and every --json output parses with jq and with
# python's json module; hostile file names and command lines (quotes,
# newlines, control characters, invalid UTF-8, backslashes) round-trip.
# TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-check

if ! command -v jq >/dev/null || ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP jq and python3 are needed (scripts/install-deps)"
	exit 0
fi

nothing_loaded() { ! grep -q kexec "$tmp/log"; }

# auto's first method: i386 has no kexec_file_load
auto=file
[ "${BOOTIMG_ARCH:-x86_64}" != i386 ] || auto=kexec
release=6.1.0-test-amd64
r=$tmp/root
cp -r "$src/tests/fixtures/qemu-pc-1g" "$r"
chmod -R u+w "$r"
mkdir -p "$r/proc/sys/kernel" "$r/sys/kernel/security" "$r/boot"
echo "$release" >"$r/proc/sys/kernel/osrelease"
echo 0 >"$r/proc/sys/kernel/kexec_load_disabled"
echo capability,lockdown >"$r/sys/kernel/security/lsm"
lockdown() { echo "$1" >"$r/sys/kernel/security/lockdown"; }
lockdown '[none] integrity confidentiality'
kconfig() { printf '%s\n' "$@" >"$r/boot/config-$release"; }
kconfig CONFIG_KEXEC=y CONFIG_KEXEC_FILE=y CONFIG_KEXEC_SIG=y
"$fake" "$tmp/vmlinuz"

# --- the facts alone ----------------------------------------------------
run -- --check
check "--check alone: exit 0" [ $rc -eq 0 ]
check "--check alone: names the release and lockdown" eval \
	'has "running kernel:      $release" "$tmp/out" && has "lockdown:            none" "$tmp/out"'
check "--check alone: the config file it read" has "(/boot/config-$release)" "$tmp/out"
run -- --check --json
check "--check --json alone: jq and python parse it" json_ok
check "--check --json: facts as JSON types" eval \
	'[ "$(jqv "[.facts.lockdown, .facts.kexec_load, .facts.crash_reserved, .exit_code] | @csv")" = "\"none\",true,0,0" ]'

# --- a kernel that would load ------------------------------------------
run -- --check --load "$tmp/vmlinuz"
check "--check --load: exit 0, method $auto" eval \
	'[ $rc -eq 0 ] && has "verdict:             the load would succeed with method $auto" "$tmp/out"'
check "--check --load: no syscall" nothing_loaded
check "--check --load: the memory fits" has "memory:              fits" "$tmp/out"
run -- --check --json --load "$tmp/vmlinuz" --initrd="$tmp/vmlinuz"
check "--check --json --load: parses" json_ok
fcheck "--check --json --load: would_load, file used, kexec not tried" eval \
	'[ "$(jqv "[.would_load, .method, .kernel.methods[0].outcome, .kernel.methods[1].outcome, .kernel.fits] | @csv")" = "true,\"file\",\"used\",\"not tried\",true" ]'

# verdict VERDICT-RC DESCRIPTION TEXT [SHIM-VARS...]: --check says TEXT and
# exits VERDICT-RC; the load under the shim (made to fail as the kernel
# would, by SHIM-VARS) exits the same.
verdict() {
	local want=$1 desc=$2 text=$3 shown
	shift 3
	run -- --check --load "$tmp/vmlinuz"
	shown=$rc
	check "$desc: --check exits $want" [ $shown -eq "$want" ]
	check "$desc: --check says why" has "$text" "$tmp/out"
	check "$desc: --check loads nothing" nothing_loaded
	run -- --check --json --load "$tmp/vmlinuz"
	check "$desc: --json parses, exit_code $want" eval \
		'json_ok && [ "$(jqv .exit_code)" = "$want" ] && [ $rc -eq "$want" ]'
	run "$@" -- --load "$tmp/vmlinuz"
	check "$desc: the load exits the same" [ $rc -eq "$want" ]
}

lockdown 'none [integrity] confidentiality'
verdict 6 "lockdown=integrity, unsigned image" "the kernel is locked down" \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM
run -- --check --load "$tmp/vmlinuz"
check "lockdown=integrity: named in the facts" has "lockdown:            integrity" "$tmp/out"
lockdown 'none integrity [confidentiality]'
verdict 6 "lockdown=confidentiality, unsigned image" "the kernel is locked down" \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM
run -- --check --load "$tmp/vmlinuz"
fcheck "lockdown: the file method's refusal names the signature" \
	has "signature would not verify" "$tmp/out"
kconfig CONFIG_KEXEC=y CONFIG_KEXEC_FILE=y CONFIG_KEXEC_SIG=y CONFIG_KEXEC_SIG_FORCE=y
lockdown '[none] integrity confidentiality'
if [ $auto = file ]; then
	verdict 6 "KEXEC_SIG_FORCE, unsigned image" "demands a valid signature" \
		BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENODATA
else
	skip "KEXEC_SIG_FORCE (i386: no kexec_file_load)"
fi
kconfig CONFIG_KEXEC=y CONFIG_KEXEC_FILE=y CONFIG_KEXEC_SIG=y
lockdown 'none integrity [confidentiality]'
run -- --check --method=kexec --load "$tmp/vmlinuz"
check "lockdown: --method=kexec would fail (exit 6), locked down" eval \
	'[ $rc -eq 6 ] && has "locked down (confidentiality)" "$tmp/out"'
lockdown '[none] integrity confidentiality'

echo 1 >"$r/proc/sys/kernel/kexec_load_disabled"
verdict 6 "kexec_load_disabled=1" "kernel.kexec_load_disabled=1" \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM
echo 0 >"$r/proc/sys/kernel/kexec_load_disabled"

kconfig '# CONFIG_KEXEC is not set'
verdict 7 "no kexec in the kernel" "has no kexec_load" \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS
kconfig CONFIG_KEXEC=y CONFIG_KEXEC_FILE=y

mv "$r/sys/firmware" "$tmp/firmware"
cp -r "$src/tests/fixtures/no-room/sys/firmware" "$r/sys/firmware"
chmod -R u+w "$r/sys/firmware"
run -- --check --method=kexec --load "$tmp/vmlinuz"
check "too large for the memory: exit 8" [ $rc -eq 8 ]
check "too large: names the largest RAM range" eval \
	'has "does not fit" "$tmp/out" && has "the largest RAM range is" "$tmp/out"'
run -- --method=kexec --load "$tmp/vmlinuz"
check "too large: the load exits 8 too" [ $rc -eq 8 ]
rm -rf "$r/sys/firmware"
mv "$tmp/firmware" "$r/sys/firmware"

run -- --check -p "$tmp/vmlinuz"
check "a panic kernel, nothing reserved: exit 8" eval \
	'[ $rc -eq 8 ] && has "crashkernel=SIZE" "$tmp/out"'

# --- without root: the facts only root reads are unknown, and said so --
nr=$(mktemp -d "${TMPDIR:-/tmp}/cli-check-nr.XXXXXX")
mkdir -p "$nr/sys/kernel/security"
echo x >"$nr/sys/kernel/security/lsm"
echo 'none [integrity] confidentiality' >"$nr/sys/kernel/security/lockdown"
chmod -R a+rX "$nr"
chmod 600 "$nr/sys/kernel/security/lockdown"
as_nobody() {
	if [ "$(id -u)" -ne 0 ]; then "$@"
	elif command -v setpriv >/dev/null; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else return 77
	fi
}
as_nobody env BOOTIMG_SYSROOT="$nr" LD_PRELOAD="$shim" "$bootimg" --check \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -eq 77 ] || ! [ -r "$bootimg" ]; then
	skip "not root: no setpriv to drop root"
else
	check "not root: lockdown needs root, and the load too" eval \
		'has "lockdown:            unknown (reading it needs root)" "$tmp/out" && has "privileges:          not root" "$tmp/out"'
	as_nobody env BOOTIMG_SYSROOT="$nr" LD_PRELOAD="$shim" "$bootimg" \
		--check --json >"$tmp/out" 2>"$tmp/err"
	check "not root: --json lists lockdown in needs_root" eval \
		'json_ok && [ "$(jqv ".facts.needs_root[0], .facts.root")" = "lockdown
false" ]'
fi
rm -rf "$nr"

run -- --check --exec
check "--check --exec: usage error" [ $rc -eq 2 ]
run -- --json --load "$tmp/vmlinuz"
check "--json with --load alone: usage error, nothing loaded" eval \
	'[ $rc -eq 2 ] && nothing_loaded'

# --- --json on --status, --info, --dry-run ------------------------------
run -- --status --json
check "--status --json: parses, exit 1, nothing staged" eval \
	'[ $rc -eq 1 ] && json_ok && [ "$(jqv .staged)" = false ]'
run -- --info "$tmp/vmlinuz" --json
check "--info --json: parses, numbers as numbers" eval \
	'json_ok && [ "$(jqv "[.format, .init_size, .relocatable] | @csv")" = "\"bzImage\",8388608,true" ]'
run -- --dry-run --json --load "$tmp/vmlinuz" --command-line=x
check "--dry-run --json: parses, segments with numbers" eval \
	'json_ok && [ "$(jqv ".segments[0].what, .segments[0].start")" = "kernel
16777216" ]'

# --- hostile names and command lines round-trip -------------------------
# The command line's words are the kernel's: --dry-run gives it with its
# blanks (newline, tab) as spaces.
hostile=$(printf 'a "q" \\ b c\001\033[2J\177\302\233 \377\376 \303\251 end')
name="$tmp/$(printf 'k "x"\n\001\377\\')"
cp "$tmp/vmlinuz" "$name"
printf '%s' "$hostile" >"$tmp/want-cmdline"
printf '%s' "$name" >"$tmp/want-name"
run -- --dry-run --json --load "$name" --command-line="$hostile"
check "hostile: --dry-run --json parses" json_ok
check "hostile: the command line round-trips (python)" eval \
	'decoded "$tmp/out" command_line | cmp -s - "$tmp/want-cmdline"'
check "hostile: the file name round-trips" eval \
	'decoded "$tmp/out" kernel | cmp -s - "$tmp/want-name"'
check "hostile: jq gives the same bytes back" eval \
	'printf "%b" "$(jq -j .command_line "$tmp/out")" | cmp -s - "$tmp/want-cmdline"'
check "hostile: the JSON is valid UTF-8" eval \
	'iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null'
run -- --dry-run --json --load "$tmp/vmlinuz" --command-line="$(printf 'x\n\ty=1\001')"
cp "$tmp/out" "$tmp/json"
run -- --dry-run --load "$tmp/vmlinuz" --command-line="$(printf 'x\n\ty=1\001')"
check "hostile: --json's command line is the text's, byte for byte" eval \
	'printf "%b" "$(sed -n "s/^command line: //p" "$tmp/out")" >"$tmp/text-cmdline" &&
	 decoded "$tmp/json" command_line | cmp -s - "$tmp/text-cmdline"'
for args in "--info" "--check --json --load"; do
	# shellcheck disable=SC2086
	run -- $args "$name" --json
	check "hostile name: '$args --json' parses" json_ok
done
check "hostile name: --check's path round-trips" eval \
	'decoded "$tmp/out" kernel.path | cmp -s - "$tmp/want-name"'
run -- --info "$name" --json
check "hostile name: --info's file round-trips" eval \
	'decoded "$tmp/out" file | cmp -s - "$tmp/want-name"'

echo "1..$n"
