// SPDX-License-Identifier: GPL-2.0-or-later
/* The relocation rule, shared by libbootimg and purgatory. */
#include "x86-relocs-apply.h"

/* Unaligned access without memcpy, which purgatory lacks. */
struct u32 {
	uint32_t v;
} __attribute__((packed, may_alias));
struct u64 {
	uint64_t v;
} __attribute__((packed, may_alias));

void bi_x86_reloc_lists(uint32_t n64, uint32_t n_inverse, uint32_t n32,
			int is64, struct bi_x86_reloc_list l[3])
{
	if (!is64)
		n64 = n_inverse = 0;
	l[0] = (struct bi_x86_reloc_list){ 0, n64, 8, 1 };
	l[1] = (struct bi_x86_reloc_list){ n64 + 1, n_inverse, 4, -1 };
	l[2] = (struct bi_x86_reloc_list){ is64 ? n64 + n_inverse + 2 : 0,
					   n32, 4, 1 };
}

/* The offset in the image of the place ENTRY names. */
static uint64_t offset_of(const struct bootimg_purgatory_relocs *r,
			  uint32_t entry)
{
	uint64_t virt = r->is64 ? (uint64_t)(int64_t)(int32_t)entry : entry;
	uint64_t off = virt - r->image_virt;

	return r->is64 ? off : off & 0xffffffffu;
}

static void adjust(uint8_t *p, uint32_t width, int sign, uint64_t delta)
{
	if (width == 8)
		((struct u64 *)p)->v += delta;
	else if (sign > 0)
		((struct u32 *)p)->v += (uint32_t)delta;
	else
		((struct u32 *)p)->v -= (uint32_t)delta;
}

/* Check every place (WRITE 0), or adjust each (WRITE 1). */
static int walk(const struct bootimg_purgatory_relocs *r, const void *words,
		uint8_t *image, int write)
{
	const struct u32 *w = words;
	struct bi_x86_reloc_list lists[3];
	uint32_t k, i;

	bi_x86_reloc_lists(r->n64, r->n_inverse, r->n32, r->is64, lists);
	for (k = 0; k < 3; k++) {
		const struct bi_x86_reloc_list *l = &lists[k];

		for (i = 0; i < l->count; i++) {
			uint64_t off = offset_of(r, w[l->first + i].v);

			if (off >= r->image_size ||
			    r->image_size - off < l->width)
				return -1;
			if (write)
				adjust(image + off, l->width, l->sign,
				       r->delta);
		}
	}
	return 0;
}

int bi_x86_relocs_apply(const struct bootimg_purgatory_relocs *r,
			const void *words, void *image)
{
	return walk(r, words, image, 0) < 0 ? -1 : walk(r, words, image, 1);
}
