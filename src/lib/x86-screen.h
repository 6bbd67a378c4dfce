/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * screen_info for the EFI framebuffer, so that the next kernel's efifb
 * (and its console) finds the frame buffer that the firmware set up.
 */
#ifndef BOOTIMG_X86_SCREEN_H
#define BOOTIMG_X86_SCREEN_H

#include <linux/fb.h>
#include <linux/screen_info.h>

struct bootimg;

/*
 * The EFI framebuffer's screen_info: from /dev/fb0 while efifb drives it,
 * else the one the running kernel was booted with if that is an EFI one;
 * all zero (no framebuffer to hand on) otherwise.
 */
int bi_x86_screen_read(struct bootimg *ctx, struct screen_info *si);

/* screen_info of type VIDEO_TYPE_EFI for a framebuffer device's mode. */
void bi_x86_screen_from_fb(const struct fb_fix_screeninfo *fix,
			   const struct fb_var_screeninfo *var,
			   struct screen_info *si);

#endif
