// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg.ko: the same plan as the kexec_load method, handed to
 * /dev/bootimg on kernels built without kexec (kernel/uapi/linux/bootimg.h).
 * The device is found below the sysroot, so tests can point it at a file.
 */
#include <fcntl.h>
#include <linux/bootimg.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "method.h"
#include "internal.h"
#include "plan.h"

/* No device node, or no driver behind it: the method is missing. */
static int open_device(struct bootimg *ctx, int *fd)
{
	char path[4096];
	int err = bi_sysroot_path(ctx, BOOTIMG_DEVICE, path, sizeof(path));

	if (err < 0)
		return bi_fail(ctx, BOOTIMG_DEVICE, err);
	*fd = open(path, O_RDWR | O_CLOEXEC);
	if (*fd >= 0)
		return 0;
	err = -errno;
	if (err == -ENOENT || err == -ENODEV || err == -ENXIO)
		err = -ENOSYS;
	return bi_fail(ctx, BOOTIMG_DEVICE, err);
}

/* Whatever fails here is bootimg.ko's, as the error channel says. */
static int device_ioctl(struct bootimg *ctx, unsigned long request, void *arg)
{
	enum bootimg_method caller = ctx->trying;
	int fd = -1, err;

	ctx->trying = BOOTIMG_METHOD_MODULE;
	err = open_device(ctx, &fd);
	if (err == 0 && ioctl(fd, request, arg) < 0)
		err = bi_fail_refused(ctx, BOOTIMG_DEVICE,
				      errno == ENOTTY ? -ENOSYS : -errno, 0);
	if (fd >= 0)
		close(fd);
	ctx->trying = caller;
	return err;
}

static int module_method_load(struct bootimg *ctx,
			      const struct bootimg_request *req,
			      const struct bi_inputs *in)
{
	struct bootimg_ioc_segment segments[BI_MAX_SEGMENTS];
	struct bootimg_ioc_load load = { .version = BOOTIMG_UAPI_VERSION };
	struct bootimg_plan *plan;
	size_t i;
	int err;

	if (req->flags & BOOTIMG_LOAD_PANIC)
		return bi_fail(ctx, BOOTIMG_DEVICE, -EOPNOTSUPP);
	err = bi_plan_new(ctx, req, in, &plan);
	if (err < 0)
		return err;
	for (i = 0; i < plan->n_segments; i++) {
		const struct bi_segment *s = &plan->segments[i];

		segments[i] = (struct bootimg_ioc_segment){
			.buf = (uintptr_t)s->buf, .bufsz = s->bufsz,
			.mem = s->mem, .memsz = s->memsz,
		};
	}
	load.entry = plan->summary.entry;
	load.segments = (uintptr_t)segments;
	load.nr_segments = (uint32_t)plan->n_segments;
	err = device_ioctl(ctx, BOOTIMG_IOC_LOAD, &load);
	bootimg_plan_free(plan);
	return err;
}

static int module_method_unload(struct bootimg *ctx, unsigned flags)
{
	if (flags & BOOTIMG_LOAD_PANIC)
		return bi_fail(ctx, BOOTIMG_DEVICE, -EOPNOTSUPP);
	return device_ioctl(ctx, BOOTIMG_IOC_UNLOAD, NULL);
}

static int module_method_staged(struct bootimg *ctx, int *staged)
{
	struct bootimg_ioc_status status = { 0 };
	int err = device_ioctl(ctx, BOOTIMG_IOC_STATUS, &status);

	if (err == 0)
		*staged = (status.flags & BOOTIMG_STATUS_LOADED) != 0;
	return err;
}

static int module_method_exec(struct bootimg *ctx)
{
	return device_ioctl(ctx, BOOTIMG_IOC_EXEC, NULL);
}

const struct bi_method bi_method_module = {
	.load = module_method_load,
	.unload = module_method_unload,
	.staged = module_method_staged,
	.exec = module_method_exec,
};
