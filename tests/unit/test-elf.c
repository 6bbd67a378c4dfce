// SPDX-License-Identifier: GPL-2.0-or-later
/* ELF vmlinux: made-up 64- and 32-bit images, damaged copies, the plan of
 * one, and, when the test suite has downloaded one, the vmlinux inside
 * the real Debian bzImage (unpacked with bi_decompress). */
#include <asm/bootparam.h>
#include <elf.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "bootimg.h"
#include "decompress.h"
#include "failed-as.h"
#include "fake-bzimage.h"
#include "format.h"
#include "internal.h"
#include "plan.h"
#include "plan-segment.h"
#include "purgatory-abi.h"
#include "files.h"
#include "tap.h"

#define TEXT_PADDR 0x1000000u
#define TEXT_VADDR 0xc1000000u		/* as a 32-bit kernel links it */
#define TEXT_SIZE 0x3000u
#define DATA_PADDR 0x1004000u
#define DATA_FILESZ 0x1800u
#define DATA_MEMSZ 0x5000u		/* with bss */
#define PAYLOAD_AT 0x1000u
#define IMAGE_SIZE (PAYLOAD_AT + TEXT_SIZE + DATA_FILESZ)
#define VERSION "6.1.0-elf (tests@bootimg) #1 SMP"

/* A two-segment ELF vmlinux of either class; the entry is virtual for
 * the 32-bit one, as vmlinux links it. */
static void fake_elf(uint8_t *buf, int is64)
{
	size_t i;

	memset(buf, 0, IMAGE_SIZE);
	for (i = PAYLOAD_AT; i < IMAGE_SIZE; i++)
		buf[i] = (uint8_t)(i * 13 + 1);
	memcpy(buf + PAYLOAD_AT + 0x100, "Linux version " VERSION "\n",
	       sizeof("Linux version " VERSION "\n"));
	if (is64) {
		Elf64_Ehdr e = { .e_type = ET_EXEC, .e_machine = EM_X86_64,
			.e_version = EV_CURRENT, .e_entry = TEXT_PADDR + 0x200,
			.e_phoff = sizeof(e), .e_ehsize = sizeof(e),
			.e_phentsize = sizeof(Elf64_Phdr), .e_phnum = 3 };
		Elf64_Phdr ph[3] = {
			{ .p_type = PT_LOAD, .p_offset = PAYLOAD_AT,
			  .p_vaddr = 0xffffffff81000000ull,
			  .p_paddr = TEXT_PADDR, .p_filesz = TEXT_SIZE,
			  .p_memsz = TEXT_SIZE },
			{ .p_type = PT_NOTE, .p_offset = PAYLOAD_AT,
			  .p_filesz = 16, .p_memsz = 16 },
			{ .p_type = PT_LOAD, .p_offset = PAYLOAD_AT + TEXT_SIZE,
			  .p_vaddr = 0, .p_paddr = DATA_PADDR,
			  .p_filesz = DATA_FILESZ, .p_memsz = DATA_MEMSZ },
		};

		memcpy(e.e_ident, ELFMAG, SELFMAG);
		e.e_ident[EI_CLASS] = ELFCLASS64;
		e.e_ident[EI_DATA] = ELFDATA2LSB;
		memcpy(buf, &e, sizeof(e));
		memcpy(buf + sizeof(e), ph, sizeof(ph));
	} else {
		Elf32_Ehdr e = { .e_type = ET_EXEC, .e_machine = EM_386,
			.e_version = EV_CURRENT, .e_entry = TEXT_VADDR + 0x200,
			.e_phoff = sizeof(e), .e_ehsize = sizeof(e),
			.e_phentsize = sizeof(Elf32_Phdr), .e_phnum = 2 };
		Elf32_Phdr ph[2] = {
			{ .p_type = PT_LOAD, .p_offset = PAYLOAD_AT,
			  .p_vaddr = TEXT_VADDR, .p_paddr = TEXT_PADDR,
			  .p_filesz = TEXT_SIZE, .p_memsz = TEXT_SIZE },
			{ .p_type = PT_LOAD, .p_offset = PAYLOAD_AT + TEXT_SIZE,
			  .p_vaddr = TEXT_VADDR + 0x4000,
			  .p_paddr = DATA_PADDR, .p_filesz = DATA_FILESZ,
			  .p_memsz = DATA_MEMSZ },
		};

		memcpy(e.e_ident, ELFMAG, SELFMAG);
		e.e_ident[EI_CLASS] = ELFCLASS32;
		e.e_ident[EI_DATA] = ELFDATA2LSB;
		memcpy(buf, &e, sizeof(e));
		memcpy(buf + sizeof(e), ph, sizeof(ph));
	}
}

static void test_good(struct bootimg *ctx, const uint8_t *img, int is64)
{
	struct bootimg_info info = { .size = sizeof(info) };
	struct bi_kernel k;
	const char *path = write_temp(is64 ? "elf64" : "elf32", img,
				      IMAGE_SIZE);

	CHECK_EQ(bootimg_probe(ctx, path, &info), 0);
	CHECK(strcmp(info.format, is64 ? "ELF vmlinux (64-bit)"
				       : "ELF vmlinux (32-bit)") == 0);
	CHECK(strncmp(info.version, VERSION, sizeof(VERSION) - 1) == 0);
	CHECK_EQ(info.entry64, is64);
	CHECK_EQ(info.pref_address, TEXT_PADDR);
	CHECK_EQ(info.payload_size, TEXT_SIZE + DATA_FILESZ);
	CHECK_EQ(info.init_size, DATA_PADDR + DATA_MEMSZ - TEXT_PADDR);
	CHECK_EQ(info.cmdline_size, 2047);
	CHECK(!info.relocatable && !info.compression && !info.container);

	CHECK_EQ(bi_elf_parse(img, IMAGE_SIZE, &k), 0);
	CHECK_EQ(k.n_segments, 2);
	CHECK_EQ(k.entry, TEXT_PADDR + 0x200);	/* physical, also for 32 */
	CHECK(k.segments[0].buf == img + PAYLOAD_AT);
	CHECK_EQ(k.segments[0].mem, TEXT_PADDR);
	CHECK_EQ(k.segments[1].bufsz, DATA_FILESZ);
	CHECK_EQ(k.segments[1].memsz, DATA_MEMSZ);
	CHECK(!k.file_loadable && k.setup_header == NULL);
	CHECK_EQ(k.own_header.header, 0x53726448);
	CHECK_EQ(k.own_header.version, 0x020f);
}

/* Damage a copy of IMG at OFFSET with BYTES; expect ERR from the probe. */
static void damaged(struct bootimg *ctx, const uint8_t *img, size_t size,
		    size_t offset, const void *bytes, size_t n, int err,
		    const char *name)
{
	uint8_t *copy = malloc(IMAGE_SIZE);
	struct bootimg_info info = { .size = sizeof(info) };
	const char *path;

	memcpy(copy, img, IMAGE_SIZE);
	memcpy(copy + offset, bytes, n);
	path = write_temp(name, copy, size);
	CHECK(failed_as(ctx, bootimg_probe(ctx, path, &info), err));
	CHECK(strcmp(bootimg_error_path(ctx), path) == 0);
	free(copy);
}

static void test_damaged(struct bootimg *ctx, const uint8_t *img64,
			 const uint8_t *img32)
{
	const uint16_t arm = EM_AARCH64, rel = ET_REL, phent = 40;
	const uint64_t far = 0x10000000, big = 0x100000;
	const uint64_t data_phdr = sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr);
	const uint64_t overlap = TEXT_PADDR + 0x1000;
	const uint32_t far32 = 0x10000000;

	damaged(ctx, img64, IMAGE_SIZE - 1, 0, "", 0, -EBADMSG, "short64");
	damaged(ctx, img32, IMAGE_SIZE - 100, 0, "", 0, -EBADMSG, "short32");
	damaged(ctx, img64, 40, 0, "", 0, -EBADMSG, "header64");
	damaged(ctx, img64, IMAGE_SIZE, offsetof(Elf64_Ehdr, e_machine), &arm,
		2, -ENOEXEC, "arm64");
	damaged(ctx, img32, IMAGE_SIZE, offsetof(Elf32_Ehdr, e_type), &rel, 2,
		-ENOEXEC, "object32");
	damaged(ctx, img64, IMAGE_SIZE, offsetof(Elf64_Ehdr, e_phentsize),
		&phent, 2, -EBADMSG, "phentsize");
	damaged(ctx, img64, IMAGE_SIZE, offsetof(Elf64_Ehdr, e_phoff), &far,
		8, -EBADMSG, "phoff");
	damaged(ctx, img64, IMAGE_SIZE, offsetof(Elf64_Ehdr, e_entry), &far,
		8, -EBADMSG, "entry64");
	damaged(ctx, img32, IMAGE_SIZE, offsetof(Elf32_Ehdr, e_entry), &far32,
		4, -EBADMSG, "entry32");
	damaged(ctx, img64, IMAGE_SIZE,
		data_phdr + offsetof(Elf64_Phdr, p_filesz), &big, 8, -EBADMSG,
		"filesz");
	damaged(ctx, img64, IMAGE_SIZE,
		data_phdr + offsetof(Elf64_Phdr, p_paddr), &overlap, 8,
		-EBADMSG, "overlap");
	damaged(ctx, img64, IMAGE_SIZE, EI_CLASS, "\x07", 1, -ENOEXEC,
		"class");
}

/* Set a field of the data segment's program header (the last one). */
static void damaged_phdr(struct bootimg *ctx, const uint8_t *img, int is64,
			 size_t field64, size_t field32, uint64_t value,
			 const char *name)
{
	size_t at = is64 ? sizeof(Elf64_Ehdr) + 2 * sizeof(Elf64_Phdr) +
			   field64
			 : sizeof(Elf32_Ehdr) + sizeof(Elf32_Phdr) + field32;
	uint32_t value32 = (uint32_t)value;

	damaged(ctx, img, IMAGE_SIZE, at, is64 ? (const void *)&value
					      : (const void *)&value32,
		is64 ? 8 : 4, bi_cause(BOOTIMG_CAUSE_SEGMENT_RANGE), name);
}

/* Sizes and addresses that wrap, or lie where no memory can be. */
static void test_wrapped(struct bootimg *ctx, const uint8_t *img64,
			 const uint8_t *img32)
{
	const size_t paddr64 = offsetof(Elf64_Phdr, p_paddr);
	const size_t paddr32 = offsetof(Elf32_Phdr, p_paddr);
	const size_t memsz64 = offsetof(Elf64_Phdr, p_memsz);
	const size_t memsz32 = offsetof(Elf32_Phdr, p_memsz);

	/* p_memsz < p_filesz */
	damaged_phdr(ctx, img64, 1, memsz64, 0, DATA_FILESZ - 1, "memsz64");
	damaged_phdr(ctx, img32, 0, 0, memsz32, DATA_FILESZ - 1, "memsz32");
	/* p_paddr + p_memsz wraps around 2^64 */
	damaged_phdr(ctx, img64, 1, memsz64, 0, ~0ull - 0x1000, "wrap64");
	damaged_phdr(ctx, img64, 1, paddr64, 0, ~0ull - 0x2000, "end64");
	/* ...or only its page-aligned end would (p_paddr not page-aligned) */
	damaged_phdr(ctx, img64, 1, paddr64, 0, ~0ull - DATA_MEMSZ - 0x800,
		     "align64");
	/* past 52 bits of physical address */
	damaged_phdr(ctx, img64, 1, paddr64, 0, 1ull << 52, "limit64");
	/* a 32-bit kernel past 4 GiB, or wrapping in 32 bits */
	damaged_phdr(ctx, img32, 0, 0, paddr32, 0xffffe000u, "end32");
	damaged_phdr(ctx, img32, 0, 0, memsz32, 0xffffffffu, "wrap32");
}

static int sysroot_plan(struct bootimg *ctx, const char *kernel,
			unsigned flags, struct bootimg_plan **plan)
{
	const char *initrds[] = { write_temp("initrd", "0707", 4) };
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .initrds = initrds, .n_initrds = 1,
		.cmdline = "console=ttyS0", .method = BOOTIMG_METHOD_KEXEC,
		.flags = flags,
	};

	bi_set_sysroot(ctx, fixture("qemu-pc-1g"));
	return bootimg_plan_new(ctx, &req, plan);
}

/* A 32-bit vmlinux: entered in protected mode, ESI = boot_params. */
static void check_entry32(const struct bootimg_plan *plan)
{
	const struct bi_segment *pg = plan_segment(plan, "purgatory", 0);
	const struct bi_segment *bp = plan_segment(plan, "boot-params", 0);
	const struct bootimg_purgatory_header *hdr;

	CHECK(pg != NULL && bp != NULL);
	if (!pg || !bp)
		return;
	hdr = pg->buf;
	CHECK_EQ(plan->summary.kernel_entry, TEXT_PADDR + 0x200);
	CHECK_EQ(plan->summary.entry_bits, 32);
	CHECK_EQ(hdr->flags & BOOTIMG_PURGATORY_F_ENTRY32,
		 BOOTIMG_PURGATORY_F_ENTRY32);
	CHECK_EQ(hdr->entry, TEXT_PADDR + 0x200);
	CHECK_EQ(hdr->boot_params, bp->mem);
	CHECK_EQ(hdr->eax, 0);
	CHECK_EQ(hdr->ebx, 0);
}

static void test_plan(struct bootimg *ctx, const uint8_t *img64,
		      const uint8_t *img32)
{
	struct bootimg_plan *plan = NULL;
	const struct boot_params *bp = NULL;
	size_t i;

#ifdef __i386__
	/* The i386 purgatory enters in 32-bit mode: no 64-bit vmlinux. */
	CHECK_EQ(sysroot_plan(ctx, write_temp("plan64", img64, IMAGE_SIZE), 0,
			      &plan), -ENOEXEC);
	goto entry32;
#endif
	CHECK_EQ(sysroot_plan(ctx, write_temp("plan64", img64, IMAGE_SIZE), 0,
			      &plan), 0);
	if (!plan)
		return;
	CHECK_EQ(plan->segments[0].mem, TEXT_PADDR);
	CHECK_EQ(plan->segments[0].bufsz, TEXT_SIZE);
	CHECK_EQ(plan->segments[1].mem, DATA_PADDR);
	CHECK_EQ(plan->segments[1].memsz, DATA_MEMSZ);
	CHECK_EQ(plan->summary.kernel_entry, TEXT_PADDR + 0x200);
	for (i = 0; i < plan->n_segments; i++)
		if (strcmp(plan->segments[i].what, "boot-params") == 0)
			bp = plan->segments[i].buf;
	CHECK(bp != NULL);
	if (bp) {
		CHECK_EQ(bp->hdr.header, 0x53726448);
		CHECK_EQ(bp->hdr.version, 0x020f);
		CHECK_EQ(bp->hdr.cmdline_size, 2047);
		CHECK_EQ(bp->hdr.type_of_loader, 0xff);
		CHECK_EQ(bp->hdr.loadflags & LOADED_HIGH, LOADED_HIGH);
		CHECK_EQ(bp->hdr.ramdisk_size, 4);
		CHECK(bp->hdr.cmd_line_ptr != 0);
	}
	bootimg_plan_free(plan);
	/* A 64-bit vmlinux has no 32-bit entry. */
	CHECK_EQ(sysroot_plan(ctx, write_temp("plan64", img64, IMAGE_SIZE),
			      BOOTIMG_LOAD_ENTRY32, &plan), -ENOEXEC);
#ifdef __i386__
entry32:
#endif
	CHECK_EQ(sysroot_plan(ctx, write_temp("plan32", img32, IMAGE_SIZE), 0,
			      &plan), 0);
	if (plan)
		check_entry32(plan);
	bootimg_plan_free(plan);
	bi_set_sysroot(ctx, "");
}

/* The vmlinux in a real bzImage, as the performance work will find it. */
static void test_real(struct bootimg *ctx)
{
	const char *path = getenv("BOOTIMG_TEST_KERNEL");
	struct setup_header hdr;
	struct bootimg_info info = { .size = sizeof(info) };
	struct bootimg_info bz = { .size = sizeof(bz) };
	const struct bi_codec *codec;
	uint8_t *img, *vmlinux = NULL;
	size_t size = 0, vsize = 0, at;
	struct bi_kernel k;

	if (!path || !*path) {
		tap_skip("BOOTIMG_TEST_KERNEL is not set");
		return;
	}
	img = read_all(path, &size);
	if (!img || size < 0x1f1 + sizeof(hdr)) {
		CHECK(!"cannot read the real kernel");
		free(img);
		return;
	}
	memcpy(&hdr, img + 0x1f1, sizeof(hdr));
	at = (hdr.setup_sects + 1u) * 512u + hdr.payload_offset;
	codec = bi_codec_detect(img + at, hdr.payload_length);
	CHECK(codec != NULL);
	if (codec)
		CHECK_EQ(bi_decompress(codec, img + at, hdr.payload_length,
				       &vmlinux, &vsize), 0);
	if (vmlinux) {
		CHECK_EQ(bi_elf_parse(vmlinux, vsize, &k), 0);
		CHECK(k.n_segments >= 2);
		CHECK_EQ(k.entry, k.info.pref_address);	/* startup_64 */
		CHECK(k.info.init_size <= hdr.init_size);
		CHECK_EQ(bootimg_probe(ctx, path, &bz), 0);
		CHECK(strncmp(k.version, bz.version,
			      strcspn(bz.version, " ")) == 0);
		CHECK_EQ(bootimg_probe(ctx, write_temp("vmlinux", vmlinux,
						       vsize), &info), 0);
		CHECK_EQ(bootimg_probe(ctx, write_temp("vmlinux-half", vmlinux,
						       vsize / 2), &info),
			 -EBADMSG);
	}
	free(vmlinux);
	free(img);
}

int main(void)
{
	uint8_t *img64 = malloc(IMAGE_SIZE), *img32 = malloc(IMAGE_SIZE);
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0)
		return 99;
	fake_elf(img64, 1);
	fake_elf(img32, 0);
	test_good(ctx, img64, 1);
	test_good(ctx, img32, 0);
	test_damaged(ctx, img64, img32);
	test_wrapped(ctx, img64, img32);
	test_plan(ctx, img64, img32);
	test_real(ctx);
	bootimg_free(ctx);
	free(img64);
	free(img32);
	temp_cleanup();
	return tap_done();
}
