// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * EFI hand-over for kexec_load, read from sysfs:
 *   /sys/firmware/efi/{fw_vendor,runtime,config_table}   physical addresses
 *   /sys/firmware/efi/systab             "ACPI20=0x...", "SMBIOS=0x..." lines
 *   /sys/firmware/efi/runtime-map/N/     the runtime regions, already mapped
 *   /sys/kernel/boot_params/data         efi_info: system table, signature
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "array.h"
#include "internal.h"
#include "x86-efi.h"
#include "x86-running.h"

#define EFI_DIR "/sys/firmware/efi"
#define SIG_EL64 0x34364c45u	/* "EL64" */
#define SIG_EL32 0x32334c45u	/* "EL32" */

static int parse_u64(const char *text, uint64_t *value)
{
	char *end;

	errno = 0;
	*value = strtoull(text, &end, 0);
	if (errno || end == text || (*end && *end != '\n'))
		return -EINVAL;
	return 0;
}

/* Read one number from PATH; on failure the context names PATH. */
static int read_u64(struct bootimg *ctx, const char *path, uint64_t *value)
{
	char buf[64];
	int err = bi_read_sysfile(ctx, path, buf, sizeof(buf));

	if (err >= 0)
		err = parse_u64(buf, value);
	return err < 0 ? bi_fail(ctx, path, err) : 0;
}

/* The value of "KEY=0x..." in the systab text, or 0. */
static uint64_t systab_value(const char *text, const char *key)
{
	size_t len = strlen(key);
	const char *line;
	uint64_t v;

	for (line = text; line && *line; line = strchr(line, '\n'),
					 line = line ? line + 1 : NULL)
		if (strncmp(line, key, len) == 0 && line[len] == '=' &&
		    parse_u64(line + len + 1, &v) == 0)
			return v;
	return 0;
}

static int read_systab(struct bootimg *ctx, struct bi_x86_efi *efi)
{
	static const char path[] = EFI_DIR "/systab";
	char text[1024];
	int err = bi_read_sysfile(ctx, path, text, sizeof(text));

	if (err == -ENOENT)
		return 0;	/* no RSDP or SMBIOS to pass: not fatal */
	if (err < 0)
		return bi_fail(ctx, path, err);
	efi->acpi_rsdp = systab_value(text, "ACPI20");
	if (!efi->acpi_rsdp)
		efi->acpi_rsdp = systab_value(text, "ACPI");
	efi->setup.smbios = systab_value(text, "SMBIOS");
	return 0;
}

static int read_desc(struct bootimg *ctx, unsigned n, struct bi_efi_desc *d)
{
	static const char *const fields[] = {
		"type", "phys_addr", "virt_addr", "num_pages", "attribute",
	};
	uint64_t v[5];
	char path[96];
	size_t i;
	int err = 0;

	for (i = 0; err == 0 && i < 5; i++) {
		snprintf(path, sizeof(path), EFI_DIR "/runtime-map/%u/%s", n,
			 fields[i]);
		err = read_u64(ctx, path, &v[i]);
	}
	if (err == 0 && v[0] > UINT32_MAX)
		err = bi_fail(ctx, path, -EINVAL);
	*d = (struct bi_efi_desc){
		.type = (uint32_t)v[0], .phys_addr = v[1], .virt_addr = v[2],
		.num_pages = v[3], .attribute = v[4],
	};
	return err;
}

/* The runtime map; none (count 0) when the kernel does not show it. */
static int read_runtime_map(struct bootimg *ctx, struct bi_x86_efi *efi)
{
	for (;;) {
		char dir[64], path[4096];
		struct stat st;
		int err;

		snprintf(dir, sizeof(dir), EFI_DIR "/runtime-map/%zu",
			 efi->map_count);
		err = bi_sysroot_path(ctx, dir, path, sizeof(path));
		if (err < 0)
			return err;
		if (stat(path, &st) < 0)
			return errno == ENOENT ? 0 : -errno;
		err = array_reserve(&efi->map, &efi->map_cap,
				    efi->map_count + 1, sizeof(*efi->map));
		if (err < 0)
			return err;
		err = read_desc(ctx, (unsigned)efi->map_count,
				&efi->map[efi->map_count]);
		if (err < 0)
			return err;
		efi->map_count++;
	}
}

/* The system table and the firmware's word size, as the kernel got them. */
static int read_efi_info(struct bootimg *ctx, struct bi_x86_efi *efi)
{
	static const char path[] = "/sys/kernel/boot_params/data";
	struct boot_params *bp = malloc(sizeof(*bp));
	struct efi_info ei;
	int err;

	if (!bp)
		return -ENOMEM;
	err = bi_x86_read_running_params(ctx, bp);
	ei = bp->efi_info;
	free(bp);
	if (err == 0 && ei.efi_loader_signature != SIG_EL64 &&
	    ei.efi_loader_signature != SIG_EL32)
		err = -EINVAL;	/* the kernel says EFI but its loader not */
	if (err == 0) {
		efi->loader_signature = ei.efi_loader_signature;
		efi->systab = ei.efi_systab |
			      (uint64_t)ei.efi_systab_hi << 32;
		efi->memdesc_version = ei.efi_memdesc_version;
	}
	return err < 0 ? bi_fail(ctx, path, err) : 0;
}

int bi_x86_efi_read(struct bootimg *ctx, struct bi_x86_efi *efi)
{
	char path[4096];
	struct stat st;
	int err;

	*efi = (struct bi_x86_efi){ 0 };
	err = bi_sysroot_path(ctx, EFI_DIR, path, sizeof(path));
	if (err < 0)
		return err;
	if (stat(path, &st) < 0)
		return errno == ENOENT ? 0 : bi_fail(ctx, EFI_DIR, -errno);
	efi->booted = 1;
	err = read_systab(ctx, efi);
	if (err == 0)
		err = read_runtime_map(ctx, efi);
	if (err == -EACCES) {	/* root only: a user's --dry-run goes on */
		bi_x86_efi_free(efi);
		err = bi_fail(ctx, NULL, 0);
	}
	if (err == 0 && efi->map_count > 0) {
		err = read_u64(ctx, EFI_DIR "/fw_vendor",
			       &efi->setup.fw_vendor);
		if (err == 0)
			err = read_u64(ctx, EFI_DIR "/runtime",
				       &efi->setup.runtime);
		if (err == 0)
			err = read_u64(ctx, EFI_DIR "/config_table",
				       &efi->setup.tables);
		if (err == 0)
			err = read_efi_info(ctx, efi);
	}
	if (err < 0)
		bi_x86_efi_free(efi);
	return err;
}

void bi_x86_efi_free(struct bi_x86_efi *efi)
{
	free(efi->map);
	efi->map = NULL;
	efi->map_count = efi->map_cap = 0;
}

static size_t map_size(const struct bi_x86_efi *efi)
{
	return efi->map_count * sizeof(*efi->map);
}

size_t bi_x86_efi_extra_size(const struct bi_x86_efi *efi)
{
	if (efi->map_count == 0)
		return 0;
	return map_size(efi) + sizeof(struct setup_data) +
	       sizeof(struct bi_efi_setup);
}

void bi_x86_efi_fill(const struct bi_x86_efi *efi, struct boot_params *bp,
		     uint8_t *extra, uint64_t extra_addr)
{
	struct efi_info ei = { 0 };
	struct setup_data node = {
		.next = bp->hdr.setup_data,
		.type = SETUP_EFI,
		.len = sizeof(struct bi_efi_setup),
	};
	uint64_t node_addr = extra_addr + map_size(efi);

	bp->acpi_rsdp_addr = efi->acpi_rsdp;
	if (efi->map_count == 0)
		return;	/* without it the next kernel would remap: no EFI */
	ei.efi_loader_signature = efi->loader_signature;
	ei.efi_systab = (uint32_t)efi->systab;
	ei.efi_systab_hi = (uint32_t)(efi->systab >> 32);
	ei.efi_memdesc_size = sizeof(*efi->map);
	ei.efi_memdesc_version = efi->memdesc_version;
	ei.efi_memmap = (uint32_t)extra_addr;
	ei.efi_memmap_hi = (uint32_t)(extra_addr >> 32);
	ei.efi_memmap_size = (uint32_t)map_size(efi);
	bp->efi_info = ei;
	memcpy(extra, efi->map, map_size(efi));
	memcpy(extra + map_size(efi), &node, sizeof(node));
	memcpy(extra + map_size(efi) + sizeof(node), &efi->setup,
	       sizeof(efi->setup));
	bp->hdr.setup_data = node_addr;
}
