// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg.timeout=N and bootimg.entry=SELECTOR of the kernel's command
 * line, and the network's ip=dhcp, bootimg.net=1 and bootimg.url=URL;
 * as the kernel reads its parameters, double quotes hold blanks
 * together and are dropped (bootimg.entry="Debian GNU/Linux").
 */
#include <stdlib.h>
#include <string.h>
#include "menu.h"
#include "net.h"

/* The next word at *P without its quotes, in a new string; NULL: none. */
static char *next_word(const char **p)
{
	const char *s = *p + strspn(*p, " \t\n");
	char *word = malloc(strlen(s) + 1), *w = word;
	int quoted = 0;

	if (!word || !*s) {
		free(word);
		return NULL;
	}
	for (; *s && (quoted || !strchr(" \t\n", *s)); s++)
		if (*s == '"')
			quoted = !quoted;
		else
			*w++ = *s;
	*w = '\0';
	*p = s;
	return word;
}

void read_boot_params(const char *cmdline, int *timeout, char **entry)
{
	const char *p = cmdline;
	char *word, *end;
	long t;

	*entry = NULL;
	while ((word = next_word(&p)) != NULL) {
		if (!strncmp(word, "bootimg.timeout=", 16)) {
			t = strtol(word + 16, &end, 10);
			if (word[16] && !*end && t >= 0 && t <= 86400)
				*timeout = (int)t;
		} else if (!strncmp(word, "bootimg.entry=", 14)) {
			free(*entry);
			*entry = strdup(word + 14);
		}
		free(word);
	}
}

void read_net_params(const char *cmdline, struct net_params *p)
{
	const char *at = cmdline;
	char *word;

	while ((word = next_word(&at)) != NULL) {
		if (!strcmp(word, "ip=dhcp") || !strcmp(word, "bootimg.net=1"))
			p->dhcp = 1;
		else if (!strcmp(word, "bootimg.net=0"))
			p->dhcp = 0;
		else if (!strncmp(word, "bootimg.url=", 12) && word[12]) {
			free(p->url);
			p->url = strdup(word + 12);
		}
		free(word);
	}
}
