// SPDX-License-Identifier: GPL-2.0-or-later
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "internal.h"
#include "x86-running.h"
#include "x86-screen.h"

#define EFIFB_ID "EFI VGA"	/* efifb's fb_fix_screeninfo.id */

void bi_x86_screen_from_fb(const struct fb_fix_screeninfo *fix,
			   const struct fb_var_screeninfo *var,
			   struct screen_info *si)
{
	uint64_t base = fix->smem_start;

	memset(si, 0, sizeof(*si));
	si->orig_video_isVGA = VIDEO_TYPE_EFI;
	si->lfb_width = (uint16_t)var->xres;
	si->lfb_height = (uint16_t)var->yres;
	si->lfb_depth = (uint16_t)var->bits_per_pixel;
	si->lfb_linelength = (uint16_t)fix->line_length;
	si->lfb_base = (uint32_t)base;
	si->ext_lfb_base = (uint32_t)(base >> 32);
	si->lfb_size = fix->smem_len;
	si->red_size = (uint8_t)var->red.length;
	si->red_pos = (uint8_t)var->red.offset;
	si->green_size = (uint8_t)var->green.length;
	si->green_pos = (uint8_t)var->green.offset;
	si->blue_size = (uint8_t)var->blue.length;
	si->blue_pos = (uint8_t)var->blue.offset;
	si->rsvd_size = (uint8_t)var->transp.length;
	si->rsvd_pos = (uint8_t)var->transp.offset;
	si->pages = 1;
	/* The mode is the one in use: no model-specific guesses. */
	si->capabilities = VIDEO_CAPABILITY_SKIP_QUIRKS;
	if (si->ext_lfb_base)
		si->capabilities |= VIDEO_CAPABILITY_64BIT_BASE;
}

/* 1 if efifb drives /dev/fb0 and SI is filled, 0 if not, or -errno. */
static int read_efifb(struct bootimg *ctx, struct screen_info *si)
{
	struct fb_fix_screeninfo fix;
	struct fb_var_screeninfo var;
	char path[4096];
	int fd, err;

	err = bi_sysroot_path(ctx, "/dev/fb0", path, sizeof(path));
	if (err < 0)
		return err;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT || errno == ENODEV || errno == ENXIO ?
			0 : -errno;
	err = 0;
	if (ioctl(fd, FBIOGET_FSCREENINFO, &fix) == 0 &&
	    strncmp(fix.id, EFIFB_ID, sizeof(fix.id)) == 0) {
		err = ioctl(fd, FBIOGET_VSCREENINFO, &var) < 0 ? -errno : 1;
		if (err == 1)
			bi_x86_screen_from_fb(&fix, &var, si);
	}
	close(fd);
	return err;
}

static int read_boot_screen(struct bootimg *ctx, struct screen_info *si)
{
	struct boot_params *bp = malloc(sizeof(*bp));
	int err;

	if (!bp)
		return -ENOMEM;
	err = bi_x86_read_running_params(ctx, bp);
	if (err == 0 && bp->screen_info.orig_video_isVGA == VIDEO_TYPE_EFI)
		*si = bp->screen_info;
	free(bp);
	if (err == -ENOENT)
		return 0;
	return err < 0 ? bi_fail(ctx, "/sys/kernel/boot_params/data", err) : 0;
}

int bi_x86_screen_read(struct bootimg *ctx, struct screen_info *si)
{
	int err;

	memset(si, 0, sizeof(*si));
	err = read_efifb(ctx, si);
	if (err < 0)
		return bi_fail(ctx, "/dev/fb0", err);
	return err == 0 ? read_boot_screen(ctx, si) : 0;
}
