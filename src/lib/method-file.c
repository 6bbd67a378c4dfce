// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kexec_file_load(2): the kernel reads and checks the image itself; this is
 * the only method allowed under lockdown.  Several initrds reach it as one
 * memfd holding their concatenation; an image that exists only in memory
 * (unpacked, or cut out of a container) as a memfd of its own.
 */
#include <linux/kexec.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "method.h"
#include "inputs.h"
#include "internal.h"

/*
 * A memfd holding FILES one after the other, each padded to ALIGN bytes
 * (initrd archives start 4-byte aligned; the kernel skips the zeros).
 */
static int memfd_of(const char *name, const struct bi_file *files, size_t n,
		    size_t align, int *fd_out)
{
	static const uint8_t pad[4];
	size_t i;
	int err = 0;
	int fd = memfd_create(name, MFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	for (i = 0; err == 0 && i < n; i++) {
		err = bi_write_all(fd, files[i].data, files[i].size);
		if (err == 0 && files[i].size % align)
			err = bi_write_all(fd, pad,
					   align - files[i].size % align);
	}
	if (err < 0) {
		close(fd);
		return err;
	}
	*fd_out = fd;
	return 0;
}

/* The kernel as an fd: the file's own, or a memfd of what is in memory. */
static int kernel_fd(const struct bi_kernel *k, int *fd, int *memfd)
{
	int err;

	if (!k->file_loadable)
		return -EOPNOTSUPP;	/* x86 kexec_file_load: bzImage only */
	if (k->image.fd >= 0) {
		*fd = k->image.fd;
		return 0;
	}
	err = memfd_of("bootimg-kernel", &k->image, 1, 1, memfd);
	if (err == 0)
		*fd = *memfd;
	return err;
}

#ifdef SYS_kexec_file_load
static int file_load_syscall(int kernel_fd, int initrd_fd, const char *cmdline,
			     size_t len, unsigned long flags)
{
	if (syscall(SYS_kexec_file_load, kernel_fd, initrd_fd,
		    (unsigned long)len, cmdline, flags) < 0)
		return -errno;
	return 0;
}
#else
/* i386 has no kexec_file_load: no system call number, never a kernel. */
static int file_load_syscall(int kernel_fd, int initrd_fd, const char *cmdline,
			     size_t len, unsigned long flags)
{
	(void)kernel_fd, (void)initrd_fd, (void)cmdline, (void)len, (void)flags;
	return -ENOSYS;
}
#endif

/* The initrds as one fd: a single file's own, or a memfd of them all. */
static int initrd_fd(const struct bi_inputs *in, int *fd, int *memfd,
		     unsigned long *flags)
{
	int err;

	*fd = -1;
	if (in->n_initrds == 0) {
		*flags |= KEXEC_FILE_NO_INITRAMFS;
		return 0;
	}
	if (in->n_initrds == 1 && in->initrds[0].fd >= 0) {
		*fd = in->initrds[0].fd;
		return 0;
	}
	err = memfd_of("bootimg-initrds", in->initrds, in->n_initrds, 4, memfd);
	if (err == 0)
		*fd = *memfd;
	return err;
}

/*
 * The errors with which a kernel that enforces signatures refuses an
 * image: EKEYREJECTED (a bad signature), EKEYREVOKED, EKEYEXPIRED, ENOKEY
 * (no trusted key), ENODATA (unsigned), EBADMSG and ELIBBAD (a malformed
 * signature or PE file).  All are one verdict: EKEYREJECTED.
 */
static int signature_error(int err)
{
	return err == -EKEYREVOKED || err == -EKEYEXPIRED || err == -ENOKEY ||
	       err == -ENODATA || err == -EBADMSG || err == -ELIBBAD ?
	       -EKEYREJECTED : err;
}

static int file_method_load(struct bootimg *ctx,
			    const struct bootimg_request *req,
			    const struct bi_inputs *in)
{
	unsigned long flags = 0;
	int kfd, ifd, kernel_memfd = -1, initrd_memfd = -1;
	int err = kernel_fd(&in->kernel, &kfd, &kernel_memfd);

	if (req->flags & BOOTIMG_LOAD_PANIC)
		flags |= KEXEC_FILE_ON_CRASH;
	if (err == 0)
		err = initrd_fd(in, &ifd, &initrd_memfd, &flags);
	if (err == 0)
		err = signature_error(file_load_syscall(kfd, ifd, in->cmdline,
					in->cmdline_len + 1, flags));
	if (initrd_memfd >= 0)
		close(initrd_memfd);
	if (kernel_memfd >= 0)
		close(kernel_memfd);
	return err < 0 ? bi_fail_refused(ctx, req->kernel, err, req->flags) : 0;
}

static int file_method_unload(struct bootimg *ctx, unsigned flags)
{
	unsigned long kflags = KEXEC_FILE_UNLOAD;
	int err;

	if (flags & BOOTIMG_LOAD_PANIC)
		kflags |= KEXEC_FILE_ON_CRASH;
	err = file_load_syscall(-1, -1, NULL, 0, kflags);
	return bi_fail_refused(ctx, NULL, err, flags);
}

const struct bi_method bi_method_file = {
	.load = file_method_load,
	.unload = file_method_unload,
	.staged = bi_kexec_staged,
	.exec = bi_kexec_exec,
};
