// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fast boot's KASLR on the real Debian kernel (BOOTIMG_TEST_KERNEL): the
 * vmlinux placed by bootimg and relocated as purgatory does it (the
 * table's parameters and x86-relocs-apply.c) agrees, byte for byte, with a
 * reference that follows the decompressor's own steps (misc.c: each
 * PT_LOAD copied to output + p_paddr - LOAD_PHYSICAL_ADDR, then the table
 * walked backwards from the end of the unpacked payload, each entry's
 * sign-extended address plus (output - LOAD_PHYSICAL_ADDR -
 * __START_KERNEL_map) naming the place); the offsets keep the kernel's
 * rules; the segments handed to kexec are the linked vmlinux, untouched;
 * and damaged tables are refused.
 */
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "files.h"
#include "format.h"
#include "internal.h"
#include "macros.h"
#include "memmap.h"
#include "tap.h"
#include "x86-kaslr.h"
#include "x86-relocs.h"
#include "x86-relocs-apply.h"

#define LOAD_PHYSICAL_ADDR 0x1000000ull
#define START_KERNEL_MAP 0xffffffff80000000ull
#define PHYSICAL_ALIGN 0x200000ull
#define KERNEL_IMAGE_SIZE (1ull << 30)
#define RAM_END 0x3ffe0000ull		/* qemu -m 1G's e820 */

static int32_t word(const uint8_t *p)
{
	int32_t w;

	memcpy(&w, p, 4);
	return w;
}

/* The decompressor's output buffer for PRISTINE, relocated by DELTA. */
static uint8_t *reference(const uint8_t *pristine, size_t size,
			  uint64_t span, uint64_t delta)
{
	uint8_t *out = calloc(1, span);
	Elf64_Ehdr e;
	const uint8_t *r;
	size_t i;

	memcpy(&e, pristine, sizeof(e));
	for (i = 0; i < e.e_phnum; i++) {
		Elf64_Phdr ph;

		memcpy(&ph, pristine + e.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type == PT_LOAD)
			memcpy(out + ph.p_paddr - LOAD_PHYSICAL_ADDR,
			       pristine + ph.p_offset, ph.p_filesz);
	}
	/* map: output (0 here) - LOAD_PHYSICAL_ADDR - __START_KERNEL_map */
#define PLACE(w) (out + (uint64_t)(int64_t)(w) - LOAD_PHYSICAL_ADDR - \
		  START_KERNEL_MAP)
	for (r = pristine + size - 4; word(r); r -= 4) {
		uint32_t v;

		memcpy(&v, PLACE(word(r)), 4);
		v += (uint32_t)delta;
		memcpy(PLACE(word(r)), &v, 4);
	}
	for (r -= 4; word(r); r -= 4) {
		int32_t v;

		memcpy(&v, PLACE(word(r)), 4);
		v -= (int32_t)delta;
		memcpy(PLACE(word(r)), &v, 4);
	}
	for (r -= 4; word(r); r -= 4) {
		uint64_t v;

		memcpy(&v, PLACE(word(r)), 8);
		v += delta;
		memcpy(PLACE(word(r)), &v, 8);
	}
#undef PLACE
	return out;
}

static int unpack(struct bootimg *ctx, const char *path, struct bi_file *f,
		  struct bi_kernel *k)
{
	int err = bi_file_open(ctx, path, f);

	if (err == 0)
		err = bi_probe_file(f, k);
	if (err == 0)
		err = bi_bzimage_fast_boot(k);
	return err;
}

static void qemu_1g(struct bi_memmap *map)
{
	*map = (struct bi_memmap){ 0 };
	bi_memmap_add(map, 0, 0x9fc00, BI_MEM_RAM);
	bi_memmap_add(map, 0x9fc00, 0x100000, BI_MEM_RESERVED);
	bi_memmap_add(map, 0x100000, RAM_END, BI_MEM_RAM);
}

/*
 * The kernel's memory once purgatory is done with K: its segments copied
 * to their places (SPAN bytes from the first) and the table applied, if
 * the virtual offset is not 0.
 */
static uint8_t *as_purgatory_leaves_it(const struct bi_kernel *k,
				       uint64_t span)
{
	struct bootimg_purgatory_relocs r;
	uint8_t *image = calloc(1, span);
	size_t i, bytes = bi_x86_kaslr_relocs(k, &r);

	for (i = 0; i < k->n_segments; i++)
		memcpy(image + k->segments[i].mem - k->segments[0].mem,
		       k->segments[i].buf, k->segments[i].bufsz);
	if (bytes == 0) {	/* nothing to do at the linked virtual address */
		CHECK_EQ(k->kaslr.delta, 0);
		return image;
	}
	CHECK_EQ(bytes % 4, 0);
	CHECK_EQ(r.image, k->segments[0].mem);
	CHECK_EQ(r.image_size, span);
	CHECK_EQ(bi_x86_relocs_apply(&r, k->kaslr.relocs, image), 0);
	/* a place beyond a shorter image: refused, nothing written */
	r.image_size = 0x1000;
	CHECK_EQ(bi_x86_relocs_apply(&r, k->kaslr.relocs, image), -1);
	return image;
}

/*
 * Place a copy of K0 (its vmlinux restored from PRISTINE) with DRAWS,
 * relocate it as purgatory would; compare with the reference.
 */
static void check_placed(const struct bi_kernel *k0, const uint8_t *pristine,
			 const uint64_t draws[2])
{
	struct bi_kernel k = *k0;
	struct bi_memmap map;
	const struct bi_load_segment *last = &k.segments[k.n_segments - 1];
	uint64_t span = last->mem + last->memsz - k.segments[0].mem;
	uint64_t delta, moved;
	const struct bi_kaslr_room room = { .mem_limit = ~0ull };
	uint8_t *ref, *image;
	size_t i, bad = 0, touched = 0;

	memcpy(k.unpacked, pristine, k.unpacked_size);
	qemu_1g(&map);
	CHECK_EQ(bi_x86_kaslr_place(&k, &map, &room, draws), 0);
	CHECK_EQ(k.kaslr.status, 0);
	moved = k.kaslr.text_phys - LOAD_PHYSICAL_ADDR;
	delta = k.kaslr.text_virt - START_KERNEL_MAP - LOAD_PHYSICAL_ADDR;
	/* The kernel's rules: aligned, in RAM, in its mapping. */
	CHECK_EQ(k.kaslr.text_phys % PHYSICAL_ALIGN, 0);
	CHECK(k.kaslr.text_phys >= LOAD_PHYSICAL_ADDR &&
	      k.kaslr.text_phys + k.unpacked_size <= RAM_END);
	CHECK_EQ(delta % PHYSICAL_ALIGN, 0);
	CHECK(delta + LOAD_PHYSICAL_ADDR + k.unpacked_size <=
	      KERNEL_IMAGE_SIZE);
	CHECK_EQ(k.segments[0].mem, k.kaslr.text_phys);
	CHECK_EQ(k.entry, k.kaslr.text_phys);		/* startup_64 */
	CHECK_EQ(k.kaslr.delta, delta);

	ref = reference(pristine, k.unpacked_size, span, delta);
	image = as_purgatory_leaves_it(&k, span);
	for (i = 0; i < k.n_segments; i++) {
		const struct bi_load_segment *s = &k.segments[i];
		size_t at = s->mem - moved - LOAD_PHYSICAL_ADDR;

		bad += memcmp(image + at, ref + at, s->bufsz) != 0;
		touched += memcmp(s->buf, pristine + (s->buf -
						   (const uint8_t *)k.unpacked),
				  s->bufsz) != 0;
	}
	CHECK_EQ(bad, 0);	/* every segment as the decompressor's */
	CHECK_EQ(touched, 0);	/* and kexec gets the vmlinux as linked */
	free(image);
	free(ref);
	bi_memmap_free(&map);
}

/* A copy of the payload, damaged by EDIT, refused by find or check. */
static void check_damaged(const struct bi_kernel *k, size_t size,
			  void (*edit)(uint8_t *, size_t *), const char *what)
{
	uint8_t *copy = malloc(k->unpacked_size);
	struct bi_kernel moved = *k;
	struct bi_x86_relocs r;
	size_t i;
	int err;

	memcpy(copy, k->unpacked, k->unpacked_size);
	edit(copy, &size);
	for (i = 0; i < moved.n_segments; i++)
		moved.segments[i].buf = copy + (k->segments[i].buf -
						(const uint8_t *)k->unpacked);
	err = bi_x86_relocs_find(copy, size, 1, &r);
	if (err == 0)
		err = bi_x86_relocs_check(&r, &moved, copy, START_KERNEL_MAP);
	printf("# %s\n", what);
	CHECK_EQ(err, bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED));
	free(copy);
}

static size_t elf_end;		/* where the table starts in the payload */

static void cut_two_bytes(uint8_t *p, size_t *size)
{
	(void)p;
	*size -= 2;
}

static void last_entry_outside(uint8_t *p, size_t *size)
{
	int32_t outside = 0x7ffffff0;	/* far below _text, if sign-extended */

	memcpy(p + *size - 4, &outside, 4);
}

static void first_entry_past_end(uint8_t *p, size_t *size)
{
	int32_t past = (int32_t)0x8fff0000u;	/* 0xffffffff8fff0000 */

	(void)size;
	memcpy(p + elf_end + 4, &past, 4);
}

static void no_terminator(uint8_t *p, size_t *size)
{
	size_t i = elf_end + 4;
	int32_t entry = (int32_t)0x81000000u;

	while (i < *size && word(p + i))
		i += 4;
	memcpy(p + i, &entry, 4);	/* the zero after the 64-bit list */
}

static void no_leading_zero(uint8_t *p, size_t *size)
{
	(void)size;
	p[elf_end] = 1;
}

static void check_refusals(const struct bi_kernel *k)
{
	struct bi_x86_relocs r;
	uint64_t end;

	bi_format_elf.declared_size(k->unpacked, k->unpacked_size, &end);
	elf_end = end;
	CHECK_EQ(bi_x86_relocs_find(k->unpacked, k->unpacked_size, 1, &r), 0);
	CHECK(r.n64 > 1000 && r.n_inverse > 100 && r.n32 > 1000);
	CHECK_EQ((r.n64 + r.n_inverse + r.n32 + 3) * 4, k->unpacked_size - end);
	/* The vmlinux alone: no table, which is no error. */
	CHECK_EQ(bi_x86_relocs_find(k->unpacked, elf_end, 1, &r), -ENODATA);
	check_damaged(k, k->unpacked_size, cut_two_bytes, "size not 4n");
	check_damaged(k, k->unpacked_size, last_entry_outside,
		      "a 32-bit entry outside the image");
	check_damaged(k, k->unpacked_size, first_entry_past_end,
		      "a 64-bit entry past the image");
	check_damaged(k, k->unpacked_size, no_terminator,
		      "a list without its terminator");
	check_damaged(k, k->unpacked_size, no_leading_zero,
		      "no zero before the first list");
}

int main(void)
{
	const char *path = getenv("BOOTIMG_TEST_KERNEL");
	static const uint64_t draws[][2] = {
		{ 0, 0 },				/* lowest places */
		{ ~0ull, ~0ull },			/* highest, or near */
		{ 0x5deece66dull, 0x9e3779b97f4a7c15ull },
	};
	struct bootimg *ctx;
	struct bi_file f;
	struct bi_kernel k;
	uint8_t *pristine;
	size_t i;

	if (!path || !*path) {
		tap_skip("BOOTIMG_TEST_KERNEL is not set");
		return tap_done();
	}
#ifdef __i386__
	tap_skip("an x86_64 kernel's table: checked in the x86_64 build");
	return tap_done();
#endif
	if (bootimg_new(&ctx) < 0)
		return 99;
	if (unpack(ctx, path, &f, &k) < 0) {
		CHECK(!"the test kernel unpacks");
		return tap_done();
	}
	pristine = malloc(k.unpacked_size);
	memcpy(pristine, k.unpacked, k.unpacked_size);
	for (i = 0; i < ARRAY_SIZE(draws); i++)
		check_placed(&k, pristine, draws[i]);
	check_refusals(&k);
	free(pristine);
	bi_kernel_release(&k);
	bi_file_close(&f);
	bootimg_free(ctx);
	return tap_done();
}
