/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The entry point every libFuzzer harness defines. */
#ifndef BOOTIMG_FUZZ_H
#define BOOTIMG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
