/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Image formats.  Each format recognises its files and describes the
 * kernel inside in one form, struct bi_kernel, from which the planner
 * works without knowing the format.
 *
 * Kernel formats (bzImage, ELF) describe a kernel; container formats
 * (compressed files, UKI) unpack or cut out a kernel image and probe it
 * again as a kernel format, adding what they carry (initrd, cmdline).
 */
#ifndef BOOTIMG_FORMAT_H
#define BOOTIMG_FORMAT_H

#include <asm/bootparam.h>
#include <stddef.h>
#include <stdint.h>
#include "bootimg.h"
#include "file.h"
#include "internal.h"

#define BI_MAX_KERNEL_SEGMENTS 8

struct bi_boot_protocol;

/* A piece of a kernel that must be loaded at a fixed physical address. */
struct bi_load_segment {
	const uint8_t *buf;
	size_t bufsz;
	uint64_t mem;
	uint64_t memsz;
};

/* Where fast boot put the vmlinux (x86-kaslr.c): bootimg_fast_boot. */
struct bi_kaslr {
	int status;		/* 0: randomised; else why not */
	uint64_t text_phys;	/* _text's physical address */
	uint64_t text_virt;	/* and its virtual one */
	/*
	 * The relocation purgatory applies (status 0): the checked table's
	 * first list, in the unpacked payload, its entries in each list, and
	 * the virtual offset to add.
	 */
	const uint8_t *relocs;
	size_t n64, n_inverse, n32;
	uint64_t delta;
};

struct bi_kernel {
	struct bootimg_info info;	/* version NULL: see version */
	char version[BI_VERSION_SIZE];	/* the kernel's version string */
	/* How it is booted: NULL for the Linux boot protocol (plan.h). */
	const struct bi_boot_protocol *boot;
	/*
	 * Either one payload the planner places (at pref_address, or
	 * anywhere aligned if relocatable) and enters at entry64_offset...
	 */
	const uint8_t *payload;		/* code to load at the load address */
	size_t payload_size;
	uint64_t entry64_offset;	/* 64-bit entry, from the load address */
					/* (the 32-bit entry is the load address) */
	/*
	 * ...or segments at fixed addresses, entered at entry (ELF), in
	 * 64-bit mode if info.entry64, else in 32-bit protected mode.
	 */
	struct bi_load_segment segments[BI_MAX_KERNEL_SEGMENTS];
	size_t n_segments;
	uint64_t entry;
	uint64_t kernel_map;	/* ELF: first PT_LOAD's p_vaddr - p_paddr */
	/* Bytes for boot_params.hdr: from the file, or else own_header. */
	const uint8_t *setup_header;
	size_t setup_header_size;
	struct setup_header own_header;
	/*
	 * The image as kexec_file_load gets it (the file itself, or what a
	 * container unpacked: fd -1, in memory only); file_loadable if the
	 * running kernel's kexec_file_load understands the format.
	 */
	struct bi_file image;
	unsigned file_loadable : 1;
	/* What a container brings along (UKI): size 0 and NULL if nothing. */
	struct bi_file initrd;
	const char *cmdline;		/* not NUL-terminated */
	size_t cmdline_len;
	void *owned;			/* freed by bi_kernel_release() */
	void *unpacked;			/* bi_bzimage_fast_boot()'s vmlinux, too */
	size_t unpacked_size;
	void *unpacked_map;		/* or the cache's mapping it lies in */
	size_t unpacked_map_size;
	struct bi_kaslr kaslr;		/* fast boot's placement */
};

struct bi_format {
	const char *name;
	/*
	 * -ENOEXEC: not this format; -EBADMSG: this format, but broken.
	 * On failure the kernel holds nothing to release.
	 */
	int (*probe)(const struct bi_file *file, struct bi_kernel *kernel);
	/*
	 * From the first SIZE bytes of an image, how large its header says
	 * the whole file is (*BYTES 0: it does not say), so that a container
	 * unpacks no more than that: -ENOEXEC if not this format.  Every
	 * kernel format has one; containers do not.
	 */
	int (*declared_size)(const uint8_t *data, size_t size,
			     uint64_t *bytes);
};

extern const struct bi_format bi_format_bzimage;
extern const struct bi_format bi_format_compressed;
extern const struct bi_format bi_format_elf;
extern const struct bi_format bi_format_multiboot;
extern const struct bi_format bi_format_uki;

/* Find the format of FILE and describe its kernel. */
int bi_probe_file(const struct bi_file *file, struct bi_kernel *kernel);

/* The same, for a container's contents: kernel formats only. */
int bi_probe_kernel(const struct bi_file *file, struct bi_kernel *kernel);

/*
 * The kernel format whose header DATA (the first SIZE bytes of an image)
 * starts with, and the file size that header declares (0: unknown);
 * -ENOEXEC if DATA starts no kernel image.
 */
int bi_kernel_declared_size(const uint8_t *data, size_t size,
			    uint64_t *bytes);

void bi_kernel_release(struct bi_kernel *kernel);

/*
 * Describe the ELF vmlinux in DATA (32- or 64-bit x86): for formats and
 * callers that hold one in memory, e.g. a bzImage's unpacked payload.
 * KERNEL points into DATA afterwards.
 */
int bi_elf_parse(const uint8_t *data, size_t size, struct bi_kernel *kernel);

/*
 * Turn the bzImage KERNEL describes into the vmlinux of its payload,
 * unpacked, entered directly, with the bzImage's setup header (fast boot).
 * bi_cause(FAST_BOOT_PAYLOAD): not a bzImage, older than boot protocol
 * 2.08, no payload (length 0), or a payload compression without a codec
 * here; -EBADMSG:
 * payload_offset or payload_length out of the image, a corrupt payload,
 * or a vmlinux that does not match the header.  KERNEL is unchanged on
 * failure.
 */
int bi_bzimage_fast_boot(struct bi_kernel *kernel);

/*
 * Its two steps, for the cache of unpacked kernels (kernel-cache.h):
 * unpack the bzImage KERNEL's payload into a malloc'd *VMLINUX (the ELF
 * vmlinux and its relocation table, nothing relocated yet), then make
 * KERNEL the vmlinux in VMLINUX, which it then owns; on failure the
 * caller keeps VMLINUX and KERNEL is unchanged.  Their errors are
 * bi_bzimage_fast_boot()'s.
 */
int bi_bzimage_unpack_vmlinux(const struct bi_kernel *kernel,
			      uint8_t **vmlinux, size_t *size);
int bi_bzimage_adopt_vmlinux(struct bi_kernel *kernel, uint8_t *vmlinux,
			     size_t size);

#endif
