/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small macros every part of bootimg uses. */
#ifndef BOOTIMG_MACROS_H
#define BOOTIMG_MACROS_H

/* The number of elements of array A (not of a pointer: that fails to
 * build, as __builtin_types_compatible_p tells them apart). */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]) + MUST_BE_ARRAY(a))

#define MUST_BE_ARRAY(a) \
	(sizeof(struct { int not_an_array : \
		__builtin_types_compatible_p(__typeof__(a), \
					     __typeof__(&(a)[0])) ? -1 : 1; }) \
	 * 0)

#endif
