// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fast boot: the ELF vmlinux a bzImage carries as its compressed payload
 * (payload_offset and payload_length in the setup header, boot protocol
 * 2.08), unpacked at load time and described as segments at their link
 * addresses, entered at startup_64.  The second kernel then skips its own
 * decompressor, which dominates its start under emulation.  The bzImage's
 * setup header stays the one boot_params gets.
 *
 * The vmlinux is described where it was linked; x86-kaslr.c then moves it
 * and applies its relocation table, as the decompressor would have (see
 * bootimg(8)).  Its image, [_text, _end) with the bss, is one span
 * of memory: the gaps between its segments are reserved (zero-filled) with
 * them, so that nothing else is placed where the kernel considers itself
 * to be, and the span must lie within the init_size the header asks for.
 */
#include <asm/bootparam.h>
#include <stdlib.h>
#include <string.h>
#include "decompress.h"
#include "format.h"
#include "internal.h"

#define PAYLOAD_PROTOCOL 0x0208		/* payload_offset, payload_length */

/* The compressed payload inside the protected-mode code. */
static int find_payload(const struct bi_kernel *k, const uint8_t **data,
			size_t *size)
{
	struct setup_header hdr;
	size_t n = k->setup_header_size;

	memset(&hdr, 0, sizeof(hdr));
	memcpy(&hdr, k->setup_header, n < sizeof(hdr) ? n : sizeof(hdr));
	if (hdr.version < PAYLOAD_PROTOCOL)
		return bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD);
	if (hdr.payload_offset > k->payload_size)
		return -EBADMSG;
	/*
	 * A header that describes no payload (length 0) is no damage: the
	 * kernel's own decompressor never reads these fields.
	 */
	if (hdr.payload_length == 0)
		return bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD);
	if (hdr.payload_length > k->payload_size - hdr.payload_offset)
		return -EBADMSG;
	*data = k->payload + hdr.payload_offset;
	*size = hdr.payload_length;
	return 0;
}

static void sort_segments(struct bi_kernel *k)
{
	size_t i, j;

	for (i = 1; i < k->n_segments; i++)
		for (j = i; j > 0 && k->segments[j].mem <
				     k->segments[j - 1].mem; j--) {
			struct bi_load_segment t = k->segments[j];

			k->segments[j] = k->segments[j - 1];
			k->segments[j - 1] = t;
		}
}

/*
 * Make the segments one span (each reaches the next) and check that the
 * span fits in init_size bytes from its start.
 */
static int span_segments(struct bi_kernel *k, uint64_t init_size)
{
	struct bi_load_segment *s = k->segments;
	size_t i, n = k->n_segments;

	sort_segments(k);
	for (i = 0; i + 1 < n; i++)
		s[i].memsz = s[i + 1].mem - s[i].mem;
	if (s[n - 1].mem + s[n - 1].memsz - s[0].mem > init_size)
		return -EBADMSG;
	return 0;
}

int bi_bzimage_unpack_vmlinux(const struct bi_kernel *kernel,
			      uint8_t **vmlinux, size_t *size)
{
	const struct bi_codec *codec;
	const uint8_t *packed;
	size_t packed_size;
	int err;

	if (kernel->info.format != bi_format_bzimage.name)
		return bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD);
	err = find_payload(kernel, &packed, &packed_size);
	if (err < 0)
		return err;
	codec = bi_codec_detect(packed, packed_size);
	if (!codec)
		return bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD);
	return bi_decompress(codec, packed, packed_size, vmlinux, size);
}

int bi_bzimage_adopt_vmlinux(struct bi_kernel *kernel, uint8_t *vmlinux,
			     size_t size)
{
	struct bi_kernel elf;
	size_t i;
	int err;

	err = bi_elf_parse(vmlinux, size, &elf);
	if (err == 0 && elf.info.entry64 != kernel->info.entry64)
		err = -EBADMSG;		/* not the kernel the header describes */
	if (err == 0)
		err = span_segments(&elf, kernel->info.init_size);
	if (err < 0)
		return err == -ENOEXEC ? -EBADMSG : err;
	for (i = 0; i < elf.n_segments; i++)
		kernel->segments[i] = elf.segments[i];
	kernel->n_segments = elf.n_segments;
	kernel->entry = elf.entry;
	kernel->kernel_map = elf.kernel_map;
	kernel->payload = NULL;
	kernel->payload_size = 0;
	kernel->unpacked = vmlinux;
	kernel->unpacked_size = size;
	return 0;
}

int bi_bzimage_fast_boot(struct bi_kernel *kernel)
{
	uint8_t *vmlinux;
	size_t size;
	int err = bi_bzimage_unpack_vmlinux(kernel, &vmlinux, &size);

	if (err < 0)
		return err;
	err = bi_bzimage_adopt_vmlinux(kernel, vmlinux, size);
	if (err < 0)
		free(vmlinux);
	return err;
}
