#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# module-trixie: the module suite (module.sh) on Debian trixie's kernel
# and headers.
BOOTIMG_DEBIAN_SUITE=trixie exec "$(dirname "$0")/module.sh"
