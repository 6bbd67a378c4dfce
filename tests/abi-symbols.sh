#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The public ABI: each shared library exports exactly the functions its
# version script lists, all in that script's version node, and its
# header declares exactly those functions.  Nothing internal leaks.  TAP.
set -u

. "${srcdir:-.}/tests/cli-lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/abi-symbols.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

same() {	# same NAME EXPECTED ACTUAL: ok when the two lists are equal
	diff <(echo "$2") <(echo "$3") | grep '^[<>]' >"$tmp/out"
	check "$1" [ ! -s "$tmp/out" ]
}

# The names between "global:" and "local:" of a version script.
script_names() {
	sed -n '/^global:/,/^local:/{s/^[[:space:]]*\([a-z0-9_]*\);$/\1/p}' "$1" |
		sort
}

# The version script's node, "LIBBOOTIMG_1" of "LIBBOOTIMG_1 {".
script_node() { sed -n 's/^\([A-Z0-9_]*\) {$/\1/p' "$1" | tail -1; }

# The defined dynamic symbols, NAME@@NODE each (the node line left out).
exported() {
	nm -D --defined-only "$1" | awk '$2 != "A" { print $3 }' | sort
}

# The PREFIX_* functions a header declares (or names in its comments).
declared() {
	grep -o "\b$2_[a-z0-9_]*(" "$1" | tr -d '(' | sort -u
}

check_library() {	# check_library LIB SCRIPT HEADER PREFIX
	local so=$b/.libs/$1.so names node
	names=$(script_names "$2")
	node=$(script_node "$2")
	if [ ! -e "$so" ]; then
		skip "$1.so not built (--disable-shared)"
	else
		same "$1.so exports what $(basename "$2") lists, in $node" \
			"$(echo "$names" | sed "s/\$/@@$node/")" "$(exported "$so")"
	fi
	same "$(basename "$3") declares what $(basename "$2") lists" \
		"$names" "$(declared "$3" "$4")"
}

check_library libbootimg "$src/src/lib/libbootimg.sym" \
	"$src/src/include/bootimg.h" bootimg
check_library libbootcfg "$src/src/bootcfg/libbootcfg.sym" \
	"$src/src/include/bootcfg.h" bootcfg
echo "1..$n"
