// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Quiesce the machine the way the kernel's own kexec does, then let the
 * architecture jump.  Runs as a SYS_OFF_MODE_RESTART_PREPARE handler, so
 * kernel_restart() has already run the reboot notifiers and
 * device_shutdown().
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <linux/irqflags.h>
#include <linux/pci.h>
#include "image.h"
#include "symbols.h"

/*
 * device_shutdown() clears bus mastering only when kexec_in_progress is
 * set, which only the kernel's kexec can do: stop every device's DMA
 * here, before its memory is overwritten.
 */
static void stop_bus_mastering(void)
{
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev)
		pci_clear_master(pdev);
}

void bootimg_handoff(struct bootimg_image *img)
{
	pr_info("starting the staged kernel at %#llx\n", img->entry);
	bootimg_migrate_to_reboot_cpu();
	bootimg_syscore_shutdown();
	stop_bus_mastering();
	/* IO-APIC cleared, other CPUs stopped, local APIC and HPET off. */
	bootimg_machine_shutdown();
	local_irq_disable();
	bootimg_arch_enter(img);
}
