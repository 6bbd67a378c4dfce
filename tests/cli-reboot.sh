#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bootimg-reboot without root: --dry-run for each source of the kernel,
# staging through the real bootimg under tests/shim (the syscalls are
# logged, not made), fallback and exit codes, the defaults file.
# systemctl, reboot and mkbootcmd are fakes on $PATH that log their
# arguments to $tmp/calls.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-reboot
case $b in /*) ;; *) b=$(pwd)/$b ;; esac

# It stages through --method=file, which an i386 build does not have.
if [ "${BOOTIMG_ARCH:-x86_64}" = i386 ]; then
	echo "1..0 # SKIP i386: no kexec_file_load to stage with"
	exit 0
fi
# A failure shows the fakes' calls too, each line named by its file.
not_ok() {
	n=$((n + 1)); echo "not ok $n - $1"
	for f in out err calls log; do
		[ -s "$tmp/$f" ] && sed "s/^/# $f: /" "$tmp/$f"
	done
}
same() { [ "$(cat "$1")" = "$2" ]; }

# The fakes: each logs "NAME ARGS..." (one line) and exits with
# $FAKE_<NAME>_RC; mkbootcmd prints $tmp/mkbootcmd.out, or runs the real
# one with REAL_MKBOOTCMD=1, or hangs with FAKE_MKBOOTCMD_HANG=1 (stdout
# left open) or =closed.
mkdir -p "$tmp/bin"
for prog in systemctl reboot mkbootcmd; do
	var=FAKE_$(echo "$prog" | tr a-z A-Z)_RC
	cat >"$tmp/bin/$prog" <<EOS
#!/bin/sh
echo "$prog \$*" >>"$tmp/calls"
[ $prog != mkbootcmd ] || [ -z "\${REAL_MKBOOTCMD-}" ] || exec "$b/mkbootcmd" "\$@"
[ $prog != mkbootcmd ] || [ "\${FAKE_MKBOOTCMD_HANG-}" != closed ] || exec sleep 1000 >&-
[ $prog != mkbootcmd ] || [ -z "\${FAKE_MKBOOTCMD_HANG-}" ] || exec sleep 1000
[ $prog != mkbootcmd ] || cat "$tmp/mkbootcmd.out"
exit \${$var:-0}
EOS
	chmod +x "$tmp/bin/$prog"
done

# run [VAR=VALUE...] -- ARGS...: bootimg-reboot (reboot_run).
run() { reboot_run "$@"; }
nothing_done() { [ ! -s "$tmp/log" ] && [ ! -s "$tmp/calls" ]; }

fixture qemu-pc-1g "$tmp/root"
mkdir -p "$tmp/root/sys/kernel"
echo 0 >"$tmp/root/sys/kernel/kexec_loaded"
"$fake" "$tmp/vmlinuz"
"$fixed" 3001 1 >"$tmp/a.cpio"
: >"$tmp/defaults"
kernel=$(digest "$tmp/vmlinuz")
# A command line that a shell-built command would mangle.
cmdline='root=/dev/vda "quoted arg" it'\''s $HOME `x` a\b'
cmdline_log='root=/dev/vda \"quoted arg\" it'\''s $HOME `x` a\\b'

# --- --dry-run: the commands, quoted for a shell; nothing run ---------
run -- -n --kernel="$tmp/vmlinuz" --initrd="$tmp/a.cpio" \
	--command-line="$cmdline" --append="x=1 y" --init=systemd
check "--dry-run --kernel: exit 0" [ $rc -eq 0 ]
check "--dry-run --kernel: the bootimg and systemd commands" same "$tmp/out" \
"bootimg --load $tmp/vmlinuz --initrd=$tmp/a.cpio '--command-line=root=/dev/vda \"quoted arg\" it'\\''s \$HOME \`x\` a\\b' '--append=x=1 y'
systemctl kexec"
check "--dry-run --kernel: runs nothing" nothing_done
run -- -n --kernel="$tmp/vmlinuz" --init=sysvinit
check "--kernel without --command-line reuses the running one; sysvinit reboots" \
	same "$tmp/out" "bootimg --load $tmp/vmlinuz --reuse-cmdline
reboot"
eval "words=($(head -n 1 "$tmp/out"))"
run -- -n --kernel="$tmp/vmlinuz" --command-line="$cmdline" --init=direct
eval "words=($(head -n 1 "$tmp/out"))"
check "--dry-run output is a command a shell runs exactly" \
	[ "${words[2]}" = "$tmp/vmlinuz" ] && [ "${words[3]}" = "--command-line=$cmdline" ]
check "--init=direct: bootimg --exec at once" \
	same "$tmp/out" "$(head -n 1 "$tmp/out")
bootimg --exec"
if [ -d /run/systemd/system ]; then auto_kexec="systemctl kexec"; else auto_kexec=reboot; fi
run -- -n --kernel="$tmp/vmlinuz"
check "--init=auto picks the running init ($auto_kexec)" \
	eval '[ "$(tail -n 1 "$tmp/out")" = "$auto_kexec" ]'

release=$(uname -r)
mkdir -p "$tmp/boot" "$tmp/fedora"
: >"$tmp/boot/vmlinuz-$release"; : >"$tmp/boot/initrd.img-$release"
: >"$tmp/fedora/initramfs-$release.img"
run -- -n --running --boot-dir="$tmp/boot" --init=systemd
check "--running: the running release's kernel and initrd, /proc/cmdline" \
	same "$tmp/out" "bootimg --load $tmp/boot/vmlinuz-$release --initrd=$tmp/boot/initrd.img-$release --reuse-cmdline
systemctl kexec"
run -- -n --running --boot-dir="$tmp/fedora" --init=systemd -s
check "--running: Fedora's initramfs name; --stage-only: no reboot command" \
	same "$tmp/out" "bootimg --load $tmp/fedora/vmlinuz-$release --initrd=$tmp/fedora/initramfs-$release.img --reuse-cmdline"

printf '%s\0' --load /boot/vmlinuz-2 --initrd=/boot/initrd-2 \
	"--command-line=$cmdline" >"$tmp/mkbootcmd.out"
run -- -n --entry="Debian GNU/Linux, 2" --config="$tmp/grub.cfg" \
	--boot-dir="$tmp/boot" --init=systemd --method=kexec
check "--entry: mkbootcmd is asked for that entry's arguments" same "$tmp/calls" \
	"mkbootcmd --format=args --null --entry=Debian GNU/Linux, 2 --config=$tmp/grub.cfg --boot-dir=$tmp/boot"
check "--entry: its NUL-separated arguments make the bootimg command" same "$tmp/out" \
"bootimg --load /boot/vmlinuz-2 --initrd=/boot/initrd-2 '--command-line=root=/dev/vda \"quoted arg\" it'\\''s \$HOME \`x\` a\\b' --method=kexec
systemctl kexec"
printf '%s\0' bootimg --load /boot/vmlinuz-2 --reuse-cmdline >"$tmp/mkbootcmd.out"
run -- -n --init=systemd
check "no --entry: mkbootcmd's default entry" same "$tmp/calls" "mkbootcmd --format=args --null"
check "a leading 'bootimg' dropped; the default entry's one-shot consumed" \
	same "$tmp/out" "bootimg --load /boot/vmlinuz-2 --reuse-cmdline
mkbootcmd --consume-oneshot
systemctl kexec"
printf '%s\0' --load /boot/vmlinuz-2 '--command-line=a
b' "" >"$tmp/mkbootcmd.out"
run -- -n --init=systemd
check "NUL-terminated: a newline and an empty argument are kept" same "$tmp/out" \
	"bootimg --load /boot/vmlinuz-2 '--command-line=a
b' ''
mkbootcmd --consume-oneshot
systemctl kexec"
FAKE_MKBOOTCMD_RC=1 run FAKE_MKBOOTCMD_RC=1 -- -n --entry=nope --init=systemd
check "--dry-run, mkbootcmd fails: exit 4, shows the fallback" eval \
	'[ $rc -eq 4 ] && same "$tmp/out" "bootimg --unload
systemctl reboot" && has "mkbootcmd failed (exit 1)" "$tmp/err"'
check "--dry-run makes no syscall" [ ! -s "$tmp/log" ]

# --- staging for real (under the shim) and rebooting -------------------
run -- --kernel="$tmp/vmlinuz" --initrd="$tmp/a.cpio" \
	--command-line="$cmdline" --init=systemd --method=file
check "--kernel: exit 0" [ $rc -eq 0 ]
check "--kernel: bootimg stages exactly that kernel, initrd, command line" has \
	"kexec_file_load kernel=$kernel initrd=$(digest "$tmp/a.cpio") flags=0x0 cmdline_len=$((${#cmdline} + 1)) cmdline=\"$cmdline_log\"" \
	"$tmp/log"
check "then reboots with systemctl kexec" same "$tmp/calls" "systemctl kexec"
printf '%s\0' --load "$tmp/vmlinuz" "--command-line=$cmdline" >"$tmp/mkbootcmd.out"
run -- --entry=1 --init=sysvinit --method=file --append="extra 'one'"
check "--entry: the entry's command line reaches the kernel intact" has \
	"cmdline=\"$cmdline_log extra 'one'\"" "$tmp/log"
check "--entry, sysvinit: mkbootcmd, then reboot" same "$tmp/calls" \
	"mkbootcmd --format=args --null --entry=1
reboot "
# The real mkbootcmd on a grub.cfg whose entry has blanks, quotes, $ and
# a backslash in its command line, and a space in a path.
mkdir -p "$tmp/grub/boot/grub" "$tmp/grub/boot/odd dir"
cp "$tmp/vmlinuz" "$tmp/grub/boot/odd dir/vmlinuz"
cp "$tmp/a.cpio" "$tmp/grub/boot/odd dir/a b.cpio"
cat >"$tmp/grub/boot/grub/grub.cfg" <<'CFG'
menuentry 'Odd' {
	linux "/odd dir/vmlinuz" root=/dev/vda "quoted arg" 'it'\''s' '$HOME' '`x`' 'a\b'
	initrd "/odd dir/a b.cpio"
}
CFG
run REAL_MKBOOTCMD=1 -- --entry=0 --config="$tmp/grub/boot/grub/grub.cfg" \
	--boot-dir="$tmp/grub/boot" --init=systemd --method=file -s
# GRUB (lib/cmdline.c) puts a backslash before \, ' and " in the line
grub_cmdline='root=/dev/vda "quoted arg" it\'\''s $HOME `x` a\\b'
grub_cmdline_log='root=/dev/vda \"quoted arg\" it\\'\''s $HOME `x` a\\\\b'
check "real mkbootcmd --null: the entry's kernel, initrd and command line reach the kernel as GRUB gives them" \
	eval '[ $rc -eq 0 ] && has "kexec_file_load kernel=$kernel initrd=$(digest "$tmp/a.cpio") flags=0x0 cmdline_len=$((${#grub_cmdline} + 1)) cmdline=\"$grub_cmdline_log\"" "$tmp/log"'
echo 1 >"$tmp/root/sys/kernel/kexec_loaded"	# as if the load had happened
run -- -v --kernel="$tmp/vmlinuz" --command-line=x --init=direct --method=file
echo 0 >"$tmp/root/sys/kernel/kexec_loaded"
check "--init=direct: bootimg --exec reboots into it at once" \
	has "reboot cmd=0x45584543" "$tmp/log"
check "-v shows each command" has "running bootimg --exec" "$tmp/err"
run FAKE_SYSTEMCTL_RC=1 -- --kernel="$tmp/vmlinuz" --init=systemd --method=file
check "systemctl kexec fails: exit 1, says so" eval \
	'[ $rc -eq 1 ] && has "systemctl exited with status 1" "$tmp/err"'

# --- staging fails: fallback -------------------------------------------
run -- --kernel="$tmp/missing" --init=systemd
check "missing kernel: exit 4 (fell back)" [ $rc -eq 4 ]
check "missing kernel: bootimg names it" has "missing: no such file" "$tmp/err"
check "missing kernel: bootimg-reboot says it reboots the normal way" \
	has "staging failed; rebooting the normal way" "$tmp/err"
check "fallback unstages the previous kernel" has "initrd=none flags=0x1" "$tmp/log"
check "fallback reboots with systemctl reboot" same "$tmp/calls" "systemctl reboot"
run -- --kernel="$tmp/missing" --init=sysvinit
check "fallback under sysvinit: reboot" same "$tmp/calls" "reboot "
run -- --kernel="$tmp/missing" --init=systemd --no-fallback
check "--no-fallback: exit 3, no reboot" eval \
	'[ $rc -eq 3 ] && [ ! -s "$tmp/calls" ] && has "not rebooting" "$tmp/err"'
echo BOOTIMG_FALLBACK=no >"$tmp/defaults"
run -- --kernel="$tmp/missing" --init=systemd
check "BOOTIMG_FALLBACK=no: exit 3, no reboot" eval '[ $rc -eq 3 ] && [ ! -s "$tmp/calls" ]'
: >"$tmp/defaults"
run -- --kernel="$tmp/missing" --init=systemd -s
check "--stage-only fails: exit 3, no reboot" eval '[ $rc -eq 3 ] && [ ! -s "$tmp/calls" ]'
run FAKE_MKBOOTCMD_RC=3 -- --init=systemd
check "mkbootcmd fails: exit 4, systemctl reboot" eval \
	'[ $rc -eq 4 ] && same "$tmp/calls" "mkbootcmd --format=args --null
systemctl reboot"'
: >"$tmp/mkbootcmd.out"
run -- --init=systemd
check "mkbootcmd prints nothing: exit 4" eval \
	'[ $rc -eq 4 ] && has "printed no command" "$tmp/err"'
run PATH="$tmp/bin" -- --kernel="$tmp/vmlinuz" --init=systemd
check "no bootimg to run: exit 4, says so" eval \
	'[ $rc -eq 4 ] && has "cannot run bootimg" "$tmp/err"'
# A configuration that wedges mkbootcmd must not wedge the reboot.
echo BOOTIMG_MKBOOTCMD_TIMEOUT=1 >"$tmp/defaults"
for hang in 1 closed; do
	start=$SECONDS
	run FAKE_MKBOOTCMD_HANG=$hang -- --init=systemd
	check "mkbootcmd hangs (stdout $hang): stopped after BOOTIMG_MKBOOTCMD_TIMEOUT, exit 4, systemctl reboot" eval \
		'[ $rc -eq 4 ] && [ $((SECONDS - start)) -le 3 ] &&
		 has "mkbootcmd took more than 1 s (BOOTIMG_MKBOOTCMD_TIMEOUT); stopped it" "$tmp/err" &&
		 has "rebooting the normal way, through the firmware" "$tmp/err" &&
		 same "$tmp/calls" "mkbootcmd --format=args --null
systemctl reboot"'
done
: >"$tmp/defaults"

# --- --debug, BOOTIMG_DEBUG: bootimg --debug, purgatory's breadcrumb -----
run -- -n --debug --kernel="$tmp/vmlinuz" --command-line=x --init=direct
check "--debug: bootimg --debug stages" same "$tmp/out" \
	"bootimg --load $tmp/vmlinuz --command-line=x --debug
bootimg --exec"
echo BOOTIMG_DEBUG=yes >"$tmp/defaults"
run -- -n --kernel="$tmp/vmlinuz" --command-line=x --init=direct
check "BOOTIMG_DEBUG=yes: bootimg --debug stages" eval \
	'[ "$(head -n 1 "$tmp/out")" = "bootimg --load $tmp/vmlinuz --command-line=x --debug" ]'
run -- --debug -s --kernel="$tmp/vmlinuz" --command-line=x --init=direct
check "--debug: the real bootimg stages with kexec_load" eval \
	'[ $rc -eq 0 ] && has "kexec_load entry" "$tmp/log" && lacks kexec_file_load "$tmp/log"'
echo BOOTIMG_DEBUG=maybe >"$tmp/defaults"
run -- -n --kernel="$tmp/vmlinuz"
check "BOOTIMG_DEBUG=maybe: exit 2, names the file" eval \
	'[ $rc -eq 2 ] && has "$tmp/defaults:1: BOOTIMG_DEBUG: the value must be yes or no" "$tmp/err"'
: >"$tmp/defaults"

# --- BOOTIMG_FAST_BOOT=no, -v: bootimg --no-fast-boot, bootimg -v -----
run -- -n --kernel="$tmp/vmlinuz" --command-line=x --init=direct
check "fast boot is auto's to choose: no --no-fast-boot" eval \
	'[ "$(head -n 1 "$tmp/out")" = "bootimg --load $tmp/vmlinuz --command-line=x" ]'
echo BOOTIMG_FAST_BOOT=no >"$tmp/defaults"
run -- -n --kernel="$tmp/vmlinuz" --command-line=x --init=direct
check "BOOTIMG_FAST_BOOT=no: bootimg --no-fast-boot stages" eval \
	'[ "$(head -n 1 "$tmp/out")" = "bootimg --load $tmp/vmlinuz --command-line=x --no-fast-boot" ]'
run -- -v -s --kernel="$tmp/vmlinuz" --command-line=x --init=direct
check "-v: bootimg -v says auto's way and why" eval \
	'[ $rc -eq 0 ] && has "bootimg: auto: kexec_file_load, then kexec_load: fast boot is turned off" "$tmp/err"'
echo BOOTIMG_FAST_BOOT=maybe >"$tmp/defaults"
run -- -n --kernel="$tmp/vmlinuz"
check "BOOTIMG_FAST_BOOT=maybe: exit 2, names the file" eval \
	'[ $rc -eq 2 ] && has "$tmp/defaults:1: BOOTIMG_FAST_BOOT: the value must be yes or no" "$tmp/err"'
: >"$tmp/defaults"

# --- for init scripts: --if-enabled, --if-unstaged ---------------------
run -- --if-enabled -s --kernel="$tmp/vmlinuz" --init=systemd
check "--if-enabled without BOOTIMG_ENABLED=yes: nothing done" \
	eval '[ $rc -eq 0 ] && nothing_done'
echo 'BOOTIMG_ENABLED=yes' >"$tmp/defaults"
run -- --if-enabled -s --kernel="$tmp/vmlinuz" --init=systemd --method=file
check "--if-enabled with BOOTIMG_ENABLED=yes: stages, no reboot" eval \
	'[ $rc -eq 0 ] && has kexec_file_load "$tmp/log" && [ ! -s "$tmp/calls" ]'
echo 1 >"$tmp/root/sys/kernel/kexec_loaded"
run -- --if-unstaged -s --kernel="$tmp/vmlinuz" --init=systemd
check "--if-unstaged keeps a staged kernel" eval \
	'[ $rc -eq 0 ] && nothing_done'
echo 0 >"$tmp/root/sys/kernel/kexec_loaded"
run -- --if-unstaged -s --kernel="$tmp/vmlinuz" --init=systemd --method=file
check "--if-unstaged stages when nothing is" has kexec_file_load "$tmp/log"

# --- the defaults file: parsed, never run ------------------------------
cat >"$tmp/defaults" <<'EOS'
# a comment
   # an indented comment

export BOOTIMG_ENTRY='Debian GNU/Linux, with "quotes"'   # trailing comment
BOOTIMG_APPEND="quiet x=\"a b\" \$notexpanded it's"
BOOTIMG_METHOD=k\exec
BOOTIMG_INIT=systemd
OTHER_VARIABLE=ignored
BOOTIMG_FALLBACK=No
EOS
printf '%s\0' --load /boot/v >"$tmp/mkbootcmd.out"
run -- -n
check "defaults: BOOTIMG_ENTRY with quotes goes to mkbootcmd" same "$tmp/calls" \
	'mkbootcmd --format=args --null --entry=Debian GNU/Linux, with "quotes"'
eval "words=($(head -n 1 "$tmp/out"))"
check "defaults: BOOTIMG_APPEND, BOOTIMG_METHOD as sh reads them" eval \
	'[ "${words[3]}" = "--append=quiet x=\"a b\" \$notexpanded it'\''s" ] && [ "${words[4]}" = --method=kexec ]'
check "defaults: BOOTIMG_INIT=systemd" eval '[ "$(tail -n 1 "$tmp/out")" = "systemctl kexec" ]'
check "defaults: sh agrees" eval '[ "$(. "$tmp/defaults"; printf "%s|%s" "$BOOTIMG_ENTRY" "$BOOTIMG_APPEND")" = "Debian GNU/Linux, with \"quotes\"|quiet x=\"a b\" \$notexpanded it'\''s" ]'
run -- -n --entry=2 --append=A --method=file --init=sysvinit
check "options override the defaults file" eval \
	'same "$tmp/calls" "mkbootcmd --format=args --null --entry=2" && same "$tmp/out" "bootimg --load /boot/v --append=A --method=file
reboot"'
run -- --kernel="$tmp/missing"
check "defaults: BOOTIMG_FALLBACK=No is no" eval '[ $rc -eq 3 ] && [ ! -s "$tmp/calls" ]'
echo BOOTIMG_FALLBACK= >>"$tmp/defaults"
run -- --kernel="$tmp/missing"
check "defaults: an empty BOOTIMG_FALLBACK= is the default, yes" eval \
	'[ $rc -eq 4 ] && same "$tmp/calls" "systemctl reboot"'

bad_defaults() {	# bad_defaults LINE CAUSE
	want="bootimg-reboot: $tmp/defaults:2: $2"
	printf 'BOOTIMG_INIT=systemd\n%s\n' "$1" >"$tmp/defaults"
	run -- -n --kernel="$tmp/vmlinuz"
	check "defaults '$1': exit 2, one line naming the file, line, cause" eval \
		'[ $rc -eq 2 ] && [ "$(cat "$tmp/err")" = "$want" ] && [ ! -s "$tmp/out" ]'
}
bad_defaults 'BOOTIMG_APPEND=a b' "an unquoted blank in the value (quote the value)"
bad_defaults 'BOOTIMG_APPEND=$(touch '"$tmp"'/ran)' 'expansions ($ and `) are not supported'
bad_defaults 'BOOTIMG_APPEND="`touch '"$tmp"'/ran`"' 'expansions ($ and `) are not supported'
check "defaults: nothing in it was run" [ ! -e "$tmp/ran" ]
bad_defaults 'BOOTIMG_APPEND="a b' "unterminated double quote"
bad_defaults "BOOTIMG_APPEND='a b" "unterminated single quote"
bad_defaults 'BOOTIMG_APPEND=a;reboot' "an unquoted shell operator in the value"
bad_defaults 'BOOTIMG_ENABLED=maybe' "BOOTIMG_ENABLED: the value must be yes or no"
bad_defaults 'rm -rf /' "not a NAME=VALUE assignment"
for t in 0 91 1s -1 ' 5'; do
	bad_defaults "BOOTIMG_MKBOOTCMD_TIMEOUT='$t'" \
		"BOOTIMG_MKBOOTCMD_TIMEOUT: the value must be a number of seconds from 1 to 90"
done
bad_defaults 'BOOTIMG_INIT=upstart' \
	"BOOTIMG_INIT: unknown init system (auto, systemd, sysvinit or direct)"
check "the shipped defaults file is read without complaint" eval \
	'"$b/bootimg-reboot" --defaults="$src/init/default/bootimg" -n --kernel=/k --init=sysvinit >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ]'
check "the shipped defaults file is valid sh, with the same defaults" eval \
	'[ "$(. "$src/init/default/bootimg"; echo "$BOOTIMG_ENABLED $BOOTIMG_INIT $BOOTIMG_FALLBACK $BOOTIMG_MKBOOTCMD_TIMEOUT")" = "no auto yes 30" ]'
rm -f "$tmp/defaults"
run -- -n --kernel="$tmp/vmlinuz" --init=systemd
check "no defaults file: built-in defaults" [ $rc -eq 0 ]

# --- usage ---------------------------------------------------------------
for args in "--running --kernel=/k" "--entry=1 --running" "--initrd=/i" \
	"--command-line=x" "--kernel=/k --boot-dir=/b" "--init=upstart" \
	"--bogus" "extra"; do
	# shellcheck disable=SC2086
	run -- -n $args
	check "usage error '$args': exit 2" eval '[ $rc -eq 2 ] && nothing_done'
done
run -- --version
check "--version" has "bootimg-reboot " "$tmp/out"
echo "1..$n"
