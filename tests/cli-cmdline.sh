#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Command-line editing through bootimg under the syscall shim: --remove,
# --append's last-wins keys, what --reuse-cmdline and a panic kernel drop,
# and the final command line that -v and --dry-run print.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-cmdline

cp -r "$src/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/root"
mkdir -p "$tmp/root/proc"
"$fake" "$tmp/vmlinuz"
printf '%s\n' 'BOOT_IMAGE=/vmlinuz-6.1 root=/dev/vda ro  quiet initrd=\initrd.img e2e="two  words" console=tty0 console=ttyS0 -- single' \
	>"$tmp/root/proc/cmdline"

# loaded CMDLINE: kexec_file_load was given exactly CMDLINE.
loaded() {
	local want=${1//\\/\\\\}
	want=${want//\"/\\\"}
	has "cmdline_len=$((${#1} + 1)) cmdline=\"$want\"" "$tmp/log"
}
# file ARGS...: bootimg --method=file ARGS under the shim.
file() { run -- -s --load "$tmp/vmlinuz" "$@"; }

file --reuse-cmdline
fcheck "--reuse-cmdline drops BOOT_IMAGE= and initrd=, keeps quotes and --" \
	loaded 'root=/dev/vda ro quiet e2e="two  words" console=tty0 console=ttyS0 -- single'
file --reuse-cmdline --remove=console --remove=ro
fcheck "--remove drops every word of each key, with or without =" \
	loaded 'root=/dev/vda quiet e2e="two  words" -- single'
file --reuse-cmdline --remove=e2e --remove=single
fcheck "--remove drops a quoted value whole; init's words stay" \
	loaded 'root=/dev/vda ro quiet console=tty0 console=ttyS0 -- single'
file --reuse-cmdline --append='root=/dev/sda2 console=ttyS1,115200 quiet'
fcheck "--append replaces the keys it gives, before init's words" \
	loaded 'ro e2e="two  words" root=/dev/sda2 console=ttyS1,115200 quiet -- single'
file --reuse-cmdline --append='e2e="one word"'
fcheck "--append replaces a quoted value" \
	loaded 'root=/dev/vda ro quiet console=tty0 console=ttyS0 e2e="one word" -- single'
file --command-line='foo=1 foobar=2 foo nr-cpus=4' --append='foo=3 nr_cpus=1'
fcheck "with --command-line too; foo is not foobar; - and _ are one" \
	loaded 'foobar=2 foo=3 nr_cpus=1'
file --command-line='a b' --append='c -- emergency'
fcheck "--append's own -- goes to init" loaded 'a b c -- emergency'
file --command-line='a  b' --append=''
fcheck "an empty --append changes nothing but blanks" loaded 'a b'
file --command-line='quiet x' --remove=quiet --append=quiet
fcheck "--remove, then --append adds the key back" loaded 'x quiet'

# The panic kernel: no crashkernel= (the running kernel's would reserve
# memory inside the reservation), whichever the source.
crash=$tmp/crash-root
cp -r "$src/tests/fixtures/qemu-crash-1g" "$crash"
chmod -R u+w "$crash"
sed 's/^/crashkernel=256M /' "$tmp/root/proc/cmdline" >"$crash/proc/cmdline"
run BOOTIMG_SYSROOT="$crash" -- -p "$tmp/vmlinuz" --method=file \
	--reuse-cmdline --remove=console --append='nr_cpus=1 reset_devices'
fcheck "panic: crashkernel= dropped from the reused command line" \
	loaded 'root=/dev/vda ro quiet e2e="two  words" nr_cpus=1 reset_devices -- single'
run BOOTIMG_SYSROOT="$crash" -- -p "$tmp/vmlinuz" --method=file \
	--command-line='crashkernel=1G-:128M x'
fcheck "panic: crashkernel= dropped from --command-line too" loaded 'x'
run -- -s --load "$tmp/vmlinuz" --command-line='crashkernel=128M x'
fcheck "not a panic kernel: crashkernel= stays" loaded 'crashkernel=128M x'

# kexec_load: the zero page and command line are the same as when the
# edited line is given whole.
run -- -c --load "$tmp/vmlinuz" --reuse-cmdline --remove=console \
	--append=quiet
sed -n 's/.*segment 1 //p' "$tmp/log" >"$tmp/edited"
run -- -c --load "$tmp/vmlinuz" \
	--command-line='root=/dev/vda ro e2e="two  words" quiet -- single'
sed -n 's/.*segment 1 //p' "$tmp/log" >"$tmp/whole"
check "kexec method: the edited command line reaches the boot parameters" \
	eval '[ -s "$tmp/edited" ] && cmp -s "$tmp/edited" "$tmp/whole"'

# -v and --dry-run print the final command line, escaped.
run -- -v -s --load "$tmp/vmlinuz" --command-line="$(printf 'a=1 b\033[2J')" \
	--remove=a --append=c
fcheck "-v prints the final command line, escaped" \
	has 'bootimg: command line: b\x1b[2J c' "$tmp/err"
run -- -n --load "$tmp/vmlinuz" --reuse-cmdline --remove=e2e
check "--dry-run prints the final command line" \
	has 'command line: root=/dev/vda ro quiet console=tty0 console=ttyS0 -- single' "$tmp/out"
check "--dry-run loads nothing" eval 'lacks kexec_load "$tmp/log" && lacks kexec_file "$tmp/log"'
if [ -x "$b/tests/unit/make-fake-uki" ]; then
	"$b/tests/unit/make-fake-uki" "$tmp/uki.efi" 'quiet root=/dev/vda console=tty0'
	run -- -n --load "$tmp/uki.efi" --remove=quiet --append=console=ttyS0
	check "a UKI's own command line is edited too" \
		has 'command line: root=/dev/vda console=ttyS0' "$tmp/out"
else
	skip "no make-fake-uki"
fi

# Bad keys: a usage error naming the argument, nothing loaded.
for key in '' 'a=b' 'a b' '"a"'; do
	run -- -s --load "$tmp/vmlinuz" --command-line=x --remove="$key"
	check "--remove='$key': exit 2, names it" eval \
		'[ $rc -eq 2 ] && head -n 1 "$tmp/err" | grep -qF -- "bootimg: --remove=$key: KEY must be" &&
		lacks kexec_file "$tmp/log"'
done
run -- -s --load "$tmp/vmlinuz" --reuse-cmdline \
	--append="$(head -c 2100 /dev/zero | tr '\0' x)"
fcheck "the edited command line is checked against the limit (exit 5)" \
	eval '[ $rc -eq 5 ] && lacks kexec_file "$tmp/log"'
for opt in --command-line --append; do
	run -- -s --load "$tmp/vmlinuz" "$opt=$(head -c 70000 /dev/zero | tr '\0' 'x ')"
	check "$opt of 70000 bytes: refused before editing (exit 5)" \
		eval '[ $rc -eq 5 ] && lacks kexec_file "$tmp/log"'
done

echo "1..$n"
