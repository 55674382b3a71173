"""The slips a clerk makes typing a document by hand, each reported at its
own line and column with the exact text in English and in Chinese: a
full-width colon after a key, no space after the colon, a line indented
unlike its block, a date typed another way (offered rewritten), a missing
data folder (an environment error naming the folder and how to set it)."""
import os

import gwtest as gw

BROKEN = os.path.join(gw.DATA, "broken")
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}

CASES = [
    ("100-full-width-colon.yaml",
     "7:6: error E0020: the key title is followed by a full-width colon “：”; YAML needs a half-width colon "
     "and a space: title: 关于区政协九届四次会议第20253019…",
     "7:6: error E0020: 键 title 后面是全角冒号“：”；YAML 须用半角冒号加空格：title: 关于区政协九届四次会议第20253019…"),
    ("101-no-space-after-colon.yaml",
     "20:8: error E0021: no space after the colon of the key name: write name: 厦门市湖里区卫生健康局",
     "20:8: error E0021: 键 name 的冒号后缺少空格：应写作 name: 厦门市湖里区卫生健康局"),
    ("102-body-line-dedented.yaml",
     "12:1: error E0022: this line is indented by 0 spaces and the line above it (line 11) by 2: "
     "the lines of one block are indented alike",
     "12:1: error E0022: 本行缩进 0 个空格，上一行（第 11 行）缩进 2 个：同一块中的各行缩进须相同"),
    ("103-key-dedented.yaml",
     "18:4: error E0022: this line is indented by 3 spaces and the line above it (line 17) by 4: "
     "the lines of one block are indented alike",
     "18:4: error E0022: 本行缩进 3 个空格，上一行（第 17 行）缩进 4 个：同一块中的各行缩进须相同"),
    ("104-date-chinese-numerals.yaml",
     "21:9: error E0110 [signature.date]: 二〇二五年六月十二日 is not written as gongwen reads dates: "
     "write 2025-06-12 (or 2025年6月12日)",
     "21:9: error E0110 [signature.date]: 日期 二〇二五年六月十二日 的写法无法识别：应写作 2025-06-12（或 2025年6月12日）"),
    ("033-date-slashes.yaml",
     "21:9: error E0110 [signature.date]: 2025/06/12 is not written as gongwen reads dates: "
     "write 2025-06-12 (or 2025年6月12日)",
     "21:9: error E0110 [signature.date]: 日期 2025/06/12 的写法无法识别：应写作 2025-06-12（或 2025年6月12日）"),
    ("105-body-without-bar.yaml",
     "10:3: warning E0139 [body]: body was read as one paragraph: without | after body: YAML joins its lines; "
     "write body: | to keep each line a paragraph",
     "10:3: warning E0139 [body]: 正文被读成了一段：body: 后没有 |，YAML 会把各行连成一行；写作 body: | 可使每行各成一段"),
    ("001-yaml-syntax.yaml",
     "8:3: error E0001: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence",
     "8:3: error E0001: YAML 语法错误：此处应为“,”或“]”（读取 [ ] 列表时）"),
]


def check(name, env):
    return gw.run([gw.GONGWEN, "check", name], env=env, cwd=BROKEN)


class Slips(gw.Case):
    def test_each_slip_at_its_place_in_both_languages(self):
        for name, english, chinese in CASES:
            with self.subTest(name):
                self.assertEqual(check(name, ENGLISH).stdout, f"{name}:{english}\n")
                self.assertEqual(check(name, CHINESE).stdout, f"{name}:{chinese}\n")

    def test_dates_typed_other_ways_are_rewritten(self):
        with open(os.path.join(BROKEN, "033-date-slashes.yaml"), encoding="utf-8") as f:
            text = f.read()
        for typed, iso in [("2024.3.5", "2024-03-05"), ("2025/6/12", "2025-06-12"),
                           ("二〇二五年十月三十一日", "2025-10-31"), ("２０２５年６月１２日", "2025-06-12"),
                           ("2025 年 6 月 12 日", "2025-06-12"), ("2024.2.29", "2024-02-29")]:
            with self.subTest(typed):
                doc = self.path("d.yaml")
                with open(doc, "w", encoding="utf-8") as f:
                    f.write(text.replace("2025/06/12", typed))
                r = gw.run([gw.GONGWEN, "check", doc], env=ENGLISH)
                y, m, d = (int(x) for x in iso.split("-"))
                self.assertIn(f":21:9: error E0110 [signature.date]: {typed} is not written as gongwen reads dates: "
                              f"write {iso} (or {y}年{m}月{d}日)\n", r.stdout)
        for impossible in ("2025.2.30", "二〇二五年二十日"):
            with self.subTest(impossible):
                with open(doc, "w", encoding="utf-8") as f:
                    f.write(text.replace("2025/06/12", impossible))
                r = gw.run([gw.GONGWEN, "check", doc], env=ENGLISH)
                self.assertIn(f"error E0110 [signature.date]: not a calendar date: {impossible} "
                              "(write 2025-06-12 or 2025年6月12日)", r.stdout)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)
        return name

    def base(self):
        with open(os.path.join(BROKEN, "033-date-slashes.yaml"), encoding="utf-8") as f:
            return f.read().replace("2025/06/12", "2025-06-12")

    def test_a_misspelled_key_is_not_also_a_missing_field(self):
        for typo, line, col, field, where_en, where_zh, meant in [
                ("titel: ", 7, 1, "titel", "the document", "文档", "title"),
                ("  dat: ", 21, 3, "signature.dat", "signature", "署名和成文日期（signature）", "date")]:
            with self.subTest(typo):
                key = "title: " if typo.startswith("titel") else "  date: "
                name = self.write("typo.yaml", self.base().replace(key, typo, 1))
                en = gw.run([gw.GONGWEN, "check", name], env=ENGLISH, cwd=self.tmp)
                self.assertEqual(en.stdout, f"{name}:{line}:{col}: error E0111 [{field}]: unknown field "
                                            f"{field.split('.')[-1]} in {where_en}; did you mean {meant}?\n")
                zh = gw.run([gw.GONGWEN, "check", name], env=CHINESE, cwd=self.tmp)
                self.assertEqual(zh.stdout, f"{name}:{line}:{col}: error E0111 [{field}]: {where_zh}中没有字段"
                                            f"“{field.split('.')[-1]}”；是否应为“{meant}”？\n")
        name = self.write("gone.yaml", self.base().replace("title: ", "# title: ", 1))
        r = gw.run([gw.GONGWEN, "check", name], env=ENGLISH, cwd=self.tmp)
        self.assertEqual(r.stdout, f"{name}:1:1: error E0101 [title]: missing required field title (标题)\n")

    def test_a_heading_slip_is_at_the_heading(self):
        text = self.base().replace("  二、措施与成效", "  三、措施与成效")
        name = self.write("heading.yaml", text)
        en = gw.run([gw.GONGWEN, "check", name], env=ENGLISH, cwd=self.tmp)
        zh = gw.run([gw.GONGWEN, "check", name], env=CHINESE, cwd=self.tmp)
        self.assertRegex(en.stdout, rf"^{name}:13:3: warning E0130 \[body\[\d+\]\]: .*三、.*二、")
        self.assertRegex(zh.stdout, rf"^{name}:13:3: warning E0130 \[body\[\d+\]\]: 标题序号“三、”不连续：应为“二、”\n$")

    def test_a_missing_data_folder_names_it_and_how_to_set_it(self):
        env = {"GONGWEN_DATA_DIR": self.path("nowhere")}
        xiamen = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
        r = gw.run([gw.GONGWEN, "render", xiamen, "-o", self.path("x.pdf")], env={**ENGLISH, **env})
        self.assertEqual(r.returncode, 3)
        self.assertEqual(r.stderr, f"{self.tmp}/nowhere/fonts/fonts.yaml: error E0807: no font map: the data folder "
                                   f"{self.tmp}/nowhere has no fonts/fonts.yaml; set GONGWEN_DATA_DIR to the folder "
                                   "holding templates/ and fonts/ (for an installed gongwen, PREFIX/share/gongwen)\n")
        r = gw.run([gw.GONGWEN, "fonts"], env={**CHINESE, **env})
        self.assertEqual(r.returncode, 3)
        self.assertIn(f"error E0807: 找不到字体映射：数据目录 {self.tmp}/nowhere 中没有 fonts/fonts.yaml；"
                      "请把环境变量 GONGWEN_DATA_DIR 设为含 templates/ 和 fonts/ 的目录", r.stderr)


if __name__ == "__main__":
    gw.main()
