/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a kernel booted by UEFI hands on to the next one: the EFI system
 * table (efi_info), the runtime services' memory map with the virtual
 * addresses already set (so that the next kernel does not call
 * SetVirtualAddressMap again), the SETUP_EFI setup_data and the ACPI RSDP.
 */
#ifndef BOOTIMG_X86_EFI_H
#define BOOTIMG_X86_EFI_H

#include <asm/bootparam.h>
#include <stddef.h>
#include <stdint.h>

struct bootimg;

/* An EFI memory descriptor, version 1. */
struct bi_efi_desc {
	uint32_t type;
	uint32_t pad;
	uint64_t phys_addr;
	uint64_t virt_addr;
	uint64_t num_pages;
	uint64_t attribute;
};

/* The SETUP_EFI payload (the kernel's efi_setup_data). */
struct bi_efi_setup {
	uint64_t fw_vendor;
	uint64_t runtime;	/* ignored since Linux 5.7, kept for older */
	uint64_t tables;
	uint64_t smbios;
	uint64_t reserved[8];
};

struct bi_x86_efi {
	int booted;		/* /sys/firmware/efi exists */
	uint64_t acpi_rsdp;	/* 0: let the kernel search */
	/* The rest only with the runtime map (CONFIG_EFI_RUNTIME_MAP). */
	struct bi_efi_desc *map;
	size_t map_count, map_cap;
	uint32_t loader_signature;	/* "EL64" or "EL32" */
	uint64_t systab;
	uint32_t memdesc_version;
	struct bi_efi_setup setup;
};

/* Read what the running kernel shows; absence of EFI is not an error. */
int bi_x86_efi_read(struct bootimg *ctx, struct bi_x86_efi *efi);
void bi_x86_efi_free(struct bi_x86_efi *efi);

/* Bytes of the memory map and setup_data to place after the zero page. */
size_t bi_x86_efi_extra_size(const struct bi_x86_efi *efi);

/*
 * Fill BP's efi_info and acpi_rsdp_addr; write the memory map and the
 * setup_data to EXTRA (8-byte aligned, at physical address EXTRA_ADDR)
 * and link the setup_data into BP.
 */
void bi_x86_efi_fill(const struct bi_x86_efi *efi, struct boot_params *bp,
		     uint8_t *extra, uint64_t extra_addr);

#endif
