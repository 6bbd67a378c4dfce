// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The UEFI hand-over in boot_params on fixture trees: ovmf-1g is a qemu
 * OVMF guest's /sys (Debian 6.1 kernel, -vga std), ovmf-no-runtime-map
 * the same without the runtime map, qemu-pc-1g a BIOS machine; and the
 * RNG seed that heads the setup_data chain on every machine.
 */
#include <asm/bootparam.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fake-bzimage.h"
#include "internal.h"
#include "plan.h"
#include "files.h"
#include "tap.h"
#include "x86-efi.h"
#include "x86-screen.h"

#define CMDLINE "console=ttyS0 quiet"
#define PARAMS_END (sizeof(struct boot_params) + sizeof(CMDLINE))
#define EFI_AT ((PARAMS_END + 7) & ~(size_t)7)
#define SEED_SIZE (sizeof(struct setup_data) + 32)

/* What the guest showed in sysfs. */
#define OVMF_SYSTAB 0x3f5ec018u
#define OVMF_RSDP 0x3f77e014u
#define OVMF_FW_VENDOR 0x3f51ca18u
#define OVMF_RUNTIME 0x3f5ecb98u
#define OVMF_TABLES 0x3f5ecc98u
#define OVMF_SMBIOS 0x3f518000u
#define OVMF_RUNTIME_REGIONS 8

static int plan_on(const char *root, const char *kernel,
		   struct bootimg_plan **plan, char *error_path, size_t size)
{
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .cmdline = CMDLINE,
		.method = BOOTIMG_METHOD_KEXEC,
	};
	struct bootimg *ctx;
	int err;

	if (bootimg_new(&ctx) < 0)
		exit(99);
	bi_set_sysroot(ctx, root);
	*plan = NULL;
	err = bootimg_plan_new(ctx, &req, plan);
	snprintf(error_path, size, "%s", bootimg_error_path(ctx) ?
		 bootimg_error_path(ctx) : "");
	bootimg_free(ctx);
	return err;
}

static const struct bi_segment *params_segment(const struct bootimg_plan *p)
{
	size_t i;

	for (i = 0; i < p->n_segments; i++)
		if (strcmp(p->segments[i].what, "boot-params") == 0)
			return &p->segments[i];
	return NULL;
}

/* The screen_info the EFI stub wrote, from the fixture's boot_params. */
static struct screen_info boot_screen(void)
{
	struct boot_params bp;
	char path[600];
	FILE *f;

	snprintf(path, sizeof(path), "%s/sys/kernel/boot_params/data",
		 fixture("ovmf-1g"));
	f = fopen(path, "rb");
	if (!f || fread(&bp, sizeof(bp), 1, f) != 1)
		exit(99);
	fclose(f);
	return bp.screen_info;
}

static void check_screen(const struct screen_info *si)
{
	struct screen_info want = boot_screen();

	CHECK_EQ(si->orig_video_isVGA, VIDEO_TYPE_EFI);
	CHECK_EQ(si->lfb_width, 1280);
	CHECK_EQ(si->lfb_height, 800);
	CHECK_EQ(si->lfb_depth, 32);
	CHECK_EQ(si->lfb_base, 0x80000000u);
	CHECK_EQ(si->lfb_linelength, 5120);
	CHECK(memcmp(si, &want, sizeof(want)) == 0);
}

static void check_runtime_map(const struct bi_efi_desc *d)
{
	CHECK_EQ(d[0].type, 11);	/* memory-mapped I/O: the flash */
	CHECK_EQ(d[0].phys_addr, 0xffe00000u);
	CHECK_EQ(d[0].virt_addr, 0xfffffffeffe00000ull);
	CHECK_EQ(d[0].num_pages, 0x200);
	CHECK_EQ(d[0].attribute, 0x8000000000000001ull);
	CHECK_EQ(d[7].type, 3);		/* boot services code at 0 */
	CHECK_EQ(d[7].phys_addr, 0);
	CHECK_EQ(d[7].virt_addr, 0xfffffffefca00000ull);
	CHECK_EQ(d[7].num_pages, 1);
	CHECK_EQ(d[7].attribute, 0x800000000000000full);
}

/*
 * The SETUP_RNG_SEED node at AT in the segment P heads the chain and
 * links to NEXT: 32 bytes from getrandom(2), so not all zero, and not
 * the bytes of the previous plan's seed, PREVIOUS.
 */
static void check_rng_seed(const struct bi_segment *p, size_t at,
			   uint64_t next, uint8_t previous[32])
{
	const struct boot_params *bp = p->buf;
	const uint8_t *seed = (const uint8_t *)p->buf + at + sizeof(struct
								      setup_data);
	static const uint8_t zero[32];
	struct setup_data sd;

	CHECK_EQ(at % 8, 0);
	CHECK_EQ(bp->hdr.setup_data, p->mem + at);
	memcpy(&sd, (const uint8_t *)p->buf + at, sizeof(sd));
	CHECK_EQ(sd.type, SETUP_RNG_SEED);
	CHECK_EQ(sd.len, 32);
	CHECK_EQ(sd.next, next);
	CHECK(memcmp(seed, zero, 32) != 0);
	CHECK(memcmp(seed, previous, 32) != 0);
	memcpy(previous, seed, 32);
}

static void check_ovmf(const struct bootimg_plan *plan, uint8_t seed[32])
{
	const struct bi_segment *p = params_segment(plan);
	const struct boot_params *bp = p->buf;
	const struct efi_info *ei = &bp->efi_info;
	size_t map = OVMF_RUNTIME_REGIONS * sizeof(struct bi_efi_desc);
	const uint8_t *node = (const uint8_t *)p->buf + EFI_AT + map;
	struct setup_data sd;
	struct bi_efi_setup esd;

	CHECK_EQ(p->bufsz, EFI_AT + map + sizeof(sd) + sizeof(esd) + SEED_SIZE);
	CHECK_EQ(p->mem % 8, 0);
	CHECK(strcmp((const char *)p->buf + sizeof(*bp), CMDLINE) == 0);
	CHECK_EQ(ei->efi_loader_signature, 0x34364c45);	/* "EL64" */
	CHECK_EQ(ei->efi_systab, OVMF_SYSTAB);
	CHECK_EQ(ei->efi_systab_hi, 0);
	CHECK_EQ(ei->efi_memdesc_size, 40);
	CHECK_EQ(ei->efi_memdesc_version, 1);
	CHECK_EQ(ei->efi_memmap, p->mem + EFI_AT);
	CHECK_EQ(ei->efi_memmap_hi, 0);
	CHECK_EQ(ei->efi_memmap_size, map);
	check_runtime_map((const struct bi_efi_desc *)
			  ((const uint8_t *)p->buf + EFI_AT));
	check_rng_seed(p, EFI_AT + map + sizeof(sd) + sizeof(esd),
		       p->mem + EFI_AT + map, seed);
	memcpy(&sd, node, sizeof(sd));
	memcpy(&esd, node + sizeof(sd), sizeof(esd));
	CHECK_EQ(sd.next, 0);
	CHECK_EQ(sd.type, SETUP_EFI);
	CHECK_EQ(sd.len, 96);
	CHECK_EQ(esd.fw_vendor, OVMF_FW_VENDOR);
	CHECK_EQ(esd.runtime, OVMF_RUNTIME);
	CHECK_EQ(esd.tables, OVMF_TABLES);
	CHECK_EQ(esd.smbios, OVMF_SMBIOS);
	CHECK_EQ(bp->acpi_rsdp_addr, OVMF_RSDP);
	check_screen(&bp->screen_info);
	/* Offsets the boot protocol fixes. */
	CHECK_EQ(offsetof(struct boot_params, acpi_rsdp_addr), 0x070);
	CHECK_EQ(offsetof(struct boot_params, efi_info), 0x1c0);
	CHECK_EQ(offsetof(struct boot_params, hdr.setup_data), 0x250);
	CHECK_EQ(sizeof(struct bi_efi_desc), 40);
	CHECK_EQ(sizeof(struct bi_efi_setup), 96);
}

static void check_no_runtime_map(const struct bootimg_plan *plan,
				 uint8_t seed[32])
{
	const struct bi_segment *p = params_segment(plan);
	const struct boot_params *bp = p->buf;
	static const struct efi_info none;

	CHECK_EQ(p->bufsz, EFI_AT + SEED_SIZE);
	CHECK(memcmp(&bp->efi_info, &none, sizeof(none)) == 0);
	check_rng_seed(p, EFI_AT, 0, seed);
	CHECK_EQ(bp->acpi_rsdp_addr, OVMF_RSDP);
	check_screen(&bp->screen_info);
}

static void check_bios(const struct bootimg_plan *plan, uint8_t seed[32])
{
	const struct bi_segment *p = params_segment(plan);
	const struct boot_params *bp = p->buf;
	static const struct efi_info none;

	CHECK_EQ(p->bufsz, EFI_AT + SEED_SIZE);
	CHECK(memcmp(&bp->efi_info, &none, sizeof(none)) == 0);
	check_rng_seed(p, EFI_AT, 0, seed);
	CHECK_EQ(bp->acpi_rsdp_addr, 0);
	CHECK_EQ(bp->screen_info.orig_video_isVGA, 0);
}

/* A runtime-map value that is not a number names its file. */
static void check_bad_value(const char *kernel)
{
	static const char bad[] = "/sys/firmware/efi/runtime-map/3/phys_addr";
	struct bootimg_plan *plan;
	char cmd[2048], root[1024], path[1024];
	FILE *f;

	snprintf(root, sizeof(root), "%s/ovmf-bad", temp_dir());
	snprintf(cmd, sizeof(cmd), "cp -r '%s' '%s'", fixture("ovmf-1g"),
		 root);
	if (system(cmd) != 0)
		exit(99);
	snprintf(path, sizeof(path), "%s%s", root, bad);
	f = fopen(path, "w");
	if (!f)
		exit(99);
	fputs("0x3f4ed000 oops\n", f);
	fclose(f);
	CHECK_EQ(plan_on(root, kernel, &plan, path, sizeof(path)), -EINVAL);
	CHECK(strcmp(path, bad) == 0);
	CHECK(plan == NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		exit(99);
}

/* The fill from a framebuffer device, as efifb shows the OVMF mode. */
static void check_from_fb(void)
{
	struct fb_fix_screeninfo fix = {
		.id = "EFI VGA", .smem_start = 0x80000000, .smem_len = 0x3e8000,
		.line_length = 5120,
	};
	struct fb_var_screeninfo var = {
		.xres = 1280, .yres = 800, .bits_per_pixel = 32,
		.red = { .offset = 16, .length = 8 },
		.green = { .offset = 8, .length = 8 },
		.blue = { .offset = 0, .length = 8 },
		.transp = { .offset = 24, .length = 8 },
	};
	struct screen_info si;

	bi_x86_screen_from_fb(&fix, &var, &si);
	check_screen(&si);
#if ULONG_MAX > 0xffffffffUL	/* not in an i386 fb_fix_screeninfo */
	fix.smem_start = 0x380000000000ul;	/* a BAR above 4 GiB */
	bi_x86_screen_from_fb(&fix, &var, &si);
	CHECK_EQ(si.lfb_base, 0);
	CHECK_EQ(si.ext_lfb_base, 0x3800);
	CHECK_EQ(si.capabilities, VIDEO_CAPABILITY_SKIP_QUIRKS |
				  VIDEO_CAPABILITY_64BIT_BASE);
#endif
}

int main(void)
{
	size_t size = fake_bzimage_size();
	uint8_t *img = malloc(size);
	struct bootimg_plan *plan;
	const char *kernel;
	char path[1024];
	uint8_t seed[32] = { 0 };

	fake_bzimage(img);
	kernel = write_temp("vmlinuz", img, size);
	CHECK_EQ(plan_on(fixture("ovmf-1g"), kernel, &plan, path,
			 sizeof(path)), 0);
	if (plan)
		check_ovmf(plan, seed);
	bootimg_plan_free(plan);
	CHECK_EQ(plan_on(fixture("ovmf-no-runtime-map"), kernel, &plan, path,
			 sizeof(path)), 0);
	if (plan)
		check_no_runtime_map(plan, seed);
	bootimg_plan_free(plan);
	CHECK_EQ(plan_on(fixture("qemu-pc-1g"), kernel, &plan, path,
			 sizeof(path)), 0);
	if (plan)
		check_bios(plan, seed);
	bootimg_plan_free(plan);
	check_bad_value(kernel);
	check_from_fb();
	free(img);
	temp_cleanup();
	return tap_done();
}
