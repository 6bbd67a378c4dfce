# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash
# Sourced by fetch-kernel and fetch-headers: apt for the host's own
# sources, or for another Debian suite (BOOTIMG_DEBIAN_SUITE=trixie)
# through a private apt state in CACHE/apt-SUITE, so that the host's
# sources list is never touched.  Its indexes are signed by Debian's
# archive keyring, which apt checks; they are refreshed when older than
# a day or when a package is missing.  Downloaded packages are kept in
# CACHE/debs under the SHA256 the index gives them, and checked against it.
#
# debian_apt_init CACHE ARCH: set debian_suite (empty for the host's own)
# and debian_opts, the apt options of that suite.

debian_apt_init() {
	local cache=$1 arch=$2 state keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	debian_suite=${BOOTIMG_DEBIAN_SUITE:-}
	debian_opts=()
	debian_debs=$cache/debs
	mkdir -p "$debian_debs"
	[ -n "$debian_suite" ] || return 0
	state=$cache/apt-$debian_suite
	mkdir -p "$state/lists/partial" "$state/cache" "$state/parts"
	cat >"$state/sources.list" <<-EOF
	deb [arch=$arch signed-by=$keyring] http://deb.debian.org/debian $debian_suite main
	deb [arch=$arch signed-by=$keyring] http://deb.debian.org/debian-security $debian_suite-security main
	EOF
	debian_opts=(-o "Dir::Etc::SourceList=$state/sources.list"
		-o "Dir::Etc::SourceParts=$state/parts"
		-o "Dir::Etc::PreferencesParts=$state/parts"
		-o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
		-o Dir::State::status=/dev/null -o Acquire::Languages=none
		-o "APT::Architectures::=$arch")
	[ -n "$(find "$state/lists" -maxdepth 1 -name '*InRelease' -mmin -1440)" ] ||
		debian_apt_update
}

debian_apt_update() {	# one failed index is not fatal
	apt-get "${debian_opts[@]}" update -q >&2 || true
}

debian_apt_cache() {
	apt-cache "${debian_opts[@]}" "$@"
}

# debian_depends_image PACKAGE: the versioned package a metapackage depends on
# (linux-image-amd64 -> linux-image-6.1.0-57-amd64), without ":ARCH".
debian_depends_image() {
	local image
	image=$(debian_apt_cache depends "$1" 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
	if [ -z "$image" ]; then
		debian_apt_update
		image=$(debian_apt_cache depends "$1" 2>/dev/null |
			awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
	fi
	echo "${image%:*}"
}

debian_candidate() {	# debian_candidate NAME[:ARCH]: the version apt picks
	debian_apt_cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}'
}

# debian_fetch [--host] NAME[:ARCH]=VERSION: the path of that package in
# CACHE/debs, downloaded and checked against its index's SHA256 if it is
# not there yet.  --host: from the host's own sources.
debian_fetch() {
	local opts=("${debian_opts[@]}") spec sha deb tmp try
	if [ "$1" = --host ]; then
		opts=()
		shift
	fi
	spec=$1
	sha=$(apt-cache "${opts[@]}" show "$spec" 2>/dev/null |
		awk '/^SHA256:/ {print $2; exit}')
	[ -n "$sha" ] || { echo "$0: no $spec in the apt index" >&2; return 1; }
	deb=$debian_debs/$sha.deb
	if [ ! -f "$deb" ]; then
		tmp=$(mktemp -d "$debian_debs/download.XXXXXX")
		chown _apt "$tmp" 2>/dev/null || true	# apt downloads as _apt
		for try in 1 2 3; do
			(cd "$tmp" && apt-get "${opts[@]}" download -q "$spec" >&2) && break
			echo "$0: download of $spec failed (try $try)" >&2
			[ "$try" -lt 3 ] || { rm -rf "$tmp"; return 1; }
			sleep $((try * 5))
		done
		if ! echo "$sha  $(echo "$tmp"/*.deb)" | sha256sum -c --quiet >&2; then
			echo "$0: $spec does not match its index's SHA256" >&2
			rm -rf "$tmp"
			return 1
		fi
		mv "$tmp"/*.deb "$deb"
		rm -rf "$tmp"
	fi
	echo "$deb"
}
