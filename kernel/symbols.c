// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Kernel functions the handoff needs that are not exported to modules.
 *
 * kallsyms_lookup_name() itself stopped being exported in 5.7.  Its
 * address is found by registering a kprobe on it: the kprobe core
 * resolves the name and leaves the address in kp.addr; the probe is
 * removed at once and never fires.  Each function is then looked up by
 * name.  If any is missing (renamed, inlined, or a kernel without
 * KPROBES or KALLSYMS) the driver refuses to load and says which.  So
 * it does where indirect calls to them would crash (call-hazard.h).
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <asm/cpufeature.h>
#include <linux/kprobes.h>
#include "call-hazard.h"
#include "symbols.h"

struct bootimg_symbols bootimg_sym;

static const struct {
	const char *name;
	void **slot;
} wanted[] = {
	{ "migrate_to_reboot_cpu",
	  (void **)&bootimg_sym.migrate_to_reboot_cpu },
	{ "syscore_shutdown", (void **)&bootimg_sym.syscore_shutdown },
	{ "machine_shutdown", (void **)&bootimg_sym.machine_shutdown },
};

static unsigned long (*lookup_name)(const char *name);

static int find_lookup_name(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	int err = register_kprobe(&kp);

	if (err < 0) {
		pr_err("cannot find kallsyms_lookup_name with a kprobe (error %d); the kernel needs CONFIG_KPROBES and CONFIG_KALLSYMS\n",
		       err);
		return -EOPNOTSUPP;
	}
	lookup_name = (void *)kp.addr;
	unregister_kprobe(&kp);
	return 0;
}

int bootimg_symbols_init(void)
{
	const char *hazard = bootimg_call_hazard(IS_ENABLED(CONFIG_CFI_CLANG),
						 cpu_feature_enabled(X86_FEATURE_IBT));
	size_t i;
	int err;

	if (hazard) {
		pr_err("%s: the out-of-tree module cannot call the kernel safely, refusing to load (build the in-tree driver: make kernel-patch)\n",
		       hazard);
		return -EOPNOTSUPP;
	}
	err = find_lookup_name();
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(wanted); i++) {
		*wanted[i].slot = (void *)lookup_name(wanted[i].name);
		if (!*wanted[i].slot) {
			pr_err("the kernel function %s was not found; this kernel cannot be handed off by bootimg\n",
			       wanted[i].name);
			return -EOPNOTSUPP;
		}
	}
	return 0;
}
