#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# mkbootimg-initramfs on a fixture module tree, without root: two tiny
# modules compiled here (fake_bar uses a symbol fake_foo exports, so
# depmod makes fake_bar depend on fake_foo), a stand-in busybox and a
# stand-in bootimg-menu linked against a library of a staged tree.  The
# options, each error path and its exit code, what the archive holds,
# the compressions, the atomic output and the UKI.  tests/e2e/menu.sh
# boots the real thing.  TAP.
# shellcheck disable=SC2016	# eval's arguments expand when they run
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
cli_setup cli-initramfs
mk=$b/mkbootimg-initramfs
export BOOTIMG_INITRAMFS_DATADIR=$src/src/initramfs
export BOOTIMG_INITRAMFS_DHCP_SCRIPT=$src/src/menu/udhcpc.script
cc=${CC:-cc}
kver=6.0.0-fake
mods=$tmp/kernel/lib/modules/$kver

# The module tree: fake_foo, fake_bar, and vfat built in.
mkdir -p "$mods/kernel/fake" "$tmp/c"
modinfo() { printf 'const char modinfo[] __attribute__((section(".modinfo"), used)) = "license=GPL\\0name=%s\\0vermagic=%s SMP mod_unload ";\n' "$1" "$kver"; }
{ modinfo fake_foo
  echo 'const char ksym[] __attribute__((section("__ksymtab_strings"), used)) = "fake_foo_sym";'
  echo 'int fake_foo_sym(void) { return 1; }'; } >"$tmp/c/foo.c"
{ modinfo fake_bar
  echo 'extern int fake_foo_sym(void);'
  echo 'int fake_bar(void) { return fake_foo_sym(); }'; } >"$tmp/c/bar.c"
if ! $cc -c -o "$mods/kernel/fake/fake_foo.ko" "$tmp/c/foo.c" ||
   ! $cc -c -o "$mods/kernel/fake/fake_bar.ko" "$tmp/c/bar.c"; then
	echo "Bail out! $cc cannot build the fixture modules"; exit 99
fi
printf 'kernel/fake/fake_foo.ko\nkernel/fake/fake_bar.ko\n' >"$mods/modules.order"
echo kernel/fs/fat/vfat.ko >"$mods/modules.builtin"

# A staged tree: bootimg-menu needs libfake.so.1 of stage/usr/lib.
mkdir -p "$tmp/stage/usr/sbin" "$tmp/stage/usr/lib" "$tmp/bin"
echo 'int fake_lib(void) { return 0; }' >"$tmp/c/lib.c"
echo 'int fake_lib(void); int main(void) { return fake_lib(); }' >"$tmp/c/menu.c"
if ! $cc -shared -fPIC -Wl,-soname,libfake.so.1 -o "$tmp/stage/usr/lib/libfake.so.1" "$tmp/c/lib.c" ||
   ! $cc -o "$tmp/stage/usr/sbin/bootimg-menu" "$tmp/c/menu.c" -L"$tmp/stage/usr/lib" -l:libfake.so.1; then
	echo "Bail out! $cc cannot build the stand-in bootimg-menu"; exit 99
fi
menu=$tmp/stage/usr/sbin/bootimg-menu
# busybox: a script (no dynamic loader: static enough) with three applets
cat >"$tmp/bin/busybox" <<'EOF'
#!/bin/sh
[ "$1" = --list-full ] && printf 'bin/sh\nsbin/modprobe\nsbin/udhcpc\n'
EOF
chmod +x "$tmp/bin/busybox"

# mk_run ARGS...: mkbootimg-initramfs with the fixtures; $tmp/out,
# $tmp/err, $rc.
mk_run() {
	"$mk" --busybox="$tmp/bin/busybox" --menu="$menu" "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
}
# fails STATUS MESSAGE ARGS...: mk_run ARGS exits STATUS with MESSAGE,
# one line.
fails() {
	local status=$1 message=$2
	shift 2
	mk_run "$@"
	[ $rc -eq "$status" ] && has "$message" "$tmp/err" &&
		[ "$(wc -l <"$tmp/err")" -eq 1 ]
}
listing() { cpio -it --quiet <"$1" | sed 's|^\./||' | sort; }

"$mk" --help >"$tmp/out" 2>"$tmp/err"
check "--help: exit 0, every option" eval '[ $? -eq 0 ] && has --output= "$tmp/out" && has --uki= "$tmp/out"'
"$mk" --version >"$tmp/out"
check "--version" grep -q '^mkbootimg-initramfs [0-9]' "$tmp/out"

# --- usage errors: 2 ----------------------------------------------------
check "no --output: 2" fails 2 "--output=FILE is required" --root="$tmp/kernel"
check "an unknown option: 2" fails 2 "unknown option --frobnicate" --frobnicate
check "--compression=lz4: 2" fails 2 "--compression: lz4 is not gzip, xz, zstd or none" \
	--output="$tmp/x" --compression=lz4
check "--uki without --kernel: 2" fails 2 "--uki needs --kernel=VMLINUZ" \
	--output="$tmp/x" --uki="$tmp/x.efi"
check "--output without a value: 2" fails 2 "--output needs a value" --output

# --- the module tree: 3 -----------------------------------------------
check "--root that does not exist: 3" fails 3 "$tmp/none: no such directory" \
	--root="$tmp/none" --output="$tmp/x"
mkdir "$tmp/empty"
check "--root without lib/modules: 3" fails 3 "$tmp/empty: no lib/modules" \
	--root="$tmp/empty" --output="$tmp/x"
check "--kernel-version that is not there: 3" fails 3 "$tmp/kernel/lib/modules/9.9: no such directory" \
	--root="$tmp/kernel" --kernel-version=9.9 --output="$tmp/x"
mkdir -p "$tmp/two/lib/modules/1.0" "$tmp/two/lib/modules/2.0"
check "--root with two kernels and no --kernel-version: 3" fails 3 \
	"several kernels" --root="$tmp/two" --output="$tmp/x"

# --- the programs: 4 -----------------------------------------------------
check "a missing busybox: 4" fails 4 "$tmp/none: no such file" \
	--root="$tmp/kernel" --output="$tmp/x" --busybox="$tmp/none"
check "a dynamic busybox: 4" fails 4 "$menu: not a static busybox" \
	--root="$tmp/kernel" --output="$tmp/x" --busybox="$menu"
check "a missing bootimg-menu: 4" fails 4 "$tmp/none: no such program" \
	--root="$tmp/kernel" --output="$tmp/x" --menu="$tmp/none"
cp "$menu" "$tmp/lonely-menu"
check "a library not found: 4" fails 4 "needs libfake.so.1, which is not found" \
	--root="$tmp/kernel" --output="$tmp/x" --menu="$tmp/lonely-menu"

# --- the output: 5 -----------------------------------------------------
check "an output in a directory that does not exist: 5" fails 5 \
	"$tmp/none/x: no such directory: $tmp/none" \
	--root="$tmp/kernel" --output="$tmp/none/x"

# --- a build -------------------------------------------------------------
mk_run --root="$tmp/kernel" --modules=fake_bar,nosuch --compression=none \
	--output="$tmp/plain.cpio" --verbose
check "a build: exit 0" [ $rc -eq 0 ]
listing "$tmp/plain.cpio" >"$tmp/list"
for f in init bin/busybox bin/sh sbin/modprobe usr/sbin/bootimg-menu \
	usr/lib/libfake.so.1 usr/share/udhcpc/default.script \
	"lib/modules/$kver/kernel/fake/fake_bar.ko" \
	"lib/modules/$kver/kernel/fake/fake_foo.ko" \
	"lib/modules/$kver/modules.dep" etc/bootimg/modules \
	etc/bootimg/initramfs.d dev proc sys run tmp; do
	check "the archive holds $f" grep -qx "$f" "$tmp/list"
done
# (in pkgdatadir: /usr/share/bootimg with --prefix=/usr, not in make distcheck)
check "the archive holds bootimg-menu's DHCP script" \
	grep -q '/bootimg/udhcpc\.script$' "$tmp/list"
check "the archive holds the dynamic loader" grep -q '^lib.*/ld-linux' "$tmp/list"
check "the archive holds libc" grep -q '/libc\.so\.6$' "$tmp/list"
check "no path of the build host's staged tree" lacks "$tmp" "$tmp/list"
mkdir "$tmp/unpacked"
(cd "$tmp/unpacked" && cpio -id --quiet <"$tmp/plain.cpio")
check "modules.dep: fake_bar needs fake_foo" grep -qx \
	"kernel/fake/fake_bar.ko: kernel/fake/fake_foo.ko" "$tmp/unpacked/lib/modules/$kver/modules.dep"
check "/etc/bootimg/modules: the set, then --modules" eval \
	'[ "$(head -n1 "$tmp/unpacked/etc/bootimg/modules")" = virtio_pci ] &&
	 [ "$(tail -n2 "$tmp/unpacked/etc/bootimg/modules" | tr "\n" " ")" = "fake_bar nosuch " ]'
check "bin/sh links to busybox" [ "$(readlink "$tmp/unpacked/bin/sh")" = /bin/busybox ]
check "/init is executable" [ -x "$tmp/unpacked/init" ]
check "--verbose: a built-in module" has "module vfat: built into the kernel" "$tmp/err"
check "--verbose: a missing module" has "module nosuch: not in $mods, left out" "$tmp/err"
check "the kernel tree is not written to" [ ! -e "$mods/modules.dep" ]

magic() { head -c 4 "$1" | od -An -tx1 | tr -d ' \n'; }
mk_run --root="$tmp/kernel" --output="$tmp/gz"
check "gzip by default" eval '[ $rc -eq 0 ] && [ "$(magic "$tmp/gz" | cut -c1-4)" = 1f8b ] && gzip -t "$tmp/gz"'
for kind in xz:fd377a58 zstd:28b52ffd; do
	if command -v "${kind%:*}" >/dev/null; then
		mk_run --root="$tmp/kernel" --output="$tmp/c.${kind%:*}" --compression="${kind%:*}"
		check "--compression=${kind%:*}" eval '[ $rc -eq 0 ] && [ "$(magic "$tmp/c.${kind%:*}")" = "${kind#*:}" ]'
	else
		skip "--compression=${kind%:*} (not installed)"
	fi
done

# --- nothing halfway ---------------------------------------------------
cp "$tmp/gz" "$tmp/kept"
mk_run --root="$tmp/kernel" --output="$tmp/gz" --busybox="$tmp/none"
check "a failed build leaves the output as it was" cmp -s "$tmp/gz" "$tmp/kept"
check "and no temporary file" eval '[ -z "$(find "$tmp" -maxdepth 1 -name "gz.*")" ]'

# --- the UKI: 6 without a tool ----------------------------------------------
head -c 4096 /dev/zero >"$tmp/vmlinuz"
check "--uki with a missing kernel: 6" fails 6 "$tmp/none: no such kernel" \
	--root="$tmp/kernel" --output="$tmp/y" --uki="$tmp/y.efi" --kernel="$tmp/none"
mkdir "$tmp/path"
for dir in /usr/local/bin /usr/bin /bin /usr/sbin /sbin; do
	for tool in "$dir"/*; do
		case ${tool##*/} in objcopy | objdump | ukify) continue ;; esac
		[ -e "$tmp/path/${tool##*/}" ] || ln -s "$tool" "$tmp/path/"
	done 2>/dev/null
done
PATH=$tmp/path fails 6 "--uki: neither ukify nor objcopy is installed" \
	--root="$tmp/kernel" --output="$tmp/y" --uki="$tmp/y.efi" --kernel="$tmp/vmlinuz"
status=$?
check "no ukify, no objcopy: 6, and nothing written" eval \
	'[ $status -eq 0 ] && [ ! -e "$tmp/y" ] && [ ! -e "$tmp/y.efi" ]'
stub=/usr/lib/systemd/boot/efi/linuxx64.efi.stub
if command -v ukify >/dev/null || { command -v objcopy >/dev/null && [ -f "$stub" ]; }; then
	mk_run --root="$tmp/kernel" --output="$tmp/y" --uki="$tmp/y.efi" \
		--kernel="$tmp/vmlinuz" --cmdline="console=ttyS0 bootimg.timeout=3"
	check "--uki: exit 0" [ $rc -eq 0 ]
	check "--uki: .linux, .initrd and .cmdline sections" eval \
		'objdump -h "$tmp/y.efi" | grep -q " \.linux " &&
		 objdump -h "$tmp/y.efi" | grep -q " \.initrd " &&
		 objdump -h "$tmp/y.efi" | grep -q " \.cmdline "'
	objcopy -O binary --only-section=.initrd "$tmp/y.efi" "$tmp/y.initrd" 2>/dev/null
	check "--uki: .initrd is the initramfs" cmp -s "$tmp/y.initrd" "$tmp/y"
else
	skip "--uki (no ukify, no objcopy with $stub)"
fi

echo "1..$n"
