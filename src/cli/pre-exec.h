/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pre-exec hooks: the executables in /etc/bootimg/pre-exec.d, run in
 * the order of their names just before a staged kernel is entered, each
 * with the staged entry in its environment (staged-entry.h).
 */
#ifndef BOOTIMG_CLI_PRE_EXEC_H
#define BOOTIMG_CLI_PRE_EXEC_H

/* Seconds a hook may take, unless BOOTIMG_PRE_EXEC_TIMEOUT says (1 to 90). */
#define PRE_EXEC_TIMEOUT 20
#define PRE_EXEC_TIMEOUT_MAX 90

/*
 * Run every hook, in order, until one fails.  Returns 0 when all
 * succeeded (or there are none), -1 after printing one line that names
 * the hook that failed, timed out or could not run, or a bad timeout.
 */
int pre_exec_run_hooks(void);

#endif
