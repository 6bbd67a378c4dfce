#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Self-test of tests/shim/syscall-shim.so: run shim-selftest under it and
# compare its output and the shim's log with what they should be.  TAP.
#
# Environment: top_builddir (default .), SHIM (the shim's path),
# SHIM_SELFTEST (the test program's path).
set -u

b=${top_builddir:-.}
shim=${SHIM:-$b/tests/shim/.libs/syscall-shim.so}
prog=${SHIM_SELFTEST:-$b/tests/shim/shim-selftest}

# The i386 ABI has no kexec_file_load, which half of the calls are.
if [ -x "$prog" ] && [ "$(od -An -tu1 -j4 -N1 "$prog" | tr -d ' ')" = 1 ]; then
	echo "1..0 # SKIP a 32-bit build: no kexec_file_load to trap"
	exit 0
fi
echo "1..9"
if [ ! -f "$shim" ] || [ ! -x "$prog" ]; then
	echo "Bail out! $shim or $prog is missing"
	exit 99
fi
case $shim in /*) ;; *) shim=$(pwd)/$shim ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/shim-selftest.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

n=0
check() {	# check DESCRIPTION COMMAND...: one TAP line
	n=$((n + 1))
	desc=$1
	shift
	if "$@" >"$tmp/diff" 2>&1; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		sed 's/^/# /' "$tmp/diff"
	fi
}

digest() {	# digest FILE: the shim's "<sha256>:<size>" of FILE
	printf '%s:%s' "$(sha256sum <"$1" | cut -d' ' -f1)" "$(wc -c <"$1")"
}

sha() {		# sha: SHA-256 of stdin
	sha256sum | cut -d' ' -f1
}

# run LOG OUT [VAR=VALUE...]: run the program under the shim
run() {
	log=$1 out=$2
	shift 2
	env BOOTIMG_SHIM_LOG="$log" LD_PRELOAD="$shim" "$@" \
		"$prog" "$tmp/kernel" >"$out" 2>"$out.err"
	rc=$?
	echo "exit status $rc" >>"$out"
	return $rc
}

seq 1 40000 >"$tmp/kernel"	# bigger than the shim's read buffer
printf 'initrd contents\n' >"$tmp/initrd"
k=$(digest "$tmp/kernel")
i=$(digest "$tmp/initrd")
hello=$(printf hello | sha)
a8k=$(head -c 8192 /dev/zero | tr '\0' A | sha)

cat >"$tmp/want.log" <<END
kexec_load entry=0x100000 nr_segments=2 flags=0x0
  segment 0 mem=0x100000 memsz=0x1000 bufsz=0x5 sha256=$hello
  segment 1 mem=0x200000 memsz=0x3000 bufsz=0x2000 sha256=$a8k
kexec_load entry=0x100000 nr_segments=2 flags=0x0
  segment 0 mem=0x100000 memsz=0x2000 bufsz=0x5 sha256=$hello
  segment 1 mem=0x101000 memsz=0x1000 bufsz=0x1000 sha256=$(head -c 4096 /dev/zero | tr '\0' A | sha)
  invalid: segments 0 and 1 overlap
kexec_load entry=0x0 nr_segments=1 flags=0x0
  segment 0 mem=0x100800 memsz=0x1000 bufsz=0x5 sha256=$hello
  invalid: segment 0 mem or memsz not page aligned
kexec_load entry=0x0 nr_segments=1 flags=0x0
  segment 0 mem=0x100000 memsz=0x1000 bufsz=0x2000 sha256=$a8k
  invalid: segment 0 bufsz > memsz
kexec_load entry=0x0 nr_segments=1 flags=0x0
  segment 0 mem=0xfffffffffffff000 memsz=0x2000 bufsz=0x0 sha256=$(sha </dev/null)
  invalid: segment 0 mem+memsz overflows
kexec_load entry=0x0 nr_segments=17 flags=0x0
  invalid: 17 segments, at most 16
kexec_load entry=0x0 nr_segments=0 flags=0x1
kexec_file_load kernel=$k initrd=$i flags=0x0 cmdline_len=29 cmdline="console=ttyS0 quiet x=\\"a b\\"\\\\"
kexec_file_load kernel=$k initrd=none flags=0x4 cmdline_len=0 cmdline=""
kexec_file_load kernel=$k initrd=$i flags=0x0 cmdline_len=4 cmdline="abcd"
  invalid: cmdline_len does not count a final NUL
kexec_file_load kernel=none initrd=none flags=0x1 cmdline_len=0 cmdline=""
reboot cmd=0x45584543
reboot cmd=0x45584543
END

# want_out LOAD FILE_LOAD REBOOT: the program's output given the results
# of the calls the shim lets succeed
want_out() {
	cat <<END
getpid forwarded: yes
kexec_load valid: $1
kexec_load overlap: -1 EINVAL
kexec_load unaligned: -1 EINVAL
kexec_load bufsz>memsz: -1 EINVAL
kexec_load overflow: -1 EINVAL
kexec_load 17 segments: -1 EINVAL
kexec_load unload: $1
kexec_file_load: $2
offsets after: kernel 3 initrd 16
kexec_file_load no initramfs: $2
kexec_file_load cmdline without NUL: -1 EINVAL
kexec_file_load unload: $2
reboot: $3
syscall reboot: $3
exit status 0
END
}

run "$tmp/ok.log" "$tmp/ok.out"
want_out 0 0 0 >"$tmp/want.out"
check "calls succeed" diff -u "$tmp/want.out" "$tmp/ok.out"
check "log" diff -u "$tmp/want.log" "$tmp/ok.log"

run "$tmp/err.log" "$tmp/err.out" BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EPERM \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EKEYREJECTED \
	BOOTIMG_SHIM_ERRNO_REBOOT=EBUSY
want_out "-1 EPERM" "-1 EKEYREJECTED" "-1 EBUSY" >"$tmp/want.out"
check "injected errors" diff -u "$tmp/want.out" "$tmp/err.out"
check "log with injected errors" diff -u "$tmp/want.log" "$tmp/err.log"

run "$tmp/bad.log" "$tmp/bad.out" BOOTIMG_SHIM_ERRNO_REBOOT=EWHATEVER
check "unknown errno name is a hard error" test $? -eq 99

# Without the shim the program must stop before its first kexec call.
"$prog" "$tmp/kernel" >"$tmp/none.out" 2>&1
check "refuses to run without the shim" test $? -eq 99

# The log is appended to, never truncated.
run "$tmp/ok.log" "$tmp/again.out"
cat "$tmp/want.log" "$tmp/want.log" >"$tmp/want2.log"
check "log is appended to" diff -u "$tmp/want2.log" "$tmp/ok.log"

# BOOTIMG_SHIM_EUID: what geteuid() says (id -u asks it)
check "BOOTIMG_SHIM_EUID sets geteuid()" \
	test "$(BOOTIMG_SHIM_EUID=4242 LD_PRELOAD="$shim" id -u)" = 4242

# BOOTIMG_SHIM_BACKING: "hello" is in the program's file, a NULL buffer
# is none; kexec_file_load gets the kernel's file and a memfd.
run "$tmp/backing.log" "$tmp/backing.out" BOOTIMG_SHIM_BACKING=1
case $prog in /*) progpath=$prog ;; *) progpath=$(pwd)/$prog ;; esac
progpath=$(readlink -f "$progpath")
backing_has() { grep -qxF -- "$1" "$tmp/backing.log" || echo "no line '$1'"; }
backing_lines() {
	backing_has "  backing 0 file:$progpath"
	backing_has "  backing 0 none"
	backing_has "  backing kernel=file:$tmp/kernel initrd=memfd:initrd"
	grep -q '^  memory anon_kb=[0-9][0-9]* shmem_kb=[0-9][0-9]*$' \
		"$tmp/backing.log" || echo "no memory line"
}
check "BOOTIMG_SHIM_BACKING says what backs buffers and fds" \
	test -z "$(backing_lines)"

[ $n -eq 9 ] || echo "not ok - ran $n tests, planned 9"
