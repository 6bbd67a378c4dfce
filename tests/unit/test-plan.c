// SPDX-License-Identifier: GPL-2.0-or-later
/* Placement and boot_params on fixture memory maps (tests/fixtures). */
#include <asm/bootparam.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "fake-bzimage.h"
#include "plan.h"
#include "plan-check.h"
#include "plan-segment.h"
#include "purgatory-abi.h"
#include "checksum64.h"
#include "files.h"
#include "macros.h"
#include "tap.h"

#define CMDLINE "console=ttyS0 root=/dev/vda ro quiet"

static void check_segments(const struct bootimg_plan *plan)
{
	const char *broken = plan_broken_promise(plan);
	size_t i;

	if (broken)
		printf("# %s\n", broken);
	CHECK(broken == NULL);
	for (i = 0; i < plan->n_segments; i++)
		CHECK(plan->segments[i].mem >= 0x100000);
}

static void check_kernel_room(const struct bootimg_plan *plan)
{
	const struct bi_segment *k = plan_segment(plan, "kernel", 0);
	size_t i;

	CHECK_EQ(k->mem, FAKE_PREF_ADDRESS);
	CHECK_EQ(k->bufsz, FAKE_PAYLOAD_SIZE);
	for (i = 0; i < plan->n_segments; i++) {
		const struct bi_segment *s = &plan->segments[i];

		if (s != k)
			CHECK(s->mem >= k->mem + FAKE_INIT_SIZE ||
			      s->mem + s->memsz <= k->mem);
	}
}

static void check_boot_params(const struct bootimg_plan *plan,
			      size_t initrd_a, size_t initrd_b)
{
	const struct bi_segment *p = plan_segment(plan, "boot-params", 0);
	const struct bi_segment *i0 = plan_segment(plan, "initrd", 0);
	const struct bi_segment *i1 = plan_segment(plan, "initrd", 1);
	const struct boot_params *bp = p->buf;
	size_t n;

	/* then, 8-byte aligned, the RNG seed's setup_data (test-efi.c) */
	CHECK_EQ(p->bufsz, ((sizeof(*bp) + sizeof(CMDLINE) + 7) & ~7ul) +
			   sizeof(struct setup_data) + 32);
	CHECK(strcmp((const char *)p->buf + sizeof(*bp), CMDLINE) == 0);
	CHECK_EQ(bp->hdr.cmd_line_ptr, p->mem + sizeof(*bp));
	CHECK_EQ(bp->ext_cmd_line_ptr, 0);
	CHECK_EQ(bp->hdr.header, 0x53726448);
	CHECK_EQ(bp->hdr.type_of_loader, 0xff);
	CHECK_EQ(bp->hdr.code32_start, FAKE_PREF_ADDRESS);
	CHECK_EQ(bp->hdr.ramdisk_image, i0->mem);
	CHECK_EQ(i1->mem, i0->mem + ((initrd_a + 4095) & ~4095ul));
	CHECK_EQ(bp->hdr.ramdisk_size, i1->mem + initrd_b - i0->mem);
	CHECK(i1->mem + i1->memsz <= 0x80000000ull);	/* initrd_addr_max */
	CHECK_EQ(bp->e820_entries, plan->map.count);
	for (n = 0; n < plan->map.count; n++) {
		CHECK_EQ(bp->e820_table[n].addr, plan->map.ranges[n].start);
		CHECK_EQ(bp->e820_table[n].addr + bp->e820_table[n].size,
			 plan->map.ranges[n].end);
		CHECK_EQ(bp->e820_table[n].type, plan->map.ranges[n].type);
	}
	/* Offsets the boot protocol fixes. */
	CHECK_EQ(sizeof(*bp), 4096);
	CHECK_EQ((const uint8_t *)&bp->hdr - (const uint8_t *)bp, 0x1f1);
	CHECK_EQ((const uint8_t *)&bp->e820_table - (const uint8_t *)bp,
		 0x2d0);
}

static void check_purgatory(const struct bootimg_plan *plan)
{
	const struct bi_segment *pg = plan_segment(plan, "purgatory", 0);
	const struct bootimg_purgatory_header *hdr = pg->buf;
	size_t i;

	CHECK_EQ(plan->summary.entry, pg->mem);
	CHECK_EQ(hdr->magic, BOOTIMG_PURGATORY_MAGIC);
#ifdef __i386__	/* always the 32-bit entry: code32_start */
	CHECK_EQ(hdr->entry, FAKE_PREF_ADDRESS);
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_ENTRY32,
		 BOOTIMG_PURGATORY_F_ENTRY32);
	CHECK_EQ(plan->summary.entry_bits, 32);
#else
	CHECK_EQ(hdr->entry, FAKE_PREF_ADDRESS + 0x200);
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_ENTRY32, 0);
	CHECK_EQ(plan->summary.entry_bits, 64);
#endif
	CHECK_EQ(hdr->boot_params, plan_segment(plan, "boot-params", 0)->mem);
	CHECK_EQ(hdr->nr_regions, plan->n_segments - 1);
	for (i = 0; i < hdr->nr_regions; i++) {
		const struct bi_segment *s = &plan->segments[i];

		CHECK_EQ(hdr->regions[i].start, s->mem);
		CHECK_EQ(hdr->regions[i].len, s->bufsz);
		CHECK_EQ(hdr->regions[i].checksum,
			 bi_checksum64(s->buf, s->bufsz));
	}
}

static int plan_with(const char *map, const char *kernel,
		     const char **initrds, size_t n, unsigned flags,
		     struct bootimg_plan **plan)
{
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .initrds = initrds, .n_initrds = n,
		.cmdline = CMDLINE, .method = BOOTIMG_METHOD_KEXEC,
		.flags = flags,
	};
	struct bootimg *ctx;
	int err;

	if (bootimg_new(&ctx) < 0)
		exit(99);
	bi_set_sysroot(ctx, fixture(map));
	err = bootimg_plan_new(ctx, &req, plan);
	bootimg_free(ctx);
	return err;
}

static int plan_on(const char *map, const char *kernel, const char **initrds,
		   size_t n, struct bootimg_plan **plan)
{
	return plan_with(map, kernel, initrds, n, 0, plan);
}

/* --entry=32: the bzImage's 32-bit entry, at its load address. */
static void check_entry32(const char *kernel, const char **initrds)
{
	struct bootimg_plan *plan = NULL;
	const struct bootimg_purgatory_header *hdr;

	CHECK_EQ(plan_with("qemu-pc-1g", kernel, initrds, 2,
			   BOOTIMG_LOAD_ENTRY32, &plan), 0);
	if (!plan)
		return;
	hdr = plan_segment(plan, "purgatory", 0)->buf;
	CHECK_EQ(plan->summary.entry_bits, 32);
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_ENTRY32,
		 BOOTIMG_PURGATORY_F_ENTRY32);
	CHECK_EQ(hdr->entry, plan_segment(plan, "kernel", 0)->mem);
	CHECK_EQ(hdr->entry, FAKE_PREF_ADDRESS);
	CHECK_EQ(hdr->boot_params, plan_segment(plan, "boot-params", 0)->mem);
	CHECK_EQ(hdr->eax, 0);
	CHECK_EQ(hdr->ebx, 0);
	bootimg_plan_free(plan);
}

/* --debug: the breadcrumb flag reaches purgatory, and only with it. */
static void check_breadcrumb(const char *kernel, const char **initrds)
{
	struct bootimg_plan *plan = NULL;
	const struct bootimg_purgatory_header *hdr;

	CHECK_EQ(plan_with("qemu-pc-1g", kernel, initrds, 2,
			   BOOTIMG_LOAD_BREADCRUMB, &plan), 0);
	if (!plan)
		return;
	hdr = plan_segment(plan, "purgatory", 0)->buf;
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_BREADCRUMB,
		 BOOTIMG_PURGATORY_F_BREADCRUMB);
	bootimg_plan_free(plan);
	plan = NULL;
	CHECK_EQ(plan_on("qemu-pc-1g", kernel, initrds, 2, &plan), 0);
	if (!plan)
		return;
	hdr = plan_segment(plan, "purgatory", 0)->buf;
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_BREADCRUMB, 0);
	bootimg_plan_free(plan);
}

int main(void)
{
	static const char *maps[] = { "qemu-pc-1g", "server-24g",
				      "iomem-only" };
	size_t size = fake_bzimage_size(), a = 300000, b = 5000, i;
	uint8_t *img = malloc(size), *data = calloc(1, a);
	const char *kernel, *initrds[2];
	struct bootimg_plan *plan;

	fake_bzimage(img);
	kernel = write_temp("vmlinuz", img, size);
	initrds[0] = write_temp("a.cpio", data, a);
	initrds[1] = write_temp("b.cpio", data, b);
	for (i = 0; i < ARRAY_SIZE(maps); i++) {
		printf("# memory map %s\n", maps[i]);
		CHECK_EQ(plan_on(maps[i], kernel, initrds, 2, &plan), 0);
		if (!plan)
			continue;
		CHECK_EQ(plan->n_segments, 5);
		check_segments(plan);
		check_kernel_room(plan);
		check_boot_params(plan, a, b);
		check_purgatory(plan);
		bootimg_plan_free(plan);
		plan = NULL;
	}
	check_entry32(kernel, initrds);
	check_breadcrumb(kernel, initrds);
	plan = NULL;
	CHECK_EQ(plan_on("no-room", kernel, initrds, 2, &plan), -ENOSPC);
	CHECK_EQ(plan_on("iomem-hidden", kernel, initrds, 2, &plan), -EPERM);
	CHECK_EQ(plan_on("qemu-pc-1g", kernel, initrds, 0, &plan), 0);
	if (plan) {
		CHECK_EQ(plan->n_segments, 3);
		CHECK_EQ(plan->summary.ramdisk_size, 0);
		bootimg_plan_free(plan);
	}
	free(img);
	free(data);
	temp_cleanup();
	return tap_done();
}
