# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the tests/cli-*.sh scripts that run bootimg under the
# syscall shim: the paths they need, a scratch folder, and TAP output.
# cli_setup NAME: bails out (exit 99) unless the tree is built.

b=${top_builddir:-.}
src=${srcdir:-.}
shim=$b/tests/shim/.libs/syscall-shim.so
bootimg=$b/bootimg
fake=$b/tests/unit/make-fake-bzimage
# fixed SIZE SEED >FILE: bytes that look random, the same on every run
fixed=$b/tests/cli/fixed-bytes
n=0

cli_setup() {
	if [ ! -f "$shim" ] || [ ! -x "$bootimg" ] || [ ! -x "$fake" ] ||
		[ ! -x "$fixed" ]; then
		echo "Bail out! build the tree first (make check)"
		exit 99
	fi
	case $shim in /*) ;; *) shim=$(pwd)/$shim ;; esac
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX") || exit 99
	trap 'rm -rf "$tmp"' EXIT
}

# fixture NAME DEST: a writable copy of tests/fixtures/NAME
fixture() {
	cp -r "$src/tests/fixtures/$1" "$2" && chmod -R u+w "$2"
}

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); echo "not ok $n - $1"
	sed 's/^/# /' "$tmp/out" "$tmp/err" "$tmp/log" 2>/dev/null
}
check() {	# check DESCRIPTION COMMAND...
	local desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
sha() { sha256sum | cut -d' ' -f1; }
digest() { printf '%s:%s' "$(sha <"$1")" "$(wc -c <"$1")"; }
has() { grep -qF -- "$1" "$2"; }
# An i386 build has no kexec_file_load: fcheck is check where there is
# one, a skip otherwise.  kexec_arch: kexec_load's KEXEC_ARCH_* flags.
if [ "${BOOTIMG_ARCH:-x86_64}" = i386 ]; then
	fcheck() { skip "$1 (i386: no kexec_file_load)"; }
	kexec_arch=0x30000
else
	fcheck() { check "$@"; }
	kexec_arch=0x3e0000
fi
lacks() { ! grep -qF -- "$1" "$2"; }
# rcheck is check where openat2(2) confines paths below --root, a skip
# where this build's programs lack it (tests/cli/has-openat2).
if "$b/tests/cli/has-openat2"; then
	rcheck() { check "$@"; }
else
	rcheck() { skip "$1 (no openat2 here)"; }
fi

# unpreload FILE: in a 32-bit build on a 64-bit system, the 64-bit
# programs between a test and bootimg (the libtool wrapper, a shell)
# cannot preload the 32-bit shim, and their ld.so says so on stderr:
# drop those lines from FILE.
unpreload() {
	sed -i '/from LD_PRELOAD cannot be preloaded (wrong ELF class/d' "$1"
}

# reboot_run [VAR=VALUE...] -- ARGS...: bootimg-reboot --defaults=
# $tmp/defaults ARGS with the fakes of $tmp/bin first on $PATH, below
# BOOTIMG_SYSROOT=$tmp/root, its bootimg under the shim (which logs to
# $tmp/log); $tmp/log and $tmp/calls emptied first, output in $tmp/out
# and $tmp/err; sets $rc.
reboot_run() {
	local vars=()
	while [ "$1" != -- ]; do vars+=("$1"); shift; done
	shift
	: >"$tmp/log"; : >"$tmp/calls"
	env PATH="$tmp/bin:$b:$PATH" BOOTIMG_SYSROOT="$tmp/root" \
		BOOTIMG_SHIM_LOG="$tmp/log" LD_PRELOAD="$shim" "${vars[@]}" \
		"$b/bootimg-reboot" --defaults="$tmp/defaults" "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
}

# mb_image OUT FLAGS CHECKSUM ENTRY: a flat multiboot kernel of 4 KiB
# whose header (address fields: loaded at 1 MiB from offset 0, bss to
# 1 MiB + 8 KiB) has FLAGS, CHECKSUM and ENTRY as escaped bytes.
mb_image() {
	{ printf "\x02\xb0\xad\x1b$2$3\x00\x00\x10\x00\x00\x00\x10\x00"
	  printf "\x00\x00\x00\x00\x00\x20\x10\x00$4"
	  head -c 4064 /dev/zero; } >"$1"
}

# run [VAR=VALUE...] -- ARGS...: bootimg under the shim; sets $rc (124:
# bootimg hung for CLI_TIMEOUT seconds and was killed)
run() {
	local vars=()
	while [ "$1" != -- ]; do vars+=("$1"); shift; done
	shift
	: >"$tmp/log"
	timeout "${CLI_TIMEOUT:-60}" \
	env BOOTIMG_SYSROOT="$tmp/root" BOOTIMG_SHIM_LOG="$tmp/log" \
		"${vars[@]}" LD_PRELOAD="$shim" \
		"$bootimg" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
}

# --json output: json_ok says whether jq and python both parse $tmp/out,
# jqv FILTER prints a value of it.
json_ok() {	# both parsers accept $tmp/out
	jq -e . "$tmp/out" >/dev/null &&
		python3 -m json.tool "$tmp/out" >/dev/null
}
jqv() { jq -r "$1" "$tmp/out"; }
# decoded FILE KEY.KEY: the JSON string's bytes, each \xHH turned back into its byte
decoded() {
	python3 -c 'import json, re, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
out = bytearray()
for i, p in enumerate(re.split(r"\\x([0-9a-f]{2})", v)):
    out += bytes([int(p, 16)]) if i % 2 else p.encode("utf-8")
sys.stdout.buffer.write(out)' "$1" "$2"
}
