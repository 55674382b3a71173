"""Both seed letters render to valid, fully embedded, extractable PDFs."""
import glob
import os
import re

import yaml

import gwtest as gw


def body_paragraphs(doc):
    """The body paragraphs as printed: inline markup removed."""
    body = doc["body"]
    items = body.splitlines() if isinstance(body, str) else body
    out = []
    for item in items:
        text = item if isinstance(item, str) else item.get("heading")
        if not text or not text.strip():
            continue
        text = re.sub(r"\\(.)", r"\1", text.replace("**", ""))
        out.append(text.strip())
    return out


class Examples(gw.Case):
    def each_example(self):
        files = sorted(glob.glob(os.path.join(gw.EXAMPLES, "*.yaml")))
        self.assertGreaterEqual(len(files), 2)
        for src in files:
            out = self.path(os.path.basename(src) + ".pdf")
            r = gw.render(src, out)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(src, encoding="utf-8") as f:
                yield src, out, yaml.safe_load(f)

    def test_fonts_embedded_subset_unicode(self):
        for src, pdf, _ in self.each_example():
            rows = gw.pdffonts(pdf)
            self.assertTrue(rows, src)
            for row in rows:
                self.assertEqual((row["emb"], row["sub"], row["uni"]), ("yes", "yes", "yes"), row["line"])
                self.assertRegex(row["name"], r"^[A-Z]{6}\+")

    def test_every_body_character_extracts_in_order(self):
        for src, pdf, doc in self.each_example():
            text = gw.squeeze(gw.pdftext(pdf))
            pos = 0
            title = doc.get("title", [])          # an order has none
            titles = ["".join(title)] if isinstance(title, list) and title else [title] if title else []
            for para in [*titles, *body_paragraphs(doc)]:
                want = gw.squeeze(para)
                at = text.find(want, pos)
                self.assertGreaterEqual(at, 0, f"{src}: not found in order: {want[:40]}…")
                pos = at + len(want)

    def test_qpdf_check(self):
        for src, pdf, _ in self.each_example():
            r = gw.run(["qpdf", "--check", pdf])
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("No syntax or stream encoding errors", r.stdout)

    def test_mupdf_and_ghostscript_render_without_warnings(self):
        for src, pdf, _ in self.each_example():
            self.assertEqual(gw.render_warnings(pdf), [], src)

    def test_overhead_beyond_font_programs(self):
        """Everything but the font programs stays under 20 KB (Xiamen letter)."""
        src = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
        pdf = self.path("x.pdf")
        self.assertEqual(gw.render(src, pdf).returncode, 0)
        size = os.path.getsize(pdf)
        fonts = gw.font_program_bytes(pdf)
        print(f"xiamen: {size} bytes, font programs {fonts}, overhead {size - fonts}")
        self.assertGreater(fonts, 100_000)          # the CJK glyphs really are embedded
        self.assertLess(size - fonts, 20 * 1024)

    def test_same_input_same_bytes(self):
        src = os.path.join(gw.EXAMPLES, "fuzhou-jinan-reply.yaml")
        a, b = self.path("a.pdf"), self.path("b.pdf")
        self.assertEqual(gw.render(src, a).returncode, 0)
        self.assertEqual(gw.render(src, b).returncode, 0)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            self.assertEqual(fa.read(), fb.read())

    def test_dates_from_document_or_source_date_epoch(self):
        src = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
        a, b = self.path("a.pdf"), self.path("b.pdf")
        self.assertEqual(gw.render(src, a).returncode, 0)
        info = gw.run(["pdfinfo", "-isodates", a], check=True).stdout
        self.assertRegex(info, r"CreationDate:\s+2025-06-12T00:00:00\+08")
        self.assertIn("Title:", info)
        self.assertIn("关于区政协九届四次会议第20253019号提案办理情况答复的函", info)
        r = gw.render(src, b, env={"SOURCE_DATE_EPOCH": "1700000000"})
        self.assertEqual(r.returncode, 0, r.stderr)
        info = gw.run(["pdfinfo", "-isodates", b], check=True).stdout
        self.assertRegex(info, r"CreationDate:\s+2023-11-15T06:13:20\+08")


if __name__ == "__main__":
    gw.main()
