// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg-menu's network source without a network: the names PXELINUX
 * tries in pxelinux.cfg/ (UUID, MAC, IP hex prefixes, default), URL
 * resolution against a configuration's base, "#sha256=", the
 * command line's ip=dhcp / bootimg.net / bootimg.url, and (with
 * libcrypto) the sha256 of a file and the lease udhcpc's script writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "net.h"
#include "tap.h"

#define STREQ(a, b) tap_streq((a), (b), #a " is " #b, __FILE__, __LINE__)

static void tap_streq(const char *a, const char *b, const char *what,
		      const char *file, int line)
{
	int ok = a && !strcmp(a, b);

	tap_result(ok, what, file, line);
	if (!ok)
		printf("# got \"%s\"\n", a ? a : "(null)");
}

static void test_pxe_names(void)
{
	char names[PXE_MAX_NAMES][PXE_NAME_SIZE];
	static const char *const want[] = {
		"01-52-54-00-12-ab-cd", "0A00020F", "0A00020", "0A0002",
		"0A000", "0A00", "0A0", "0A", "0", "default",
	};
	size_t n = pxe_config_names(NULL, 1, "52:54:00:12:AB:cd",
				    "10.0.2.15", names), i;

	CHECK_EQ(n, 10);
	for (i = 0; i < n && i < 10; i++)
		STREQ(names[i], want[i]);
	n = pxe_config_names("b8945908-d6a6-41a9-611d-74a6ab80b83d", 1,
			     "88:99:aa:bb:cc:dd", "192.0.2.91", names);
	CHECK_EQ(n, 11);
	STREQ(names[0], "b8945908-d6a6-41a9-611d-74a6ab80b83d");
	STREQ(names[1], "01-88-99-aa-bb-cc-dd");
	STREQ(names[2], "C000025B");
	STREQ(names[9], "C");
	STREQ(names[10], "default");
	/* no usable MAC nor IP: "default" alone */
	n = pxe_config_names("", 1, "52-54-00", "10.0.2", names);
	CHECK_EQ(n, 1);
	STREQ(names[0], "default");
	/* an InfiniBand address (20 bytes) fits; a longer one is left out */
	n = pxe_config_names(NULL, 32, "80:00:00:48:fe:80:00:00:00:00:00:00:"
			     "00:02:c9:03:00:0a:bb:cc", NULL, names);
	CHECK_EQ(n, 2);
	STREQ(names[0], "20-80-00-00-48-fe-80-00-00-00-00-00-00-00-02-c9-03-"
		       "00-0a-bb-cc");
	n = pxe_config_names(NULL, 1, "00:00:00:00:00:00:00:00:00:00:00:00:"
			     "00:00:00:00:00:00:00:00:00:00:00:00:00", NULL,
			     names);
	CHECK_EQ(n, 1);
}

static void check_resolve(const char *base, const char *ref, const char *want)
{
	char *got = url_resolve(base, ref);

	STREQ(got, want);
	free(got);
}

static void check_base(const char *url, const char *want)
{
	char *got = url_config_base(url);

	STREQ(got, want);
	free(got);
}

static void test_urls(void)
{
	char url[256], hex[65];
	const char *sha = "9f86d081884c7d659a2feaa0c55ad015"
			  "a3bf4f1b2b0b822cd15d6c15b0f00a08";

	check_resolve("tftp://10.0.2.2/", "vmlinuz", "tftp://10.0.2.2/vmlinuz");
	check_resolve("http://h:8080/boot/", "debian/initrd.img",
		      "http://h:8080/boot/debian/initrd.img");
	check_resolve("http://h:8080/boot/", "/vmlinuz", "http://h:8080/vmlinuz");
	check_resolve("tftp://10.0.2.2", "vmlinuz", "tftp://10.0.2.2/vmlinuz");
	check_resolve("tftp://10.0.2.2/", "http://x/k", "http://x/k");
	CHECK(url_resolve("no-scheme/", "vmlinuz") == NULL);
	check_base("http://h:8080/pxe/pxelinux.cfg/default",
		   "http://h:8080/pxe/");
	check_base("http://h/pxelinux.cfg/01-52-54-00-12-34-56", "http://h/");
	check_base("http://h/boot/grub.cfg", "http://h/boot/");
	check_base("http://h/my-pxelinux.cfg/default",
		   "http://h/my-pxelinux.cfg/");
	check_base("tftp://10.0.2.2/pxelinux.0", "tftp://10.0.2.2/");
	check_base("tftp://10.0.2.2", "tftp://10.0.2.2/");
	CHECK(url_config_base("pxelinux.cfg/default") == NULL);

	snprintf(url, sizeof(url), "http://h/vmlinuz#sha256=%s", sha);
	CHECK_EQ(url_take_sha256(url, hex), 1);
	STREQ(url, "http://h/vmlinuz");
	STREQ(hex, sha);
	CHECK_EQ(url_take_sha256(url, hex), 0);
	snprintf(url, sizeof(url), "http://h/vmlinuz#sha256=abc");
	CHECK(url_take_sha256(url, hex) < 0);
	STREQ(url, "http://h/vmlinuz#sha256=abc");	/* left alone */
}

static void test_params(void)
{
	struct net_params p = { 0 };

	read_net_params("ro quiet ip=dhcp", &p);
	CHECK(p.dhcp && !p.url);
	p.dhcp = 0;
	read_net_params("bootimg.net=1 bootimg.url=\"http://10.0.2.2:8000/"
			"pxelinux.cfg/default\"\n", &p);
	CHECK(p.dhcp);
	STREQ(p.url, "http://10.0.2.2:8000/pxelinux.cfg/default");
	read_net_params("bootimg.net=0 bootimg.url= ip=10.0.2.15", &p);
	CHECK(!p.dhcp);		/* ip=ADDRESS is not DHCP */
	STREQ(p.url, "http://10.0.2.2:8000/pxelinux.cfg/default");
	free(p.url);
}

#ifdef WITH_NET
static void test_sha256_and_lease(void)
{
	char dir[] = "/tmp/test-menu-net.XXXXXX", path[64], hex[65];
	struct dhcp_lease l;
	FILE *f;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/test", dir);
	f = fopen(path, "w");
	fputs("test", f);
	fclose(f);
	CHECK_EQ(sha256_file(path, hex), 0);
	STREQ(hex, "9f86d081884c7d659a2feaa0c55ad015"
		   "a3bf4f1b2b0b822cd15d6c15b0f00a08");
	CHECK(sha256_hex_valid(hex));
	CHECK(!sha256_hex_valid("9f86"));
	CHECK(sha256_file("/nonexistent/x", hex) < 0);

	f = fopen(path, "w");
	fputs("ip=10.0.2.15\nsiaddr=10.0.2.2\nserverid=10.0.2.2\ntftp=\n"
	      "bootfile=\nboot_file=pxelinux.0\nip=6.6.6.6\n", f);
	fclose(f);
	CHECK_EQ(dhcp_read_lease(path, &l), 0);
	STREQ(l.ip, "10.0.2.15");	/* the first line wins */
	STREQ(l.siaddr, "10.0.2.2");
	STREQ(l.tftp, "");
	STREQ(l.bootfile, "pxelinux.0");	/* the BOOTP field */
	unlink(path);
	rmdir(dir);
}
#endif

int main(void)
{
	test_pxe_names();
	test_urls();
	test_params();
#ifdef WITH_NET
	test_sha256_and_lease();
#endif
	return tap_done();
}
