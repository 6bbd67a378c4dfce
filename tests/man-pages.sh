#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The man pages: each lints cleanly (man --warnings, and mandoc -Tlint
# when mandoc is installed), and every long option a program's --help
# shows is documented in that program's page.  TAP.
set -u

b=${top_builddir:-.}
src=${srcdir:-.}
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; }

program_for() {	# program_for NAME: the built or shipped program, or nothing
	local p
	for p in "$b/$1" "$b/src/cli/$1" "$src/scripts/$1" "$src/src/cli/$1"; do
		[ -x "$p" ] && [ -f "$p" ] && { echo "$p"; return; }
	done
}

# groff renders "\-" as "-"; compare on the rendered text.
rendered() { MANWIDTH=200 man -E UTF-8 -l "$1" 2>/dev/null | col -b; }

for page in "$src"/man/*.[1-8]; do
	name=$(basename "$page")
	warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 "$page" 2>&1 >/dev/null)
	if [ -z "$warnings" ]; then
		ok "$name: man --warnings is silent"
	else
		not_ok "$name: man --warnings is silent" "$warnings"
	fi
	if command -v mandoc >/dev/null; then
		warnings=$(mandoc -Tlint -Wwarning "$page" 2>&1)
		if [ -z "$warnings" ]; then
			ok "$name: mandoc -Tlint is silent"
		else
			not_ok "$name: mandoc -Tlint is silent" "$warnings"
		fi
	fi

	program=$(program_for "${name%.*}")
	[ -n "$program" ] || continue
	text=$(rendered "$page")
	missing=()
	for option in $("$program" --help 2>&1 |
			grep -oE -- '--[a-zA-Z0-9][a-zA-Z0-9-]*' | sort -u); do
		grep -qF -- "$option" <<<"$text" || missing+=("$option")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		ok "$name documents every option of ${name%.*} --help"
	else
		not_ok "$name documents every option of ${name%.*} --help" \
			"missing: ${missing[*]}"
	fi
done
echo "1..$n"
