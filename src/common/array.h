/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Growable arrays of any element type: the caller keeps the pointer, the
 * count and the capacity (in elements) side by side, and asks for room
 * before it appends:
 *
 *	err = array_reserve(&list->v, &list->cap, list->n + 1,
 *			    sizeof(*list->v));
 *
 * The capacity doubles, so N appends cost O(N) copying, not O(N^2).
 */
#ifndef BOOTIMG_ARRAY_H
#define BOOTIMG_ARRAY_H

#include <stddef.h>

/*
 * Make room for WANT elements of SIZE bytes in the array *ARRAY (a
 * pointer to the caller's element pointer) of *CAP elements.  0, or
 * -ENOMEM when memory runs out or the size would overflow; the array is
 * unchanged then.
 */
int array_reserve(void *array, size_t *cap, size_t want, size_t size);

#endif
