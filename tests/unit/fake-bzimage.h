/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small, valid bzImages made on the fly, and damaged copies of them. */
#ifndef BOOTIMG_TESTS_FAKE_BZIMAGE_H
#define BOOTIMG_TESTS_FAKE_BZIMAGE_H

#include <stddef.h>
#include <stdint.h>

#define FAKE_SETUP_SECTS 4
#define FAKE_PAYLOAD_SIZE (64u * 1024)
#define FAKE_INIT_SIZE (8u * 1024 * 1024)
#define FAKE_PREF_ADDRESS 0x1000000u
#define FAKE_CMDLINE_SIZE 2047u
#define FAKE_VERSION "6.1.0-fake (tests@bootimg) #1 SMP"

/* Build a bzImage in BUF (at least fake_bzimage_size() bytes). */
size_t fake_bzimage_size(void);
void fake_bzimage(uint8_t *buf);

/* Write BUF[0..size) to a new file in the test's temp dir; returns path. */
const char *write_temp(const char *name, const void *buf, size_t size);

/* A scratch directory removed by the caller's harness (TMPDIR based). */
const char *temp_dir(void);

/* Remove the files written by write_temp() and the directory. */
void temp_cleanup(void);

#endif
