/* SPDX-License-Identifier: GPL-2.0-or-later WITH Linux-syscall-note */
/*
 * /dev/bootimg: stage a kernel and boot it without the kernel's kexec.
 *
 * Shared by the bootimg.ko driver and libbootimg.  Every field has a fixed
 * width and every structure a size that is a multiple of 8, so 32-bit and
 * 64-bit user space use one layout on every kernel.
 *
 * Segments follow the rules of kexec_load(2): mem and memsz are multiples
 * of the page size (4096), bufsz <= memsz, no two segments overlap, and
 * each lies in System RAM.  The bytes of memsz past bufsz are zeroed.
 * The entry point lies inside a segment; on x86_64 it is entered in
 * 64-bit mode with an identity map of RAM, on i386 in 32-bit protected
 * mode with paging off.
 *
 * Errors of BOOTIMG_IOC_LOAD: EPERM (no CAP_SYS_BOOT, lockdown, an LSM's
 * kexec policy, kernel.kexec_load_disabled=1 unless the module parameter
 * override_kexec_load_disabled is set, kernel.kexec_load_limit_reboot
 * used up), EINVAL (a broken rule, the kernel log says which),
 * EADDRNOTAVAIL (a segment outside RAM), E2BIG (too many segments),
 * EPROTO (another version), ENOMEM, EFAULT.  A failed LOAD leaves the
 * staged kernel as it was.  BOOTIMG_IOC_EXEC fails with ENOENT (nothing
 * staged) or EPERM (lockdown).
 */
#ifndef _UAPI_LINUX_BOOTIMG_H
#define _UAPI_LINUX_BOOTIMG_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define BOOTIMG_DEVICE		"/dev/bootimg"
#define BOOTIMG_UAPI_VERSION	1
#define BOOTIMG_MAX_SEGMENTS	16

struct bootimg_ioc_segment {
	__u64 buf;		/* user address of the contents */
	__u64 bufsz;		/* bytes at buf */
	__u64 mem;		/* physical destination */
	__u64 memsz;		/* bytes at mem */
};

struct bootimg_ioc_load {
	__u32 version;		/* BOOTIMG_UAPI_VERSION */
	__u32 flags;		/* 0 */
	__u64 entry;		/* physical entry point */
	__u64 segments;		/* user address of the segment array */
	__u32 nr_segments;
	__u32 reserved;		/* 0 */
};

/* BOOTIMG_IOC_STATUS fills this in. */
struct bootimg_ioc_status {
	__u32 version;		/* the driver's BOOTIMG_UAPI_VERSION */
	__u32 flags;		/* BOOTIMG_STATUS_* */
	__u64 entry;
	__u64 bytes;		/* sum of memsz */
	__u32 nr_segments;
	__u32 reserved;
};

#define BOOTIMG_STATUS_LOADED	0x1u	/* a kernel is staged */
#define BOOTIMG_STATUS_ON_REBOOT 0x2u	/* reboot(2) boots it */

/*
 * 0xB9, numbers 0x00-0x0F (Documentation/userspace-api/ioctl/ioctl-number.rst).
 * Before, 0xB7 collided with nsfs: UNLOAD was NS_GET_PARENT.
 */
#define BOOTIMG_IOC_MAGIC	0xb9
#define BOOTIMG_IOC_LOAD	_IOW(BOOTIMG_IOC_MAGIC, 1, struct bootimg_ioc_load)
#define BOOTIMG_IOC_UNLOAD	_IO(BOOTIMG_IOC_MAGIC, 2)
#define BOOTIMG_IOC_STATUS	_IOR(BOOTIMG_IOC_MAGIC, 3, struct bootimg_ioc_status)
/* Shut down devices and CPUs and boot the staged kernel; returns on failure. */
#define BOOTIMG_IOC_EXEC	_IO(BOOTIMG_IOC_MAGIC, 4)

#endif
