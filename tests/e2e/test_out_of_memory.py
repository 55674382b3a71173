"""Out of memory for real (issue 10 §6): under an address-space limit
(RLIMIT_AS), where the libraries run out too (a font file that cannot be
mapped, HarfBuzz's and libharu's own allocations), `gongwen render` and
`gongwen check` either do their whole work, the same bytes as without a
limit, or end with exit 3, E0006 said once and no other error, and write
nothing: never a font skipped for a substitute, never a partial file.
tests/unit/test-alloc-failure.c fails each of gongwen's own allocations in
turn; this is the same promise with the whole process short of memory."""
import os
import resource
import subprocess
import unittest

import gwtest as gw

SANITIZED = "ASAN_OPTIONS" in os.environ      # AddressSanitizer needs terabytes of address space
DOCUMENTS = ["huli-sealed-reply", "jinan-joint-request"]
KB = 1 << 10


def limited(kilobytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (kilobytes * KB, kilobytes * KB))
    return apply


class OutOfMemory(gw.Case):
    def run_limited(self, args, kilobytes):
        return subprocess.run([gw.GONGWEN] + args, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", preexec_fn=limited(kilobytes) if kilobytes else None,
                              timeout=120)

    def render(self, name, kilobytes):
        out = self.path(f"{name}-{kilobytes}.pdf")
        r = self.run_limited(["render", os.path.join(gw.EXAMPLES, name + ".yaml"), "-o", out], kilobytes)
        pdf = None
        if os.path.exists(out):
            with open(out, "rb") as f:
                pdf = f.read()
        return r, pdf

    def assert_said_once(self, r, what):
        lines = r.stderr + r.stdout
        errors = [l for l in lines.splitlines() if " error " in l]
        self.assertEqual(r.returncode, 3, what + "\n" + lines)
        self.assertEqual([l for l in errors if "E0006" in l], errors, what + ": an error besides E0006\n" + lines)
        self.assertEqual(len(errors), 1, what + ": E0006 said once\n" + lines)

    def assert_whole_or_nomem(self, name, kilobytes, reference):
        r, pdf = self.render(name, kilobytes)
        what = f"{name} within {kilobytes} KB"
        if r.returncode == 0:
            self.assertEqual(r.stderr, reference[0].stderr, what + ": other warnings than without a limit")
            self.assertEqual(pdf, reference[1], what + ": other bytes than without a limit")
        else:
            self.assert_said_once(r, what)
            self.assertIsNone(pdf, what + ": a file written")
            self.assertEqual([n for n in os.listdir(self.tmp) if ".tmp-" in n], [], what + ": a file left")
        return r.returncode == 0

    def smallest(self, works, low, high):
        """Bisection: the smallest limit in (low, high] for which works(limit)."""
        self.assertTrue(works(high), f"works within {high} KB")
        while high - low > 1:
            mid = (low + high) // 2
            if works(mid):
                high = mid
            else:
                low = mid
        return high

    def starts(self, kilobytes):
        """Whether the program gets as far as main (the loader maps the libraries)."""
        return self.run_limited(["--help"], kilobytes).returncode == 0

    def smallest_that_renders(self, name, reference):
        """Bisection on the limit, checking every run on the way."""
        self.floor = self.smallest(self.starts, 1024, 4 << 20)
        low, high = self.floor, 4 << 20
        self.assertTrue(self.assert_whole_or_nomem(name, high, reference), f"{name} renders within {high} KB")
        while high - low > 1:
            mid = (low + high) // 2
            if self.assert_whole_or_nomem(name, mid, reference):
                high = mid
            else:
                low = mid
        print(f"{name}: renders within {high} KB of address space, the program starts within {self.floor} KB")
        return high

    @unittest.skipIf(SANITIZED, "AddressSanitizer reserves more address space than any limit leaves")
    def test_render_is_whole_or_says_e0006(self):
        for name in DOCUMENTS:
            with self.subTest(document=name):
                reference = self.render(name, 0)
                self.assertEqual(reference[0].returncode, 0, reference[0].stderr)
                least = self.smallest_that_renders(name, reference)
                # just below the line, where the last allocations fail: the
                # last 2 MB in steps of 32 KB
                for kilobytes in range(max(self.floor, least - 2048), least, 32):
                    self.assertFalse(self.assert_whole_or_nomem(name, kilobytes, reference))

    @unittest.skipIf(SANITIZED, "AddressSanitizer reserves more address space than any limit leaves")
    def test_check_is_clean_or_says_e0006(self):
        doc = os.path.join(gw.EXAMPLES, DOCUMENTS[0] + ".yaml")
        clean = self.run_limited(["check", "--layout", doc], 0)
        self.assertEqual(clean.returncode, 0, clean.stdout)
        for kilobytes in range(self.smallest(self.starts, 1024, 4 << 20), 1 << 20, 16 << 10):
            r = self.run_limited(["check", "--layout", doc], kilobytes)
            if r.returncode == 0:
                self.assertEqual(r.stdout, clean.stdout, f"check within {kilobytes} KB")
            else:
                self.assert_said_once(r, f"check within {kilobytes} KB")


if __name__ == "__main__":
    gw.main()
