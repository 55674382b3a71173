"""The PDF device read back: the sample PDF that test-pdf-devices builds from
a hand-made display list (text, a rule, a seal drawn three times, grey+alpha,
colour-keyed and opaque images, bookmarks on four levels, page numbers 1, 2,
5) checked with pdfimages, qpdf, mutool and ghostscript."""
import json
import os
import re

import gwtest as gw

SAMPLE = os.environ.get("GW_PDF_SAMPLE", "test-pdf-devices")
PAGE_HEIGHT = 841.89


class PdfDevices(gw.Case):
    def setUp(self):
        super().setUp()
        self.pdf = self.path("sample.pdf")
        r = gw.run([SAMPLE, self.pdf])
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def images(self):
        """pdfimages -list rows: (page, type, width, height, colour, object)."""
        out = gw.run(["pdfimages", "-list", self.pdf], check=True).stdout.splitlines()[2:]
        rows = []
        for line in out:
            f = line.split()
            rows.append((int(f[0]), f[2], int(f[3]), int(f[4]), f[5], int(f[10])))
        return rows

    def test_each_image_embedded_once_with_its_soft_mask(self):
        rows = self.images()
        seals = [r for r in rows if r[1] == "image" and r[2] == 600]
        self.assertEqual([r[0] for r in seals], [1, 1, 2], "the seal is drawn three times")
        self.assertEqual(len({r[5] for r in seals}), 1, "one XObject for every drawing")
        # each drawing of an image with transparency is followed by its mask
        for i, r in enumerate(rows):
            if r[1] == "image" and r[2] != 20:
                self.assertEqual(rows[i + 1][1:5], ("smask", r[2], r[3], "gray"), r)
        kinds = {(r[2], r[4]) for r in rows if r[1] == "image"}
        self.assertEqual(kinds, {(600, "rgb"), (40, "gray"), (8, "rgb"), (20, "rgb")})
        opaque = [i for i, r in enumerate(rows) if r[1] == "image" and r[2] == 20]
        self.assertEqual(len(opaque), 1)
        self.assertTrue(opaque[0] + 1 == len(rows) or rows[opaque[0] + 1][1] != "smask",
                        "an opaque PNG gets no soft mask")

    def test_image_streams_compressed_and_not_duplicated(self):
        objs = gw.qpdf_objects(self.pdf)
        images = [o["stream"]["dict"] for o in objs.values()
                  if isinstance(o, dict) and "stream" in o and o["stream"]["dict"].get("/Subtype") == "/Image"]
        # four images, three of them with a soft mask
        self.assertEqual(len(images), 7)
        self.assertEqual(sum(1 for d in images if "/SMask" in d), 3)
        for d in images:
            self.assertIn(d.get("/Filter"), ("/FlateDecode", ["/FlateDecode"]), d)
        masks = {d["/SMask"] for d in images if "/SMask" in d}
        for ref in masks:
            self.assertEqual(objs["obj:" + ref]["stream"]["dict"]["/ColorSpace"], "/DeviceGray")

    def test_bookmarks_nest_with_chinese_titles(self):
        out = gw.run(["mutool", "show", self.pdf, "outline"], check=True).stdout
        entries = []
        for line in out.splitlines():
            m = re.match(r'^[-+|](\t+)"(.*)"\t#page=(\d+)&zoom=[^,]*,[^,]*,([\d.]+)', line)
            self.assertIsNotNone(m, line)
            entries.append((len(m.group(1)), m.group(2), int(m.group(3)), float(m.group(4))))
        self.assertEqual(entries, [
            (1, "一、总体情况", 1, 134), (2, "（一）工作进展", 1, 384), (3, "细项", 2, 84),
            (1, "二、下一步", 3, 84), (1, "三、深层", 3, 284),
            (2, "（1）跳过一级", 3, 400),      # level 4 straight under a level 1: its child
        ])

    def test_outline_titles_are_utf16_and_viewers_open_it(self):
        objs = gw.qpdf_objects(self.pdf)
        titles = [o["value"]["/Title"] for o in objs.values()
                  if isinstance(o, dict) and isinstance(o.get("value"), dict) and "/Title" in o["value"]
                  and "/Parent" in o["value"]]
        self.assertIn("u:一、总体情况", titles)
        self.assertEqual(len(titles), 6)
        catalog = next(o["value"] for o in objs.values()
                       if isinstance(o, dict) and isinstance(o.get("value"), dict)
                       and o["value"].get("/Type") == "/Catalog")
        self.assertEqual(catalog.get("/PageMode"), "/UseOutlines")

    def test_page_labels_follow_the_page_numbers(self):
        out = gw.run(["qpdf", "--json=2", "--json-key=pagelabels", self.pdf], check=True).stdout
        labels = json.loads(out)["pagelabels"]
        self.assertEqual([(l["index"], l["label"]) for l in labels],
                         [(0, {"/S": "/D", "/St": 1}), (2, {"/S": "/D", "/St": 5})])

    def pixel_reader(self, page, dpi):
        """Page rendered by mutool: a function (x, y in points) -> (r, g, b)."""
        ppm = self.path("page.ppm")
        gw.run(["mutool", "draw", "-r", str(dpi), "-o", ppm, self.pdf, str(page)], check=True)
        with open(ppm, "rb") as f:
            data = f.read()
        magic, width, height, maxval, rest = data.split(maxsplit=4)
        self.assertEqual((magic, maxval), (b"P6", b"255"))
        width = int(width)

        def at(x, y):
            i = (round(y * dpi / 72) * width + round(x * dpi / 72)) * 3
            return tuple(rest[i:i + 3])
        return at

    def test_seal_ink_multiplies_over_black(self):
        """The seal on page 2 (80, 300, 119.06 pt square) lies over a black
        rule through its middle (y 359.53, 6 pt): where ring and star cross
        it the rule stays black, as ink on ink; elsewhere the seal is red."""
        at = self.pixel_reader(2, 144)
        ring_left, centre = 82.5, 139.53
        for x in (ring_left, centre):
            r, g, b = at(x, 359.53)
            self.assertTrue(r < 60 and g < 60 and b < 60, (x, r, g, b))
        r, g, b = at(centre, 302.2)              # the ring's top, off the rule
        self.assertTrue(r > 180 and g < 80 and b < 80, (r, g, b))
        self.assertEqual(at(30, 359.53), (255, 255, 255))

    def test_qpdf_check_clean(self):
        r = gw.run(["qpdf", "--check", self.pdf])
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("No syntax or stream encoding errors", r.stdout)

    def test_renders_without_warnings(self):
        self.assertEqual(gw.render_warnings(self.pdf), [])

    def test_text_still_extracts(self):
        text = gw.squeeze(gw.pdftext(self.pdf))
        self.assertEqual(text, "一、总体情况（一）工作进展细项二、下一步三、深层")


if __name__ == "__main__":
    gw.main()
