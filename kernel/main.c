// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg.ko: boot a Linux kernel from Linux on kernels built without
 * kexec.  /dev/bootimg (mode 0600, CAP_SYS_BOOT) takes a kernel staged as
 * kexec_load(2) segments (include/uapi/linux/bootimg.h); BOOTIMG_IOC_EXEC
 * or any later reboot(2) restart hands the machine over to it.  The
 * handoff is the driver's own: it does not call the kernel's kexec code.
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/reboot.h>
#include <linux/suspend.h>
#include <linux/uaccess.h>
#include <xen/xen.h>
#include "image.h"
#include "policy.h"
#include "symbols.h"

static DEFINE_MUTEX(bootimg_lock);
static struct bootimg_image *bootimg_staged;	/* under bootimg_lock */
static struct sys_off_handler *bootimg_restart_handler;

static int do_load(const void __user *arg)
{
	struct bootimg_ioc_load req;
	struct bootimg_image *img;
	int err;

	bootimg_log_caller("LOAD");
	err = bootimg_load_permitted();
	if (err)
		return err;
	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	err = bootimg_image_load(&req, &img);
	if (err)
		return err;	/* the staged kernel stays */
	bootimg_image_free(bootimg_staged);
	bootimg_staged = img;
	pr_info("staged %u segments, %llu KiB, entry %#llx\n",
		img->nr_segments, img->bytes >> 10, img->entry);
	return 0;
}

static int do_status(void __user *arg)
{
	struct bootimg_ioc_status st = { .version = BOOTIMG_UAPI_VERSION };

	if (bootimg_staged) {
		st.flags = BOOTIMG_STATUS_LOADED | BOOTIMG_STATUS_ON_REBOOT;
		st.entry = bootimg_staged->entry;
		st.bytes = bootimg_staged->bytes;
		st.nr_segments = bootimg_staged->nr_segments;
	}
	return copy_to_user(arg, &st, sizeof(st)) ? -EFAULT : 0;
}

/*
 * Restart the way reboot(2) does; the restart handler takes over.  On
 * success it does not return; on failure bootimg_lock is released.
 */
static long do_exec(void)
{
	long err;

	bootimg_log_caller("EXEC");
	mutex_lock(&bootimg_lock);
	err = bootimg_locked_down();
	if (err)
		goto out_unlock;
	if (!bootimg_staged) {
		err = -ENOENT;
		goto out_unlock;
	}
	mutex_unlock(&bootimg_lock);
	lock_system_sleep();
	kernel_restart(NULL);
	return -EIO;	/* not reached */

out_unlock:
	mutex_unlock(&bootimg_lock);
	return err;
}

static long bootimg_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	long err;

	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if (cmd == BOOTIMG_IOC_EXEC)
		return do_exec();
	mutex_lock(&bootimg_lock);
	switch (cmd) {
	case BOOTIMG_IOC_LOAD:
		err = do_load(uarg);
		break;
	case BOOTIMG_IOC_UNLOAD:
		bootimg_image_free(bootimg_staged);
		bootimg_staged = NULL;
		err = 0;
		break;
	case BOOTIMG_IOC_STATUS:
		err = do_status(uarg);
		break;
	default:
		err = -ENOTTY;
	}
	mutex_unlock(&bootimg_lock);
	return err;
}

static int bootimg_open(struct inode *inode, struct file *file)
{
	return capable(CAP_SYS_BOOT) ? 0 : -EPERM;
}

static const struct file_operations bootimg_fops = {
	.owner = THIS_MODULE,
	.open = bootimg_open,
	.unlocked_ioctl = bootimg_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice bootimg_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "bootimg",
	.fops = &bootimg_fops,
	.mode = 0600,
};

/*
 * The reboot notifiers run first in kernel_restart(), and alone see its
 * command: a restart with one (reboot(2) LINUX_REBOOT_CMD_RESTART2, e.g.
 * "bootloader") asks the firmware for something, so it is left to it.
 */
static bool restart_has_command;

static int bootimg_reboot_notify(struct notifier_block *nb,
				 unsigned long code, void *cmd)
{
	restart_has_command = code == SYS_RESTART && cmd && *(char *)cmd;
	return NOTIFY_DONE;
}

static struct notifier_block bootimg_reboot_nb = {
	.notifier_call = bootimg_reboot_notify,
};

/*
 * kernel_restart() calls this after the reboot notifiers and
 * device_shutdown(), for BOOTIMG_IOC_EXEC and for any reboot(2).
 * Without a staged kernel the restart goes on as usual.  It never waits
 * for the lock: a reboot must not hang behind an ioctl.
 */
static int bootimg_restart_prepare(struct sys_off_data *data)
{
	if (!mutex_trylock(&bootimg_lock)) {
		pr_warn("busy: restarting through the firmware, not the staged kernel\n");
		return NOTIFY_DONE;
	}
	if (bootimg_staged && restart_has_command) {
		pr_warn("a restart with a command: the firmware restarts, not the staged kernel\n");
	} else if (bootimg_staged && !bootimg_locked_down()) {
		bootimg_log_caller("restart into the staged kernel");
		bootimg_handoff(bootimg_staged);
	}
	mutex_unlock(&bootimg_lock);
	return NOTIFY_DONE;
}

static int __init bootimg_init(void)
{
	int err;

	if (xen_pv_domain()) {
		pr_err("Xen PV guests cannot be handed off by bootimg\n");
		return -EOPNOTSUPP;
	}
	err = bootimg_arch_supported();
	if (!err)
		err = bootimg_symbols_init();
	if (err)
		return err;
	err = register_reboot_notifier(&bootimg_reboot_nb);
	if (err)
		return err;
	bootimg_restart_handler =
		register_sys_off_handler(SYS_OFF_MODE_RESTART_PREPARE,
					 SYS_OFF_PRIO_LOW,
					 bootimg_restart_prepare, NULL);
	if (IS_ERR(bootimg_restart_handler)) {
		err = PTR_ERR(bootimg_restart_handler);
		goto out_notifier;
	}
	err = misc_register(&bootimg_dev);
	if (err)
		goto out_handler;
	return 0;

out_handler:
	unregister_sys_off_handler(bootimg_restart_handler);
out_notifier:
	unregister_reboot_notifier(&bootimg_reboot_nb);
	return err;
}

static void __exit bootimg_exit(void)
{
	misc_deregister(&bootimg_dev);
	unregister_sys_off_handler(bootimg_restart_handler);
	unregister_reboot_notifier(&bootimg_reboot_nb);
	if (bootimg_staged)
		pr_warn("unloaded with a kernel staged: it is dropped, the next reboot goes through the firmware\n");
	bootimg_image_free(bootimg_staged);
}

module_init(bootimg_init);
module_exit(bootimg_exit);
MODULE_DESCRIPTION("Boot a Linux kernel from Linux without kexec");
MODULE_AUTHOR("The bootimg authors");
MODULE_LICENSE("GPL");
