"""Every example page against its picture in tests/goldens/ (drawn by
scripts/refresh-goldens: poppler, 24 dpi, grey).  A page matches when at
most 0.1 % of its pixels (about 55 of a page's 56,000) differ by more than
48 of 255 grey levels: anti-aliasing noise from another poppler build
passes, a moved line, a changed word or a missing seal does not (the last
test shows the comparison failing on a document changed by one date).  After
an intended change: scripts/refresh-goldens, look at the pictures, commit."""
import glob
import os
import subprocess

from PIL import Image, ImageChops

import gwtest as gw

GOLDENS = os.path.join(gw.SOURCE, "tests", "goldens")
DPI = 24                      # as scripts/refresh-goldens
LEVELS = 48                   # a grey difference below this is noise
SHARE = 0.001                 # at most this share of a page's pixels differ


def draw(pdf, prefix):
    """The pages of a PDF as grey images, in order."""
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", pdf, prefix], check=True)
    files = glob.glob(prefix + "-*.png")
    files.sort(key=lambda f: int(f.rsplit("-", 1)[1][:-4]))
    return [Image.open(f).convert("L") for f in files]


def differing(a, b):
    """The share of pixels that differ by more than LEVELS (1 when the sizes differ)."""
    if a.size != b.size:
        return 1.0
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > LEVELS else 0)
    return sum(1 for v in diff.getdata() if v) / (a.size[0] * a.size[1])


class Goldens(gw.Case):
    def test_every_example_page_matches_its_golden(self):
        examples = sorted(glob.glob(os.path.join(gw.EXAMPLES, "*.yaml")))
        self.assertGreaterEqual(len(examples), 6)
        names = set()
        for src in examples:
            name = os.path.basename(src)[:-5]
            pdf = self.path(name + ".pdf")
            self.assertEqual(gw.render(src, pdf).returncode, 0, src)
            pages = draw(pdf, self.path(name))
            goldens = glob.glob(os.path.join(GOLDENS, f"{name}-*.png"))
            self.assertEqual(len(pages), len(goldens), f"{name}: page count changed (scripts/refresh-goldens)")
            for n, page in enumerate(pages, 1):
                golden = os.path.join(GOLDENS, f"{name}-{n}.png")
                names.add(os.path.basename(golden))
                share = differing(page, Image.open(golden).convert("L"))
                self.assertLessEqual(share, SHARE, f"{name} page {n}: {share:.3%} of the pixels differ "
                                                   "from tests/goldens (scripts/refresh-goldens if intended)")
        stale = {os.path.basename(f) for f in glob.glob(os.path.join(GOLDENS, "*.png"))} - names
        self.assertEqual(stale, set(), "goldens of no example page")

    def test_a_changed_date_fails_the_comparison(self):
        src = os.path.join(gw.EXAMPLES, "huli-sealed-reply.yaml")
        with open(src, encoding="utf-8") as f:
            text = f.read()
        changed = self.path("changed.yaml")
        with open(changed, "w", encoding="utf-8") as f:
            f.write(text.replace("date: 2025-07-18", "date: 2025-11-28")
                        .replace("seals/", os.path.join(gw.EXAMPLES, "seals") + "/"))
        pdf = self.path("changed.pdf")
        self.assertEqual(gw.render(changed, pdf).returncode, 0)
        page = draw(pdf, self.path("changed"))[1]
        golden = Image.open(os.path.join(GOLDENS, "huli-sealed-reply-2.png")).convert("L")
        self.assertGreater(differing(page, golden), SHARE)


if __name__ == "__main__":
    gw.main()
