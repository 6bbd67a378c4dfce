#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# reboot-cases: bootimg-reboot end to end in qemu (TCG).  The first
# kernel's busybox initramfs has no init system, so each case supplies
# the part of one that bootimg-reboot talks to:
#   sysvinit  a stand-in /sbin/reboot that does what runlevel 6 does for
#             bootimg: the installed /etc/init.d/bootimg-load and
#             /etc/init.d/bootimg-exec scripts run with "stop" in
#             insserv's order, then the final `reboot -f`;
#   systemd   /run/systemd/system exists and a stand-in systemctl does
#             what `systemctl kexec` does: bootimg-load.service's command,
#             then systemd-shutdown's hooks with "kexec" (the installed
#             bootimg-pre-exec), then reboot(LINUX_REBOOT_CMD_KEXEC)
#             (through bootimg --exec) if a kernel is still staged, else
#             `reboot -f`; `systemctl reboot` is `reboot -f`.
# Cases: reboot-sysvinit and reboot-systemd boot a kernel given with
# --kernel/--initrd/--command-line and check, in the second kernel, the
# exact command line and both initrds; reboot-fallback stages a good
# kernel first, then asks bootimg-reboot for a missing one: it must
# unstage, reboot through the firmware (qemu -no-reboot exits) and the
# second kernel must never report.  reboot-entry runs mkbootcmd's way:
# `bootimg-reboot --entry=ID` on a grub.cfg whose default is another
# entry must boot the named entry's kernel, initrds and command line.
# reboot-oneshot is grub-reboot's way: grubenv's next_entry names the
# entry to boot once; bootimg-reboot without --entry must boot it and
# consume it before the kexec (a pre-exec hook prints mkbootcmd's default
# at that moment: the saved entry again).
# hook-fails-sysvinit and hook-fails-systemd install a pre-exec hook that
# prints the staged kernel and fails: the kexec must be abandoned and the
# machine reboot through the firmware, with no second kernel.
# The cases that boot check that bootimg-reboot's default path took
# kexec_load with fast boot (the kernel's config is in the guest's /boot,
# nothing speaks against it; bootimg-reboot -v passes -v to bootimg).
# Prints TAP: one ok/not ok line a case (tests/e2e/lib.sh).
#
# Environment: BOOTIMG_STAGE (a `make install DESTDIR=` tree with
# --sysconfdir=/etc, required), BOOTIMG_E2E_CACHE, BOOTIMG_E2E_ONLY.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/e2e/lib.sh
. "$here/lib.sh"

e2e_init_x86_64 reboot-cases usr/sbin/bootimg-reboot etc/init.d/bootimg-load \
	etc/init.d/bootimg-exec etc/default/bootimg
work=$e2e_work
e2e_images "$work" "$kernel"

# The files every case adds to the first kernel's initramfs.
add_reboot_files() {	# add_reboot_files ROOT
	local root=$1
	mkdir -p "$root/usr/sbin" "$root/usr/bin" "$root/sbin" "$root/etc/init.d" \
		"$root/etc/default" "$root/boot" "$root/run" \
		"$root/lib/systemd/system-shutdown"
	cp "$BOOTIMG_STAGE/usr/sbin/bootimg-reboot" "$root/usr/sbin/"
	e2e_copy_libs "$root" "$BOOTIMG_STAGE/usr/sbin/bootimg-reboot"
	cp "$BOOTIMG_STAGE"/etc/init.d/bootimg-* "$root/etc/init.d/"
	cp "$BOOTIMG_STAGE/etc/default/bootimg" "$root/etc/default/"
	cp "$BOOTIMG_STAGE/lib/systemd/system-shutdown/bootimg-pre-exec" \
		"$root/lib/systemd/system-shutdown/"
	# the kernel's config: bootimg's default path (auto) reads it
	cp "$(dirname "$kernel")"/config-* "$root/boot/" 2>/dev/null
	ln -s /stage2/vmlinuz "$root/boot/vmlinuz-e2e"
	ln -s /stage2/a.cpio "$root/boot/a.cpio"
	ln -s /stage2/b.cpio "$root/boot/b.cpio"
	cat >"$root/sbin/reboot" <<'EOS'
#!/bin/sh
# sysvinit's reboot, as far as bootimg is concerned: runlevel 6 runs the
# stop scripts in order (bootimg-load while the file systems are mounted,
# bootimg-exec after umountroot), and the last one reboots.
echo "BOOTIMG-RC6 runlevel 6"
/etc/init.d/bootimg-load stop
echo "BOOTIMG-RC6 umountroot"
/etc/init.d/bootimg-exec stop
echo "BOOTIMG-RC6 reboot -f"
exec /bin/busybox reboot -f
EOS
	cat >"$root/usr/bin/systemctl" <<'EOS'
#!/bin/sh
# systemctl kexec: kexec.target runs bootimg-load.service's command, then
# systemd-shutdown runs its hooks and calls reboot(LINUX_REBOOT_CMD_KEXEC),
# or reboots normally when nothing is staged any more.
echo "BOOTIMG-SYSTEMCTL $*"
case $1 in
kexec)	bootimg-reboot --stage-only --if-unstaged
	for hook in /lib/systemd/system-shutdown/*; do "$hook" kexec; done
	bootimg --status >/dev/null && exec bootimg --exec
	echo "BOOTIMG-SYSTEMD-SHUTDOWN reboot"
	exec /bin/busybox reboot -f ;;
reboot)	exec /bin/busybox reboot -f ;;
esac
exit 1
EOS
	chmod +x "$root/sbin/reboot" "$root/usr/bin/systemctl"
}

explicit='bootimg-reboot -v --kernel=/boot/vmlinuz-e2e --initrd=/boot/a.cpio --initrd=/boot/b.cpio --command-line="$CMDLINE"'

# grub_config ROOT CMDLINE: mkbootcmd and a /boot/grub/grub.cfg whose
# default is an entry that cannot boot; the entry "e2e-chosen" can.
grub_config() {
	mkdir -p "$1/usr/sbin" "$1/usr/lib" "$1/boot/grub"
	cp -a "$BOOTIMG_STAGE/usr/sbin/mkbootcmd" "$1/usr/sbin/"
	cp -a "$BOOTIMG_STAGE"/usr/lib/libbootcfg.so* "$1/usr/lib/"
	e2e_copy_libs "$1" "$BOOTIMG_STAGE/usr/sbin/mkbootcmd"
	cat >"$1/boot/grub/grub.cfg" <<EOS
set default=0
menuentry 'Default, not chosen' --id other {
	linux /boot/vmlinuz-missing root=/dev/sda1
}
menuentry 'Chosen by --entry' --id e2e-chosen {
	linux /boot/vmlinuz-e2e $2
	initrd /boot/a.cpio /boot/b.cpio
}
EOS
}

# oneshot_config ROOT CMDLINE: grub_config's entries, chosen the way
# grub-mkconfig's grub.cfg does (next_entry, else saved_entry), with a
# grubenv whose saved entry cannot boot and whose next_entry can; a
# pre-exec hook shows the default as it stands just before the kexec.
oneshot_config() {
	local vars block
	grub_config "$1" "$2"
	sed -i 's/^set default=0$//' "$1/boot/grub/grub.cfg"
	cat - "$1/boot/grub/grub.cfg" >"$1/boot/grub/grub.cfg.new" <<'EOS'
if [ -s $prefix/grubenv ]; then
  load_env
fi
if [ "${next_entry}" ] ; then
   set default="${next_entry}"
   set next_entry=
   save_env next_entry
else
   set default="${saved_entry}"
fi
EOS
	mv "$1/boot/grub/grub.cfg.new" "$1/boot/grub/grub.cfg"
	vars=$'# GRUB Environment Block\nsaved_entry=other\nnext_entry=e2e-chosen\n'
	block=$(printf '%s' "$vars"; head -c $((1024 - ${#vars})) /dev/zero | tr '\0' '#')
	printf '%s' "$block" >"$1/boot/grub/grubenv"
	mkdir -p "$1/etc/bootimg/pre-exec.d"
	cat >"$1/etc/bootimg/pre-exec.d/10-show-default" <<'EOS'
#!/bin/sh
echo "BOOTIMG-NEXT-DEFAULT $(mkbootcmd --format=args | head -n 1)"
EOS
	chmod +x "$1/etc/bootimg/pre-exec.d/10-show-default"
}

run_case() {	# run_case NAME KIND RUN EXEC [CMDLINE [SETUP]]
	local name=$1 kind=$2 dir=$work/cases/$1 log why rc start
	local cmdline=${5:-$(e2e_cmdline "$1")}
	e2e_selected "$name" || return 0
	e2e_case "$dir" run="$3" exec="$4" cmdline="$cmdline"
	add_reboot_files "$dir/root"
	[ -z "${6:-}" ] || "$6" "$dir/root" "$cmdline"
	start=$SECONDS
	e2e_boot "$work" "$dir" 1
	log=$dir/serial.log
	case $kind in
	boots)
		why=$(e2e_check "$dir" "$work" 1 2); rc=$?
		if [ $rc -eq 0 ] &&
		   ! grep -q "bootimg: auto: kexec_load with fast boot" "$log"; then
			why="the default path did not take fast boot"; rc=1
		fi
		;;
	oneshot)
		why=$(e2e_check "$dir" "$work" 1 2); rc=$?
		if [ $rc -eq 0 ] &&
		   ! grep -q "BOOTIMG-NEXT-DEFAULT --load=/boot/vmlinuz-missing" "$log"; then
			why="next_entry was not consumed before the kexec"; rc=1
		fi
		;;
	hook-fails)
		rc=1
		if grep -q BOOTIMG-STAGE2 "$log"; then
			why="the staged kernel booted; want a firmware reboot"
		elif ! grep -q "BOOTIMG-HOOK kernel=/stage2/vmlinuz" "$log"; then
			why="the hook did not run, or without BOOTIMG_KERNEL"
		elif ! grep -q "pre-exec hook /etc/bootimg/pre-exec.d/50-fail failed (exit 1)" "$log"; then
			why="bootimg did not name the failed hook"
		elif ! grep -Eq "BOOTIMG-(RC6 reboot -f|SYSTEMD-SHUTDOWN reboot)" "$log"; then
			why="the shutdown did not end in a normal reboot"
		else
			why="hook failed, firmware reboot, no second kernel"; rc=0
		fi
		;;
	falls-back)
		rc=1
		if grep -q BOOTIMG-STAGE2 "$log"; then
			why="the staged kernel booted; want a firmware reboot"
		elif ! grep -q "missing: no such file" "$log"; then
			why="bootimg did not name the missing kernel"
		elif ! grep -q "staging failed; rebooting the normal way" "$log"; then
			why="bootimg-reboot did not say it falls back"
		elif ! grep -q "BOOTIMG-RC6 reboot -f" "$log"; then
			why="the shutdown did not end in reboot -f"
		else
			why="firmware reboot, no second kernel"; rc=0
		fi
		;;
	esac
	e2e_result "$name" "$rc" "$why, $((SECONDS - start)) s" "$dir/serial.log"
}

run_case reboot-sysvinit boots true "$explicit"
run_case reboot-systemd boots "mkdir -p /run/systemd/system" "$explicit"
run_case reboot-entry boots true "bootimg-reboot -v --entry=e2e-chosen" \
	"console=ttyS0 panic=-1 quiet bootimg.case=reboot-entry token=$RANDOM$RANDOM" \
	grub_config
run_case reboot-oneshot oneshot true "bootimg-reboot -v" \
	"console=ttyS0 panic=-1 quiet bootimg.case=reboot-oneshot token=$RANDOM$RANDOM" \
	oneshot_config
failing_hook() {	# failing_hook ROOT
	mkdir -p "$1/etc/bootimg/pre-exec.d"
	cat >"$1/etc/bootimg/pre-exec.d/50-fail" <<'EOS'
#!/bin/sh
echo "BOOTIMG-HOOK kernel=$BOOTIMG_KERNEL"
exit 1
EOS
	chmod +x "$1/etc/bootimg/pre-exec.d/50-fail"
}
run_case hook-fails-sysvinit hook-fails true "$explicit" "" failing_hook
run_case hook-fails-systemd hook-fails "mkdir -p /run/systemd/system" \
	"$explicit" "" failing_hook
run_case reboot-fallback falls-back \
	'bootimg --load /stage2/vmlinuz --initrd=/stage2/a.cpio --command-line="$CMDLINE"' \
	'bootimg-reboot --kernel=/boot/missing'

e2e_finalize
