// SPDX-License-Identifier: GPL-2.0-or-later
/* Fast boot: a made-up bzImage whose payload is a compressed ELF vmlinux,
 * planned as the vmlinux's segments with the bzImage's own header; damaged
 * payload fields and payloads refused before anything is planned; and,
 * when the test suite has downloaded one, the real Debian bzImage. */
#include <asm/bootparam.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bootimg.h"
#include "failed-as.h"
#include "fake-fastboot.h"
#include "files.h"
#include "internal.h"
#include "plan-segment.h"
#include "plan.h"
#include "purgatory-abi.h"
#include "x86-relocs-apply.h"
#include "checksum64.h"
#include "tap.h"

static int plan_with(struct bootimg *ctx, const char *kernel, int fast,
		     const char *cmdline, struct bootimg_plan **plan)
{
	const char *initrds[] = { write_temp("initrd", "0707", 4) };
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .initrds = initrds, .n_initrds = 1,
		.cmdline = cmdline, .method = BOOTIMG_METHOD_KEXEC,
		.flags = fast ? BOOTIMG_LOAD_FAST_BOOT : 0,
	};

	bi_set_sysroot(ctx, fixture("qemu-pc-1g"));
	*plan = NULL;
	return bootimg_plan_new(ctx, &req, plan);
}

static int plan_of(struct bootimg *ctx, const char *kernel, int fast,
		   struct bootimg_plan **plan)
{
	return plan_with(ctx, kernel, fast, "console=ttyS0", plan);
}

static const struct boot_params *params_of(const struct bootimg_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->n_segments; i++)
		if (strcmp(plan->segments[i].what, "boot-params") == 0)
			return plan->segments[i].buf;
	return NULL;
}

static void test_good(struct bootimg *ctx, struct blob bz, const char *name)
{
	const char *path = write_temp(name, bz.data, bz.size);
	struct bootimg_plan *plan;
	const struct boot_params *bp;

#ifdef __i386__
	/*
	 * The i386 purgatory enters in 32-bit mode: a 64-bit vmlinux is
	 * refused, the bzImage entered at its 32-bit entry.
	 */
	CHECK_EQ(plan_of(ctx, path, 1, &plan), -ENOEXEC);
	CHECK_EQ(plan_of(ctx, path, 0, &plan), 0);
	if (plan)
		CHECK_EQ(plan->summary.kernel_entry, TEXT_PADDR);
	bootimg_plan_free(plan);
	return;
#endif
	CHECK_EQ(plan_of(ctx, path, 1, &plan), 0);
	if (!plan)
		return;
	/* The vmlinux's segments, the gap to the data reserved with the text. */
	CHECK(strcmp(plan->segments[0].what, "kernel") == 0);
	CHECK_EQ(plan->segments[0].mem, TEXT_PADDR);
	CHECK_EQ(plan->segments[0].bufsz, TEXT_SIZE);
	CHECK_EQ(plan->segments[0].memsz, DATA_PADDR - TEXT_PADDR);
	CHECK_EQ(*(const uint8_t *)plan->segments[0].buf,
		 (uint8_t)(ELF_AT * 11 + 5));
	CHECK_EQ(plan->segments[1].mem, DATA_PADDR);
	CHECK_EQ(plan->segments[1].bufsz, DATA_FILESZ);
	CHECK_EQ(plan->segments[1].memsz, DATA_MEMSZ);
	CHECK_EQ(plan->summary.kernel_entry, TEXT_PADDR);
	/* boot_params gets the bzImage's header, not a made-up one. */
	bp = params_of(plan);
	CHECK(bp != NULL);
	if (bp) {
		CHECK_EQ(bp->hdr.init_size, FAKE_INIT_SIZE);
		CHECK_EQ(bp->hdr.kernel_alignment, 0x200000);
		CHECK_EQ(bp->hdr.payload_offset, PAYLOAD_OFFSET);
		CHECK_EQ(bp->hdr.loadflags & KASLR_FLAG, 0);	/* no table */
		CHECK_EQ(bp->hdr.ramdisk_size, 4);
	}
	bootimg_plan_free(plan);
	/* Without fast boot the same file is planned as a bzImage. */
	CHECK_EQ(plan_of(ctx, path, 0, &plan), 0);
	if (plan) {
		CHECK_EQ(plan->segments[0].bufsz, bz.size - SETUP_END);
		CHECK_EQ(plan->summary.kernel_entry, TEXT_PADDR + 0x200);
	}
	bootimg_plan_free(plan);
}

/* A copy of BZ with N bytes at OFFSET replaced: planned to ERR, naming it. */
static void damaged(struct bootimg *ctx, struct blob bz, size_t offset,
		    const void *bytes, size_t n, int err, const char *name)
{
	uint8_t *copy = malloc(bz.size);
	struct bootimg_plan *plan;
	const char *path;

	memcpy(copy, bz.data, bz.size);
	memcpy(copy + offset, bytes, n);
	path = write_temp(name, copy, bz.size);
	CHECK(failed_as(ctx, plan_of(ctx, path, 1, &plan), err));
	CHECK(plan == NULL);
	CHECK(bootimg_error_path(ctx) &&
	      strcmp(bootimg_error_path(ctx), path) == 0);
	free(copy);
}

static void test_damaged(struct bootimg *ctx, struct blob bz)
{
	const size_t hdr = 0x1f1, code = bz.size - SETUP_END;
	const uint32_t past = (uint32_t)code + 1, huge = 0xfffffff0u;
	const uint32_t long_len = (uint32_t)code - PAYLOAD_OFFSET + 1;
	const uint32_t tiny_init = 0x6000;
	const uint16_t old = 0x0207;

	damaged(ctx, bz, hdr + offsetof(struct setup_header, payload_offset),
		&past, 4, -EBADMSG, "offset-past-end");
	damaged(ctx, bz, hdr + offsetof(struct setup_header, payload_offset),
		&huge, 4, -EBADMSG, "offset-huge");
	damaged(ctx, bz, hdr + offsetof(struct setup_header, payload_length),
		&long_len, 4, -EBADMSG, "length-past-end");
	damaged(ctx, bz, hdr + offsetof(struct setup_header, payload_length),
		&huge, 4, -EBADMSG, "length-huge");
	damaged(ctx, bz, hdr + offsetof(struct setup_header, payload_length),
		"\0\0\0\0", 4, -EOPNOTSUPP, "length-zero");
	/* The offset one byte off: no codec's magic there. */
	damaged(ctx, bz, hdr + offsetof(struct setup_header, payload_offset),
		&(uint32_t){ PAYLOAD_OFFSET + 1 }, 4,
		bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD),
		"offset-off-by-one");
	damaged(ctx, bz, SETUP_END + PAYLOAD_OFFSET + 40, "XXXXXXXX", 8,
		-EBADMSG, "corrupt-stream");
	damaged(ctx, bz, hdr + offsetof(struct setup_header, version), &old,
		2, bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD), "protocol-2.07");
	/* The vmlinux reaches past init_size. */
	damaged(ctx, bz, hdr + offsetof(struct setup_header, init_size),
		&tiny_init, 4, -EBADMSG, "init-size");
}

static void test_unpacked_not_elf(struct bootimg *ctx)
{
	struct blob text = { (uint8_t *)strdup("just some text, no vmlinux"),
			     26 };
	struct blob packed = fake_pack_xz(text), bz = fake_fastboot_bzimage(packed);
	struct bootimg_plan *plan;

	CHECK_EQ(plan_of(ctx, write_temp("not-elf", bz.data, bz.size), 1,
			 &plan), -EBADMSG);
	free(text.data);
	free(packed.data);
	free(bz.data);
}

static void test_file_method(struct bootimg *ctx, struct blob bz)
{
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = write_temp("file-method", bz.data, bz.size),
		.method = BOOTIMG_METHOD_FILE, .flags = BOOTIMG_LOAD_FAST_BOOT,
	};
	struct bootimg_load_result result = { .size = sizeof(result) };

	CHECK_EQ(bootimg_load(ctx, &req, &result), -EINVAL);
}

static uint64_t read_at(const uint8_t *bytes, size_t at, size_t width)
{
	uint64_t v = 0;

	memcpy(&v, bytes + at, width);
	return v;
}

/*
 * What purgatory does after its checks: the kernel's memory as kexec
 * fills it from the plan's segments, relocated with the header's table
 * (nothing to do without F_RELOCATE).  Free the result.
 */
static uint8_t *as_purgatory_leaves_it(const struct bootimg_plan *plan)
{
	const struct bi_segment *pg = plan_segment(plan, "purgatory", 0);
	const struct bootimg_purgatory_header *hdr = pg->buf;
	const struct bootimg_purgatory_relocs *r = &hdr->relocs;
	const struct bi_segment *table = plan_segment(plan, "relocations", 0);
	uint64_t base = plan->segments[0].mem;
	uint8_t *image = calloc(1, DATA_PADDR - TEXT_PADDR + DATA_MEMSZ);
	size_t i;

	if (!image)
		exit(99);
	for (i = 0; i < 2; i++)
		memcpy(image + plan->segments[i].mem - base,
		       plan->segments[i].buf, plan->segments[i].bufsz);
	if (!(hdr->flags & BOOTIMG_PURGATORY_F_RELOCATE)) {
		CHECK(table == NULL);
		return image;
	}
	CHECK_EQ(r->checksum, bi_checksum64(r, offsetof(struct
				bootimg_purgatory_relocs, checksum)));
	CHECK(table && table->mem == r->table);
	CHECK_EQ(r->image, base);
	CHECK(r->image_size <= DATA_PADDR - TEXT_PADDR + DATA_MEMSZ);
	if (table)
		CHECK_EQ(bi_x86_relocs_apply(r, table->buf, image), 0);
	return image;
}

/*
 * The segments are the vmlinux as it was linked; the places get the
 * virtual offset when purgatory relocates them, the segments the
 * physical one.
 */
static void check_relocated(const struct bootimg_plan *plan,
			    struct blob elf, int randomised)
{
	const struct bi_kaslr *k = &plan->in->kernel.kaslr;
	uint64_t delta = k->text_virt - LINKED_TEXT, v64;
	uint32_t v32, inverse;
	const struct boot_params *bp = params_of(plan);
	const uint8_t *text = plan->segments[0].buf;
	uint8_t *image = as_purgatory_leaves_it(plan);
	size_t data = DATA_PADDR - TEXT_PADDR;

	memcpy(&v64, elf.data + ELF_AT + 0x100, 8);
	memcpy(&inverse, elf.data + ELF_AT + 0x200, 4);
	memcpy(&v32, elf.data + ELF_AT + TEXT_SIZE + 0x10, 4);
	CHECK_EQ(k->status, randomised ? 0 : -ECANCELED);
	CHECK(randomised || delta == 0);	/* a random slot may be the linked one */
	CHECK_EQ(k->text_phys % 0x200000, 0);
	CHECK(k->text_phys >= TEXT_PADDR && k->text_phys < 0x40000000);
	CHECK_EQ(delta % 0x200000, 0);
	CHECK(delta < (1ull << 30) - TEXT_PADDR);
	CHECK_EQ(plan->segments[0].mem, k->text_phys);
	CHECK_EQ(plan->segments[1].mem, k->text_phys + data);
	CHECK_EQ(plan->summary.kernel_entry, k->text_phys);
	CHECK_EQ(read_at(text, 0x100, 8), v64);
	CHECK_EQ(read_at(image, 0x100, 8), v64 + delta);
	CHECK_EQ(read_at(image, 0x200, 4), (uint32_t)(inverse - delta));
	CHECK_EQ(read_at(image, data + 0x10, 4), (uint32_t)(v32 + delta));
	CHECK(bp && !!(bp->hdr.loadflags & KASLR_FLAG) == randomised);
	free(image);
}

/*
 * A 700 MiB initrd (a sparse file) beside the randomised vmlinux in 1 GiB
 * of RAM: the kernel's slot always leaves it one piece of RAM (without
 * that, 4 slots in 10 would not).
 */
static void test_kaslr_room(struct bootimg *ctx, const char *kernel)
{
	char *big = strdup(write_temp("big-initrd", "", 0));
	const char *initrds[] = { big };
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .initrds = initrds, .n_initrds = 1,
		.cmdline = "console=ttyS0", .method = BOOTIMG_METHOD_KEXEC,
		.flags = BOOTIMG_LOAD_FAST_BOOT,
	};
	struct bootimg_plan *plan;
	int i, placed = 0;

	CHECK_EQ(truncate(big, 700 * 0x100000), 0);
	bi_set_sysroot(ctx, fixture("qemu-pc-1g"));
	for (i = 0; i < 8; i++) {
		plan = NULL;
		placed += bootimg_plan_new(ctx, &req, &plan) == 0 &&
			  plan->in->kernel.kaslr.status == 0;
		bootimg_plan_free(plan);
	}
	CHECK_EQ(placed, 8);
	free(big);
}

static void test_kaslr(struct bootimg *ctx, struct blob elf)
{
	struct blob good = fake_with_table(elf, 0), packed = fake_pack_xz(good);
	struct blob bz = fake_fastboot_bzimage(packed);
	struct blob bad = fake_with_table(elf, (uint32_t)(DATA_VIRT + DATA_FILESZ));
	struct blob bad_packed = fake_pack_xz(bad);
	struct blob bad_bz = fake_fastboot_bzimage(bad_packed);
	/* Copies: write_temp() reuses its buffers, once per plan here. */
	char *path = strdup(write_temp("kaslr", bz.data, bz.size));
	char *bad_path = strdup(write_temp("kaslr-bad", bad_bz.data,
					   bad_bz.size));
	struct bootimg_plan *plan;
	uint64_t first = 0;
	int i, moved = 0;

#ifdef __i386__	/* a 64-bit vmlinux: refused before its table is read */
	CHECK_EQ(plan_of(ctx, path, 1, &plan), -ENOEXEC);
	goto out;
#endif
	/* Four loads: random places each time (1 in 473 the same). */
	for (i = 0; i < 4; i++) {
		CHECK_EQ(plan_of(ctx, path, 1, &plan), 0);
		if (!plan)
			continue;
		check_relocated(plan, good, 1);
		if (i == 0)
			first = plan->in->kernel.kaslr.text_virt;
		moved += plan->in->kernel.kaslr.text_virt != first;
		bootimg_plan_free(plan);
	}
	CHECK(moved > 0);
	/* nokaslr: where it was linked, nothing relocated. */
	CHECK_EQ(plan_with(ctx, path, 1, "quiet nokaslr console=ttyS0",
			   &plan), 0);
	if (plan)
		check_relocated(plan, good, 0);
	bootimg_plan_free(plan);
	/* mem= bounds the physical place; memmap= keeps the linked one. */
	for (i = 0; i < 4; i++) {
		CHECK_EQ(plan_with(ctx, path, 1, "mem=24M", &plan), 0);
		if (plan)
			CHECK(plan->in->kernel.kaslr.text_phys + 0x200000 <=
			      24 * 0x100000);
		bootimg_plan_free(plan);
	}
	CHECK_EQ(plan_with(ctx, path, 1, "memmap=1G$4G", &plan), 0);
	if (plan) {
		CHECK_EQ(plan->in->kernel.kaslr.status, 0);
		CHECK_EQ(plan->in->kernel.kaslr.text_phys, TEXT_PADDR);
	}
	bootimg_plan_free(plan);
	test_kaslr_room(ctx, path);
	/* A place just past the data's file bytes: refused, file named. */
	CHECK(failed_as(ctx, plan_of(ctx, bad_path, 1, &plan),
			bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED)));
	CHECK(plan == NULL);
	CHECK(bootimg_error_path(ctx) &&
	      strcmp(bootimg_error_path(ctx), bad_path) == 0);
	/* ... unless nokaslr: the table is not read then. */
	CHECK_EQ(plan_with(ctx, bad_path, 1, "nokaslr", &plan), 0);
	bootimg_plan_free(plan);
#ifdef __i386__
out:
#endif
	free(path);
	free(bad_path);
	free(good.data);
	free(packed.data);
	free(bz.data);
	free(bad.data);
	free(bad_packed.data);
	free(bad_bz.data);
}

static void test_real(struct bootimg *ctx)
{
	const char *path = getenv("BOOTIMG_TEST_KERNEL");
	struct bootimg_plan *plan;
	size_t i, n = 0;

	if (!path || !*path) {
		tap_skip("BOOTIMG_TEST_KERNEL is not set");
		return;
	}
#ifdef __i386__	/* an x86_64 kernel: its vmlinux has no 32-bit entry */
	CHECK_EQ(plan_of(ctx, path, 1, &plan), -ENOEXEC);
	return;
#endif
	CHECK_EQ(plan_of(ctx, path, 1, &plan), 0);
	if (plan) {	/* randomised: entered at startup_64 where it is */
		CHECK_EQ(plan->in->kernel.kaslr.status, 0);
		CHECK_EQ(plan->summary.kernel_entry,
			 plan->in->kernel.kaslr.text_phys);
	}
	bootimg_plan_free(plan);
	CHECK_EQ(plan_with(ctx, path, 1, "nokaslr", &plan), 0);
	if (!plan)
		return;
	CHECK_EQ(plan->summary.kernel_entry, 0x1000000);	/* startup_64 */
	for (i = 0; i + 1 < plan->n_segments &&
		    strcmp(plan->segments[i + 1].what, "kernel") == 0; i++)
		n += plan->segments[i].mem + plan->segments[i].memsz ==
		     plan->segments[i + 1].mem;
	CHECK(i >= 1 && n == i);	/* one span, no gaps */
	bootimg_plan_free(plan);
}

int main(void)
{
	struct blob elf = fake_vmlinux();
	struct blob xz = fake_pack_xz(elf), gz = fake_pack_gzip(elf);
	struct blob bz_xz = fake_fastboot_bzimage(xz), bz_gz = fake_fastboot_bzimage(gz);
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0 || !xz.size || !gz.size)
		return 99;
	test_good(ctx, bz_xz, "fast-xz");
	test_good(ctx, bz_gz, "fast-gzip");
	test_damaged(ctx, bz_xz);
	test_unpacked_not_elf(ctx);
	test_file_method(ctx, bz_xz);
	test_kaslr(ctx, elf);
	test_real(ctx);
	bootimg_free(ctx);
	free(elf.data);
	free(xz.data);
	free(gz.data);
	free(bz_xz.data);
	free(bz_gz.data);
	temp_cleanup();
	return tap_done();
}
