// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fast boot keeps KASLR.  The decompressor the new kernel skips would
 * have chosen (arch/x86/boot/compressed/kaslr.c, misc.c):
 *   - a physical address: a slot aligned to CONFIG_PHYSICAL_ALIGN (the
 *     header's kernel_alignment) from LOAD_PHYSICAL_ADDR (pref_address)
 *     up, in RAM, where the whole image fits; below the kernel's
 *     KERNEL_IMAGE_SIZE on i386, below MAXMEM (64 TiB) on x86_64;
 *   - on x86_64, a virtual offset of its own: a slot of the same
 *     alignment in [LOAD_PHYSICAL_ADDR, KERNEL_IMAGE_SIZE), 1 GiB; on
 *     i386 the virtual address follows the physical one;
 * where the image is the unpacked payload (vmlinux and table) or the
 * kernel's span with its bss, whichever is larger (on x86_64 rounded up
 * to 2 MiB).  The relocation table then adds the virtual offset (x86_64)
 * or the physical one (i386) to every absolute address in the image:
 * checked here, applied by purgatory (x86-purgatory.c), so that the
 * vmlinux goes to kexec as the cache holds it, its pages never copied.
 * The kernel finds its physical address itself, and sees in the boot
 * header's KASLR_FLAG that it was randomised.  "nokaslr" turns it off,
 * as it turns off the decompressor's; mem= bounds the physical slots.
 *
 * The other segments of the plan are placed after the kernel, around it,
 * as the decompressor avoids what the boot loader placed before it: the
 * slots are those that leave the initrds a place as the planner seeks it.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include "internal.h"
#include "memmap.h"
#include "x86-kaslr.h"
#include "x86-relocs.h"

#define KERNEL_IMAGE_SIZE_64 (1ull << 30)	/* with CONFIG_RANDOMIZE_BASE */
#define KERNEL_IMAGE_SIZE_32 (512ull * BI_MIB)
#define MAXMEM_64 (1ull << 46)			/* 4-level paging */
#define MIN_KERNEL_ALIGN_64 (2ull * BI_MIB)

/* A separator as the kernel's command line parser sees one. */
static int is_blank(char c)
{
	return (unsigned char)c <= ' ';
}

/*
 * Just after the first WORD (with a trailing '=', an option's name) that
 * stands as a word of CMDLINE from FROM on, as the kernel's parser finds
 * it; NULL if there is none.
 */
static const char *find_word(const char *cmdline, const char *from,
			     const char *word)
{
	size_t len = strlen(word);
	const char *p = from;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == cmdline || is_blank(p[-1])) &&
		    (word[len - 1] == '=' || is_blank(p[len])))
			return p + len;	/* NUL is blank, too */
		p += len;
	}
	return NULL;
}

/* A size as the kernel's memparse() reads it: digits, then K, M, G... */
static uint64_t parse_size(const char *p)
{
	static const char units[] = "KMGTPE";
	char *end;
	uint64_t v = strtoull(p, &end, 0);
	char u = (char)(*end & ~0x20);		/* upper case; blank: 0 */
	const char *unit = u ? strchr(units, u) : NULL;

	return unit ? v << (10 * (unit - units + 1)) : v;
}

/*
 * The end of the memory the new kernel will use, as the decompressor
 * reads it from its command line: the smallest mem=; 0 with memmap=,
 * whose regions bootimg does not parse: the physical place then stays
 * the linked one.
 */
static uint64_t mem_limit(const char *cmdline)
{
	uint64_t limit = ~0ull, size;
	const char *p = cmdline;

	if (find_word(cmdline, cmdline, "memmap="))
		return 0;
	while ((p = find_word(cmdline, p, "mem=")) != NULL) {
		size = strncmp(p, "nopentium", 9) ? parse_size(p) : 0;
		if (size && size < limit)
			limit = size;
	}
	return limit;
}

/* Where the vmlinux's slots may be, and how large it is. */
struct window {
	uint64_t min, limit, align, size;
	const struct bi_kaslr_room *room;
};

/*
 * Whether the initrds still fit in one piece of RAM, as the planner
 * places them (from 1 MiB, below their limit), with the vmlinux at A.
 */
static int leaves_room(const struct bi_memmap *map, const struct window *w,
		       uint64_t a)
{
	uint64_t need = w->room->initrds, end = a + w->size;
	size_t i;

	for (i = 0; need && i < map->count; i++) {
		const struct bi_mem_range *r = &map->ranges[i];
		uint64_t lo = r->start > BI_MIB ? r->start : BI_MIB;
		uint64_t hi = r->end < w->room->below ? r->end
						       : w->room->below;

		if (r->type != BI_MEM_RAM || lo >= hi)
			continue;
		if ((a > lo ? (a < hi ? a : hi) - lo : 0) >= need ||
		    (end < hi ? hi - (end > lo ? end : lo) : 0) >= need)
			return 1;
	}
	return !need;
}

/*
 * The aligned places for W.size bytes in MAP's RAM within W that leave
 * room for the initrds: their count, and in *ADDR the PICK-th one if PICK
 * is below it.
 */
static uint64_t walk_slots(const struct bi_memmap *map,
			   const struct window *w, uint64_t pick,
			   uint64_t *addr)
{
	uint64_t total = 0, a;
	size_t i;

	for (i = 0; i < map->count; i++) {
		const struct bi_mem_range *r = &map->ranges[i];
		uint64_t lo = bi_align_up(r->start > w->min ? r->start : w->min,
					  w->align);
		uint64_t hi = r->end < w->limit ? r->end : w->limit;

		if (r->type != BI_MEM_RAM || lo >= hi || hi - lo < w->size)
			continue;
		for (a = lo; a <= hi - w->size && a >= lo; a += w->align) {
			if (!leaves_room(map, w, a))
				continue;
			if (total++ == pick)
				*addr = a;
		}
	}
	return total;
}

/* The vmlinux stays where it was linked, for reason WHY. */
static void stay_linked(struct bi_kernel *k, int why)
{
	uint64_t linked = k->segments[0].mem;

	k->kaslr = (struct bi_kaslr){ .status = why, .text_phys = linked,
				      .text_virt = linked + k->kernel_map };
}

static uint64_t span_of(const struct bi_kernel *k)
{
	const struct bi_load_segment *last = &k->segments[k->n_segments - 1];

	return last->mem + last->memsz - k->segments[0].mem;
}

int bi_x86_kaslr_place(struct bi_kernel *kernel, const struct bi_memmap *map,
		       const struct bi_kaslr_room *room, const uint64_t random[2])
{
	const struct bootimg_info *info = &kernel->info;
	uint64_t linked = kernel->segments[0].mem, phys = linked, virt;
	uint64_t size = span_of(kernel), slots, moved, delta;
	struct bi_x86_relocs relocs;
	struct window w;
	size_t i;
	int err;

	stay_linked(kernel, -ENODATA);
	if (!info->relocatable || linked != info->pref_address)
		return 0;	/* or not linked where the header says: none */
	err = bi_x86_relocs_find(kernel->unpacked, kernel->unpacked_size,
				 info->entry64, &relocs);
	if (err == -ENODATA)
		return 0;
	if (err < 0)
		return err == bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED) ?
		       err : -EBADMSG;

	if (kernel->unpacked_size > size)
		size = kernel->unpacked_size;
	if (info->entry64)
		size = bi_align_up(size, MIN_KERNEL_ALIGN_64);
	w = (struct window){ .min = linked, .align = info->kernel_alignment,
		.size = size, .limit = info->entry64 ? MAXMEM_64
						     : KERNEL_IMAGE_SIZE_32,
		.room = room };
	if (room->mem_limit < w.limit)
		w.limit = room->mem_limit;
	slots = walk_slots(map, &w, ~0ull, &phys);
	if (slots)		/* else the decompressor keeps its place too */
		walk_slots(map, &w, random[0] % slots, &phys);
	virt = phys;
	if (info->entry64) {
		if (linked + size > KERNEL_IMAGE_SIZE_64)
			return -EBADMSG;
		slots = (KERNEL_IMAGE_SIZE_64 - linked - size) / w.align + 1;
		virt = linked + random[1] % slots * w.align;
	}
	delta = virt - linked;
	err = bi_x86_relocs_check(&relocs, kernel, kernel->unpacked,
				  kernel->kernel_map);
	if (err < 0)
		return err;
	moved = phys - linked;
	for (i = 0; i < kernel->n_segments; i++)
		kernel->segments[i].mem += moved;
	kernel->entry += moved;
	kernel->kaslr = (struct bi_kaslr){ .text_phys = phys,
		.text_virt = virt + kernel->kernel_map,
		.relocs = relocs.words, .n64 = relocs.n64,
		.n_inverse = relocs.n_inverse, .n32 = relocs.n32,
		.delta = delta };
	return 0;
}

size_t bi_x86_kaslr_relocs(const struct bi_kernel *k,
			   struct bootimg_purgatory_relocs *r)
{
	const struct bi_kaslr *a = &k->kaslr;
	size_t words = a->n64 + a->n_inverse + a->n32;

	if (a->status != 0 || !a->relocs || a->delta == 0 || words == 0)
		return 0;
	*r = (struct bootimg_purgatory_relocs){
		.image = k->segments[0].mem, .image_size = span_of(k),
		.image_virt = a->text_virt - a->delta, .delta = a->delta,
		.n64 = (uint32_t)a->n64, .n_inverse = (uint32_t)a->n_inverse,
		.n32 = (uint32_t)a->n32, .is64 = k->info.entry64 ? 1 : 0,
	};
	return (words + (r->is64 ? 2 : 0)) * 4;
}

int bi_x86_kaslr(struct bootimg *ctx, struct bi_kernel *kernel,
		 const char *cmdline, uint64_t initrds)
{
	struct bi_kaslr_room room = {
		.mem_limit = mem_limit(cmdline), .initrds = initrds,
		/* above it the planner goes only where nothing fits below */
		.below = (uint64_t)kernel->info.initrd_addr_max + 1,
	};
	struct bi_memmap map = { 0 };
	uint64_t random[2];
	int err;

	if (find_word(cmdline, cmdline, "nokaslr")) {
		stay_linked(kernel, -ECANCELED);
		return 0;
	}
	if (getrandom(random, sizeof(random), 0) < 0)
		return -errno;
	err = bi_memmap_read(ctx, &map);
	if (err < 0)
		return bi_fail(ctx, "/sys/firmware/memmap", err);
	err = bi_x86_kaslr_place(kernel, &map, &room, random);
	bi_memmap_free(&map);
	return err;
}
