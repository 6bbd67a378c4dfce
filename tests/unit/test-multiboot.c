// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Multiboot v1: made-up kernels in both forms (a 32-bit ELF, and a flat
 * file with the header's address fields), damaged copies of them, the
 * plan of one with two modules (segments, the information structure,
 * purgatory's 32-bit entry), and requests that mix up modules and
 * initrds.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "bootimg.h"
#include "failed-as.h"
#include "fake-bzimage.h"
#include "files.h"
#include "internal.h"
#include "plan-segment.h"
#include "purgatory-abi.h"
#include "tap.h"

/* The failures failed_as() checks with their cause. */
#define OUT_OF_RANGE bi_cause(BOOTIMG_CAUSE_SEGMENT_RANGE)
#define NOT_PROVIDED bi_cause(BOOTIMG_CAUSE_MULTIBOOT_NEEDS)

#define MB_MAGIC 0x1badb002u
#define MB_FLAGS 0x3u			/* page-aligned modules, memory */
#define MB_ADDRESS_FIELDS 0x10000u

/* The ELF form: one PT_LOAD at 1 MiB, the header at its start. */
#define ELF_AT 0x1000u
#define ELF_PADDR 0x100000u
#define ELF_FILESZ 0x2000u
#define ELF_MEMSZ 0x3000u
#define ELF_ENTRY (ELF_PADDR + 0x20)
#define ELF_SIZE (ELF_AT + ELF_FILESZ)

/* The flat form: loaded from offset 0 at 2 MiB, the header at 0x40. */
#define FLAT_HDR 0x40u
#define FLAT_LOAD 0x200000u
#define FLAT_SIZE 0x1800u
#define FLAT_BSS_END (FLAT_LOAD + 0x4000u)
#define FLAT_ENTRY (FLAT_LOAD + 0x100u)
#define BIG_SIZE 0x3000u		/* room for a header past 8 KiB */

/* Header fields, as offsets from the magic. */
enum { F_FLAGS = 4, F_CHECKSUM = 8, F_HEADER_ADDR = 12, F_LOAD_ADDR = 16,
       F_LOAD_END = 20, F_BSS_END = 24, F_ENTRY = 28 };

/* The information structure's fields used here, as offsets. */
enum { I_FLAGS = 0, I_MEM_LOWER = 4, I_MEM_UPPER = 8, I_CMDLINE = 16,
       I_MODS_COUNT = 20, I_MODS_ADDR = 24, I_MMAP_LENGTH = 44,
       I_MMAP_ADDR = 48, I_LOADER_NAME = 64 };

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* A header at P with FLAGS, its checksum right. */
static void header(uint8_t *p, uint32_t flags)
{
	put32(p, MB_MAGIC);
	put32(p + F_FLAGS, flags);
	put32(p + F_CHECKSUM, -(MB_MAGIC + flags));
}

static void fake_elf(uint8_t *buf)
{
	Elf32_Ehdr e = { .e_type = ET_EXEC, .e_machine = EM_386,
		.e_version = EV_CURRENT, .e_entry = ELF_ENTRY,
		.e_phoff = sizeof(e), .e_ehsize = sizeof(e),
		.e_phentsize = sizeof(Elf32_Phdr), .e_phnum = 1 };
	Elf32_Phdr ph = { .p_type = PT_LOAD, .p_offset = ELF_AT,
		.p_vaddr = ELF_PADDR, .p_paddr = ELF_PADDR,
		.p_filesz = ELF_FILESZ, .p_memsz = ELF_MEMSZ };
	size_t i;

	memset(buf, 0, ELF_SIZE);
	for (i = ELF_AT; i < ELF_SIZE; i++)
		buf[i] = (uint8_t)(i * 7 + 3);
	memcpy(e.e_ident, ELFMAG, SELFMAG);
	e.e_ident[EI_CLASS] = ELFCLASS32;
	e.e_ident[EI_DATA] = ELFDATA2LSB;
	memcpy(buf, &e, sizeof(e));
	memcpy(buf + sizeof(e), &ph, sizeof(ph));
	header(buf + ELF_AT, MB_FLAGS);
}

/* The flat form with its header at HDR and loaded at LOAD. */
static void fake_flat(uint8_t *buf, size_t hdr, uint32_t load)
{
	size_t i;

	memset(buf, 0, BIG_SIZE);
	for (i = 0; i < BIG_SIZE; i++)
		buf[i] = (uint8_t)(i * 5 + 1);
	header(buf + hdr, MB_FLAGS | MB_ADDRESS_FIELDS);
	put32(buf + hdr + F_HEADER_ADDR, load + (uint32_t)hdr);
	put32(buf + hdr + F_LOAD_ADDR, load);
	put32(buf + hdr + F_LOAD_END, load + FLAT_SIZE);
	put32(buf + hdr + F_BSS_END, load + 0x4000);
	put32(buf + hdr + F_ENTRY, load + 0x100);
}

static void test_good(struct bootimg *ctx, const uint8_t *elf,
		      const uint8_t *flat)
{
	struct bootimg_info info = { .size = sizeof(info) };

	CHECK_EQ(bootimg_probe(ctx, write_temp("elf", elf, ELF_SIZE), &info),
		 0);
	CHECK(strcmp(info.format, "multiboot (ELF)") == 0);
	CHECK_EQ(info.pref_address, ELF_PADDR);
	CHECK_EQ(info.payload_size, ELF_FILESZ);
	CHECK_EQ(info.init_size, ELF_MEMSZ);
	CHECK(!info.entry64 && info.protocol == 0);

	CHECK_EQ(bootimg_probe(ctx, write_temp("flat", flat, FLAT_SIZE),
			       &info), 0);
	CHECK(strcmp(info.format, "multiboot (a.out kludge)") == 0);
	CHECK_EQ(info.pref_address, FLAT_LOAD);
	CHECK_EQ(info.payload_size, FLAT_SIZE);
	CHECK_EQ(info.init_size, FLAT_BSS_END - FLAT_LOAD);
	CHECK_EQ(info.file_size, FLAT_SIZE);

	/* load_end_addr 0: the rest of the file. */
	{
		uint8_t copy[FLAT_SIZE];

		memcpy(copy, flat, FLAT_SIZE);
		put32(copy + FLAT_HDR + F_LOAD_END, 0);
		CHECK_EQ(bootimg_probe(ctx, write_temp("to-end", copy,
						       FLAT_SIZE), &info), 0);
		CHECK_EQ(info.payload_size, FLAT_SIZE);
	}
}

/* Set the 32-bit word at OFFSET of a copy of IMG to VALUE, keep the
 * checksum right (FIX) or not, and expect ERR from the probe. */
static void damaged(struct bootimg *ctx, const uint8_t *img, size_t size,
		    size_t hdr, size_t offset, uint32_t value, int fix,
		    int err, const char *name)
{
	uint8_t *copy = malloc(BIG_SIZE);
	struct bootimg_info info = { .size = sizeof(info) };
	const char *path;

	memcpy(copy, img, size);
	put32(copy + hdr + offset, value);
	if (fix)
		put32(copy + hdr + F_CHECKSUM,
		      -(MB_MAGIC + get32(copy + hdr + F_FLAGS)));
	path = write_temp(name, copy, size);
	CHECK(failed_as(ctx, bootimg_probe(ctx, path, &info), err));
	CHECK(err == 0 || strcmp(bootimg_error_path(ctx), path) == 0);
	free(copy);
}

static void test_damaged(struct bootimg *ctx, const uint8_t *elf,
			 const uint8_t *flat)
{
	const uint32_t flags = MB_FLAGS | MB_ADDRESS_FIELDS;
	uint8_t *far = malloc(BIG_SIZE);
	struct bootimg_info info = { .size = sizeof(info) };

	/* Not multiboot: a bad checksum, or the header past 8 KiB. */
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_CHECKSUM, 0, 0, -ENOEXEC,
		"checksum");
	memcpy(far, elf, ELF_SIZE);
	put32(far + ELF_AT + F_CHECKSUM, 0);
	CHECK_EQ(bootimg_probe(ctx, write_temp("elf-checksum", far, ELF_SIZE),
			       &info), 0);
	CHECK(strcmp(info.format, "ELF vmlinux (32-bit)") == 0);
	fake_flat(far, 8192, FLAT_LOAD - 8192);
	CHECK_EQ(bootimg_probe(ctx, write_temp("past-8k", far, BIG_SIZE),
			       &info), -ENOEXEC);
	/* Found, but its address fields lie past 8 KiB. */
	fake_flat(far, 8180, FLAT_LOAD - 8180);
	CHECK_EQ(bootimg_probe(ctx, write_temp("across-8k", far, BIG_SIZE),
			       &info), -EBADMSG);
	free(far);

	/* Requirements bootimg does not meet. */
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_FLAGS, flags | 0x4, 1,
		NOT_PROVIDED, "video");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_FLAGS, flags | 0x20, 1,
		NOT_PROVIDED, "unknown-need");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_FLAGS, flags | 0x40000, 1,
		0, "unknown-optional");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_FLAGS, MB_FLAGS, 1,
		NOT_PROVIDED, "not-elf");

	/* Broken address fields. */
	damaged(ctx, flat, FLAT_SIZE - 1, FLAT_HDR, 0, MB_MAGIC, 0, -EBADMSG,
		"truncated");
	damaged(ctx, flat, FLAT_HDR + 20, FLAT_HDR, 0, MB_MAGIC, 0, -EBADMSG,
		"short-header");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_LOAD_ADDR, FLAT_LOAD - 0x100,
		0, -EBADMSG, "before-file");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_LOAD_ADDR,
		FLAT_LOAD + 0x100, 0, -EBADMSG, "after-header");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_LOAD_END,
		FLAT_LOAD + FLAT_SIZE + 1, 0, -EBADMSG, "load-end");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_BSS_END,
		FLAT_LOAD + 0x100, 0, OUT_OF_RANGE, "bss-end");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_LOAD_END, 0xffffffff, 0,
		-EBADMSG, "overflow");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_ENTRY, FLAT_LOAD + FLAT_SIZE,
		0, -EBADMSG, "entry-in-bss");
	damaged(ctx, flat, FLAT_SIZE, FLAT_HDR, F_ENTRY, FLAT_LOAD - 1, 0,
		-EBADMSG, "entry-before");

	/* The ELF form: its program's checks apply. */
	damaged(ctx, elf, ELF_SIZE, 0, offsetof(Elf32_Ehdr, e_entry),
		0x10000000, 0, -EBADMSG, "elf-entry");
	damaged(ctx, elf, ELF_SIZE, sizeof(Elf32_Ehdr),
		offsetof(Elf32_Phdr, p_filesz), 0x100000, 0, -EBADMSG,
		"elf-filesz");
	damaged(ctx, elf, ELF_SIZE, sizeof(Elf32_Ehdr),
		offsetof(Elf32_Phdr, p_memsz), 0xfff01000, 0, OUT_OF_RANGE,
		"elf-past-4g");
	damaged(ctx, elf, ELF_SIZE, sizeof(Elf32_Ehdr),
		offsetof(Elf32_Phdr, p_memsz), 0x10, 0, OUT_OF_RANGE,
		"elf-memsz");
}

static int plan_of(struct bootimg *ctx, const char *kernel,
		   const char *const *modules, size_t n_modules,
		   const char *const *initrds, size_t n_initrds,
		   struct bootimg_plan **plan)
{
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .cmdline = "console=ttyS0 dom0_mem=512M",
		.modules = modules, .n_modules = n_modules,
		.initrds = initrds, .n_initrds = n_initrds,
		.method = BOOTIMG_METHOD_KEXEC,
	};

	bi_set_sysroot(ctx, fixture("qemu-pc-1g"));
	return bootimg_plan_new(ctx, &req, plan);
}

/* The string at physical address ADDR inside segment S, or "". */
static const char *string_at(const struct bi_segment *s, uint32_t addr)
{
	if (addr < s->mem || addr >= s->mem + s->bufsz)
		return "";
	return (const char *)s->buf + (addr - s->mem);
}

static void check_modules(const struct bootimg_plan *plan,
			  const struct bi_segment *mb, const char *const *args,
			  const size_t *sizes)
{
	const uint8_t *info = mb->buf;
	const uint8_t *mods = info + (get32(info + I_MODS_ADDR) - mb->mem);
	size_t i;

	CHECK_EQ(get32(info + I_MODS_COUNT), 2);
	for (i = 0; i < 2; i++) {
		const struct bi_segment *m = plan_segment(plan, "module", (int)i);
		const uint8_t *e = mods + i * 16;

		CHECK(m != NULL);
		if (!m)
			return;
		CHECK_EQ(m->mem % 4096, 0);
		CHECK(m->mem < 1ull << 32);
		CHECK_EQ(m->bufsz, sizes[i]);
		CHECK_EQ(get32(e), m->mem);
		CHECK_EQ(get32(e + 4), m->mem + sizes[i]);
		CHECK(strcmp(string_at(mb, get32(e + 8)), args[i]) == 0);
	}
}

static void check_info(const struct bootimg_plan *plan,
		       const struct bi_segment *mb)
{
	const uint8_t *info = mb->buf, *mmap;
	size_t i;

	CHECK_EQ(get32(info + I_FLAGS), 0x1 | 0x4 | 0x8 | 0x40 | 0x200);
	CHECK_EQ(get32(info + I_MEM_LOWER), 0x9fc00 / 1024);
	CHECK_EQ(get32(info + I_MEM_UPPER), (0x3ffe0000 - 0x100000) / 1024);
	CHECK(strcmp(string_at(mb, get32(info + I_CMDLINE)),
		     "console=ttyS0 dom0_mem=512M") == 0);
	CHECK(strcmp(string_at(mb, get32(info + I_LOADER_NAME)), "bootimg")
	      == 0);
	CHECK_EQ(plan->summary.cmd_line_ptr, get32(info + I_CMDLINE));
	CHECK_EQ(plan->map.count, 7);
	CHECK_EQ(get32(info + I_MMAP_LENGTH), plan->map.count * 24);
	mmap = info + (get32(info + I_MMAP_ADDR) - mb->mem);
	for (i = 0; i < plan->map.count; i++) {
		const struct bi_mem_range *r = &plan->map.ranges[i];
		const uint8_t *e = mmap + i * 24;

		CHECK_EQ(get32(e), 20);
		CHECK_EQ(get64(e + 4), r->start);
		CHECK_EQ(get64(e + 12), r->end - r->start);
		CHECK_EQ(get32(e + 20), r->type);
	}
}

/* Purgatory enters the kernel in 32-bit mode with the magic in EAX. */
static void check_entry(const struct bootimg_plan *plan,
			const struct bi_segment *mb, uint64_t entry)
{
	const struct bi_segment *pg = plan_segment(plan, "purgatory", 0);
	const struct bootimg_purgatory_header *hdr;

	CHECK(pg != NULL);
	if (!pg)
		return;
	hdr = pg->buf;
	CHECK_EQ(plan->summary.kernel_entry, entry);
	CHECK_EQ(plan->summary.entry_bits, 32);
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_ENTRY32,
		 BOOTIMG_PURGATORY_F_ENTRY32);
	CHECK_EQ(hdr->entry, entry);
	CHECK_EQ(hdr->eax, 0x2badb002);
	CHECK_EQ(hdr->ebx, mb->mem);
	CHECK_EQ(hdr->boot_params, 0);
	CHECK(plan_segment(plan, "boot-params", 0) == NULL);
}

static void test_plan(struct bootimg *ctx, const uint8_t *elf)
{
	static const char text_a[] = "module A", text_b[] = "module B\n";
	const size_t sizes[] = { sizeof(text_a) - 1, sizeof(text_b) - 1 };
	char arg_a[600], arg_b[600];
	const char *args[] = { arg_a, arg_b };
	struct bootimg_plan *plan = NULL;
	const struct bi_segment *k, *mb;

	snprintf(arg_a, sizeof(arg_a), "%s one two",
		 write_temp("mod-a", text_a, sizes[0]));
	snprintf(arg_b, sizeof(arg_b), "%s",
		 write_temp("mod-b", text_b, sizes[1]));
	CHECK_EQ(plan_of(ctx, write_temp("plan-elf", elf, ELF_SIZE), args, 2,
			 NULL, 0, &plan), 0);
	if (!plan)
		return;
	k = plan_segment(plan, "kernel", 0);
	mb = plan_segment(plan, "multiboot", 0);
	CHECK(k != NULL && mb != NULL);
	if (k && mb) {
		CHECK_EQ(k->mem, ELF_PADDR);
		CHECK_EQ(k->bufsz, ELF_FILESZ);
		CHECK_EQ(k->memsz, ELF_MEMSZ);
		CHECK(mb->mem + mb->memsz <= 1ull << 32);
		check_modules(plan, mb, args, sizes);
		check_info(plan, mb);
		check_entry(plan, mb, ELF_ENTRY);
	}
	bootimg_plan_free(plan);
	bi_set_sysroot(ctx, "");
}

/* A load address off a page boundary: the segment starts at the page,
 * the image after zeros. */
static void test_unaligned(struct bootimg *ctx, const uint8_t *flat)
{
	uint8_t *img = malloc(BIG_SIZE);
	struct bootimg_plan *plan = NULL;
	const struct bi_segment *k;

	memcpy(img, flat, BIG_SIZE);
	fake_flat(img, FLAT_HDR, FLAT_LOAD + 0x10);
	CHECK_EQ(plan_of(ctx, write_temp("unaligned", img, FLAT_SIZE), NULL,
			 0, NULL, 0, &plan), 0);
	k = plan ? plan_segment(plan, "kernel", 0) : NULL;
	CHECK(k != NULL);
	if (k) {
		const uint8_t *buf = k->buf;

		CHECK_EQ(k->mem, FLAT_LOAD);
		CHECK_EQ(k->bufsz, 0x10 + FLAT_SIZE);
		CHECK(buf[0] == 0 && buf[0xf] == 0);
		CHECK(memcmp(buf + 0x10, img, FLAT_SIZE) == 0);
		check_entry(plan, plan_segment(plan, "multiboot", 0),
			    FLAT_ENTRY + 0x10);
	}
	bootimg_plan_free(plan);
	bi_set_sysroot(ctx, "");
	free(img);
}

/* Modules go with a multiboot kernel only, initrds with others only. */
static void test_inputs(struct bootimg *ctx, const uint8_t *elf)
{
	uint8_t *bz = malloc(fake_bzimage_size());
	const char *mb = write_temp("inputs-mb", elf, ELF_SIZE), *bzpath;
	const char *file[] = { write_temp("inputs-file", "x", 1) };
	char missing[600];
	const char *gone[] = { missing };
	struct bootimg_plan *plan = NULL;

	fake_bzimage(bz);
	bzpath = write_temp("inputs-bz", bz, fake_bzimage_size());
	CHECK_EQ(plan_of(ctx, bzpath, file, 1, NULL, 0, &plan), -EINVAL);
	CHECK(strcmp(bootimg_error_path(ctx), bzpath) == 0);
	CHECK_EQ(bootimg_last_error(ctx)->cause,
		 BOOTIMG_CAUSE_MODULES_NEED_MULTIBOOT);
	CHECK_EQ(plan_of(ctx, mb, NULL, 0, file, 1, &plan), -EINVAL);
	CHECK(strcmp(bootimg_error_path(ctx), mb) == 0);
	CHECK_EQ(bootimg_last_error(ctx)->cause,
		 BOOTIMG_CAUSE_MULTIBOOT_TAKES_MODULES);
	snprintf(missing, sizeof(missing), "%s/no-such-module args",
		 temp_dir());
	CHECK_EQ(plan_of(ctx, mb, gone, 1, NULL, 0, &plan), -ENOENT);
	CHECK(strncmp(bootimg_error_path(ctx), missing,
		      strlen(missing) - 5) == 0);
	CHECK(strchr(bootimg_error_path(ctx), ' ') == NULL);
	CHECK(plan == NULL);
	bi_set_sysroot(ctx, "");
	free(bz);
}

int main(void)
{
	uint8_t *elf = malloc(ELF_SIZE), *flat = malloc(BIG_SIZE);
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0)
		return 99;
	fake_elf(elf);
	fake_flat(flat, FLAT_HDR, FLAT_LOAD);
	test_good(ctx, elf, flat);
	test_damaged(ctx, elf, flat);
	test_plan(ctx, elf);
	test_unaligned(ctx, flat);
	test_inputs(ctx, elf);
	bootimg_free(ctx);
	free(elf);
	free(flat);
	temp_cleanup();
	return tap_done();
}
