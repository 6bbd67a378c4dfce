/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libbootimg: load a Linux kernel from Linux and boot it.
 *
 * The pipeline is probe (which image format) -> plan (where each segment
 * goes in physical memory) -> load (a kernel interface) -> exec.
 *
 * Every function that can fail returns 0 or a positive count on success
 * and a negative errno on failure.  When a failure concerns a file,
 * bootimg_error_path() names it; bootimg_last_error() tells the cause
 * when the errno alone does not (enum bootimg_cause).  Errors with a
 * meaning of their own:
 *
 *   -ENOEXEC      the file is not a kernel image bootimg understands
 *   -EBADMSG      the image is truncated or its header is inconsistent
 *   -E2BIG        the command line is longer than the kernel accepts
 *   -ENOSPC       the segments do not fit in the machine's RAM
 *   -EPERM        no privilege, or kexec is locked down
 *   -EKEYREJECTED the kernel refused the image's signature
 *   -ENOSYS       the kernel has no interface for the chosen method
 *   -EADDRNOTAVAIL the method (kexec_load, bootimg.ko) refused a segment
 *                 outside RAM, or outside the crash reservation
 *   -EPROTO       bootimg.ko speaks another interface version
 *
 * The same errnos with a cause (enum bootimg_cause): -EINVAL,
 * NOT_REGULAR_FILE, MODULES_NEED_MULTIBOOT or MULTIBOOT_TAKES_MODULES;
 * -EFBIG, INITRD_FILES_TOO_LARGE or DECOMPRESSION_BOMB; -EBADMSG,
 * SEGMENT_RANGE or RELOCS_DAMAGED; -EOPNOTSUPP, MULTIBOOT_NEEDS or
 * FAST_BOOT_PAYLOAD; -E2BIG, CMDLINE_TOO_LONG or TOO_MANY_SEGMENTS;
 * -ENOSPC, NO_CRASH_RESERVATION or CRASH_RESERVATION_FULL; -EPERM,
 * NOT_ROOT, LOCKED_DOWN, KEXEC_DISABLED or CACHE_NOT_PRIVATE;
 * -EADDRNOTAVAIL, OUTSIDE_RAM or OUTSIDE_CRASH_RESERVATION; -EFBIG,
 * CACHE_BOUND too.
 */
#ifndef BOOTIMG_H
#define BOOTIMG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bootimg;
struct bootimg_plan;

enum bootimg_method {
	BOOTIMG_METHOD_AUTO = 0,
	BOOTIMG_METHOD_FILE,	/* kexec_file_load(2) */
	BOOTIMG_METHOD_KEXEC,	/* kexec_load(2), our purgatory */
	BOOTIMG_METHOD_MODULE,	/* /dev/bootimg of bootimg.ko, same plan */
};

/*
 * Extensible structs.  Each struct below that a function takes by
 * pointer begins with SIZE, which the caller sets to the size it was
 * compiled with, { .size = sizeof(x) }, as Linux's clone3() and openat2()
 * take theirs.  A later version only appends fields.  The library reads
 * the first SIZE bytes of a struct it is given (a field past them counts
 * as zero; a larger struct's unknown fields must be zero, else -E2BIG),
 * writes at most SIZE bytes of one it fills and sets SIZE to what it
 * wrote.  A SIZE below this first version's is -EINVAL, before anything
 * is done.  bootimg_initrd_file (in arrays) and bootimg_fast_boot
 * (inside another struct) never grow: a new need gets a new struct.
 */

/* A file added to the initrd on the fly (struct bootimg_request). */
struct bootimg_initrd_file {
	const char *source;	/* a regular file, read at the load */
	/*
	 * Its path in the new kernel's initramfs, relative to its root (a
	 * leading '/' is allowed): no "..", "." or empty component, no
	 * trailing '/', shorter than PATH_MAX; else -EINVAL.
	 */
	const char *dest;
	int mode;		/* 0 to 07777, or -1: SOURCE's mode & 0700 */
};

/* What to boot. */
struct bootimg_request {
	size_t size;			/* sizeof(struct bootimg_request) */
	const char *kernel;
	const char *const *initrds;	/* concatenated in this order */
	size_t n_initrds;
	/* NULL: the image's own command line (a UKI's .cmdline), or none */
	const char *cmdline;
	/*
	 * Added after it with a space, or NULL; a parameter given here drops
	 * the command line's words of the same key first (the last wins).
	 */
	const char *append;
	enum bootimg_method method;
	unsigned flags;			/* enum bootimg_load_flags */
	/*
	 * A multiboot kernel's modules, in order: each "FILE args", the file
	 * up to the first blank; the kernel gets the whole string.
	 */
	const char *const *modules;
	size_t n_modules;
	/*
	 * Parameters dropped from the command line (before the append):
	 * each KEY drops every "KEY" and "KEY=..." word.  A panic kernel's
	 * command line loses crashkernel= the same way.
	 */
	const char *const *remove;
	size_t n_remove;
	/*
	 * Files put into one more initrd, a newc archive built in memory
	 * after the others, with the directories leading to each (0755);
	 * owner root, mtime 0.
	 */
	const struct bootimg_initrd_file *initrd_files;
	size_t n_initrd_files;
	/*
	 * With FAST_BOOT, the bound of the cache of unpacked kernels in
	 * bytes, the least recently used going first; 0: 256 MiB.
	 */
	uint64_t cache_bound;
};

/* Facts about an image, found without privileges. */
struct bootimg_info {
	size_t size;
	const char *format;		/* "bzImage", "ELF vmlinux (64-bit)", */
					/* "multiboot (ELF)" */
	/* The kernel's version string, "" if none; the context's until */
	/* the next bootimg_probe() or bootimg_free(). */
	const char *version;
	uint16_t protocol;		/* boot protocol, 0x020f for 2.15 */
	uint64_t file_size;
	uint64_t payload_size;		/* protected-mode code in the file */
	uint64_t init_size;		/* memory the kernel needs to start */
	uint64_t pref_address;
	uint32_t kernel_alignment;
	uint32_t cmdline_size;		/* longest command line, without NUL */
	uint32_t initrd_addr_max;
	uint16_t xloadflags;
	uint8_t loadflags;
	int relocatable;		/* 1 or 0 */
	int entry64;			/* has the 64-bit entry point */
	int initrd_above_4g;
	const char *compression;	/* "gzip", "xz", "zstd" or NULL */
	const char *container;		/* "UKI" or NULL */
};

/* One segment of a plan, as it will be given to the kernel. */
struct bootimg_segment {
	size_t size;
	const char *what;		/* "kernel", "initrd", "boot-params", ... */
	uint64_t bufsz;			/* bytes of content */
	uint64_t mem;			/* physical destination */
	uint64_t memsz;			/* bytes reserved at mem */
};

/* The boot_params fields worth showing. */
struct bootimg_plan_summary {
	size_t size;
	uint64_t entry;			/* where the kernel's kexec code jumps */
	uint64_t kernel_entry;		/* where purgatory jumps */
	uint64_t boot_params;
	uint64_t cmd_line_ptr;
	uint64_t ramdisk_image;
	uint64_t ramdisk_size;
	uint32_t e820_entries;
	uint8_t loadflags;
	uint8_t entry_bits;		/* 64 or 32: how purgatory enters it */
};

enum bootimg_load_flags {
	BOOTIMG_LOAD_PANIC = 0x1,	/* the panic kernel, in crashkernel= */
	/*
	 * Enter a bzImage at its 32-bit entry (protected mode, paging off)
	 * even when it has a 64-bit one; kexec and module methods.
	 */
	BOOTIMG_LOAD_ENTRY32 = 0x2,
	/*
	 * Purgatory prints one line on the first serial port before it
	 * enters the kernel; kexec and module methods (the file method
	 * uses the kernel's own purgatory): AUTO then starts at kexec.
	 */
	BOOTIMG_LOAD_BREADCRUMB = 0x4,
	/*
	 * Unpack a bzImage's vmlinux now and enter it directly, skipping
	 * the kernel's decompressor, whose KASLR is done here instead:
	 * kexec and module methods only; AUTO then starts at kexec, FILE
	 * is -EINVAL.
	 */
	BOOTIMG_LOAD_FAST_BOOT = 0x8,
	/*
	 * With FAST_BOOT: neither read nor write the cache of unpacked
	 * kernels (LOCALSTATEDIR/cache/bootimg, bootimg(8)), which a load
	 * reads and fills, bootimg_plan_new() and bootimg_check() only
	 * read.
	 */
	BOOTIMG_LOAD_NO_CACHE = 0x10,
	/*
	 * AUTO only: never fast boot; kexec_file_load first, then
	 * kexec_load, as before fast boot became auto's first choice.
	 */
	BOOTIMG_LOAD_NO_FAST_BOOT = 0x20,
};

/*
 * Why AUTO took the way it took (bootimg(8), "How the method is
 * chosen"): FAST, kexec_load with fast boot, nothing speaks against it;
 * FORMAT, fast boot cannot unpack the image, so kexec_load, then
 * kexec_file_load; any other, kexec_file_load first, then kexec_load,
 * because of that fact.
 */
enum bootimg_auto_reason {
	BOOTIMG_AUTO_FAST = 0,
	BOOTIMG_AUTO_FORMAT,		/* no payload fast boot unpacks */
	BOOTIMG_AUTO_NOT_AUTO,		/* a method was given */
	BOOTIMG_AUTO_REQUESTED,		/* FAST_BOOT, ENTRY32 or BREADCRUMB */
					/* asked for the kexec method */
	BOOTIMG_AUTO_NO_FAST_BOOT,	/* BOOTIMG_LOAD_NO_FAST_BOOT */
	BOOTIMG_AUTO_PANIC,		/* a panic kernel: no fast boot */
	BOOTIMG_AUTO_LOCKDOWN,		/* lockdown refuses kexec_load */
	BOOTIMG_AUTO_KEXEC_DISABLED,	/* kernel.kexec_load_disabled=1 */
	BOOTIMG_AUTO_NO_KEXEC_LOAD,	/* no CONFIG_KEXEC */
	BOOTIMG_AUTO_SIG_FORCE,		/* CONFIG_KEXEC_SIG_FORCE */
	BOOTIMG_AUTO_CONFIG_UNKNOWN,	/* no kernel config: unknown */
	BOOTIMG_AUTO_SECURE_BOOT,	/* on, or unknown under UEFI */
	BOOTIMG_AUTO_IMA,		/* an IMA rule covers kexec */
	BOOTIMG_AUTO_IMA_UNKNOWN,	/* an IMA policy it cannot read */
	BOOTIMG_AUTO_KHO,		/* kexec handover is on */
};

/* Where fast boot placed the new kernel's _text. */
struct bootimg_fast_boot {
	/*
	 * 0: at a random physical address and virtual offset (KASLR); or
	 * why it stays where it was linked: -ECANCELED, "nokaslr" in the
	 * command line; -ENODATA, the kernel has no relocation table.
	 */
	int kaslr;
	uint64_t text_phys;
	uint64_t text_virt;
};

/* The outcome of bootimg_load(). */
struct bootimg_load_result {
	size_t size;
	enum bootimg_method used;
	int file_error;	/* with AUTO: why kexec_file_load was passed over */
	struct bootimg_fast_boot fast_boot;	/* with FAST_BOOT */
	/*
	 * The command line the new kernel was given: the request's, or the
	 * image's own, edited by remove and append.  The context's until
	 * the next bootimg_load() or bootimg_free().
	 */
	const char *cmdline;
	enum bootimg_auto_reason reason;	/* with AUTO: why this way */
	/* The request's flags, with FAST_BOOT where AUTO chose fast boot. */
	unsigned flags;
};

/* Which kernels are staged now. */
struct bootimg_status {
	size_t size;
	int loaded;			/* 1 or 0 */
	int module;			/* staged through bootimg.ko */
	int panic_loaded;
	uint64_t panic_reserved;	/* bytes reserved by crashkernel= */
};

/* A fact that could not be read, as an int of struct bootimg_facts. */
#define BOOTIMG_UNKNOWN (-1)

enum bootimg_lockdown {
	BOOTIMG_LOCKDOWN_NONE = 0,
	BOOTIMG_LOCKDOWN_INTEGRITY,
	BOOTIMG_LOCKDOWN_CONFIDENTIALITY,
};

/* Facts that only root could read: bits of bootimg_facts.needs_root. */
enum bootimg_fact {
	BOOTIMG_FACT_LOCKDOWN = 0x1,	/* /sys/kernel/security/lockdown */
	BOOTIMG_FACT_IMA_POLICY = 0x2,	/* /sys/kernel/security/ima/policy */
	BOOTIMG_FACT_KEXEC_CONFIG = 0x4, /* the kernel's config */
};

/*
 * What decides whether a load can work, read from /proc, /sys and /boot
 * without privileges where the kernel allows it.  Each int is 1, 0 or
 * BOOTIMG_UNKNOWN.  The strings are the context's until the next
 * bootimg_read_facts() or bootimg_free().
 */
struct bootimg_facts {
	size_t size;
	const char *release;		/* the running kernel's, "" unknown */
	int root;			/* this process has euid 0 */
	int lockdown;			/* enum bootimg_lockdown, or UNKNOWN */
	int kexec_load_disabled;	/* kernel.kexec_load_disabled */
	int has_kexec;			/* kexec_load(2): CONFIG_KEXEC */
	int has_kexec_file;		/* kexec_file_load(2): CONFIG_KEXEC_FILE */
	int kexec_sig;			/* CONFIG_KEXEC_SIG: signatures checked */
	int kexec_sig_force;		/* CONFIG_KEXEC_SIG_FORCE: and required */
	const char *config;		/* where the config was read, or "" */
	int ima_appraise_kexec;		/* an IMA policy rule appraises */
					/* func=KEXEC_KERNEL_CHECK */
	int efi;			/* booted through UEFI */
	int secure_boot;		/* UEFI Secure Boot is on */
	int module_loaded;		/* bootimg.ko: /dev/bootimg or */
					/* /sys/module/bootimg */
	int module_available;		/* in /lib/modules/RELEASE/modules.dep */
	uint64_t crash_size;		/* bytes reserved by crashkernel= */
	int crash_loaded;		/* a panic kernel is staged */
	unsigned watchdogs;		/* devices in /sys/class/watchdog */
	const char *watchdog;		/* the first one's identity, or "" */
	unsigned needs_root;		/* enum bootimg_fact: unknown, */
					/* because only root can read them */
	int ima_kexec;			/* an IMA rule measures or appraises */
					/* kexec images or command lines */
	int kho;			/* kexec handover (KHO) is on */
};

/* Read the facts; fails only when memory runs out. */
int bootimg_read_facts(struct bootimg *ctx, struct bootimg_facts *facts);

/* A method that auto would not try: bootimg_check_method_error(). */
#define BOOTIMG_NOT_TRIED 1

/*
 * What loading a request would do, predicted from FACTS and the files
 * without loading anything.  The prediction is for root: the load needs
 * CAP_SYS_BOOT whatever the rest.
 */
struct bootimg_check {
	size_t size;
	/* Each method's: 0 it would work, a negative errno it would fail, */
	/* BOOTIMG_NOT_TRIED (the request's method or auto's order never */
	/* reaches it).  bootimg_check_method_error() picks one by method. */
	int file_error;
	int kexec_error;
	int module_error;
	enum bootimg_method used;	/* the method the load would use */
	int verdict;			/* 0, or the error the load gives */
	int pe_signed;			/* the image kexec_file_load gets */
					/* has an Authenticode signature */
	int signature_required;		/* kexec_file_load refuses a bad one */
	int signature_accepted;		/* 1, 0 or BOOTIMG_UNKNOWN */
	int plan_error;			/* the kexec plan's 0 or errno */
	uint64_t plan_bytes;		/* memory its segments take */
	uint64_t largest_ram_start;	/* the largest RAM range, for a */
	uint64_t largest_ram_size;	/* panic kernel the reservation */
	enum bootimg_auto_reason reason;	/* as bootimg_load_result's */
	unsigned flags;
};

/*
 * Predict bootimg_load(REQ).  A file that cannot be read or is no kernel
 * fails here as it would there (the context names it); any other
 * obstacle is CHECK->verdict.
 */
int bootimg_check(struct bootimg *ctx, const struct bootimg_request *req,
		  const struct bootimg_facts *facts,
		  struct bootimg_check *check);

/* CHECK's file_error, kexec_error or module_error; -EINVAL for others. */
int bootimg_check_method_error(const struct bootimg_check *check,
			       enum bootimg_method method);

/*
 * A context reads /proc, /sys, /dev and /boot.  For tests, the
 * environment variable BOOTIMG_SYSROOT (an absolute directory) makes
 * it read them below that directory instead; it is ignored in a
 * set-user-ID or set-group-ID program, and a relative one is -EINVAL.
 */
int bootimg_new(struct bootimg **ctx);
void bootimg_free(struct bootimg *ctx);

/* The file behind the last error, or NULL. */
const char *bootimg_error_path(const struct bootimg *ctx);

/*
 * The error channel.  A failing call returns a plain negative errno and
 * records why in the context: bootimg_last_error() reads it until the
 * next call that can fail.
 */
enum bootimg_cause {
	BOOTIMG_CAUSE_NONE = 0,		/* the errno says it all */
	BOOTIMG_CAUSE_NOT_REGULAR_FILE,	/* a FIFO, socket or device */
	BOOTIMG_CAUSE_INITRD_FILES_TOO_LARGE, /* over 256 MiB together */
	BOOTIMG_CAUSE_CMDLINE_TOO_LONG,	/* over limit bytes */
	BOOTIMG_CAUSE_MODULES_NEED_MULTIBOOT, /* modules, not multiboot */
	BOOTIMG_CAUSE_MULTIBOOT_TAKES_MODULES, /* initrds for multiboot */
	BOOTIMG_CAUSE_MULTIBOOT_NEEDS,	/* a video mode, an unknown */
					/* flag, or not a 32-bit ELF */
	BOOTIMG_CAUSE_SEGMENT_RANGE,	/* memsz < filesz, or past the */
					/* physical address space */
	BOOTIMG_CAUSE_DECOMPRESSION_BOMB, /* unpacks past its declared size */
	BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD, /* fast boot cannot unpack it */
	BOOTIMG_CAUSE_RELOCS_DAMAGED,	/* fast boot: relocations broken */
	BOOTIMG_CAUSE_TOO_MANY_SEGMENTS, /* over kexec_load's 16 */
	BOOTIMG_CAUSE_NO_CRASH_RESERVATION, /* no crashkernel= */
	BOOTIMG_CAUSE_CRASH_RESERVATION_FULL, /* a panic kernel does not */
					/* fit in it */
	BOOTIMG_CAUSE_NOT_ROOT,		/* EPERM: no CAP_SYS_BOOT */
	BOOTIMG_CAUSE_LOCKED_DOWN,	/* EPERM: lockdown */
	BOOTIMG_CAUSE_KEXEC_DISABLED,	/* kernel.kexec_load_disabled=1 */
	BOOTIMG_CAUSE_OUTSIDE_RAM,	/* the method refused a segment */
	BOOTIMG_CAUSE_OUTSIDE_CRASH_RESERVATION, /* the same, for a panic */
					/* kernel */
	BOOTIMG_CAUSE_CACHE_NOT_PRIVATE, /* EPERM: the cache directory */
					/* is another's, or not mode 0700 */
	BOOTIMG_CAUSE_CACHE_BOUND,	/* EFBIG: the kernel alone is */
					/* larger than the cache's bound */
};

/*
 * The library owns it: bootimg_last_error() returns a pointer into the
 * context, so it has no SIZE.  A later version only appends fields,
 * which an older caller never reads.
 */
struct bootimg_error {
	int err;			/* the negative errno returned */
	enum bootimg_cause cause;
	enum bootimg_method method;	/* the method refused, or AUTO */
	const char *path;		/* the file concerned, or NULL */
	const char *reason;		/* the cause in words, or NULL */
	uint64_t limit;			/* CMDLINE_TOO_LONG: the limit */
};

/* The last failure: err is 0 when nothing failed since it was cleared. */
const struct bootimg_error *bootimg_last_error(const struct bootimg *ctx);

/*
 * Where the library explains its choices (auto's fallbacks): FN gets a
 * syslog priority (LOG_INFO) and a message without a newline.  No
 * messages by default; FN NULL turns them off again.
 */
void bootimg_set_log_fn(struct bootimg *ctx,
			void (*fn)(void *data, int priority,
				   const char *format, va_list args),
			void *data);

int bootimg_probe(struct bootimg *ctx, const char *path,
		  struct bootimg_info *info);

/*
 * Check an initrd file's destination as struct bootimg_initrd_file says:
 * 0 or -EINVAL.
 */
int bootimg_check_initrd_dest(const char *dest);

/* Plan the kexec_load method without loading anything. */
int bootimg_plan_new(struct bootimg *ctx, const struct bootimg_request *req,
		     struct bootimg_plan **plan);
void bootimg_plan_free(struct bootimg_plan *plan);
/* The command line the plan gives the new kernel, as in the load result. */
const char *bootimg_plan_cmdline(const struct bootimg_plan *plan);
size_t bootimg_plan_segment_count(const struct bootimg_plan *plan);
int bootimg_plan_segment(const struct bootimg_plan *plan, size_t i,
			 struct bootimg_segment *seg);
int bootimg_plan_summarize(const struct bootimg_plan *plan,
			   struct bootimg_plan_summary *summary);

/* Stage the kernel.  Nothing changes when this fails. */
int bootimg_load(struct bootimg *ctx, const struct bootimg_request *req,
		 struct bootimg_load_result *result);
int bootimg_unload(struct bootimg *ctx, unsigned flags);
int bootimg_get_status(struct bootimg *ctx, struct bootimg_status *status);

/*
 * The cache of unpacked kernels: put REQ's kernel (a bzImage) there, as
 * a fast boot would, loading nothing (0: written, 1: there already,
 * bound REQ->cache_bound); remove every entry (how many).
 */
int bootimg_cache_warm(struct bootimg *ctx, const struct bootimg_request *req);
int bootimg_cache_clear(struct bootimg *ctx);

/* Boot the staged kernel now; returns only on failure. */
int bootimg_exec(struct bootimg *ctx);

const char *bootimg_method_name(enum bootimg_method method);

#ifdef __cplusplus
}
#endif

#endif
