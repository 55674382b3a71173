"""Nothing silently off the page (issue: hardening, section 3).

Every one-line item of the page (the issuer mark, joint issuers, the
发文字号, 签发人, a title line given by hand, the reply line, signature names,
the 印发 line, contact lines) is given extreme but legal values.  Each
document must either lay out with every line box, rule and image inside
the page (and inside the type area's width where it sits in the type
area's height), or be refused with E0830/E0831 naming the field, and then
`check` must refuse it too and `render` must write nothing.
"""
import json
import os
import re

import gwtest as gw

PT = 72 / 25.4
LONG_NAME = "福建省福州市晋安区人民政府办公室卫生健康和医疗保障综合事务管理中心"   # 34 characters
SEAL = os.path.abspath(os.path.join(gw.EXAMPLES, "seals", "fuzhou-jinan-health.png"))

BASE = {
    "template": "file",
    "issuer": "福州市晋安区卫生健康局",
    "number": "榕晋卫〔2026〕38号",
    "title": "关于进一步深化家庭医生签约服务的答复",
    "to": "薛洪洪委员",
    "body": "您提出的建议收悉，现答复如下。\n专此答复。\n",
    "signature": {"name": "福州市晋安区卫生健康局", "date": "2026-04-15"},
}


def variants():
    """(name, document overrides, fields that may be refused)."""
    three = [LONG_NAME[:20], LONG_NAME[:22], LONG_NAME[:24]]
    yield "long single mark", {"issuer": LONG_NAME}, {"issuer"}
    yield "three long joint issuers", {"issuer": three, "signature": {"date": "2026-04-15"}}, {"issuer", "signature.name"}
    yield "three joint sealed issuers", {
        "issuer": three, "signature": {"date": "2026-04-15", "seal": [SEAL, SEAL, SEAL]}}, {"issuer", "signature.name", "signature.seal"}
    yield "six joint sealed issuers", {
        "issuer": ["晋安区卫健局", "晋安区财政局", "晋安区民政局", "晋安区医保局", "晋安区教育局", "晋安区人社局"],
        "signature": {"date": "2026-04-15", "seal": [SEAL] * 6}}, {"issuer", "signature.name", "signature.seal"}
    yield "long number", {"number": "榕晋卫办综合事务管理中心〔2026〕123456789号"}, {"number"}
    yield "very long number", {"number": "榕晋卫" + "办" * 40 + "〔2026〕1号"}, {"number"}
    yield "many signers", {"signers": ["刘必森", "张三丰", "李四光", "王五一", "赵六合"]}, {"number"}
    yield "long number with signers", {"number": "榕晋卫办综合事务管理〔2026〕123456号",
                                       "signers": ["欧阳必森", "司马相如"]}, {"number"}
    yield "title line by hand", {"title": ["关于进一步深化家庭医生签约服务系统提升基层医疗健康管理效能的答复", "函"]}, {"title[0]"}
    yield "long reply label", {"reply": {"category": "A", "label": "答复类别与办理结果及相关情况说明" * 2}}, {"reply"}
    yield "long signature name", {"signature": {"name": LONG_NAME + LONG_NAME[:10], "date": "2026-04-15"}}, {"signature.name"}
    yield "long sealed name", {"signature": {"name": LONG_NAME, "date": "2026-04-15", "seal": SEAL}}, {"signature.name"}
    yield "long print office", {"print": {"by": LONG_NAME + "办公室秘书科", "date": "2026-04-16"}}, {"print"}
    yield "long contact line", {"contacts": [{"联系人": "江天" * 30, "联系电话": "0591-83631339"}]}, set()
    yield "long cc", {"cc": [LONG_NAME] * 12}, set()
    yield "long to", {"to": [LONG_NAME] * 5}, set()
    yield "letter with long number", {"template": "letter", "number": "厦湖卫健函" + "办" * 30 + "〔2025〕17号"}, {"number"}
    yield "order", {"template": "order", "number": "第1号", "title": None,
                    "signature": {"name": "张三", "title": "福州市晋安区人民政府区长兼党组书记", "date": "2026-04-15"}}, {"signature.name"}


def document(overrides):
    doc = dict(BASE)
    for k, v in overrides.items():
        if v is None:
            doc.pop(k, None)
        else:
            doc[k] = v
    return doc


def boxes(page):
    """(kind, left, top, right, bottom, text) of every item, in points."""
    for it in page["items"]:
        if it["kind"] == "line":
            yield "line", it["x"], it["top"], it["x"] + it["width"], it["y"], it["text"]
        elif it["kind"] == "rule":
            half = it["thickness"] / 2
            yield "rule", min(it["x1"], it["x2"]), min(it["y1"], it["y2"]) - half, \
                max(it["x1"], it["x2"]), max(it["y1"], it["y2"]) + half, ""
        elif it["kind"] == "image":
            yield "image", it["x"], it["y"], it["x"] + it["width"], it["y"] + it["height"], ""


class Fit(gw.Case):
    def write(self, name, doc):
        path = self.path(name.replace(" ", "-") + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)      # JSON is YAML
        return path

    def test_every_item_inside_the_page_or_refused(self):
        refused = 0
        for name, overrides, may_refuse in variants():
            with self.subTest(name):
                src = self.write(name, document(overrides))
                r = gw.run([gw.GONGWEN, "layout", src])
                if r.returncode != 0:
                    refused += 1
                    self.assert_refused(src, r, may_refuse)
                    continue
                self.assert_inside(json.loads(r.stdout))
        self.assertGreater(refused, 3, "the extremes should include some that do not fit")

    def assert_refused(self, src, r, may_refuse):
        self.assertEqual(r.returncode, 1, r.stderr)
        codes = [l for l in r.stderr.splitlines() if " E0830 " in l or " E0831 " in l]
        self.assertTrue(codes, r.stderr)
        for line in codes:
            field = re.search(r" \[(\S+)\]: ", line).group(1)
            self.assertIn(field, may_refuse, line)
            if " E0830 " in line:
                self.assertRegex(line, r"\d+\.\d mm")
            self.assertRegex(line, r":\d+:\d+: error")      # the field's own place
        c = gw.run([gw.GONGWEN, "check", src])
        self.assertEqual(c.returncode, 1, "check must refuse what render refuses")
        self.assertTrue(any(" E0830 " in l or " E0831 " in l for l in c.stdout.splitlines()), c.stdout)
        out = src[:-5] + ".pdf"
        rr = gw.run([gw.GONGWEN, "render", src, "-o", out])
        self.assertEqual(rr.returncode, 1)
        self.assertFalse(os.path.exists(out))

    def assert_inside(self, dump):
        for p, page in enumerate(dump["pages"]):
            w, h = page["width"], page["height"]
            left, right = 28 * PT, (28 + 156) * PT
            top, bottom = 37 * PT, (37 + 225) * PT
            for kind, x1, y1, x2, y2, text in boxes(page):
                where = f"page {p + 1} {kind} {text[:20]!r}"
                self.assertGreaterEqual(x1, -0.01, where)
                self.assertLessEqual(x2, w + 0.01, where)
                self.assertGreaterEqual(y1, -0.01, where)
                self.assertLessEqual(y2, h + 0.01, where)
                if kind != "rule" and y1 >= top - 0.1 and y2 <= bottom + 0.1:
                    self.assertGreaterEqual(x1, left - 0.1, where)
                    self.assertLessEqual(x2, right + 0.1, where)


class Overlaps(gw.Case):
    """Header items a template places onto each other are found by
    `check --layout` (E0845), and the built-in placing never does that:
    an item after others goes below the lowest of them."""

    DOC = dict(BASE, template="letter", copy_number=2, classification="机密★5年", urgency="加急",
               reply={"category": "B"})

    def write(self, name, text):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_built_in_header_items_do_not_overlap(self):
        src = self.write("letter.yaml", json.dumps(self.DOC, ensure_ascii=False))
        r = gw.run([gw.GONGWEN, "check", "--layout", src])
        self.assertNotIn("E0845", r.stdout)
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_a_template_placing_the_reply_onto_the_flags_is_refused(self):
        base = os.path.abspath(os.path.join(gw.SOURCE, "templates", "letter.yaml"))
        with open(base, encoding="utf-8") as f:
            text = f.read()
        # the reply line on the line of the item before it: the 份号's
        text = text.replace("  - item: reply                 # 提案/建议答复 category (practice)\n    place: after\n    gap: 13pt\n",
                            "  - item: reply\n    place: with_previous\n")
        self.assertIn("place: with_previous\n    align: left\n    style: reply", text)
        tpl = self.write("overlap.yaml", text)
        src = self.write("doc.yaml", json.dumps(dict(self.DOC, template=tpl), ensure_ascii=False))
        r = gw.run([gw.GONGWEN, "check", "--layout", src])
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("error E0845", r.stdout)
        self.assertIn("page 1", r.stdout)


if __name__ == "__main__":
    gw.main()
