#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The bash completions in completion/: each file sourced under bash with
# bash-completion's library, then completed as bash would (COMP_WORDS,
# COMP_CWORD, COMP_LINE, COMP_POINT) for options, --method= values,
# files, and --entry= from the built mkbootcmd --list.  TAP.
set -u

b=${top_builddir:-.}
src=${srcdir:-.}
lib=${BASH_COMPLETION_LIB:-/usr/share/bash-completion/bash_completion}
if [ ! -f "$lib" ]; then
	echo "1..0 # SKIP no bash-completion ($lib)"
	exit 0
fi
if [ ! -x "$b/bootimg" ] || [ ! -x "$b/bootimg-reboot" ] ||
   [ ! -x "$b/mkbootcmd" ]; then
	echo "Bail out! build the tree first (make check)"
	exit 99
fi
case $b in /*) ;; *) b=$(pwd)/$b ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/completion.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
PATH=$b:$PATH

# shellcheck source=/dev/null
. "$lib"
# Outside a real completion compopt refuses to run; what it would set
# (nospace after "--method=") is not checked here.
compopt() { :; }
n=0
check() {	# check DESCRIPTION COMMAND...
	local desc=$1; shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		printf '# COMPREPLY: %s\n' "${COMPREPLY[@]}"
	fi
}

# complete_line LINE: COMPREPLY for the end of LINE, with the words split as
# bash splits them (COMP_WORDBREAKS makes "=" a word of its own).
complete_line() {
	local line=$1 w func
	COMP_WORDS=()
	for w in $line; do
		if [[ $w == --*=* ]]; then
			COMP_WORDS+=("${w%%=*}" "=")
			[ -n "${w#*=}" ] && COMP_WORDS+=("${w#*=}")
		else
			COMP_WORDS+=("$w")
		fi
	done
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	func=$(complete -p "${COMP_WORDS[0]}" | awk '{print $3}')
	"$func" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}"
}
has() {		# has WORD: COMPREPLY holds WORD
	local w
	for w in "${COMPREPLY[@]}"; do [ "$w" = "$1" ] && return 0; done
	return 1
}
only() {	# only WORDS...: COMPREPLY is exactly WORDS, in any order
	[ "$(printf '%s\n' "${COMPREPLY[@]}" | sort)" = \
	  "$(printf '%s\n' "$@" | sort)" ]
}

for prog in bootimg bootimg-reboot mkbootcmd bootimg-menu mkbootimg-initramfs; do
	# shellcheck source=/dev/null
	. "$src/completion/$prog"
	check "$prog: the file registers a completion" \
		eval 'complete -p "$prog" >/dev/null'
done

: >"$tmp/vmlinuz-6.1"
: >"$tmp/initrd.img-6.1"
mkdir "$tmp/boot"
cat >"$tmp/grub.cfg" <<'CFG'
menuentry 'Debian' --id debian {
	linux /vmlinuz root=/dev/vda
}
menuentry 'Rescue mode' --id rescue {
	linux /vmlinuz single
}
CFG

complete_line "bootimg --met"
check "bootimg: options from --help" only --method=
complete_line "bootimg --"
check "bootimg: every option, --exec, --initrd and --info= among them" \
	eval 'has --exec && has --initrd && has --info= && [ ${#COMPREPLY[@]} -gt 12 ]'
complete_line "bootimg --ch"
check "bootimg --check from --help" only --check
complete_line "bootimg --js"
check "bootimg --json from --help" only --json
complete_line "bootimg --method=k"
check "bootimg --method=: kexec" only kexec
complete_line "bootimg --method="
check "bootimg --method=: every method" only auto file kexec module
complete_line "bootimg --load $tmp/vm"
check "bootimg --load: files" only "$tmp/vmlinuz-6.1"
complete_line "bootimg --initrd=$tmp/in"
check "bootimg --initrd=: files" only "$tmp/initrd.img-6.1"
complete_line "bootimg --initrd-file=$tmp/in"
check "bootimg --initrd-file=: files (SRC)" only "$tmp/initrd.img-6.1"
complete_line "bootimg --remove="
check "bootimg --remove=: nothing to offer" only
complete_line "bootimg $tmp/vm"
check "bootimg KERNEL: files" only "$tmp/vmlinuz-6.1"
complete_line "bootimg --command-line="
check "bootimg --command-line=: nothing to offer" only

complete_line "bootimg-reboot --watchdog="
check "bootimg-reboot --watchdog=: nothing to offer (seconds)" only
complete_line "bootimg-reboot --con"
check "bootimg-reboot --con: --config=, --confirm" only --config= --confirm
complete_line "bootimg-reboot --init=sys"
check "bootimg-reboot --init=: systemd, sysvinit" only systemd sysvinit
complete_line "bootimg-reboot --method="
check "bootimg-reboot --method=: every method" only auto file kexec module
complete_line "bootimg-reboot --config=$tmp/grub.cfg --entry="
check "bootimg-reboot --entry=: mkbootcmd's indexes and ids" \
	only 0 debian 1 rescue
complete_line "bootimg-reboot --config=$tmp/grub.cfg -E r"
check "bootimg-reboot -E: the same, as a separate word" only rescue
complete_line "bootimg-reboot --boot-dir=$tmp/bo"
check "bootimg-reboot --boot-dir=: directories" only "$tmp/boot"
complete_line "bootimg-reboot --st"
check "bootimg-reboot: options from --help" only --stage-only

complete_line "mkbootcmd --config=$tmp/grub.cfg --entry=d"
check "mkbootcmd --entry=: from mkbootcmd --list" only debian
complete_line "mkbootcmd --format="
check "mkbootcmd --format=: shell, args" only shell args

complete_line "bootimg-menu --dr"
check "bootimg-menu: options from --help" only --dry-run
complete_line "bootimg-menu --test-devices=$tmp/grub"
check "bootimg-menu --test-devices=: files" only "$tmp/grub.cfg"

complete_line "mkbootimg-initramfs --comp"
check "mkbootimg-initramfs: options from --help" only --compression=
complete_line "mkbootimg-initramfs --compression=z"
check "mkbootimg-initramfs --compression=: zstd" only zstd
complete_line "mkbootimg-initramfs --root=$tmp/bo"
check "mkbootimg-initramfs --root=: directories" only "$tmp/boot"
complete_line "mkbootimg-initramfs --kernel=$tmp/vm"
check "mkbootimg-initramfs --kernel=: files" only "$tmp/vmlinuz-6.1"

echo "1..$n"
