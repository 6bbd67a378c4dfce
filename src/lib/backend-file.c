// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kexec_file_load(2): the kernel reads and checks the image itself; this is
 * the only method allowed under lockdown.  Several initrds reach it as one
 * memfd holding their concatenation.
 */
#include <linux/kexec.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "backend.h"
#include "inputs.h"
#include "internal.h"

static int write_all(int fd, const uint8_t *data, size_t size)
{
	while (size) {
		ssize_t n = write(fd, data, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		data += n;
		size -= (size_t)n;
	}
	return 0;
}

/* Each archive starts 4-byte aligned; the kernel skips the zero padding. */
static int concatenate(const struct bi_inputs *in, int *fd_out)
{
	static const uint8_t pad[4];
	size_t i;
	int err = 0;
	int fd = memfd_create("bootimg-initrds", MFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	for (i = 0; err == 0 && i < in->n_initrds; i++) {
		const struct bi_file *f = &in->initrds[i];

		err = write_all(fd, f->data, f->size);
		if (err == 0 && f->size % 4)
			err = write_all(fd, pad, 4 - f->size % 4);
	}
	if (err < 0) {
		close(fd);
		return err;
	}
	*fd_out = fd;
	return 0;
}

static int file_load_syscall(int kernel_fd, int initrd_fd, const char *cmdline,
			     size_t len, unsigned long flags)
{
	if (syscall(SYS_kexec_file_load, kernel_fd, initrd_fd,
		    (unsigned long)len, cmdline, flags) < 0)
		return -errno;
	return 0;
}

static int file_method_load(struct bootimg *ctx,
			    const struct bootimg_request *req)
{
	unsigned long flags = 0;
	struct bi_inputs in;
	int initrd_fd = -1, memfd = -1;
	int err = bi_inputs_open(ctx, req, &in);

	if (err < 0)
		return err;
	if (in.n_initrds == 0)
		flags |= KEXEC_FILE_NO_INITRAMFS;
	else if (in.n_initrds == 1)
		initrd_fd = in.initrds[0].fd;
	else
		err = concatenate(&in, &memfd);
	if (memfd >= 0)
		initrd_fd = memfd;
	if (err == 0)
		err = file_load_syscall(in.kernel_file.fd, initrd_fd,
					in.cmdline, in.cmdline_len + 1, flags);
	if (memfd >= 0)
		close(memfd);
	bi_inputs_close(&in);
	return err < 0 ? bi_fail(ctx, req->kernel, err) : 0;
}

static int file_method_unload(struct bootimg *ctx, unsigned flags)
{
	unsigned long kflags = KEXEC_FILE_UNLOAD;

	if (flags & BOOTIMG_LOAD_PANIC)
		kflags |= KEXEC_FILE_ON_CRASH;
	return bi_fail(ctx, NULL, file_load_syscall(-1, -1, NULL, 0, kflags));
}

const struct bi_backend bi_backend_file = {
	.load = file_method_load,
	.unload = file_method_unload,
	.staged = bi_kexec_staged,
	.exec = bi_kexec_exec,
};
