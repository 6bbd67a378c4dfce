// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bad-plan: submit plans that break the kexec_segment rules to
 * /dev/bootimg and check that bootimg.ko refuses each with its errno.
 * Runs in the e2e guest (built static by tests/e2e/module.sh).  Prints one
 * line per plan; exits 1 if the driver accepted one or gave another error.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/bootimg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define MIB (1024ull * 1024)

static char page[8192];

struct bad_plan {
	const char *name;
	int want;		/* errno */
	uint32_t n;
	struct bootimg_ioc_segment seg[2];
};

static const struct bad_plan plans[] = {
	{ "overlapping segments", EINVAL, 2, {
		{ 0, sizeof(page), 32 * MIB, 8192 },
		{ 0, sizeof(page), 32 * MIB + 4096, 8192 } } },
	{ "segment outside RAM", EADDRNOTAVAIL, 1, {
		{ 0, sizeof(page), 1ull << 40, 8192 } } },
	{ "segment in the PCI hole", EADDRNOTAVAIL, 1, {
		{ 0, sizeof(page), 0xfe000000ull, 8192 } } },
	{ "bufsz larger than memsz", EINVAL, 1, {
		{ 0, sizeof(page), 32 * MIB, 4096 } } },
};

int main(void)
{
	int fd = open(BOOTIMG_DEVICE, O_RDWR | O_CLOEXEC), failed = 0;
	size_t i;

	if (fd < 0) {
		perror(BOOTIMG_DEVICE);
		return 1;
	}
	for (i = 0; i < sizeof(plans) / sizeof(plans[0]); i++) {
		struct bootimg_ioc_segment seg[2];
		struct bootimg_ioc_load load = {
			.version = BOOTIMG_UAPI_VERSION,
			.nr_segments = plans[i].n,
		};
		int rc, err;

		memcpy(seg, plans[i].seg, sizeof(seg));
		seg[0].buf = seg[1].buf = (uintptr_t)page;
		load.entry = seg[0].mem;
		load.segments = (uintptr_t)seg;
		rc = ioctl(fd, BOOTIMG_IOC_LOAD, &load);
		err = rc < 0 ? errno : 0;
		printf("bad-plan %s: %s (%s)\n", plans[i].name,
		       err == plans[i].want ? "refused" : "WRONG",
		       err ? strerror(err) : "accepted");
		failed |= err != plans[i].want;
	}
	close(fd);
	return failed;
}
