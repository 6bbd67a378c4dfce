#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The bootimg command end to end, without root: its syscalls are trapped
# by tests/shim and logged, so the exact arguments are checked.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-load

nothing_loaded() { lacks kexec_load "$tmp/log" && lacks kexec_file "$tmp/log"; }

cp -r "$src/tests/fixtures/qemu-pc-1g" "$tmp/root"
chmod -R u+w "$tmp/root"
"$fake" "$tmp/vmlinuz"
head -c 3001 /dev/urandom >"$tmp/a.cpio"
head -c 5000 /dev/urandom >"$tmp/b.cpio"
cmdline='console=ttyS0 root=/dev/vda "quoted arg" x=1'
kernel=$(digest "$tmp/vmlinuz")
payload=$(tail -c +2561 "$tmp/vmlinuz" | sha)

# --- kexec_load: the segments are the plan, digests and all -----------
run -- --dry-run --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" \
	--initrd="$tmp/b.cpio" --command-line="$cmdline"
cp "$tmp/out" "$tmp/plan"
check "--dry-run succeeds without privileges" [ $rc -eq 0 ]
check "--dry-run makes no syscall" nothing_loaded
run -- --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" --initrd "$tmp/b.cpio" \
	--command-line="$cmdline" --method=kexec
check "kexec method loads" [ $rc -eq 0 ]
entry=$(awk '/^entry/ {print $3}' "$tmp/plan")
check "kexec_load: entry is purgatory, 5 segments, the arch's flags" \
	has "kexec_load entry=$entry nr_segments=5 flags=$kexec_arch" "$tmp/log"
i=0
while read -r what size memsz range; do
	start=$((${range%-*})); mem=$(printf '0x%x' "$start")
	check "segment $i ($what) is where --dry-run said" has \
		"segment $i mem=$mem memsz=$(printf 0x%x "$memsz") bufsz=$(printf 0x%x "$size")" \
		"$tmp/log"
	i=$((i + 1))
done < <(grep -E '^(kernel|initrd|boot-params|purgatory) +[0-9]' "$tmp/plan")
check "kernel segment holds the payload and spans init_size" \
	has "segment 0 mem=0x1000000 memsz=0x800000 bufsz=0x10000 sha256=$payload" "$tmp/log"
check "first initrd segment holds a.cpio" has "sha256=$(sha <"$tmp/a.cpio")" "$tmp/log"
check "second initrd segment holds b.cpio" has "sha256=$(sha <"$tmp/b.cpio")" "$tmp/log"
check "the shim found the segments valid" lacks invalid "$tmp/log"

# --- kexec_file_load --------------------------------------------------
run -- --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" --initrd="$tmp/b.cpio" \
	--command-line="$cmdline" --method=file
{ cat "$tmp/a.cpio"; head -c 3 /dev/zero; cat "$tmp/b.cpio"; } >"$tmp/ab"
fcheck "file method: two initrds reach the kernel as one, 4-byte aligned" \
	has "kexec_file_load kernel=$kernel initrd=$(digest "$tmp/ab") flags=0x0 cmdline_len=$((${#cmdline} + 1)) cmdline=\"console=ttyS0 root=/dev/vda \\\"quoted arg\\\" x=1\"" "$tmp/log"
run -- -s --load "$tmp/vmlinuz" --initrd="$tmp/a.cpio" --command-line=x
fcheck "file method: one initrd is passed as it is" \
	has "initrd=$(digest "$tmp/a.cpio") flags=0x0 cmdline_len=2 cmdline=\"x\"" "$tmp/log"
run -- -s --load "$tmp/vmlinuz"
fcheck "file method: no initrd sets KEXEC_FILE_NO_INITRAMFS" \
	has "initrd=none flags=0x4 cmdline_len=1" "$tmp/log"
run -- -s --load "$tmp/vmlinuz" --command-line=a --append=b
fcheck "--append adds to --command-line" has 'cmdline="a b"' "$tmp/log"

# --- the panic kernel: inside the crashkernel= reservation -----------
crash=$tmp/crash-root
cp -r "$src/tests/fixtures/qemu-crash-1g" "$crash"
chmod -R u+w "$crash"
reserved=1d000000-2cffffff	# "Crash kernel" in the fixture's /proc/iomem
run BOOTIMG_SYSROOT="$crash" -- -n -p "$tmp/vmlinuz" --initrd="$tmp/a.cpio"
check "-n -p plans an elfcorehdr segment in the reservation" \
	grep -q '^elfcorehdr .*0x000000002cfff000' "$tmp/out"
run BOOTIMG_SYSROOT="$crash" BOOTIMG_SHIM_CRASH_RANGE=$reserved -- \
	-p "$tmp/vmlinuz" --initrd="$tmp/a.cpio" --method=kexec
check "panic, kexec: loads" [ $rc -eq 0 ]
check "panic, kexec: KEXEC_ON_CRASH, 5 segments" \
	has "nr_segments=5 flags=$(printf 0x%x $((kexec_arch | 1)))" "$tmp/log"
check "panic, kexec: the shim finds every segment in the reservation" \
	lacks invalid "$tmp/log"
run BOOTIMG_SYSROOT="$crash" BOOTIMG_SHIM_CRASH_RANGE=30000000-3fffffff -- \
	--load-panic="$tmp/vmlinuz" --method=kexec
check "panic, kexec: a reservation elsewhere is refused (exit 8)" \
	eval '[ $rc -eq 8 ] && has "outside the crash reservation" "$tmp/log"'
check "panic, kexec: EADDRNOTAVAIL is kexec_load's, in the reservation" \
	eval '[ $(wc -l <"$tmp/err") -eq 2 ] &&
	has "outside the memory reserved by crashkernel= (kexec_load refused" \
		"$tmp/err" && lacks bootimg.ko "$tmp/err"'
run BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EADDRNOTAVAIL -- --load "$tmp/vmlinuz" \
	--method=kexec
check "kexec: EADDRNOTAVAIL outside RAM names kexec_load, not bootimg.ko" \
	eval '[ $rc -eq 8 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	has "outside the machine'"'"'s RAM (kexec_load refused the plan)" \
		"$tmp/err" && lacks bootimg.ko "$tmp/err"'
truncate -s 300M "$tmp/big.cpio"	# sparse
run BOOTIMG_SYSROOT="$crash" BOOTIMG_SHIM_CRASH_RANGE=$reserved -- \
	-p "$tmp/vmlinuz" --initrd="$tmp/big.cpio" --method=kexec
check "panic, kexec: 300 MiB in a 256 MiB reservation: exit 8, says so" \
	eval '[ $rc -eq 8 ] && lacks kexec_load "$tmp/log" &&
	has "vmlinuz: the panic kernel and initrds do not fit in the memory reserved by crashkernel=" "$tmp/err"'
rm "$tmp/big.cpio"
run BOOTIMG_SYSROOT="$crash" -- -p "$tmp/vmlinuz" --initrd="$tmp/a.cpio" \
	--method=file --command-line=x
fcheck "panic, file: KEXEC_FILE_ON_CRASH" \
	has "initrd=$(digest "$tmp/a.cpio") flags=0x2 cmdline_len=2" "$tmp/log"
run BOOTIMG_SYSROOT="$crash" -- --panic --load "$tmp/vmlinuz" --method=file
fcheck "panic, file, no initrd: KEXEC_FILE_ON_CRASH|NO_INITRAMFS" \
	has "initrd=none flags=0x6" "$tmp/log"
for m in file kexec auto; do
	run -- -p "$tmp/vmlinuz" --method=$m
	check "panic, $m, nothing reserved: exit 8, names crashkernel=" eval \
		'[ $rc -eq 8 ] && has "crashkernel=" "$tmp/err" && nothing_loaded'
done
run -- -u -p
fcheck "-u -p unloads the panic kernel (KEXEC_FILE_UNLOAD|ON_CRASH)" \
	has "kernel=none initrd=none flags=0x3" "$tmp/log"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS -- --unload --panic
check "--unload --panic falls back to kexec_load with KEXEC_ON_CRASH" \
	has "kexec_load entry=0x0 nr_segments=0 flags=$(printf 0x%x $((kexec_arch | 1)))" "$tmp/log"
echo 1 >"$crash/sys/kernel/kexec_crash_loaded"
run BOOTIMG_SYSROOT="$crash" -- --status
check "--status shows the panic kernel and the reservation" \
	has "panic kernel:  staged (256 MiB reserved)" "$tmp/out"
run -- --panic "$tmp/vmlinuz"
check "--panic KERNEL (stage and exec) is a usage error" [ $rc -eq 2 ]
run BOOTIMG_SYSROOT="$crash" -- -p "$tmp/vmlinuz" --method=module
check "panic, module: a usage error (bootimg.ko has no panic kernel)" \
	eval '[ $rc -eq 2 ] && nothing_loaded'
run BOOTIMG_SYSROOT="$crash" -- -p "$tmp/vmlinuz" --method=kexec --fast-boot
check "panic with --fast-boot: a usage error" \
	eval '[ $rc -eq 2 ] && nothing_loaded'
mkdir -p "$crash/dev"
: >"$crash/dev/bootimg"
run BOOTIMG_SYSROOT="$crash" BOOTIMG_SHIM_CRASH_RANGE=$reserved \
	BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS \
	BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- -p "$tmp/vmlinuz"
check "panic, auto without kexec: no fallback to bootimg.ko (exit 7)" \
	eval '[ $rc -eq 7 ] && lacks "bootimg_ioctl LOAD" "$tmp/log"'
rm "$crash/dev/bootimg"
# The kernel frees the old panic kernel first: after a failure, say what
# is staged now, as /sys/kernel/kexec_crash_loaded tells.
for loaded in 0 1; do
	echo $loaded >"$crash/sys/kernel/kexec_crash_loaded"
	run BOOTIMG_SYSROOT="$crash" BOOTIMG_SHIM_CRASH_RANGE=$reserved \
		BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=EBUSY -- -p "$tmp/vmlinuz" \
		--method=kexec
	want="no panic kernel is staged now"
	[ $loaded = 0 ] || want="a panic kernel is still staged"
	check "panic, failed load (kexec_crash_loaded=$loaded): the error, then '$want'" \
		eval '[ $rc -eq 1 ] && [ $(wc -l <"$tmp/err") -eq 2 ] &&
		tail -n 1 "$tmp/err" | grep -q "^bootimg: $want"'
done

# --- auto: fallback and its limits ------------------------------------
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS -- -v --load "$tmp/vmlinuz" \
	--initrd="$tmp/a.cpio"
check "auto falls back to kexec_load when kexec_file_load is missing" \
	[ $rc -eq 0 ]
fcheck "auto tried kexec_file_load first" has kexec_file_load "$tmp/log"
check "auto then used kexec_load" has "kexec_load entry=" "$tmp/log"
check "-v names the method, without the ENOSYS" eval \
	'has "with method kexec" "$tmp/err" && lacks "kexec_file_load failed" "$tmp/err"'
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EINVAL -- -v --load "$tmp/vmlinuz"
fcheck "-v says why it fell back from another error" \
	has "kexec_file_load failed (Invalid argument); used kexec_load" "$tmp/err"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS -- --load "$tmp/vmlinuz" \
	--method=file
check "--method=file without kexec_file_load: exit 7, one line, the way out" \
	eval '[ $rc -eq 7 ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	has "vmlinuz: the running kernel has no kexec_file_load" "$tmp/err" &&
	has "use --method=kexec" "$tmp/err"'
# The command line -v, --dry-run and the staged-entry record show comes
# with the load (the plan): the kernel is opened and unpacked once.
opens_of_kernel() {	# opens_of_kernel ARGS...: how often bootimg ARGS opens it
	env BOOTIMG_SYSROOT="$tmp/root" strace -f -qq -e trace=open,openat \
		-o "$tmp/trace" env LD_PRELOAD="$shim" "$bootimg" "$@" \
		>"$tmp/out" 2>"$tmp/err" || echo failed
	grep -c "\"$tmp/vmlinuz\"" "$tmp/trace"
}
if strace -f -qq -o /dev/null true 2>/dev/null; then
	check "--load -v: the kernel is opened once" \
		[ "$(opens_of_kernel -v --load "$tmp/vmlinuz" --append=x=1)" = 1 ]
	check "--load -v: the command line it got" \
		has "bootimg: command line: x=1" "$tmp/err"
	check "--dry-run --json: the kernel is opened once" \
		[ "$(opens_of_kernel --dry-run --json --load "$tmp/vmlinuz" \
			--append=x=1)" = 1 ]
	check "--dry-run --json: the command line it gets" \
		[ "$(jqv .command_line)" = x=1 ]
else
	for case in "--load -v" "--load -v" "--dry-run --json" "--dry-run --json"; do
		skip "$case: strace cannot trace here"
	done
fi
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM -- --load "$tmp/vmlinuz"
fcheck "auto does not fall back on EPERM (exit 6)" [ $rc -eq 6 ]
fcheck "EPERM: kexec_load was not tried" lacks "kexec_load entry" "$tmp/log"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EKEYREJECTED -- -s --load "$tmp/vmlinuz"
fcheck "EKEYREJECTED: exit 6, names the signature" \
	eval '[ $rc -eq 6 ] && has signature "$tmp/err"'
for e in EKEYREJECTED EKEYREVOKED ENOKEY ENODATA EBADMSG; do
	run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=$e -- --load "$tmp/vmlinuz"
	fcheck "auto, signature refused ($e): exit 6, no unsigned kexec_load" \
		eval '[ $rc -eq 6 ] && has signature "$tmp/err" &&
		lacks "kexec_load entry" "$tmp/log"'
done
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EKEYREJECTED -- -c --load "$tmp/vmlinuz"
check "an explicit --method=kexec still loads with kexec_load" eval \
	'[ $rc -eq 0 ] && has "kexec_load entry" "$tmp/log"'
# --- --debug: purgatory's breadcrumb needs bootimg's purgatory ---------
run -- --debug --load "$tmp/vmlinuz"
check "--debug: auto goes straight to kexec_load" eval \
	'[ $rc -eq 0 ] && lacks kexec_file_load "$tmp/log" &&
	has "kexec_load entry" "$tmp/log"'
run -- --debug --method=file --load "$tmp/vmlinuz"
check "--debug --method=file: a usage error (exit 2), nothing loaded" \
	eval '[ $rc -eq 2 ] && has "--debug needs the kexec or module" "$tmp/err" &&
	nothing_loaded'
run BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=ENOSYS -- -c --load "$tmp/vmlinuz"
check "ENOSYS: exit 7" [ $rc -eq 7 ]
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOEXEC -- -s --load "$tmp/vmlinuz"
fcheck "ENOEXEC from the kernel: exit 3" [ $rc -eq 3 ]

# --- bad input: a clear message, a distinct code, nothing loaded -------
bad() {	# bad CODE WORDS DESCRIPTION ARGS...
	local code=$1 words=$2 desc=$3; shift 3
	run -- "$@"
	check "$desc: exit $code" [ $rc -eq "$code" ]
	check "$desc: one line naming the cause" eval \
		'[ $(wc -l <"$tmp/err") -eq 1 ] && grep -q "^bootimg: .*$words" "$tmp/err"'
	check "$desc: nothing loaded" nothing_loaded
}
head -c 40000 "$tmp/vmlinuz" >"$tmp/truncated"
printf '#!/bin/sh\n' >"$tmp/script"
long=$(head -c 2048 /dev/zero | tr '\0' x)
for m in file kexec auto; do
	bad 4 "missing.cpio: no such file" "$m: missing initrd" \
		--method=$m --load "$tmp/vmlinuz" --initrd="$tmp/missing.cpio"
	bad 3 "truncated: truncated" "$m: truncated bzImage" \
		--method=$m --load "$tmp/truncated"
	bad 3 "script: not a kernel image" "$m: not a kernel" \
		--method=$m --load "$tmp/script"
	bad 5 "limit of 2047 bytes" "$m: command line too long" \
		--method=$m --load "$tmp/vmlinuz" --command-line="$long"
done
bad 4 "is a directory" "initrd is a directory" --load "$tmp/vmlinuz" --initrd="$tmp"
bad 4 "no such file" "missing kernel" --load "$tmp/nope"
run -- -s --load "$tmp/vmlinuz" --command-line="${long:1}"
fcheck "a command line of exactly cmdline_size bytes is fine" [ $rc -eq 0 ]
chmod 000 "$tmp/b.cpio"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	asuser=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	chmod 755 "$tmp"; chmod 644 "$tmp"/*.cpio "$tmp/vmlinuz"
	chmod 000 "$tmp/b.cpio"
else
	asuser=()
fi
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM -- --load "$tmp/vmlinuz"
if [ ${#asuser[@]} -gt 0 ]; then
	: >"$tmp/log"; chmod 666 "$tmp/log"
	env BOOTIMG_SYSROOT="$tmp/root" BOOTIMG_SHIM_LOG="$tmp/log" \
		BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=EPERM LD_PRELOAD="$shim" \
		"${asuser[@]}" "$bootimg" --load "$tmp/vmlinuz" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
fi
fcheck "no privilege: exit 6" [ $rc -eq 6 ]
fcheck "no privilege: says root is needed" has "needs root" "$tmp/err"
if [ ${#asuser[@]} -gt 0 ]; then
	env BOOTIMG_SYSROOT="$tmp/root" LD_PRELOAD="$shim" "${asuser[@]}" \
		"$bootimg" --load "$tmp/vmlinuz" --initrd="$tmp/b.cpio" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	unpreload "$tmp/err"
	check "unreadable initrd: exit 4" [ $rc -eq 4 ]
	check "unreadable initrd: named with the cause" \
		has "b.cpio: cannot read it: permission denied" "$tmp/err"
fi
chmod 644 "$tmp/b.cpio"

# --- exec, unload, status, usage ----------------------------------------
run -- --exec
check "--exec with nothing staged: exit 1, no reboot" \
	eval '[ $rc -eq 1 ] && lacks reboot "$tmp/log"'
echo 1 >"$tmp/root/sys/kernel/kexec_loaded"
run -- --exec
check "--exec reboots with LINUX_REBOOT_CMD_KEXEC" has "reboot cmd=0x45584543" "$tmp/log"
run -- "$tmp/vmlinuz" --initrd="$tmp/a.cpio" --method=file
fcheck "KERNEL alone loads, then execs" eval \
	'has kexec_file_load "$tmp/log" && has "reboot cmd=0x45584543" "$tmp/log"'
run -- --status
check "--status: exit 0 when a kernel is staged" \
	eval '[ $rc -eq 0 ] && has "kernel:        staged" "$tmp/out"'
echo 0 >"$tmp/root/sys/kernel/kexec_loaded"
run -- --status
check "--status: exit 1 when none is" [ $rc -eq 1 ]
run -- --unload
fcheck "--unload uses KEXEC_FILE_UNLOAD" has "initrd=none flags=0x1" "$tmp/log"
run BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=ENOSYS -- --unload
check "--unload falls back to an empty kexec_load" \
	has "kexec_load entry=0x0 nr_segments=0" "$tmp/log"
for args in "" "--exec --unload" "--load" "--bogus" "--method=fast --load x" \
	"--reuse-cmdline --command-line=x --load x" "a b"; do
	# shellcheck disable=SC2086
	run -- $args
	check "usage error '$args': exit 2" [ $rc -eq 2 ]
done
run -- --info "$tmp/vmlinuz"
check "--info names the format and version" \
	eval 'has "bzImage" "$tmp/out" && has "6.1.0-fake" "$tmp/out"'
# The library takes BOOTIMG_SYSROOT only when it is absolute.
run BOOTIMG_SYSROOT=relative/root -- --status
check "a relative BOOTIMG_SYSROOT is refused and named (exit 1)" \
	eval '[ $rc -eq 1 ] && [ ! -s "$tmp/log" ] && has "bootimg: BOOTIMG_SYSROOT=relative/root: not an absolute path" "$tmp/err"'
echo "1..$n"
