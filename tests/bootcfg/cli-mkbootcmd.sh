#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mkbootcmd's interface: usage errors, exit codes, and that the shell
# line and --format=args give bootimg the same arguments.  TAP.
set -u

b=${top_builddir:-.}
mkbootcmd=$b/mkbootcmd
if [ ! -x "$mkbootcmd" ]; then
	echo "Bail out! build mkbootcmd first (make check)"
	exit 99
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli-mkbootcmd.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
expect() {	# expect DESCRIPTION CODE ARGS...: exit status CODE
	local desc=$1 want=$2 rc
	shift 2
	"$mkbootcmd" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	n=$((n + 1))
	if [ $rc -eq "$want" ]; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc (exit $rc, want $want)"
		sed 's/^/# /' "$tmp/out" "$tmp/err"
	fi
}
check() {	# check DESCRIPTION COMMAND...
	local desc=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}

mkdir -p "$tmp/root/boot/grub" "$tmp/root/boot/odd dir"
cat >"$tmp/root/boot/grub/grub.cfg" <<'CFG'
set default=1
menuentry 'Plain' {
	linux /vmlinuz-plain root=/dev/sda1 ro
}
menuentry "It's quoted" --id odd {
	linux "/odd dir/vmlinuz" 'init=/bin/sh -c "echo it'\''s $x"' quiet
	initrd "/odd dir/a b.cpio" /c.cpio
}
menuentry 'Newline' --id nl {
	linux /vmlinuz "a
b"
}
CFG
r=(--root="$tmp/root")

expect "--help" 0 --help
expect "a stray argument is a usage error" 2 "${r[@]}" stray
expect "--format=xml is a usage error" 2 "${r[@]}" --format=xml
expect "--null without --format=args is a usage error" 2 "${r[@]}" --null
expect "--list with --entry is a usage error" 2 "${r[@]}" --list --entry=0
expect "an unknown --loader is a usage error" 2 "${r[@]}" --loader=uboot
expect "no configuration: exit 5" 5 --root="$tmp/nothing"
grep -q "no boot loader configuration" "$tmp/err"
check "... and it says so" [ $? -eq 0 ]
expect "a missing --config: exit 4" 4 --config="$tmp/none.cfg"
expect "an unknown entry: exit 6" 6 "${r[@]}" --entry=9
expect "a newline in --format=args: exit 8" 8 "${r[@]}" --entry=nl \
	--format=args

# The shell line, evaluated, passes bootimg what --format=args lists.
expect "the default entry (set default=1)" 0 "${r[@]}"
line=$(cat "$tmp/out")
bootimg() { printf '%s\n' "$@"; }
eval "$line" >"$tmp/from-shell"
"$mkbootcmd" "${r[@]}" --format=args >"$tmp/args"
check "shell quoting round-trips to the same arguments" \
	cmp -s <(tail -n +2 "$tmp/from-shell" | sed '1s/^/--load=/') \
	"$tmp/args"
check "the command line is GRUB's: a blank argument quoted, \\ ' \" escaped" \
	grep -qxF -- "--command-line=\"init=/bin/sh -c \\\"echo it\\'s \$x\\\"\" quiet" \
	"$tmp/args"
"$mkbootcmd" "${r[@]}" --entry=nl --format=args --null >"$tmp/null"
check "--null keeps the newline, NUL-terminated" \
	cmp -s "$tmp/null" <(printf '%s\0' "--load=$tmp/root/boot/vmlinuz" \
			     "--command-line=a
b")
# More BLS entries than mkbootcmd keeps: one error, not "out of memory"
# nor the first 4096 in readdir order.  In /dev/shm when there is one:
# 4097 files take seconds to write to some disks.
many=$(mktemp -d /dev/shm/cli-mkbootcmd.XXXXXX 2>/dev/null) ||
	many=$(mktemp -d "$tmp/many.XXXXXX") || exit 99
trap 'rm -rf "$tmp" "$many"' EXIT
mkdir -p "$many/boot/loader/entries"
for i in $(seq 0 4096); do
	printf 'title %s\nlinux /vmlinuz\n' "$i" \
		>"$many/boot/loader/entries/e$i.conf"
done
expect "4097 BLS entries: exit 3" 3 --root="$many"
check "... naming the limit" grep -qxF \
	"mkbootcmd: $many/boot/loader/entries: more than 4096 menu entries (a limit of mkbootcmd)" \
	"$tmp/err"
rm "$many/boot/loader/entries/e4096.conf"
expect "4096 BLS entries are all kept" 0 --root="$many" --list
check "... every one of them" eval '[ "$(wc -l <"$tmp/out")" -eq 4096 ]'
echo "1..$n"
