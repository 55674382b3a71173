#!/usr/bin/env python3
"""bench/make-letters.py N OUTDIR [SEED]: N realistic documents of 1 to 6
pages for the benchmark, made from the two example letters: the body's
paragraphs taken in order from a random point of the two letters' texts,
as many as the page count drawn (1-6, uniform) needs; the four templates in
turn (letter and file replies, order, minutes), each with its own number,
title and date.  The same N and SEED give the same files."""
import os
import random
import re
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EXAMPLES = [os.path.join(ROOT, "examples", n) for n in ("xiamen-huli-reply.yaml", "fuzhou-jinan-reply.yaml")]
CHARS_PER_LINE, LINES_PER_PAGE = 28, 22
# Lines the header, title, addressee, signature and notes take from the
# pages (calibrated on the rendered page counts).
OTHER_LINES = 18
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
NUMERALS = "一二三四五六七八九十"
TEMPLATES = ("letter", "file", "order", "minutes")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def paragraph_pool(docs):
    pool = []
    for d in docs:
        pool += [p for p in d["body"].splitlines() if p.strip() and not HEADING.match(p)]
    return pool


def lines_of(paragraph):
    return -(-(len(paragraph) + 2) // CHARS_PER_LINE)


def body_for(pool, pages, rng):
    """Paragraphs in the letters' order from a random one, under a heading
    一、 二、 … every three, as many as fit the pages."""
    budget = pages * LINES_PER_PAGE - OTHER_LINES
    i = rng.randrange(len(pool))
    chosen, lines = [], 0
    while True:
        p = pool[i % len(pool)]
        heading = len(chosen) % 4 == 0 and len(chosen) // 4 < len(NUMERALS)
        need = lines_of(p) + (1 if heading else 0)
        if chosen and lines + need > budget:
            break
        if heading:
            chosen.append(f"{NUMERALS[len(chosen) // 4]}、工作情况")
        chosen.append(p)
        lines += need
        i += 1
    return "\n".join(chosen) + "\n"


def reply(base, template, n, rng, body):
    d = dict(base)
    d["template"] = template
    year = rng.choice((2024, 2025, 2026))
    prefix = d["number"].split("〔")[0]
    d["number"] = f"{prefix}〔{year}〕{n}号"
    d["title"] = f"关于区政协九届四次会议第{year}{n:04d}号提案办理情况答复的函"
    d["body"] = body
    d["signature"] = dict(d["signature"], date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return d


def order(n, rng, body):
    year = rng.choice((2024, 2025, 2026))
    return {"gongwen": 1, "template": "order",
            "issuer": {"name": "厦门市人民政府", "mark": "厦门市人民政府令"},
            "number": f"第{n}号", "title": f"厦门市基层医疗卫生服务管理办法（第{n}号）",
            "body": body,
            "signature": {"title": "市长", "name": "张三", "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}}


def minutes(n, rng, body):
    year = rng.choice((2024, 2025, 2026))
    return {"gongwen": 1, "template": "minutes",
            "issuer": {"name": "厦门市湖里区人民政府", "mark": "湖里区人民政府常务会议纪要"},
            "title": f"区政府第{n}次常务会议纪要", "body": body,
            "attendance": {"present": ["张三", "李四", "王五", "赵六"]},
            "signature": {"date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 9704)
    letter, file_ = (load(p) for p in EXAMPLES)
    pool = paragraph_pool((letter, file_))
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        template = TEMPLATES[i % len(TEMPLATES)]
        body = body_for(pool, rng.randint(1, 6), rng)
        n = 100 + i
        if template == "letter":
            doc = reply(letter, "letter", n, rng, body)
        elif template == "file":
            doc = reply(file_, "file", n, rng, body)
        elif template == "order":
            doc = order(n, rng, body)
        else:
            doc = minutes(n, rng, body)
        with open(os.path.join(out, f"{template}-{i:05d}.yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False, width=1 << 20)


if __name__ == "__main__":
    main()
