"""The laid-out pages of both examples, measured from gongwen's display list
(gongwen layout): every full line spans the type area, no line starts or
ends with a forbidden mark, 28 Han characters fill a line, lines sit on the
28.99 pt grid."""
import json
import os
import unicodedata

import gwtest as gw

MM = 72 / 25.4
LEFT, WIDTH = 28 * MM, 156 * MM          # the type area (templates/*.yaml)
PITCH = WIDTH / 28
LINE_PITCH = 225 * MM / 22

NO_START = set("。，、；：？！”’）〕】］｝〉》」』〗—…～·／%‰℃,.;:?!)]}")
NO_END = set("“‘（〔【［｛〈《「『〖／")


def is_han(ch):
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


class Layout(gw.Case):
    def layouts(self):
        # the two seed letters; test_pages.py measures every example
        files = [os.path.join(gw.EXAMPLES, f) for f in ("fuzhou-jinan-reply.yaml", "xiamen-huli-reply.yaml")]
        for src in files:
            r = gw.run([gw.GONGWEN, "layout", src])
            self.assertEqual(r.returncode, 0, r.stderr)
            yield src, json.loads(r.stdout)

    def body_lines(self, layout):
        """Line boxes inside the type area (not the page numbers below it)."""
        top, bottom = 37 * MM, (37 + 225) * MM
        for page in layout["pages"]:
            for item in page["items"]:
                if item["kind"] == "line" and top < item["y"] < bottom:
                    yield item

    def test_full_lines_span_156mm(self):
        full = 0
        for src, layout in self.layouts():
            for line in self.body_lines(layout):
                if not line["fills"]:
                    continue
                full += 1
                end = line["x"] + line["width"]
                self.assertAlmostEqual(end, LEFT + WIDTH, delta=0.1 * MM, msg=f"{src}: {line['text']}")
        self.assertGreater(full, 150)

    def test_prohibited_marks(self):
        for src, layout in self.layouts():
            for line in self.body_lines(layout):
                t = line["text"]
                if line["x"] > LEFT + 0.01 and line["x"] < LEFT + 2.5 * PITCH:
                    continue       # a paragraph's first line: its start is the text's start
                self.assertNotIn(t[0], NO_START, f"{src}: line starts with a mark: {t}")
            lines = list(self.body_lines(layout))
            for line in lines:
                if line["fills"]:
                    self.assertNotIn(line["text"][-1], NO_END, f"{src}: line ends with an opening mark: {line['text']}")

    def test_28_han_characters_fill_a_line(self):
        pure = cjk = 0
        for src, layout in self.layouts():
            for line in self.body_lines(layout):
                t = line["text"]
                indent = round((line["x"] - LEFT) / PITCH)
                if line["fills"] and all(is_han(c) for c in t):
                    pure += 1
                    self.assertEqual(len(t) + indent, 28, f"{src}: {t}")
                elif line["fills"] and all(ord(c) > 0x2000 for c in t):
                    # Han and marks only: 28 cells; one more with a mark
                    # pushed in, a cell or two fewer when the next word
                    # (a number, a ——) had to go down whole
                    cjk += 1
                    self.assertTrue(26 <= len(t) + indent <= 29, f"{src}: {t}")
        self.assertGreater(pure, 0)
        self.assertGreater(cjk, 50)

    def test_lines_on_the_grid(self):
        for src, layout in self.layouts():
            for page in layout["pages"]:
                ys = sorted({round(i["y"], 3) for i in page["items"] if i["kind"] == "line" and i["fills"]})
                for a, b in zip(ys, ys[1:]):
                    steps = (b - a) / LINE_PITCH
                    self.assertAlmostEqual(steps, round(steps), delta=0.001, msg=f"{src}: {a} -> {b}")


    def test_positions_on_the_page(self):
        """GB/T 9704: the 文件 mark's top 35 mm below the type area (72 mm from
        the page top), the letter's mark 30 mm from the top; the first body
        line of a later page at the type area's top (37 mm); page numbers'
        tops 7 mm below the type area, none on a letter's first page."""
        for src, layout in self.layouts():
            first = [i for i in layout["pages"][0]["items"] if i["kind"] == "line"][0]
            want = 72 if "fuzhou" in src else 30
            self.assertAlmostEqual(first["top"] / MM, want, delta=0.1, msg=f"{src}: mark {first['text']}")
            second = [i for i in layout["pages"][1]["items"] if i["kind"] == "line"]
            self.assertAlmostEqual(second[0]["top"] / MM, 37, delta=0.01, msg=src)
            letter = "xiamen" in src
            for n, page in enumerate(layout["pages"], 1):
                numbers = [i for i in page["items"] if i["kind"] == "line" and i["text"] == f"— {n} —"]
                self.assertEqual(len(numbers), 0 if letter and n == 1 else 1, f"{src}: page {n}")
                if not numbers:
                    continue
                self.assertAlmostEqual(numbers[0]["top"] / MM, 37 + 225 + 7, delta=0.01)
                # odd pages right, even pages left, one 四号 character from the edge
                if n % 2:
                    self.assertAlmostEqual(numbers[0]["x"] + numbers[0]["width"], LEFT + WIDTH - 14, delta=0.01)
                else:
                    self.assertAlmostEqual(numbers[0]["x"], LEFT + 14, delta=0.01)

    def test_letter_rules(self):
        """信函: a red double rule (thick over thin) 4 mm under the mark, 170 mm
        long and centred; on page 1 a double rule (thin over thick) 20 mm above
        the bottom; the 发文字号 flush right 7/8 of a 三号 character under the
        rule."""
        r = gw.run([gw.GONGWEN, "layout", os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")])
        page = json.loads(r.stdout)["pages"][0]
        rules = sorted((i for i in page["items"] if i["kind"] == "rule"), key=lambda i: i["y1"])
        self.assertEqual(len(rules), 4)
        for rule in rules:
            self.assertAlmostEqual((rule["x2"] - rule["x1"]) / MM, 170, delta=0.01)
            self.assertAlmostEqual((rule["x1"] + rule["x2"]) / 2, LEFT + WIDTH / 2, delta=0.01)
            self.assertEqual(rule["color"], "cmyk 0 1 1 0")
        lines = [i for i in page["items"] if i["kind"] == "line"]
        mark, number = lines[0], lines[1]
        top_edge = rules[0]["y1"] - rules[0]["thickness"] / 2
        self.assertAlmostEqual(top_edge - (mark["top"] + 30), 4 * MM, delta=0.01)      # 30 pt mark
        self.assertGreater(rules[0]["thickness"], rules[1]["thickness"])                # thick over thin
        self.assertLess(rules[2]["thickness"], rules[3]["thickness"])                   # thin over thick
        bottom_edge = rules[3]["y1"] + rules[3]["thickness"] / 2
        self.assertAlmostEqual(page["height"] - bottom_edge, 20 * MM, delta=0.01)
        under = rules[1]["y1"] + rules[1]["thickness"] / 2
        self.assertAlmostEqual(number["top"] - under, 16 * 7 / 8, delta=0.01)
        self.assertAlmostEqual(number["x"] + number["width"], LEFT + WIDTH, delta=0.01)
        self.assertEqual(number["text"], "厦湖卫健函〔2025〕17号")

    def test_signature_never_alone_on_a_page(self):
        for src, layout in self.layouts():
            dates = [(p, i) for p, page in enumerate(layout["pages"]) for i in page["items"]
                     if i["kind"] == "line" and i["text"].endswith("日") and "年" in i["text"] and len(i["text"]) <= 11]
            self.assertTrue(dates, src)
            page, date = dates[-1]
            above = [i for i in layout["pages"][page]["items"]
                     if i["kind"] == "line" and i["y"] < date["y"] - LINE_PITCH * 1.5]
            self.assertGreaterEqual(len(above), 2, f"{src}: the signature stands alone on page {page + 1}")

    def test_title_lines_given_by_hand_are_kept(self):
        src = self.path("t.yaml")
        with open(src, "w", encoding="utf-8") as f:
            f.write("gongwen: 1\ntemplate: letter\nissuer: 测试局\nnumber: 测函〔2025〕1号\n"
                    "title:\n  - 关于区政协九届四次会议第20253019号\n  - 提案办理情况答复的函\n"
                    "body: |\n  正文。\nsignature:\n  date: 2025-06-12\n")
        r = gw.run([gw.GONGWEN, "layout", src])
        self.assertEqual(r.returncode, 0, r.stderr)
        texts = [i["text"] for i in json.loads(r.stdout)["pages"][0]["items"] if i["kind"] == "line"]
        at = texts.index("关于区政协九届四次会议第20253019号")
        self.assertEqual(texts[at + 1], "提案办理情况答复的函")
        # the automatic break of the same title would be 11 / 15 characters
        self.assertNotIn("关于区政协九届四次会议", texts)


if __name__ == "__main__":
    gw.main()
