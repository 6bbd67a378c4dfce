/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel functions the handoff calls beyond the exported ones.  The
 * in-tree driver calls them directly: kernel/patches/hooks.diff exports
 * them.  Out of tree (Kbuild defines BOOTIMG_FIND_SYMBOLS) symbols.c finds
 * them at run time and they are called through pointers.
 */
#ifndef BOOTIMG_SYMBOLS_H
#define BOOTIMG_SYMBOLS_H

#ifdef BOOTIMG_FIND_SYMBOLS
struct bootimg_symbols {
	void (*migrate_to_reboot_cpu)(void);
	void (*syscore_shutdown)(void);
	void (*machine_shutdown)(void);
};

extern struct bootimg_symbols bootimg_sym;
int bootimg_symbols_init(void);

static inline void bootimg_migrate_to_reboot_cpu(void)
{
	bootimg_sym.migrate_to_reboot_cpu();
}

static inline void bootimg_syscore_shutdown(void)
{
	bootimg_sym.syscore_shutdown();
}

static inline void bootimg_machine_shutdown(void)
{
	bootimg_sym.machine_shutdown();
}
#else
#include <linux/reboot.h>
#include <linux/syscore_ops.h>

static inline int bootimg_symbols_init(void)
{
	return 0;
}

static inline void bootimg_migrate_to_reboot_cpu(void)
{
	migrate_to_reboot_cpu();
}

static inline void bootimg_syscore_shutdown(void)
{
	syscore_shutdown();
}

static inline void bootimg_machine_shutdown(void)
{
	machine_shutdown();
}
#endif

#endif
