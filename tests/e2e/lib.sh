# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the end-to-end suites (tests/e2e/NAME.sh): the preamble and
# the TAP output every suite shares (e2e_init ... e2e_finalize), building
# the initramfs images and booting them in qemu (TCG).  Source it; it
# defines functions only.  The programs that run inside the guests are
# in tests/e2e/guest.
#
# The first kernel's initramfs holds busybox, the staged bootimg install
# (BOOTIMG_STAGE, from `make install DESTDIR=...`) with its libraries, the
# second kernel and its two initrds:
#   a.cpio: busybox, the second kernel's /init, /data/a.bin
#   b.cpio: /data/b.bin
# Each case adds a small cpio with /case/{run,exec,cmdline}.
#
# Environment, for a guest of another architecture (i386: tests/e2e/boot-i386):
#   BOOTIMG_E2E_QEMU     the emulator (default qemu-system-x86_64)
#   BOOTIMG_E2E_BUSYBOX  a static busybox for the guest (default /bin/busybox)
#   BOOTIMG_E2E_STAGE2_BUSYBOX  the same for the second kernel only, when it
#                        is of another architecture (default BOOTIMG_E2E_BUSYBOX)
#   BOOTIMG_E2E_LIBPATH  colon-separated directories holding the guest's
#                        shared libraries; when set, they are found there
#                        (by the programs' DT_NEEDED entries) instead of by
#                        ldd, and kexec-tools is not copied

e2e_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
e2e_top=$(cd "$e2e_dir/../.." && pwd)
e2e_guest=$e2e_dir/guest

# A suite prints TAP: one "ok - CASE (why)" or "not ok - CASE: why" line
# a case, diagnostics as "#" lines, and the plan "1..N" last; then, however
# it ends, "# NAME: exit STATUS after N s".  No case run is a failure
# ("Bail out!").
#
# e2e_init NAME: the preamble.  Sets cache (BOOTIMG_E2E_CACHE, default
# tests/e2e/cache) and e2e_work, the suite's own empty work directory
# (BOOTIMG_E2E_WORK/NAME, default tests/e2e/work/NAME).
e2e_init() {
	e2e_name=$1 e2e_start=$SECONDS
	e2e_tally=$(mktemp) || exit 1
	trap 'e2e_exit $?' EXIT
	echo "# $(date +%T) started: $e2e_name"
	cache=${BOOTIMG_E2E_CACHE:-$e2e_top/tests/e2e/cache}
	e2e_work=${BOOTIMG_E2E_WORK:-$e2e_top/tests/e2e/work}/$e2e_name
	rm -rf "$e2e_work"
	mkdir -p "$e2e_work"
}

e2e_exit() {	# e2e_exit STATUS: the EXIT trap
	rm -f "$e2e_tally"
	echo "# $e2e_name: exit $1 after $((SECONDS - e2e_start)) s"
}

# e2e_need_stage FILE...: the suite boots the bootimg of a `make install
# DESTDIR=` tree, BOOTIMG_STAGE (required); skip it if FILE is not there.
e2e_need_stage() {
	local f
	[ -n "${BOOTIMG_STAGE:-}" ] ||
		e2e_bail "set BOOTIMG_STAGE to a make install DESTDIR tree"
	for f in "$@"; do
		[ -e "$BOOTIMG_STAGE/$f" ] || e2e_skip "no $f in $BOOTIMG_STAGE"
	done
}

e2e_stage_arch() {	# the staged bootimg's: i386 or x86_64 (its EI_CLASS)
	case $(od -An -tu1 -j4 -N1 "$BOOTIMG_STAGE/usr/sbin/bootimg" | tr -d ' ') in
	1) echo i386 ;;
	*) echo x86_64 ;;
	esac
}

# e2e_need_arch ARCH: skip the suite when BOOTIMG_STAGE holds a build of
# another architecture (scripts/run-tests runs the same list of suites
# for both).
e2e_need_arch() {
	[ -z "${BOOTIMG_STAGE:-}" ] || [ "$(e2e_stage_arch)" = "$1" ] ||
		e2e_skip "for the $1 build; BOOTIMG_STAGE is $(e2e_stage_arch)"
}

# e2e_init_x86_64 NAME [FILE...]: e2e_init for a suite whose guests boot
# Debian's amd64 kernel in qemu-system-x86_64 with the x86_64 bootimg of
# BOOTIMG_STAGE (FILEs: what else the suite needs there); sets kernel.
e2e_init_x86_64() {
	e2e_init "$1"
	shift
	e2e_need_stage usr/sbin/bootimg "$@"
	e2e_need_arch x86_64
	e2e_need_command qemu-system-x86_64
	e2e_kernel kernel amd64
}

# e2e_init_i386 NAME: e2e_init for a suite whose guests run in
# qemu-system-i386 with the i386 bootimg of BOOTIMG_STAGE.
e2e_init_i386() {
	e2e_init "$1"
	e2e_need_stage usr/sbin/bootimg
	e2e_need_arch i386
	e2e_i386_guests
}

# e2e_i386_guests: e2e_boot's guests run in qemu-system-i386, their
# busybox and libraries from BOOTIMG_I386_SYSROOT (default
# CACHE/i386-sysroot, filled by scripts/fetch-debs).
e2e_i386_guests() {
	local sysroot=${BOOTIMG_I386_SYSROOT:-$cache/i386-sysroot}
	e2e_need_command qemu-system-i386
	"$e2e_top/scripts/fetch-debs" i386 "$sysroot" libpopt0 busybox-static \
		zlib1g liblzma5 libzstd1 libnettle8 ||
		e2e_bail "no i386 packages in $sysroot (scripts/fetch-debs)"
	export BOOTIMG_E2E_QEMU=qemu-system-i386
	export BOOTIMG_E2E_BUSYBOX=$sysroot/bin/busybox
	export BOOTIMG_E2E_LIBPATH=$sysroot/usr/lib/i386-linux-gnu:$sysroot/lib/i386-linux-gnu:/usr/lib32
}

e2e_kernel() {	# e2e_kernel VAR FLAVOUR: Debian's FLAVOUR kernel in VAR
	local path
	path=$("$e2e_top/scripts/fetch-kernel" "$2" "$cache") ||
		e2e_bail "no $2 kernel (scripts/fetch-kernel)"
	printf -v "$1" '%s' "$path"
}

# e2e_kernel_unpack DIR KERNEL TAR-ARGUMENT...: Debian's kernel package
# of KERNEL (fetch-kernel keeps no modules), what tar -x's ARGUMENTs
# select of it unpacked in DIR.new, emptied first.
e2e_kernel_unpack() {
	local dir=$1 package deb
	package=$(basename "$(dirname "$(dirname "$2")")")
	shift 2
	# shellcheck source=scripts/debian-apt.sh
	. "$e2e_top/scripts/debian-apt.sh"
	debian_apt_init "$cache" amd64
	deb=$(debian_fetch "$package:amd64=$(debian_candidate "$package:amd64")") ||
		e2e_bail "no $package package"
	rm -rf "$dir.new"
	mkdir -p "$dir.new"
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dir.new" "$@"
}

# e2e_kernel_modules VAR KERNEL NAME MODULE...: the MODULEs (file names)
# of KERNEL's package, cached flat in CACHE/PACKAGE-NAME-modules, whose
# path goes in VAR; the last MODULE marks a complete cache.
e2e_kernel_modules() {
	local var=$1 kernel=$2 name=$3 dir module patterns=()
	shift 3
	dir=$cache/$(basename "$(dirname "$(dirname "$kernel")")")-$name-modules
	for module; do patterns+=("*/$module"); done
	if [ ! -f "$dir/${*: -1}" ]; then
		e2e_kernel_unpack "$dir" "$kernel" --wildcards "${patterns[@]}" ||
			e2e_bail "no $name modules in the package of $kernel"
		find "$dir.new" -name '*.ko' -exec mv {} "$dir.new" \;
		rm -rf "$dir"
		mv "$dir.new" "$dir"
	fi
	printf -v "$var" '%s' "$dir"
}

# e2e_kernel_tree VAR KERNEL: KERNEL's package unpacked once, its
# lib/modules/VER tree (no modules.dep: Debian ships none) below
# CACHE/PACKAGE-tree, whose path goes in VAR.
e2e_kernel_tree() {
	local var=$1 dir
	dir=$cache/$(basename "$(dirname "$(dirname "$2")")")-tree
	if [ ! -d "$dir/lib/modules" ]; then
		e2e_kernel_unpack "$dir" "$2" ./lib/modules ||
			e2e_bail "no lib/modules in the package of $2"
		rm -rf "$dir"
		mv "$dir.new" "$dir"
	fi
	printf -v "$var" '%s' "$dir"
}

# e2e_first_stage VAR [OPTION...]: the first-stage initramfs that the
# staged mkbootimg-initramfs builds (with OPTIONs) for the amd64 kernel
# of e2e_init_x86_64 ($kernel), with the modules of its package, the
# staged bootimg-menu, this host's busybox and lvm (when it has one:
# package lvm2); cached by content in CACHE/first-stage (the inputs'
# sha256) and its path put in VAR.
# The suites add their own files with a second cpio after it: an
# executable in /etc/bootimg/initramfs.d runs before the menu.
e2e_first_stage() {
	local var=$1 tree key out busybox=${BOOTIMG_E2E_BUSYBOX:-/bin/busybox}
	local data=$BOOTIMG_STAGE/usr/share/bootimg/initramfs lock lvm
	shift
	e2e_need_stage usr/sbin/mkbootimg-initramfs usr/sbin/bootimg-menu
	# one suite at a time unpacks and builds; the next one reuses that
	mkdir -p "$cache/first-stage"
	exec {lock}>"$cache/first-stage/.lock"
	flock "$lock"
	e2e_kernel_tree tree "$kernel"
	lvm=$(PATH=$PATH:/usr/sbin:/sbin command -v lvm) || lvm=
	key=$( { printf '%s\n' "$kernel" "$@"
		cat "$BOOTIMG_STAGE/usr/sbin/mkbootimg-initramfs" \
			"$BOOTIMG_STAGE/usr/sbin/bootimg-menu" \
			"$BOOTIMG_STAGE"/usr/lib/lib*.so.*.* "$data"/* "$busybox" \
			"$BOOTIMG_STAGE/usr/share/bootimg/udhcpc.script" ${lvm:+"$lvm"}
	       } | sha256sum | cut -c1-16)
	out=$cache/first-stage/$key.cpio.gz
	if [ ! -f "$out" ]; then
		# the stale ones, of builds gone for a week
		find "$cache/first-stage" -name '*.cpio.gz' -mtime +7 -delete
		BOOTIMG_INITRAMFS_DATADIR=$data \
		BOOTIMG_INITRAMFS_DHCP_SCRIPT=$BOOTIMG_STAGE/usr/share/bootimg/udhcpc.script \
		"$BOOTIMG_STAGE/usr/sbin/mkbootimg-initramfs" --output="$out" \
			--root="$tree" --busybox="$busybox" \
			--menu="$BOOTIMG_STAGE/usr/sbin/bootimg-menu" "$@" >&2 ||
			e2e_bail "mkbootimg-initramfs failed"
	fi
	touch "$out"
	exec {lock}>&-
	printf -v "$var" '%s' "$out"
}

e2e_images() {	# e2e_images DIR KERNEL [STAGE2_KERNEL]: e2e_prepare or bail
	e2e_prepare "$@" || e2e_bail "cannot build the initramfs images in $1"
}

# e2e_cmdline CASE: the second kernel's command line, with a space
# inside quotes and a unique token.
e2e_cmdline() {
	printf 'console=ttyS0 panic=-1 quiet bootimg.case=%s e2e="two words" token=%s' \
		"$1" "$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
}

e2e_initrd_args() {	# e2e_initrd_args N: bootimg's options for N initrds (0-2)
	[ "$1" -ge 1 ] && printf ' --initrd=/stage2/a.cpio'
	[ "$1" -ge 2 ] && printf ' --initrd=/stage2/b.cpio'
	return 0
}

e2e_need_command() {	# e2e_need_command CMD...: skip the suite if one is missing
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null || e2e_skip "no $c"
	done
}

e2e_skip() {	# e2e_skip REASON: the whole suite is skipped
	echo "1..0 # SKIP $e2e_name: $1"
	exit 0
}

e2e_bail() {	# e2e_bail REASON: the suite cannot go on
	echo "Bail out! $e2e_name: $1"
	exit 1
}

e2e_selected() {	# e2e_selected CASE: BOOTIMG_E2E_ONLY matches CASE?
	[[ $1 =~ ${BOOTIMG_E2E_ONLY:-.} ]]
}

# e2e_result CASE STATUS [WHY [LOG]]: CASE's TAP line; with LOG, its
# last lines as diagnostics when it failed.  Safe in a subshell: the
# tally is a file.
e2e_result() {
	if [ "$2" -eq 0 ]; then
		echo "ok - $1${3:+ ($3)}"
		echo ok >>"$e2e_tally"
	else
		echo "not ok - $1${3:+: $3}"
		echo "not ok" >>"$e2e_tally"
		[ -z "${4:-}" ] || tail -n 25 "$4" | sed 's/^/#   /'
	fi
}

# e2e_pool RUN CASE...: RUN each CASE ("NAME ARGS...", split on blanks)
# that BOOTIMG_E2E_ONLY selects, BOOTIMG_E2E_JOBS (default 2) at a time,
# each into $e2e_work/verdicts/NAME; then print the verdicts in the order
# of the cases.  RUN gets NAME ARGS... and prints e2e_result's line.
e2e_pool() {
	local run=$1 c
	shift
	local cases=("$@") verdicts=$e2e_work/verdicts
	mkdir -p "$verdicts"
	for c in "${cases[@]}"; do
		# shellcheck disable=SC2086
		set -- $c
		e2e_selected "$1" || continue
		while [ "$(jobs -rp | wc -l)" -ge "${BOOTIMG_E2E_JOBS:-2}" ]; do
			wait -n
		done
		"$run" "$@" >"$verdicts/$1" &
	done
	wait
	for c in "${cases[@]}"; do
		c=${c%% *}
		[ ! -f "$verdicts/$c" ] || cat "$verdicts/$c"
	done
}

e2e_finalize() {	# e2e_finalize: the plan and the suite's exit status
	local total failed
	total=$(wc -l <"$e2e_tally")
	[ "$total" -gt 0 ] || e2e_bail "no case ran (BOOTIMG_E2E_ONLY?)"
	failed=$(grep -c '^not ok' "$e2e_tally")
	echo "1..$total"
	echo "# $e2e_name: $((total - failed)) passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

e2e_cpio() {	# e2e_cpio DIR OUT: a newc archive of DIR's contents
	(cd "$1" && find . -mindepth 1 | LC_ALL=C sort |
		cpio -o -H newc --quiet -R 0:0) >"$2"
}

e2e_copy_libs() {	# e2e_copy_libs ROOT PROGRAM: its shared libraries
	local lib
	if [ -n "${BOOTIMG_E2E_LIBPATH:-}" ]; then
		e2e_copy_needed "$1" "$2"
		return
	fi
	for lib in $(LD_LIBRARY_PATH=$BOOTIMG_STAGE/usr/lib ldd "$2" |
			awk '/=> \// {print $3} /^\t\// {print $1}'); do
		mkdir -p "$1$(dirname "$lib")"
		cp -L "$lib" "$1$lib"
	done
}

# e2e_copy_needed ROOT FILE: FILE's interpreter, then each library it
# needs and theirs in turn: bootimg's own, in $BOOTIMG_STAGE/usr/lib
# (e2e_prepare copies those), and the others, found in BOOTIMG_E2E_LIBPATH
# and copied to ROOT/lib (the guest's loader searches there).
e2e_copy_needed() {
	local root=$1 file=$2 interp name dir found
	interp=$(readelf -lW "$file" | sed -n 's/.*program interpreter: \(.*\)]$/\1/p')
	if [ -n "$interp" ] && [ ! -e "$root$interp" ]; then
		found=
		for dir in ${BOOTIMG_E2E_LIBPATH//:/ }; do
			[ -e "$dir/${interp##*/}" ] && { found=$dir/${interp##*/}; break; }
		done
		[ -n "$found" ] || found=$interp
		mkdir -p "$root$(dirname "$interp")"
		cp -L "$found" "$root$interp"
	fi
	for name in $(readelf -dW "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'); do
		[ -e "$root/lib/$name" ] && continue
		if [ -e "$BOOTIMG_STAGE/usr/lib/$name" ]; then
			e2e_copy_needed "$root" "$BOOTIMG_STAGE/usr/lib/$name" || return 1
			continue
		fi
		found=
		for dir in ${BOOTIMG_E2E_LIBPATH//:/ }; do
			[ -e "$dir/$name" ] && { found=$dir/$name; break; }
		done
		[ -n "$found" ] || { echo "e2e: $name (needed by $file) not in BOOTIMG_E2E_LIBPATH" >&2; return 1; }
		mkdir -p "$root/lib"
		cp -L "$found" "$root/lib/$name"
		e2e_copy_needed "$root" "$found" || return 1
	done
}

# e2e_extract_vmlinux BZIMAGE OUT: our own extraction of the ELF vmlinux
# a bzImage carries: the payload (payload_offset, payload_length in the
# setup header) unpacked by the codec its magic names.  Data after the
# stream (its size) is ignored.
e2e_extract_vmlinux() {
	local setup_sects offset length magic
	setup_sects=$(od -An -tu1 -j $((0x1f1)) -N1 "$1" | tr -d ' ')
	offset=$(od -An -tu4 -j $((0x248)) -N4 "$1" | tr -d ' ')
	length=$(od -An -tu4 -j $((0x24c)) -N4 "$1" | tr -d ' ')
	offset=$(((setup_sects + 1) * 512 + offset))
	magic=$(od -An -tx1 -j "$offset" -N4 "$1" | tr -d ' ')
	tail -c +$((offset + 1)) "$1" | head -c "$length" | case $magic in
	fd377a58) xz -dc --single-stream ;;
	1f8b*) gzip -dc 2>/dev/null ;;
	28b52ffd) zstd -dcq ;;
	5d00*) xz -dc --format=lzma 2>/dev/null ;;
	*) echo "e2e_extract_vmlinux: payload magic $magic unknown" >&2 ;;
	esac >"$2"
	[ "$(head -c 4 "$2" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]
}

# e2e_prepare WORK KERNEL [STAGE2_KERNEL]: build the shared images in
# WORK once.  KERNEL boots first; bootimg boots STAGE2_KERNEL (KERNEL by
# default).
e2e_prepare() {
	local work=$1 kernel=$2 stage2=${3:-$2} root
	[ -f "$work/stage1.cpio" ] && return 0
	rm -rf "$work"
	mkdir -p "$work"
	ln -s "$kernel" "$work/vmlinuz"

	root=$work/root-a
	mkdir -p "$root/bin" "$root/data" "$root/dev"
	cp "${BOOTIMG_E2E_STAGE2_BUSYBOX:-${BOOTIMG_E2E_BUSYBOX:-/bin/busybox}}" \
		"$root/bin/busybox"
	cp "$e2e_guest/init-stage2" "$root/init"
	cp "$e2e_guest/vmcore-notes.awk" "$root/bin/"
	head -c 1048576 /dev/urandom >"$root/data/a.bin"
	e2e_cpio "$root" "$work/a.cpio"
	sha256sum <"$root/data/a.bin" | cut -d' ' -f1 >"$work/a.sha256"

	root=$work/root-b
	mkdir -p "$root/data"
	head -c 524288 /dev/urandom >"$root/data/b.bin"
	e2e_cpio "$root" "$work/b.cpio"
	sha256sum <"$root/data/b.bin" | cut -d' ' -f1 >"$work/b.sha256"

	root=$work/root-1
	mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/tmp" \
		"$root/stage2" "$root/usr/lib" "$root/usr/sbin" "$root/sbin"
	cp "${BOOTIMG_E2E_BUSYBOX:-/bin/busybox}" "$root/bin/busybox"
	cp "$e2e_guest/init-stage1" "$root/init"
	cp "$stage2" "$root/stage2/vmlinuz"
	cp "$work/a.cpio" "$work/b.cpio" "$root/stage2/"
	cp -a "$BOOTIMG_STAGE/usr/sbin/bootimg" "$root/usr/sbin/"
	cp -a "$BOOTIMG_STAGE"/usr/lib/libbootimg.so* "$root/usr/lib/"
	e2e_copy_libs "$root" "$BOOTIMG_STAGE/usr/sbin/bootimg" || return 1
	if [ -z "${BOOTIMG_E2E_LIBPATH:-}" ] &&	# kexec-tools, to compare with
	   command -v kexec >/dev/null; then
		cp "$(command -v kexec)" "$root/sbin/kexec"
		e2e_copy_libs "$root" "$(command -v kexec)"
	fi
	e2e_cpio "$root" "$work/stage1.cpio"
	rm -rf "$work"/root-*
}

# e2e_case DIR NAME=VALUE...: write the case's files; `run` and `exec`
# are shell snippets, `cmdline` the second kernel's command line.
e2e_case() {
	local dir=$1 kv
	shift
	mkdir -p "$dir/root/case"
	for kv in "$@"; do
		printf '%s\n' "${kv#*=}" >"$dir/root/case/${kv%%=*}"
	done
	printf '%s' "$(cat "$dir/root/case/cmdline")" >"$dir/root/case/cmdline"
}

# e2e_load_case DIR METHOD INITRDS: the usual case in DIR (named after
# it): stage /stage2/vmlinuz with METHOD and INITRDS initrds, then
# bootimg --exec.
e2e_load_case() {
	e2e_case "$1" exec="bootimg --exec" cmdline="$(e2e_cmdline "${1##*/}")" \
		run="bootimg -v --load /stage2/vmlinuz$(e2e_initrd_args "$3") --command-line=\"\$CMDLINE\" --method=$2"
}

# e2e_boot WORK DIR SMP [FIRMWARE [DISPLAY [APPEND]]]: boot the first
# kernel with DIR's case; the serial output, each line prefixed with the
# host's time, goes to DIR/serial.log.  FIRMWARE: bios (default, SeaBIOS) or uefi
# (OVMF; e2e_ovmf finds it).  DISPLAY: none (default) or vga (a standard
# VGA card, not shown).  APPEND is added to the first kernel's command
# line (crashkernel=256M).  E2E_QEMU_ARGS (an array) adds qemu options;
# E2E_QEMU_INPUT is the serial console's input (default /dev/null);
# E2E_FIRMWARE_REBOOTS=1 leaves out -no-reboot: a reset boots again.
# E2E_STAGE1 replaces WORK/stage1.cpio (e2e_first_stage's initramfs).
# The first kernel gets no_timer_check: under TCG on a loaded host its
# IO-APIC timer check can fail and panic ("IO-APIC + timer doesn't work").
e2e_boot() {
	local work=$1 dir=$2 smp=$3 firmware=${4:-bios} display=${5:-none} append=${6:-}
	local extra=() stage1
	case $firmware in
	bios) ;;
	uefi)
		cp "$E2E_OVMF_VARS" "$dir/ovmf-vars.fd"
		extra+=(-drive "if=pflash,format=raw,readonly=on,file=$E2E_OVMF_CODE"
			-drive "if=pflash,format=raw,file=$dir/ovmf-vars.fd") ;;
	*) echo "e2e_boot: unknown firmware $firmware" >&2; return 1 ;;
	esac
	case $display in
	none) ;;
	vga) extra+=(-vga std) ;;
	*) echo "e2e_boot: unknown display $display" >&2; return 1 ;;
	esac
	[ -n "${E2E_FIRMWARE_REBOOTS:-}" ] || extra+=(-no-reboot)
	extra+=(${E2E_QEMU_ARGS[@]+"${E2E_QEMU_ARGS[@]}"})
	e2e_cpio "$dir/root" "$dir/case.cpio"
	stage1=${E2E_STAGE1:-$work/stage1.cpio}
	# the kernel finds an archive after a compressed one at a multiple
	# of 4 bytes only: pad the first
	{ cat "$stage1"
	  head -c $(((4 - $(stat -c %s "$stage1") % 4) % 4)) /dev/zero
	  cat "$dir/case.cpio"; } >"$dir/initramfs"
	timeout "${BOOTIMG_E2E_TIMEOUT:-240}" \
		"${BOOTIMG_E2E_QEMU:-qemu-system-x86_64}" -accel tcg -m "${BOOTIMG_E2E_MEM:-1G}" \
		${BOOTIMG_E2E_CPU:+-cpu "$BOOTIMG_E2E_CPU"} \
		-smp "$smp" -display none -monitor none \
		-serial stdio -nodefaults "${extra[@]}" \
		-kernel "$work/vmlinuz" -initrd "$dir/initramfs" \
		-append "console=ttyS0 panic=-1 quiet no_timer_check${append:+ $append}" \
		<"${E2E_QEMU_INPUT:-/dev/null}" 2>"$dir/qemu.err" |
	while IFS= read -r line; do
		printf '%s %s\n' "$EPOCHREALTIME" "${line%$'\r'}"
	done >"$dir/serial.log"
}

# e2e_menu_case DIR CMDLINE DEVICE: a bootimg-menu (issue 13) case in
# DIR, for the first stage of e2e_first_stage (E2E_STAGE1): its root
# holds guest/first-stage-hook in /etc/bootimg/initramfs.d, which /init
# runs before the menu, and its run script waits for
# /sys/class/block/DEVICE (at most 10 s) and prints bootimg-menu
# --list's lines (BOOTIMG-MENU-LIST ...) and the guest's uptime around
# it (BOOTIMG-MENU-TIME start=S end=S); /init then starts bootimg-menu.
# CMDLINE is what the second kernel must get.
e2e_menu_case() {
	local dir=$1 cmdline=$2 device=$3
	e2e_case "$dir" cmdline="$cmdline" \
		run="i=0; while [ ! -e /sys/class/block/$device ] && [ \$i -lt 100 ]; do sleep 0.1; i=\$((i + 1)); done
"'t0=$(cut -d" " -f1 /proc/uptime)
bootimg-menu --list | sed "s/^/BOOTIMG-MENU-LIST /"
echo "BOOTIMG-MENU-TIME start=$t0 end=$(cut -d" " -f1 /proc/uptime)"'
	mkdir -p "$dir/root/etc/bootimg/initramfs.d"
	cp "$e2e_guest/first-stage-hook" "$dir/root/etc/bootimg/initramfs.d/50-e2e"
}

e2e_menu_list_ms() {	# e2e_menu_list_ms LOG: how long --list took
	e2e_field "$1" "BOOTIMG-MENU-TIME " |
		awk -F'[= ]' '{printf "%d", ($4 - $2) * 1000}'
}

# e2e_menu_keys LOG KEYS: once LOG shows bootimg-menu's countdown, KEYS
# (printf's %b) on this process's output, which then stays open.
e2e_menu_keys() {
	local i
	for ((i = 0; i < 600; i++)); do
		grep -q "Booting entry 0 in" "$1" 2>/dev/null && break
		sleep 0.5
	done
	printf '%b' "$2"
	exec sleep 600
}

# e2e_menu_boot_keys WORK DIR KEYS APPEND: e2e_boot (one CPU, BIOS, the
# first kernel's command line + APPEND) with KEYS typed on the serial
# console once bootimg-menu counts down.
e2e_menu_boot_keys() {
	local log=$2/serial.log keys
	mkdir -p "$2"
	: >"$log"
	rm -f "$2/keys"
	mkfifo "$2/keys"
	e2e_menu_keys "$log" "$3" >"$2/keys" &
	keys=$!
	E2E_QEMU_INPUT=$2/keys e2e_boot "$1" "$2" 1 bios none "$4"
	kill "$keys" 2>/dev/null
	wait "$keys" 2>/dev/null
}

# e2e_make_uki KERNEL INITRD CMDLINE-FILE OS-RELEASE OUT: a unified
# kernel image made with objcopy on systemd-boot's stub, E2E_UKI_STUB
# (package systemd-boot-efi).
E2E_UKI_STUB=/usr/lib/systemd/boot/efi/linuxx64.efi.stub
e2e_make_uki() {
	objcopy --add-section .osrel="$4" \
		--change-section-vma .osrel=0x20000 \
		--add-section .cmdline="$3" \
		--change-section-vma .cmdline=0x30000 \
		--add-section .initrd="$2" \
		--change-section-vma .initrd=0x40000 \
		--add-section .linux="$1" \
		--change-section-vma .linux=0x2000000 \
		"$E2E_UKI_STUB" "$5"
}

# e2e_ovmf: find OVMF (Debian package ovmf) for e2e_boot's uefi firmware;
# return 1 if it is not installed.
e2e_ovmf() {
	E2E_OVMF_CODE=/usr/share/OVMF/OVMF_CODE.fd
	E2E_OVMF_VARS=/usr/share/OVMF/OVMF_VARS.fd
	[ -f "$E2E_OVMF_CODE" ] && [ -f "$E2E_OVMF_VARS" ]
}

e2e_field() {	# e2e_field LOG PREFIX: the rest of the first line with it
	sed -n "s/^[0-9.]* $2//p" "$1" | head -n 1
}

e2e_time() {	# e2e_time LOG PREFIX: the host time of the first such line
	awk -v p="$2" 'index($0, p) == length($1) + 2 {print $1; exit}' "$1"
}

# e2e_check DIR WORK SMP INITRDS [MEM_PERCENT]: compare the second
# kernel's report with what was asked for; print why not and return 1 on
# a mismatch.  Its MemTotal must be at least MEM_PERCENT (default 97) of
# the first kernel's: less where the two kernels differ in size.
e2e_check() {
	local dir=$1 work=$2 smp=$3 initrds=$4 percent=${5:-97} log=$1/serial.log
	local want got m1 m2 c2 a b crng
	if grep -q BOOTIMG-STAGE1-FAIL "$log"; then
		e2e_field "$log" "BOOTIMG-STAGE1-FAIL "
		return 1
	fi
	if ! grep -q BOOTIMG-STAGE2-DONE "$log"; then
		echo "the second kernel did not report"
		return 1
	fi
	want=$(cat "$dir/root/case/cmdline")
	got=$(e2e_field "$log" "BOOTIMG-STAGE2 cmdline=")
	[ "$got" = "$want" ] || { echo "cmdline: got '$got', want '$want'"; return 1; }
	a=$(cat "$work/a.sha256")
	b=missing
	[ "$initrds" -lt 2 ] || b=$(cat "$work/b.sha256")
	got=$(e2e_field "$log" "BOOTIMG-STAGE2 sha256 ")
	[ "$got" = "a=$a b=$b" ] || { echo "initrd content: got '$got', want 'a=$a b=$b'"; return 1; }
	m1=$(e2e_field "$log" "BOOTIMG-STAGE1 memtotal=" | cut -d' ' -f1)
	m2=$(e2e_field "$log" "BOOTIMG-STAGE2 memtotal=" | cut -d' ' -f1)
	c2=$(e2e_field "$log" "BOOTIMG-STAGE2 memtotal=" | sed 's/.*cpus=//')
	[ $((m2 * 100)) -ge $((m1 * percent)) ] || { echo "MemTotal $m2 kB < $percent% of $m1 kB"; return 1; }
	[ "$c2" = "$smp" ] || { echo "cpus: got $c2, want $smp"; return 1; }
	crng=$(e2e_field "$log" "BOOTIMG-STAGE2 crng=" | tr -d '\r')
	echo "memtotal $m2/$m1 kB, cpus $c2, crng ready at ${crng:-never} s, load $(e2e_load_ms "$log") ms, downtime $(e2e_downtime_ms "$log") ms"
}

# Where fast boot put the second kernel, in case DIR: "TEXT PHYS HOW",
# TEXT and PHYS in hex without 0x; the kernel's own view (_text in its
# /proc/kallsyms, "Kernel code" in its /proc/iomem) if bootimg -v said
# the same, else "mismatch"; HOW: KASLR or no-KASLR.
e2e_kaslr_text() {	# e2e_kaslr_text DIR
	local log=$1/serial.log said text phys
	said=$(grep -a -m1 "bootimg: fast boot, " "$log" | tr -d '\r')
	text=$(e2e_field "$log" "BOOTIMG-STAGE2 text=" | tr -d '\r')
	phys=${text#* phys=}
	text=${text%% *}
	if [ "$(printf '%x %x' "0x${text:-0}" "0x${phys:-0}")" != \
	     "$(echo "$said" | sed -n 's/.*_text at 0x\([0-9a-f]*\), physical 0x\([0-9a-f]*\)$/\1 \2/p')" ]; then
		echo "mismatch mismatch: kernel $text $phys, bootimg -v: ${said#* }"
		return
	fi
	printf '%x %x %s\n' "0x$text" "0x$phys" \
		"$(echo "$said" | sed -n 's/.*bootimg: fast boot, \([^:,]*\).*/\1/p' |
		   tr ' ' -)"
}

e2e_load_ms() {	# from the guest's /proc/uptime, 10 ms resolution
	e2e_field "$1" "BOOTIMG-STAGE1-LOADTIME " |
		awk -F'[= ]' '{printf "%d", ($4 - $2) * 1000}'
}

e2e_downtime_ms() {	# host clock: exec line to the second kernel's init
	local t0 t1
	t0=$(e2e_time "$1" BOOTIMG-STAGE1-EXEC)
	t1=$(e2e_time "$1" "BOOTIMG-STAGE2 uptime=")
	awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%d", (b - a) * 1000}'
}

# e2e_reset_case WORK CC CMDLINE: the case purgatory-reset in
# WORK/cases: bootimg stages the second kernel with the kexec method
# while guest/corrupt-segment.c (built with CC, preloaded) damages its first
# segment on the way into kexec_load; then bootimg --exec.
e2e_reset_case() {
	local dir=$1/cases/purgatory-reset
	$2 -Wall -Wextra -O2 -shared -fPIC -o "$1/corrupt-segment.so" \
		"$e2e_guest/corrupt-segment.c" || return 1
	e2e_case "$dir" exec="bootimg --exec" cmdline="$3" \
		run="LD_PRELOAD=/case/corrupt-segment.so bootimg -v --load /stage2/vmlinuz --initrd=/stage2/a.cpio --command-line=\"\$CMDLINE\" --method=kexec"
	cp "$1/corrupt-segment.so" "$dir/root/case/"
}

# e2e_check_reset DIR QEMU_STATUS SECONDS: purgatory refused the damaged
# segment and reset the machine: qemu (-no-reboot) exited by itself,
# well before the timeout, and no second kernel ran.
e2e_check_reset() {
	local log=$1/serial.log limit=${BOOTIMG_E2E_TIMEOUT:-240}
	if ! grep -q "BOOTIMG-E2E corrupted segment" "$log"; then
		echo "the segment was not damaged (corrupt-segment.so)"
	elif ! grep -q "bootimg purgatory: segment .* is corrupt, not booting; resetting" "$log"; then
		echo "purgatory did not report the damaged segment"
	elif grep -q "BOOTIMG-STAGE2" "$log"; then
		echo "the damaged kernel booted"
	elif [ "$2" -ne 0 ]; then
		echo "qemu did not exit by itself (status $2)"
	elif [ "$3" -ge $((limit / 2)) ]; then
		echo "qemu took $3 s, half the timeout"
	else
		echo "reset $(awk -v a="$(e2e_time "$log" BOOTIMG-STAGE1-EXEC)" \
			-v b="$(e2e_time "$log" "bootimg purgatory:")" \
			'BEGIN {printf "%d", (b - a) * 1000}') ms after exec, qemu done in $3 s"
		return 0
	fi
	return 1
}
