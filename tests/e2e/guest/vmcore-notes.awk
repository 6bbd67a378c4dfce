# SPDX-License-Identifier: GPL-2.0-or-later
# Reads the start of /proc/vmcore as decimal bytes (od -An -tu1 -v) and
# prints "prstatus=N vmcoreinfo=yes|no osrelease=R text=OFFSET:SIZE": the
# NT_PRSTATUS notes named CORE (one per CPU), the VMCOREINFO note in its
# PT_NOTE segments, and where in the file the PT_LOAD of the kernel image
# mapping (virtual 0xffffffff80000000 and up) is, or text=none.
# busybox awk.
function le(off, n,    v, i) {
	v = 0
	for (i = n - 1; i >= 0; i--)
		v = v * 256 + b[off + i]
	return v
}
function str(off, n,    s, i) {
	s = ""
	for (i = 0; i < n && b[off + i] != 0; i++)
		s = s sprintf("%c", b[off + i])
	return s
}
function notes(off, size,    end, namesz, descsz, type, name, desc, p) {
	end = off + size
	while (off + 12 <= end && off + 12 <= nb) {
		namesz = le(off, 4); descsz = le(off + 4, 4); type = le(off + 8, 4)
		if (namesz == 0 && descsz == 0)
			break
		name = str(off + 12, namesz)
		desc = off + 12 + int((namesz + 3) / 4) * 4
		if (name == "CORE" && type == 1)
			prstatus++
		if (name == "VMCOREINFO") {
			vmcoreinfo = "yes"
			info = str(desc, descsz)
			if (match(info, /OSRELEASE=[^\n]*/))
				osrelease = substr(info, RSTART + 10, RLENGTH - 10)
		}
		off = desc + int((descsz + 3) / 4) * 4
	}
}
{ for (i = 1; i <= NF; i++) b[nb++] = $i + 0 }
END {
	prstatus = 0; vmcoreinfo = "no"; osrelease = "?"; text = "none"
	if (b[0] == 127 && b[1] == 69 && b[2] == 76 && b[3] == 70 && b[4] == 2) {
		phoff = le(32, 8); phnum = le(56, 2)
		for (k = 0; k < phnum; k++) {
			ph = phoff + k * 56
			if (le(ph, 4) == 4)
				notes(le(ph + 8, 8), le(ph + 32, 8))
			# top 33 bits of the virtual address all set
			if (le(ph, 4) == 1 && le(ph + 20, 4) == 4294967295 &&
			    b[ph + 19] >= 128 && text == "none")
				text = sprintf("%d:%d", le(ph + 8, 8), le(ph + 32, 8))
		}
	}
	printf "prstatus=%d vmcoreinfo=%s osrelease=%s text=%s\n", prstatus, vmcoreinfo, osrelease, text
}
