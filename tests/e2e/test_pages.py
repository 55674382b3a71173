"""Every example and test document measured on its PDF (pdfpages.py: text
from mupdf, rules and images from the content streams), against GB/T 9704 as
issue 8 section 2 puts it, to 0.5 mm: the 版头 (份号, 密级, 紧急程度, the mark,
发文字号 and 签发人, the red rule, the letter's double lines), the title, the
主送机关, every form of the signature block and its seals, 附注, 附件说明 and
attachment pages, 出席, the 版记 and its rules, page numbers; every line on
the 22-line grid and 22 lines on every page a paragraph runs over; every
element of the document present in the PDF's text and every seal among its
images."""
import datetime
import glob
import os
import re
import unittest

import yaml

import gwtest as gw
import pdfpages as pp
from pdfpages import MM, LINE, CH, TYPE_TOP, TYPE_LEFT, TYPE_RIGHT, TYPE_W, TYPE_BOTTOM

TOL = 0.5 * MM
CENTRE = TYPE_LEFT + TYPE_W / 2
C4 = 14.0                      # one 四号 character: the 版记's and the page numbers' inset
AGREE = os.path.join(gw.DATA, "agree")


def cn_date(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"{value.year}年{value.month}月{value.day}日"
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    return f"{m[1]}年{int(m[2])}月{int(m[3])}日" if m else str(value)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def plain(text):
    """A paragraph as printed: markup and white space removed."""
    return re.sub(r"\s+", "", re.sub(r"\\(.)", r"\1", str(text).replace("**", "")))


def paragraphs(body):
    items = body.splitlines() if isinstance(body, str) else as_list(body)
    out = []
    for item in items:
        text = item.get("heading") if isinstance(item, dict) else item
        if text and str(text).strip():
            out.append(plain(text))
    return out


class Document:
    """A document file, rendered, and its pages read back."""

    def __init__(self, case, src):
        self.src = src
        with open(src, encoding="utf-8") as f:
            self.d = yaml.safe_load(f)
        self.kind = self.d.get("template", "file")
        self.pdf = case.path(os.path.basename(src) + ".pdf")
        r = gw.render(src, self.pdf)
        case.assertEqual(r.returncode, 0, f"{src}: {r.stderr}")
        self.pages = pp.read(self.pdf, case.tmp)
        self.date = cn_date(self.d["signature"]["date"]) if self.d.get("signature") else None

    def issuers(self):
        out = []
        for i in as_list(self.d["issuer"]):
            out.append(i if isinstance(i, dict) else {"name": i})
        return out

    def signature_names(self):
        sig = self.d.get("signature") or {}
        names = as_list(sig.get("name"))
        return [str(n) for n in names] if names else [i["name"] for i in self.issuers()]

    def seals(self):
        return as_list((self.d.get("signature") or {}).get("seal"))

    def colophon_pages(self):
        return 1 if self.d.get("cc") or self.d.get("print") else 0


def example_and_test_documents():
    files = sorted(glob.glob(os.path.join(gw.EXAMPLES, "*.yaml")))
    files += sorted(glob.glob(os.path.join(AGREE, "pass-*.yaml")))
    return files


class Measure(gw.Case):
    """Assertions in points, reported in mm."""

    def near(self, got, want, what, doc, tol=TOL):
        self.assertLessEqual(abs(got - want), tol,
                             f"{os.path.basename(doc.src)}: {what}: {got / MM:.2f} mm, want {want / MM:.2f} mm")

    def within(self, got, low, high, what, doc):
        self.assertTrue(low - TOL <= got <= high + TOL,
                        f"{os.path.basename(doc.src)}: {what}: {got / MM:.2f} mm, want {low / MM:.2f}..{high / MM:.2f} mm")

    def one(self, page, text, doc, size=None):
        runs = page.find(text, size)
        self.assertTrue(runs, f"{os.path.basename(doc.src)}: page {page.number}: no {text!r} in {page.runs}")
        return runs[0]

    def on_grid(self, run, doc):
        rows = (run.top - TYPE_TOP) / LINE
        self.near(run.top, TYPE_TOP + round(rows) * LINE, f"page {run and doc and ''}{run.text[:12]} on the grid", doc)


class Pages(Measure):
    @classmethod
    def setUpClass(cls):
        cls.files = example_and_test_documents()

    def documents(self):
        self.assertGreaterEqual(len(self.files), 6)
        for src in self.files:
            yield Document(self, src)

    # ---- 版头 ----------------------------------------------------------
    def marks(self, doc):
        p1 = doc.pages[0]
        runs = [r for r in p1.runs if r.color != "#000000" and r.size > 22]
        self.assertTrue(runs, f"{doc.src}: no red mark on page 1")
        return runs

    def check_mark(self, doc):
        marks = self.marks(doc)
        want_top = {"file": 72, "minutes": 72, "order": 57, "letter": 30}[doc.kind] * MM
        self.near(marks[0].top, want_top, "the mark's top", doc)
        left, right = min(r.x for r in marks), max(r.end for r in marks)
        self.near((left + right) / 2, CENTRE, "the mark's centre", doc)
        self.assertLessEqual(right - left, TYPE_W + TOL, doc.src)
        issuers = doc.issuers()
        if len(issuers) > 1 and doc.kind != "letter":
            # stacked, lead first; the suffix centred on the stack (a run of
            # its own between two names, or on the middle name's line)
            names = [r for r in marks if r.text != "文件"]
            self.assertEqual(len(names), len(issuers), doc.src)
            for run, issuer in zip(names, issuers):
                self.assertTrue(run.text.startswith(issuer.get("mark", issuer["name"])), (run.text, issuer))
            stack_centre = (names[0].top + names[-1].bottom) / 2
            suffix = next(r for r in marks if r.text.endswith("文件"))
            self.near(suffix.top + suffix.size / 2, stack_centre, "文件 centred on the stack", doc)
        elif doc.kind == "letter":
            self.assertEqual(marks[0].text, issuers[0]["name"], "信函: the lead issuer only")
        return marks[-1].bottom

    def check_flags(self, doc, first_top):
        texts = []
        if doc.d.get("copy_number") is not None:
            texts.append(str(doc.d["copy_number"]).zfill(6))
        texts += [doc.d[k] for k in ("classification", "urgency") if doc.d.get(k)]
        for i, text in enumerate(texts):
            run = self.one(doc.pages[0], text, doc)
            self.near(run.x, TYPE_LEFT, f"{text} flush left", doc)
            self.near(run.top, first_top + i * LINE, f"{text} on its line", doc)
        if "classification" in doc.d or "urgency" in doc.d:
            for run in doc.pages[0].find(doc.d.get("classification") or doc.d["urgency"]):
                self.assertIn("Hei", run.font, "密级, 紧急程度 in 黑体")
        return len(texts)

    def check_number_and_rule(self, doc, mark_bottom):
        p1 = doc.pages[0]
        number = self.one(p1, doc.d["number"], doc)
        signers = as_list(doc.d.get("signers"))
        first = self.one(p1, "签发人：", doc) if signers else number
        self.near(first.top - mark_bottom, 2 * LINE, "发文字号 (签发人) two lines below the mark", doc)
        if signers:
            label = first
            name_runs = [r for r in p1.runs if any(s in r.text for s in signers)]
            self.near(number.x, TYPE_LEFT + CH, "upward: the number 1 character in", doc)
            self.near(number.top, max(r.top for r in name_runs), "the number on the last signer's line", doc)
            self.near(max(r.end for r in name_runs), TYPE_RIGHT - CH, "签发人 1 character in from the right", doc)
            self.assertLessEqual(len(name_runs), (len(signers) + 1) // 2 + 1)
            self.assertTrue(any("Kai" in c["font"] for r in name_runs for c in r.chars), "names in 楷体")
            self.assertLess(label.top, number.top + TOL)
        else:
            self.near(number.centre, CENTRE, "发文字号 centred", doc)
        bottom = number.bottom
        red = [r for r in p1.rules if r["color"] != "gray 0"]
        if doc.kind == "order":
            self.assertEqual(red, [], "an order has no red rule")
            return bottom
        self.assertEqual(len(red), 1, doc.src)
        rule = red[0]
        self.near(rule["y"] - rule["thickness"] / 2 - number.bottom, 4 * MM, "the red rule 4 mm below the number", doc)
        self.near(rule["x1"], TYPE_LEFT, "the red rule's left end", doc)
        self.near(rule["x2"], TYPE_RIGHT, "the red rule's right end", doc)
        return rule["y"] + rule["thickness"] / 2

    def check_letter_header(self, doc, mark_bottom):
        p1 = doc.pages[0]
        red = sorted((r for r in p1.rules if r["color"] != "gray 0"), key=lambda r: r["y"])
        self.assertEqual(len(red), 4, f"{doc.src}: two double lines")
        for r in red:
            self.near(r["x2"] - r["x1"], 170 * MM, "double line 170 mm", doc)
            self.near((r["x1"] + r["x2"]) / 2, CENTRE, "double line centred", doc)
        self.near(red[0]["y"] - red[0]["thickness"] / 2 - mark_bottom, 4 * MM, "double line 4 mm below the mark", doc)
        self.assertGreater(red[0]["thickness"], red[1]["thickness"], "thick over thin")
        self.assertLess(red[2]["thickness"], red[3]["thickness"], "thin over thick")
        self.near(p1.height - (red[3]["y"] + red[3]["thickness"] / 2), 20 * MM, "lower double line 20 mm above the bottom", doc)
        under = red[1]["y"] + red[1]["thickness"] / 2
        number = self.one(p1, doc.d["number"], doc)
        self.near(number.top - under, 16 * 7 / 8, "the first item 7/8 of a character below the line", doc)
        self.near(number.end, TYPE_RIGHT, "发文字号 flush right", doc)
        n = self.check_flags(doc, number.top)
        return number.top + max(n - 1, 0) * LINE + 16

    def check_reply(self, doc, above):
        reply = doc.d.get("reply")
        if not reply:
            return above
        run = self.one(doc.pages[0], f"{reply.get('label', '')}：{reply['category']}类".lstrip("："), doc)
        self.near(run.x, TYPE_LEFT, "答复类别 flush left", doc)
        self.near(run.top, above + 13, "答复类别 one line below the rule", doc)
        return run.bottom

    def check_title_and_to(self, doc, header_bottom):
        p1 = doc.pages[0]
        title = [r for r in p1.runs if abs(r.size - 22) < 0.01 and r.color == "#000000"]
        if doc.kind == "order" or not doc.d.get("title"):
            self.assertEqual(title, [], "an order has no title")
            first = min((r for r in p1.body_runs() if r.top > header_bottom), key=lambda r: r.top)
            self.within(first.top - header_bottom, 2 * LINE, 3 * LINE, "the body two lines below the 令号", doc)
            return
        self.within(title[0].top - header_bottom, 2 * LINE, 3 * LINE, "the title two lines below the header", doc)
        self.on_grid(title[0], doc)
        self.assertEqual("".join(r.text for r in title), plain("".join(as_list(doc.d["title"]))))
        for r in title:
            self.near(r.centre, CENTRE, f"title line {r.text} centred", doc)
        below = [r for r in p1.body_runs() if r.top > title[-1].top + TOL and r.size == 16]
        if doc.d.get("to"):
            to = below[0]
            self.assertTrue(to.text.endswith("："), to.text)
            self.near(to.x, TYPE_LEFT, "主送机关 flush left", doc)
            self.near(to.top - title[-1].top, 2 * LINE, "主送机关 one blank line below the title", doc)
            first = below[1]
            self.near(first.top - to.top, LINE, "the body on the line after 主送机关", doc)
        else:
            first = below[0]
            self.near(first.top - title[-1].top, 2 * LINE, "the body one blank line below the title", doc)
        self.near(first.x, TYPE_LEFT + 2 * CH, "a paragraph 2 characters in", doc)

    def test_header(self):
        for doc in self.documents():
            with self.subTest(doc=os.path.basename(doc.src)):
                mark_bottom = self.check_mark(doc)
                if doc.kind == "letter":
                    bottom = self.check_letter_header(doc, mark_bottom)
                else:
                    self.check_flags(doc, TYPE_TOP)
                    bottom = self.check_number_and_rule(doc, mark_bottom) if doc.d.get("number") else mark_bottom
                    red = [r for r in doc.pages[0].rules if r["color"] != "gray 0"]
                    if not doc.d.get("number") and red:      # no number: the rule 4 mm below the mark
                        self.near(red[0]["y"] - red[0]["thickness"] / 2 - mark_bottom, 4 * MM, "the red rule", doc)
                        bottom = red[0]["y"] + red[0]["thickness"] / 2
                bottom = self.check_reply(doc, bottom)
                self.check_title_and_to(doc, bottom)

    # ---- page numbers, grid --------------------------------------------
    def test_page_numbers(self):
        for doc in self.documents():
            labels = pp.page_labels(doc.pdf)
            for page in doc.pages:
                numbers = [r for r in page.runs if re.fullmatch(r"—\d+—", r.text)]
                if doc.kind == "letter" and page.number == 1:
                    self.assertEqual(numbers, [], f"{doc.src}: a letter's page 1 has no number")
                    continue
                if not numbers:
                    continue       # a blank page before the 版记 and that page (test_sweep)
                n = numbers[0]
                self.assertEqual(n.text, f"—{page.number}—", doc.src)
                self.assertEqual(len(numbers), 1)
                self.near(n.top, TYPE_BOTTOM + 7 * MM, f"page {page.number}: the number 7 mm below the type area", doc)
                self.assertIn("Song", n.font)
                if page.number % 2:
                    self.near(n.end, TYPE_RIGHT - C4, f"page {page.number}: right, 1 character in", doc)
                else:
                    self.near(n.x, TYPE_LEFT + C4, f"page {page.number}: left, 1 character in", doc)
            # the viewer's page labels are the pages' numbers, printed or not
            self.assertEqual([(l or {}).get("/S") for l in labels], ["/D"] * len(doc.pages), doc.src)
            self.assertEqual([l["/St"] for l in labels], list(range(1, len(doc.pages) + 1)), doc.src)

    def test_lines_on_the_grid_and_22_a_full_page(self):
        checked_full = 0
        for doc in self.documents():
            title_end = 0
            for page in doc.pages:
                runs = [r for r in page.body_runs() if abs(r.size - 16) < 0.01]
                if page.number == 1:
                    title = [r for r in page.runs if abs(r.size - 22) < 0.01]
                    header = self.marks(doc)[-1].bottom
                    if doc.d.get("number"):
                        header = max(r.bottom for r in page.find(doc.d["number"]))
                    first = title[0].top if title else header + 2 * LINE
                    runs = [r for r in runs if r.top >= first - TOL]
                    title_end = first
                for r in runs:
                    self.on_grid(r, doc)
                rows = {round((r.top - TYPE_TOP) / LINE) for r in runs}
                self.assertLessEqual(max(rows, default=0), 21, f"{doc.src}: page {page.number} beyond line 22")
                nxt = doc.pages[page.number] if page.number < len(doc.pages) else None
                if not runs or not nxt:
                    continue
                last = max(runs, key=lambda r: (r.top, r.x))
                nxt_runs = [r for r in nxt.body_runs() if abs(r.size - 16) < 0.01]
                continues = (nxt_runs and abs(nxt_runs[0].top - TYPE_TOP) < TOL and abs(nxt_runs[0].x - TYPE_LEFT) < TOL
                             and abs(last.end - TYPE_RIGHT) < TOL and abs(last.top - (TYPE_TOP + 21 * LINE)) < TOL)
                if continues and page.number > 1:
                    checked_full += 1
                    self.assertEqual(len(rows), 22, f"{doc.src}: page {page.number}: a paragraph runs over, "
                                                   f"yet {len(rows)} lines")
            self.assertGreater(title_end, 0)
        self.assertGreaterEqual(checked_full, 4)

    # ---- the signature block -------------------------------------------
    def date_run(self, doc):
        for page in reversed(doc.pages):
            for r in page.runs:
                if r.text == doc.date:
                    return page, r
        self.fail(f"{doc.src}: no date {doc.date}")

    def text_above(self, page, y):
        above = [r.bottom for r in page.body_runs() if r.top < y - TOL]
        self.assertTrue(above, f"page {page.number}: the signature alone on its page")
        return max(above)

    def check_unsealed(self, doc, page, date):
        names = [self.one(page, n, doc, 16) for n in doc.signature_names()]
        names = [r for r in names if r.top < date.top]
        x = min(r.x for r in names)
        longest = max(r.end for r in names)
        if date.end > longest + 2 * CH - TOL:
            self.near(date.end, TYPE_RIGHT - 2 * CH, "a long date 2 characters in from the right", doc)
        else:
            self.near(longest, TYPE_RIGHT - 2 * CH, "the name 2 characters in from the right", doc)
        self.near(date.x - x, 2 * CH, "the date 2 characters right of the name", doc)
        self.near(date.top - names[-1].top, LINE, "the date under the name", doc)
        self.near(names[0].top - self.text_above(page, names[0].top), LINE + (LINE - 16), "one blank line above the name", doc)

    def check_sealed_single(self, doc, page, date):
        name = self.one(page, doc.signature_names()[0], doc, 16)
        self.assertEqual(len(page.images), 1, doc.src)
        seal = page.images[0]
        self.near(date.end, TYPE_RIGHT - 4 * CH, "sealed: the date 4 characters in from the right", doc)
        self.near(name.centre, date.centre, "the name centred over the date", doc)
        self.near(seal["x"] + seal["w"] / 2, date.centre, "the seal centred on name and date", doc)
        middle = seal["y"] + seal["h"] / 2
        self.assertTrue(middle - TOL <= (name.top + date.bottom) / 2 < seal["y"] + seal["h"] * 0.75,
                        f"{doc.src}: name and date in the seal's lower middle")
        self.within(seal["y"] - self.text_above(page, seal["y"]), 0, LINE, "the seal's top within one line of the text", doc)

    def check_sealed_joint(self, doc, page, date):
        names = [self.one(page, n, doc, 16) for n in doc.signature_names()]
        seals = sorted(page.images, key=lambda s: (round(s["y"]), s["x"]))
        self.assertEqual(len(seals), len(doc.seals()), doc.src)
        for name, seal in zip(names, seals):
            self.near(seal["x"] + seal["w"] / 2, name.centre, f"a seal centred on {name.text}", doc)
            self.assertTrue(seal["y"] < name.top and name.bottom < seal["y"] + seal["h"], "the seal over the name")
            self.assertGreaterEqual(seal["x"], TYPE_LEFT - TOL, "seals inside the type area")
            self.assertLessEqual(seal["x"] + seal["w"], TYPE_RIGHT + TOL, "seals inside the type area")
        for a in seals:
            for b in seals:
                if a is not b:
                    d = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
                    self.assertGreater(d, a["w"], f"{doc.src}: seals touch")
        rows = {}
        for s in seals:
            rows.setdefault(round(s["y"]), []).append(s)
        self.assertTrue(all(len(r) <= 3 for r in rows.values()))
        last = seals[-1]
        self.near(date.centre, last["x"] + last["w"] / 2, "the last seal over the date", doc)
        self.assertTrue(last["y"] < date.top and date.bottom < last["y"] + last["h"])
        self.within(seals[0]["y"] - self.text_above(page, seals[0]["y"]), 0, LINE, "the first row within one line", doc)

    def check_signature_seal(self, doc, page, date):
        sig = doc.d["signature"]
        titles = page.find_text(sig["title"])
        self.assertTrue(titles, f"{os.path.basename(doc.src)}: no {sig['title']!r} on page {page.number}")
        title = titles[0]          # the title alone: mupdf may join it with the name on its line
        self.near(date.end, TYPE_RIGHT - 4 * CH, "the date 4 characters in", doc)
        if not page.images:
            return
        seal = page.images[0]
        self.near(seal["x"] + seal["w"], TYPE_RIGHT - 4 * CH, "the signature seal 4 characters in", doc)
        self.near(seal["x"] - title.end, 2 * CH, "the title 2 characters left of the seal", doc)
        self.near(title.top + 8, seal["y"] + seal["h"] / 2, "the title centred on the seal", doc)
        self.within(date.top - (seal["y"] + seal["h"]), LINE - 16, 2 * LINE, "the date a blank line below the seal", doc)
        self.within(seal["y"] - self.text_above(page, seal["y"]), 2 * LINE - 16, 3 * LINE, "two blank lines above the seal", doc)

    def check_notes(self, doc, page, date):
        for i, note in enumerate(as_list(doc.d.get("note"))):
            text = note if note.startswith("（") else f"（{note}）"
            run = self.one(page, text, doc)
            self.near(run.x, TYPE_LEFT + 2 * CH, "附注 2 characters in", doc)
            if i == 0:
                self.near(run.top, date.top + LINE, "附注 on the line after the date", doc)

    def test_signature_block(self):
        forms = set()
        for doc in self.documents():
            if not doc.date:
                continue
            with self.subTest(doc=os.path.basename(doc.src)):
                page, date = self.date_run(doc)
                sig = doc.d["signature"]
                if sig.get("title"):
                    forms.add("person")
                    self.check_signature_seal(doc, page, date)
                elif doc.seals() and len(doc.seals()) > 1:
                    forms.add("joint sealed")
                    self.check_sealed_joint(doc, page, date)
                elif doc.seals():
                    forms.add("sealed")
                    self.check_sealed_single(doc, page, date)
                else:
                    forms.add("unsealed")
                    self.check_unsealed(doc, page, date)
                self.check_notes(doc, page, date)
        self.assertEqual(forms, {"person", "joint sealed", "sealed", "unsealed"})

    # ---- 附件说明, attachment pages, 出席 --------------------------------
    def test_attachments(self):
        seen = 0
        for doc in self.documents():
            items = as_list(doc.d.get("attachments"))
            if not items:
                continue
            seen += 1
            names = [i["name"] if isinstance(i, dict) else i for i in items]
            page = next(p for p in doc.pages if p.find("附件："))
            head = self.one(page, "附件：", doc)
            self.near(head.x, TYPE_LEFT + 2 * CH, "附件说明 2 characters in", doc)
            if any(r.top < head.top - TOL for r in page.body_runs()):
                self.near(head.top - self.text_above(page, head.top) + 16, 2 * LINE, "one blank line after the body", doc)
            else:
                self.near(head.top, TYPE_TOP, "附件说明 at the top of a page", doc)
            colon = head.text.index("：")
            after = head.chars[colon + 1]["x"]
            for i, name in enumerate(names):
                numbered = f"{i + 1}.{name}" if len(names) > 1 else name
                run = self.one(page, numbered, doc)
                self.near(run.chars[run.text.index(plain(numbered)[0])]["x"], after, f"item {i + 1} under 1.", doc)
            for i, item in enumerate(items):
                if not isinstance(item, dict) or not item.get("body"):
                    continue
                label = f"附件{i + 1}" if len(items) > 1 else "附件"
                att = next(p for p in doc.pages if p.runs and p.runs[0].text == label)
                first = att.runs[0]
                self.near(first.top, TYPE_TOP, f"{label} on line 1", doc)
                self.near(first.x, TYPE_LEFT, f"{label} flush left", doc)
                self.assertIn("Hei", first.font)
                title = [r for r in att.runs if abs(r.size - 22) < 0.01]
                self.near(title[0].top, TYPE_TOP + 2 * LINE, "the attachment's title on line 3", doc)
                for r in title:
                    self.near(r.centre, CENTRE, "the attachment's title centred", doc)
                self.assertEqual("".join(r.text for r in title), plain(item["name"]))
                self.assertLess(att.number, len(doc.pages) + 1 - 0)
        self.assertGreater(seen, 0)

    def test_attendance(self):
        seen = 0
        for doc in self.documents():
            att = doc.d.get("attendance")
            if not att:
                continue
            seen += 1
            page = next(p for p in doc.pages if p.find("出席："))
            prev = None
            for key, label in (("present", "出席："), ("absent", "请假："), ("attending", "列席：")):
                names = as_list(att.get(key))
                if not names:
                    continue
                head = self.one(page, label, doc)
                self.near(head.x, TYPE_LEFT + 2 * CH, f"{label} 2 characters in", doc)
                self.assertIn("Hei", head.chars[0]["font"], f"{label} in 黑体")
                self.assertNotIn("Hei", head.chars[-1]["font"], "names in 仿宋")
                if prev is None:
                    self.near(head.top - self.text_above(page, head.top) + 16, 2 * LINE, "one blank line after the body", doc)
                else:
                    self.near(head.top, prev + LINE, f"{label} on a new line", doc)
                after = head.chars[len(label)]["x"]
                lines = [r for r in page.body_runs() if head.top - TOL < r.top and r.size == 16]
                prev = head.top
                text = head.text[len(label):]
                for r in lines[1:]:
                    if len(plain("，".join(names))) <= len(text) or r.text.startswith(("出席", "请假", "列席", "（")):
                        break
                    self.near(r.x, after, "names wrap after the colon", doc)
                    text += r.text
                    prev = r.top
                self.assertEqual(text, plain("，".join(names)))
        self.assertGreater(seen, 0)

    # ---- 版记 -----------------------------------------------------------
    def test_colophon(self):
        kinds = set()
        for doc in self.documents():
            if not doc.colophon_pages():
                continue
            kinds.add(doc.kind)
            with self.subTest(doc=os.path.basename(doc.src)):
                last = doc.pages[-1]
                runs = [r for r in last.body_runs() if abs(r.size - 14) < 0.01]
                cc = [r for r in runs if r.top >= self.one(last, "抄送：", doc).top - TOL] if doc.d.get("cc") else []
                rules = sorted(last.rules, key=lambda r: r["y"])
                if doc.d.get("cc"):
                    head = cc[0]
                    self.near(head.x, TYPE_LEFT + C4, "抄送 1 character in", doc)
                    after = head.chars[head.text.index("：") + 1]["x"]
                    wrapped = [r for r in cc[1:] if "印发" not in r.text and r.x < CENTRE]
                    wrapped = [r for r in wrapped if not doc.d.get("print") or doc.d["print"]["by"] not in r.text]
                    for r in wrapped:
                        self.near(r.x, after, "抄送 wraps after the colon", doc)
                    for r in [head, *wrapped][:-1]:
                        self.near(r.end, TYPE_RIGHT - C4, "抄送 1 character in from the right", doc)
                    text = "".join(r.text for r in [head, *wrapped])
                    self.assertEqual(text, "抄送：" + "，".join(as_list(doc.d["cc"])).rstrip("。") + "。")
                if doc.kind == "letter":
                    self.assertEqual([r for r in rules if r["color"] == "gray 0"], [], "信函: no 版记 rules")
                    self.assertFalse(last.find("印发"), "信函: no 印发")
                    self.within(cc[-1].bottom, TYPE_BOTTOM - LINE, TYPE_BOTTOM, "信函 版记 in the last row", doc)
                    continue
                self.assertEqual(len(doc.pages) % 2, 0, f"{doc.src}: the 版记 page is even")
                self.assertIn(len(rules), (2, 3), doc.src)
                for r in rules:
                    self.near(r["x1"], TYPE_LEFT, "版记 rule from the left edge", doc)
                    self.near(r["x2"], TYPE_RIGHT, "版记 rule to the right edge", doc)
                    self.assertEqual(r["color"], "gray 0")
                self.near(rules[-1]["y"], TYPE_BOTTOM, "the last rule on the type area's bottom edge", doc)
                for r in (rules[0], rules[-1]):
                    self.assertAlmostEqual(r["thickness"], 0.35 * MM, delta=0.02 * MM)
                for r in rules[1:-1]:
                    self.assertAlmostEqual(r["thickness"], 0.25 * MM, delta=0.02 * MM)
                self.assertTrue(all(rules[0]["y"] < r.top for r in runs), "the first rule above the 版记")
                if doc.d.get("print"):
                    p = doc.d["print"]
                    by = self.one(last, p["by"], doc, 14)
                    when = self.one(last, cn_date(p["date"]) + "印发", doc, 14)
                    self.near(by.x, TYPE_LEFT + C4, "印发机关 1 character in", doc)
                    self.near(when.end, TYPE_RIGHT - C4, "印发日期 1 character in from the right", doc)
                    self.assertAlmostEqual(by.top, when.top, delta=0.01)
                    self.within(rules[-1]["y"] - by.bottom, 0, LINE, "印发 just above the last rule", doc)
        self.assertTrue({"file", "letter", "minutes"} <= kinds, kinds)

    # ---- nothing dropped -------------------------------------------------
    def expected_texts(self, doc):
        d = doc.d
        out = [str(d["copy_number"]).zfill(6)] if d.get("copy_number") is not None else []
        out += [d[k] for k in ("classification", "urgency", "number") if d.get(k)]
        for i in doc.issuers():
            out.append(i.get("mark", i["name"]) if doc.kind != "letter" or i is doc.issuers()[0] else i["name"])
            if doc.kind == "letter":
                break
        out += as_list(d.get("signers"))
        if d.get("reply"):
            out.append(f"{d['reply']['category']}类")
            if d["reply"].get("label"):
                out.append(d["reply"]["label"])
        if d.get("title"):
            out.append("".join(as_list(d["title"])))
        out += [str(t) for t in as_list(d.get("to"))]
        out += paragraphs(d["body"])
        for a in as_list(d.get("attachments")):
            out.append(a["name"] if isinstance(a, dict) else a)
            if isinstance(a, dict) and a.get("body"):
                out += paragraphs(a["body"])
        for line in as_list(d.get("contacts")):
            out += [f"{k}：{v}" for k, v in line.items()]
        if d.get("signature"):
            out += doc.signature_names() + [doc.date]
            if d["signature"].get("title"):
                out.append(d["signature"]["title"])
        for key in ("present", "absent", "attending"):
            out += as_list((d.get("attendance") or {}).get(key))
        out += as_list(d.get("note"))
        out += as_list(d.get("cc"))
        if d.get("print"):
            out += [d["print"]["by"], cn_date(d["print"]["date"]) + "印发"]
        return out

    def test_every_element_in_the_pdf(self):
        every = 0
        for doc in self.documents():
            text = "".join(p.text() for p in doc.pages)
            for want in self.expected_texts(doc):
                self.assertIn(plain(want), text, f"{doc.src}: {want!r} is not in the PDF")
            seals = {os.path.realpath(os.path.join(os.path.dirname(doc.src), s)) for s in doc.seals()}
            listed = gw.run(["pdfimages", "-list", doc.pdf], check=True).stdout.splitlines()[2:]
            objects = {tuple(l.split()[10:12]) for l in listed if l.split()[2] == "image"}
            self.assertEqual(len(objects), len(seals), f"{doc.src}: each seal embedded once")
            self.assertEqual(sum(len(p.images) for p in doc.pages), len(doc.seals()), f"{doc.src}: each seal drawn")
            if all(doc.d.get(k) for k in ("copy_number", "classification", "urgency", "signers", "attachments",
                                          "contacts", "note", "cc", "print")) and len(doc.seals()) > 1:
                every += 1
        self.assertGreater(every, 0, "no document with every field")


if __name__ == "__main__":
    gw.main()
