"""The body-length sweep: four documents (a 文件 with 版记, a 信函, a joint
sealed 文件 with 版记, a sealed 信函), each with its body grown one line at a
time until the text has run through three pages, every variant rendered and
read back from its PDF (pdfpages.py).  In every variant:
  - the signature block (names, date, seals) is on one page, with text above
    it on that page: never alone;
  - the 附注 is on the date's page, on the line after it;
  - 文件: the 版记 is whole on the last page, which is even, its last rule on
    the type area's bottom edge; a page between the text and the 版记 is
    blank, and then neither it nor the 版记 page has a number;
  - 信函: the 版记 is in the last type-area row of the last page, no blank page;
  - every other page shows its number `— N —`, but page 1 of a 信函.
All variants of a document render in one gongwen run; reading back runs in
two processes."""
import concurrent.futures
import os
import re

import gwtest as gw
import pdfpages as pp
from pdfpages import MM, LINE, TYPE_TOP, TYPE_BOTTOM

SEALS = os.path.join(gw.EXAMPLES, "seals")
TOL = 0.5 * MM
# 28 characters of Han text with no punctuation: exactly one full line
LINE_TEXT = "基层医疗卫生服务能力持续提升群众获得感不断增强各项指标向好"[:28]
assert len(LINE_TEXT) == 28
DATE = "2026年4月15日"
NOTE = "（此件主动公开）"

COMMON = """gongwen: 1
number: {number}
title: 关于区政协十届五次会议第20262030号提案办理情况的答复
to: 薛洪洪委员
body:
  - 您提出的建议已收悉，现将办理情况答复如下：
  - "{body}"
note: 此件主动公开
cc: [区政协提案委员会, 区政府办公室, 区财政局, 区医疗保障局, 区总医院, 各乡镇卫生院, 各社区卫生服务中心]
"""

DOCUMENTS = {
    "file": COMMON + """template: file
issuer: 福州市晋安区卫生健康局
signature: {{name: 福州市晋安区卫生健康局, date: 2026-04-15}}
print: {{by: 福州市晋安区卫生健康局办公室, date: 2026-04-16}}
""",
    "letter": COMMON + """template: letter
issuer: 厦门市湖里区卫生健康局
signature: {{name: 厦门市湖里区卫生健康局, date: 2026-04-15}}
""",
    "joint-sealed-file": COMMON + """template: file
issuer: [福州市晋安区卫生健康局, 福州市晋安区财政局]
signature:
  date: 2026-04-15
  seal: [{seals}/fuzhou-jinan-health.png, {seals}/fuzhou-jinan-finance.png]
print: {{by: 福州市晋安区卫生健康局办公室, date: 2026-04-16}}
""",
    "sealed-letter": COMMON + """template: letter
issuer: 厦门市湖里区卫生健康局
signature: {{name: 厦门市湖里区卫生健康局, date: 2026-04-15, seal: {seals}/xiamen-huli-health.png}}
""",
}
NUMBERS = {"file": "榕晋卫〔2026〕38号", "letter": "厦湖卫健函〔2025〕17号"}
LINES = range(1, 64)         # with page 1's header, the body runs through three pages


def body_text(lines):
    """A paragraph of `lines` lines: the first indented 2 characters."""
    return (LINE_TEXT * lines)[:28 * lines - 2]


def read(pdf, tmp):
    return pp.read(pdf, tmp)


class Sweep(gw.Case):
    @classmethod
    def setUpClass(cls):
        import tempfile
        cls._dir = tempfile.TemporaryDirectory()
        cls.variants = {}
        jobs = {}
        with concurrent.futures.ProcessPoolExecutor(2) as pool:
            for name, template in DOCUMENTS.items():
                number = NUMBERS["letter" if "letter" in name else "file"]
                srcs = []
                for n in LINES:
                    src = os.path.join(cls._dir.name, f"{name}-{n:02d}.yaml")
                    with open(src, "w", encoding="utf-8") as f:
                        f.write(template.format(number=number, body=body_text(n), seals=SEALS))
                    srcs.append(src)
                r = gw.run([gw.GONGWEN, "render", *srcs])
                assert r.returncode == 0, r.stderr
                for n, src in zip(LINES, srcs):
                    scratch = os.path.join(cls._dir.name, f"{name}-{n:02d}.d")
                    os.mkdir(scratch)
                    jobs[(name, n)] = pool.submit(read, src[:-5] + ".pdf", scratch)
            for key, job in jobs.items():
                cls.variants[key] = job.result()

    @classmethod
    def tearDownClass(cls):
        cls._dir.cleanup()

    def each(self, kinds=None):
        for (name, n), pages in sorted(self.variants.items()):
            if kinds is None or name in kinds:
                yield name, n, pages

    def date_page(self, pages):
        found = [(p, r) for p in pages for r in p.runs if r.text == DATE]
        self.assertEqual(len(found), 1)
        return found[0]

    def test_the_sweep_runs_through_three_pages(self):
        for name in DOCUMENTS:
            counts = [len(pages) for (n_, _), pages in self.variants.items() if n_ == name]
            self.assertEqual(min(counts), 1 if "letter" in name else 2, name)
            self.assertGreaterEqual(max(counts), 4, name)

    def test_signature_never_alone(self):
        for name, n, pages in self.each():
            page, date = self.date_page(pages)
            where = f"{name}, {n} lines"
            if "joint" in name:
                names = ["福州市晋安区卫生健康局", "福州市晋安区财政局"]
            else:
                names = ["福州市晋安区卫生健康局" if name == "file" else "厦门市湖里区卫生健康局"]
            runs = [r for r in page.runs if r.text in names and r.top < date.top and r.size == 16]
            self.assertEqual(len(runs), len(names), f"{where}: the names on the date's page")
            sealed = "sealed" in name
            self.assertEqual(len(page.images), len(names) if sealed else 0, f"{where}: the seals on the date's page")
            self.assertEqual(sum(len(p.images) for p in pages), len(names) if sealed else 0, where)
            top = min([r.top for r in runs] + [im["y"] for im in page.images])
            body = [r for r in page.body_runs() if r.size == 16 and r.bottom <= top + TOL]
            self.assertGreaterEqual(len(body), 1,
                            f"{where}: the signature alone on page {page.number}")
            for im in page.images:
                self.assertLessEqual(im["y"] + im["h"], page.height, where)

    def test_note_with_the_date(self):
        for name, n, pages in self.each():
            page, date = self.date_page(pages)
            note = page.find(NOTE)
            self.assertTrue(note, f"{name}, {n} lines: the 附注 is not on the date's page")
            self.assertAlmostEqual(note[0].top, date.top + LINE, delta=TOL)

    def test_colophon_at_the_bottom_of_an_even_last_page(self):
        for name, n, pages in self.each({"file", "joint-sealed-file"}):
            where = f"{name}, {n} lines"
            last = pages[-1]
            self.assertEqual(len(pages) % 2, 0, f"{where}: {len(pages)} pages")
            for p in pages[:-1]:
                self.assertFalse(p.find("抄送："), where)
                self.assertEqual([r for r in p.rules if r["color"] == "gray 0"], [], where)
            rules = sorted((r for r in last.rules if r["color"] == "gray 0"), key=lambda r: r["y"])
            self.assertEqual(len(rules), 3, where)
            self.assertAlmostEqual(rules[-1]["y"], TYPE_BOTTOM, delta=TOL)
            cc = last.find("抄送：")[0]
            self.assertGreater(cc.top, rules[0]["y"], where)
            self.assertTrue(last.find("印发"), where)
            date_page, _ = self.date_page(pages)
            between = pages[date_page.number:-1]
            self.assertLessEqual(len(between), 1, where)
            for p in between:
                self.assertEqual(p.runs, [], f"{where}: page {p.number} should be blank")
                self.assertEqual(p.rules + p.images, [], where)
            unnumbered = {p.number for p in between} | ({last.number} if between else set())
            self.check_numbers(pages, unnumbered, where)

    def test_letter_colophon_in_the_last_row(self):
        for name, n, pages in self.each({"letter", "sealed-letter"}):
            where = f"{name}, {n} lines"
            last = pages[-1]
            cc = last.find("抄送：")
            self.assertTrue(cc, where)
            lines = [r for r in last.runs if r.size == 14 and cc[0].top - TOL <= r.top < TYPE_BOTTOM]
            self.assertGreaterEqual(lines[-1].top, TYPE_BOTTOM - LINE - TOL, f"{where}: the 版记 in the last row")
            self.assertLessEqual(lines[-1].bottom, TYPE_BOTTOM + TOL, where)
            self.assertFalse(any(p.find("印发") for p in pages), where)
            self.assertEqual([r for p in pages for r in p.rules if r["color"] == "gray 0"], [], where)
            date_page, _ = self.date_page(pages)
            self.assertIn(len(pages) - date_page.number, (0, 1), f"{where}: no blank page in a letter")
            self.check_numbers(pages, {1}, where)

    def check_numbers(self, pages, unnumbered, where):
        for p in pages:
            numbers = [r.text for r in p.runs if re.fullmatch(r"—\d+—", r.text)]
            want = [] if p.number in unnumbered else [f"—{p.number}—"]
            self.assertEqual(numbers, want, f"{where}: page {p.number} of {len(pages)}")
            if want:
                self.assertTrue(any(r.top < TYPE_BOTTOM for r in p.runs), f"{where}: page {p.number} is empty")

    def test_a_blank_page_is_needed_somewhere(self):
        """The sweep reaches each case of GB/T 9704 7.5: the 版记 on the text's
        last page, on the next (even) page, and after a blank page."""
        for name in ("file", "joint-sealed-file"):
            cases = set()
            for nm, n, pages in self.each({name}):
                date_page, _ = self.date_page(pages)
                cases.add(len(pages) - date_page.number)
            self.assertEqual(cases, {0, 1, 2}, name)


if __name__ == "__main__":
    gw.main()
