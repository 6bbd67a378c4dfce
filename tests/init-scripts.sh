#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The init integration of bootimg-reboot: the sysvinit scripts' LSB
# headers and what they run on stop (bootimg and bootimg-reboot are
# fakes on $PATH that log their arguments), and the systemd unit
# (systemd-analyze verify, when systemd is installed).  TAP.
set -u

b=${top_builddir:-.}
load=$b/init/sysvinit/bootimg-load
exec_script=$b/init/sysvinit/bootimg-exec
unit=$b/init/systemd/bootimg-load.service
if [ ! -f "$load" ] || [ ! -f "$exec_script" ] || [ ! -f "$unit" ]; then
	echo "Bail out! build the tree first (make check)"
	exit 99
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/init-scripts.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; sed 's/^/# /' "$tmp/calls" "$tmp/out" 2>/dev/null; }
check() { local desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
header() { sed -n "s/^# $2: *//p" "$1"; }	# header SCRIPT FIELD

for s in "$load" "$exec_script"; do
	name=$(basename "$s")
	check "$name: sh -n" sh -n "$s"
	check "$name: LSB header block" eval \
		'grep -q "^### BEGIN INIT INFO" "$s" && grep -q "^### END INIT INFO" "$s"'
	check "$name: provides itself, stops in runlevel 6 only" eval \
		'[ "$(header "$s" Provides)" = "$name" ] && [ "$(header "$s" Default-Stop)" = 6 ] && [ -z "$(header "$s" Default-Start)" ]'
	check "$name: has no @placeholders@ left" eval '! grep -q "@[a-z]*@" "$s"'
done
check "bootimg-load stops while the file systems are mounted" \
	eval '[ "$(header "$load" Required-Stop)" = "\$local_fs \$remote_fs" ]'
check "bootimg-exec stops after umountroot, before reboot" eval \
	'[ "$(header "$exec_script" X-Stop-After)" = umountroot ] && [ "$(header "$exec_script" Should-Stop)" = reboot ]'

mkdir -p "$tmp/bin"
for prog in bootimg bootimg-reboot; do
	cat >"$tmp/bin/$prog" <<EOS
#!/bin/sh
echo "$prog \$*" >>"$tmp/calls"
[ -z "\${FAKE_HANG-}" ] || exec sleep 1000
[ "\$1" != --status ] || exit \${FAKE_STATUS_RC:-1}
exit 0
EOS
	chmod +x "$tmp/bin/$prog"
done
# The scripts set their own PATH: the copies run put the fakes first,
# and give staging 1 s instead of 120.
for s in "$load" "$exec_script"; do
	sed -e "s|^PATH=|PATH=$tmp/bin:|" -e "s|^LIMIT=120$|LIMIT=1|" "$s" \
		>"$tmp/$(basename "$s")"
done
run() {	# run [VAR=VALUE...] sh SCRIPT ACTION; sets $rc
	local args=("$@") i
	for i in "${!args[@]}"; do
		case ${args[$i]} in */init/sysvinit/*)
			args[$i]=$tmp/$(basename "${args[$i]}") ;;
		esac
	done
	: >"$tmp/calls"
	env "${args[@]}" >"$tmp/out" 2>&1
	rc=$?
}
if [ -d /run/systemd/system ]; then
	run sh "$load" stop
	check "under systemd, bootimg-load leaves the job to its unit" \
		eval '[ $rc -eq 0 ] && [ ! -s "$tmp/calls" ]'
	skip "sysvinit behaviour" "this host runs systemd"
else
	run sh "$load" stop
	check "bootimg-load stop: stages if enabled and nothing is staged" eval \
		'[ $rc -eq 0 ] && [ "$(cat "$tmp/calls")" = "bootimg-reboot --stage-only --if-enabled --if-unstaged" ]'
	start=$SECONDS
	run FAKE_HANG=1 sh "$load" stop
	check "bootimg-load stop: staging that hangs is stopped after LIMIT, the reboot goes on" eval \
		'[ $rc -eq 0 ] && [ $((SECONDS - start)) -le 3 ] && grep -q "rebooting the normal way" "$tmp/out"'
	run sh "$exec_script" stop
	check "bootimg-exec stop, nothing staged: no exec" eval \
		'[ $rc -eq 0 ] && [ "$(cat "$tmp/calls")" = "bootimg --status" ]'
	run FAKE_STATUS_RC=0 sh "$exec_script" stop
	check "bootimg-exec stop, a kernel staged: bootimg --exec" eval \
		'[ $rc -eq 0 ] && [ "$(cat "$tmp/calls")" = "bootimg --status
bootimg --exec" ]'
	check "bootimg-exec says so when --exec returns" grep -q "exec failed" "$tmp/out"
fi
for s in "$load" "$exec_script"; do
	run sh "$s" start
	check "$(basename "$s") start does nothing" eval '[ $rc -eq 0 ] && [ ! -s "$tmp/calls" ]'
	run sh "$s" bogus
	check "$(basename "$s") bogus: usage, exit 2" [ $rc -eq 2 ]
done

check "the unit is wanted by kexec.target, before systemd-kexec.service" eval \
	'grep -qx "WantedBy=kexec.target" "$unit" && grep -q "^Before=systemd-kexec.service" "$unit"'
check "the unit keeps a staged kernel" grep -q -- "--stage-only --if-unstaged$" "$unit"
check "the unit bounds staging, as the sysvinit script does" eval \
	'grep -qx "TimeoutStartSec=120" "$unit" && grep -qx "LIMIT=120" "$load"'
# verify_unit UNIT: systemd-analyze verify, in a root of its own holding
# the unit, a stand-in for its program and the host's targets.
verify_unit() {
	local program
	program=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$1")
	mkdir -p "$tmp/root$(dirname "$program")" "$tmp/root/etc/systemd/system" \
		"$tmp/root/lib/systemd/system"
	cp "$tmp/bin/bootimg-reboot" "$tmp/root$program"
	cp "$1" "$tmp/root/etc/systemd/system/"
	cp /lib/systemd/system/*.target "$tmp/root/lib/systemd/system/" 2>/dev/null
	if SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no \
		--root="$tmp/root" "$tmp/root/etc/systemd/system/${1##*/}" \
		>"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
		ok "systemd-analyze verify ${1##*/} is silent"
	else
		not_ok "systemd-analyze verify ${1##*/} is silent"
	fi
}
if command -v systemd-analyze >/dev/null; then
	verify_unit "$unit"
else
	skip "systemd-analyze verify" "no systemd-analyze"
fi

# bootimg-confirm: last in the boot, and after boot-complete.target.
confirm=$b/init/sysvinit/bootimg-confirm
confirm_unit=$b/init/systemd/bootimg-confirm.service
check "bootimg-confirm: sh -n, no @placeholders@ left" eval \
	'sh -n "$confirm" && ! grep -q "@[a-z]*@" "$confirm" "$confirm_unit"'
check "bootimg-confirm: starts late in runlevels 2-5 (after rc.local), never stops" eval \
	'[ "$(header "$confirm" Provides)" = bootimg-confirm ] && [ "$(header "$confirm" Default-Start)" = "2 3 4 5" ] && [ "$(header "$confirm" Should-Start)" = rc.local ] && [ -z "$(header "$confirm" Default-Stop)" ]'
sed -e "s|^PATH=|PATH=$tmp/bin:|" "$confirm" >"$tmp/bootimg-confirm"
run sh "$confirm" stop
check "bootimg-confirm stop does nothing" eval '[ $rc -eq 0 ] && [ ! -s "$tmp/calls" ]'
check "bootimg-confirm.service: after boot-complete and multi-user, runs --confirm" eval \
	'grep -qx "After=boot-complete.target multi-user.target" "$confirm_unit" && grep -qx "WantedBy=multi-user.target" "$confirm_unit" && grep -q -- "bootimg-reboot --confirm$" "$confirm_unit"'
if command -v systemd-analyze >/dev/null; then
	verify_unit "$confirm_unit"
else
	skip "systemd-analyze verify bootimg-confirm.service" "no systemd-analyze"
fi
echo "1..$n"
