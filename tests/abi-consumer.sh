#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# abi-consumer.sh DESTDIR LIBDIR: build and run a program against the
# installed libbootimg and libbootcfg as another project would, with the
# flags of their .pc files and nothing from the source tree: the
# headers stand alone (C99, -Wall -Wextra -pedantic -Werror) and the
# libraries resolve every function.  make installcheck runs it, with
# configure's CC and LDFLAGS; prints PASS: or FAIL: as check-hardening.
set -u

destdir=$1 libdir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PKG_CONFIG_SYSROOT_DIR=$destdir
export PKG_CONFIG_LIBDIR=$destdir$libdir/pkgconfig

cat >"$work/consumer.c" <<'C'
#include <bootcfg.h>
#include <bootimg.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	static const char cfg_text[] = "LABEL linux\n KERNEL /vmlinuz\n";
	struct bootcfg *cfg;
	struct bootcfg_error error = { .size = sizeof(error) };
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0)
		return 1;
	printf("%s\n", bootimg_method_name(BOOTIMG_METHOD_KEXEC));
	bootimg_free(ctx);
	if (bootcfg_parse_buffer("syslinux", cfg_text, strlen(cfg_text),
				 "test", NULL, &cfg, &error) < 0) {
		bootcfg_error_clear(&error);
		return 1;
	}
	printf("%zu\n", bootcfg_count(cfg));
	bootcfg_free(cfg);
	return 0;
}
C
fail() { echo "FAIL: abi-consumer: $1"; exit 1; }
# shellcheck disable=SC2046,SC2086
${CC:-cc} -std=c99 -Wall -Wextra -pedantic -Werror \
	$(pkg-config --cflags libbootimg libbootcfg) ${LDFLAGS:-} \
	-o "$work/consumer" "$work/consumer.c" \
	$(pkg-config --libs libbootimg libbootcfg) ||
	fail "a C99 program does not build with libbootimg.pc and libbootcfg.pc"
# At run time, the libraries come from where the build linked them:
# DESTDIR's, then configure's -L directories (an i386 build's sysroot).
path=$destdir$libdir
for flag in ${LDFLAGS:-}; do
	case $flag in -L?*) path=$path:${flag#-L} ;; esac
done
out=$(LD_LIBRARY_PATH=$path${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
	"$work/consumer") || fail "the program built against them fails"
[ "$out" = "$(printf 'kexec\n1')" ] || fail "unexpected output: $out"
echo "PASS: abi-consumer: a C99 program builds with libbootimg.pc and libbootcfg.pc and runs"
