#!/usr/bin/env python3
"""Doubling benchmark: for each stage, documents of growing size (each twice
the one before, up to the limits of docs/limits.md), the time and peak
memory of one gongwen run, and the ratio of the last two times (about 2 when
the stage is linear, about 4 when it is quadratic).

    bench/bench-linear.py [GONGWEN] [--only NAME,...] [--steps N]

The largest size of each case is the worst case within the limits that
tests/e2e/test_hardening.py holds to 10 s and 500 MB."""
import os
import subprocess
import sys
import tempfile
import time

MAX_BYTES = 10 * 1024 * 1024          # the file limit (E0007)

HEAD = """gongwen: 1
template: letter
issuer: 测试市卫生健康局
number: 测卫函〔2025〕1号
title: {title}
to: {to}
body: |
{body}signature:
  date: 2025-06-12
{tail}"""


def doc(title="关于测试的函", to="张三委员", body="正文。", tail=""):
    lines = "".join("  " + line + "\n" for line in body.split("\n"))
    return HEAD.format(title=title, to=to, body=lines, tail=tail)


def han(n):
    """n Han characters of GB 2312, with a comma every 30."""
    chars = [chr(0x4E00 + (i * 7919) % 3000) for i in range(97)]
    return "".join("，" if i % 30 == 29 else chars[i % 97] for i in range(n))


def paragraphs(n, per, make):
    """n units as paragraphs of at most per units each (a text is at most 1 MB, E0017)."""
    return "\n".join(make(min(per, n - i)) for i in range(0, n, per))


# name: (command, make(n) -> document text, largest n within the limits)
CASES = {
    # yaml/: libyaml's %TAG list is searched linearly: refused past 64
    "tag-directives": ("check", lambda n: "".join(f"%TAG !t{i}! tag:x.org,2025:{i}/\n" for i in range(n)) + "---\n" + doc(),
                       200_000),
    # document/: many paragraphs checked, one contact line of many labels
    "check-paragraphs": ("check", lambda n: doc(body="\n".join(f"第{i}段。" for i in range(n))), 99_000),
    "contact-labels": ("check", lambda n: doc(tail="contacts:\n  - " + "\n    ".join(f"联系人{i}: 李四" for i in range(n)) + "\n"),
                       49_000),
    # text/: the breaker, the itemiser, fallback fonts, wide words
    "spaces": ("render", lambda n: doc(body=paragraphs(n, 1_000_000, lambda k: "甲" + " " * k + "乙")), 9_600_000),
    "han-paragraph": ("render", lambda n: doc(body=paragraphs(n, 340_000, han)), 3_200_000),
    "emphasis": ("render", lambda n: doc(body=paragraphs(n, 140_000, lambda k: "**甲**" * k)), 1_400_000),
    "combining": ("render", lambda n: doc(body=paragraphs(n, 17_000, lambda k: ("a" + "\u0301" * 30) * k)), 160_000),
    "url": ("render", lambda n: doc(body=paragraphs(n, 1_000_000, lambda k: "http://" + "a" * k)), 9_600_000),
    "url-separators": ("render", lambda n: doc(body=paragraphs(n, 500_000, lambda k: "a/" * k)), 4_800_000),
    "rare-hanzi": ("render", lambda n: doc(body=paragraphs(n, 250_000, lambda k: "\U00020000" * k)), 2_400_000),
    "missing-glyph": ("render", lambda n: doc(body=paragraphs(n, 140_000, lambda k: "甲\U0010FFFD" * k)), 1_400_000),
    # one-line items and the title, at the 1 MB a text may have
    "title": ("render", lambda n: doc(title="关" * n), 340_000),
    "one-line-field": ("render", lambda n: doc(to="张" * n), 340_000),
    # layout/: pages, to the 2,000-page limit
    "paragraphs": ("render", lambda n: doc(body="\n".join(han(60) for _ in range(n))), 49_000),
}


def measure(gongwen, command, text, folder):
    src = os.path.join(folder, "bench.yaml")
    with open(src, "w", encoding="utf-8") as f:
        f.write(text)
    size = os.path.getsize(src)
    args = [gongwen, command, src] + (["-o", os.path.join(folder, "bench.pdf")] if command == "render" else [])
    start = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.monotonic() - start
    words = (w.rstrip(":") for w in err.decode("utf-8", "replace").split())
    codes = sorted({w for w in words if len(w) == 5 and w[0] in "EW" and w[1:].isdigit()})
    return {"bytes": size, "seconds": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024,
            "exit": os.waitstatus_to_exitcode(status), "codes": codes, "stderr_bytes": len(err)}


def sizes(largest, steps):
    return [max(1, largest >> k) for k in range(steps - 1, -1, -1)]


def main():
    args = sys.argv[1:]
    gongwen = args.pop(0) if args and not args[0].startswith("--") else "build/gongwen"
    only = set(args[args.index("--only") + 1].split(",")) if "--only" in args else set(CASES)
    steps = int(args[args.index("--steps") + 1]) if "--steps" in args else 4
    print(f"{'case':18} {'n':>10} {'bytes':>10} {'time':>8} {'peak':>7} exit  codes")
    with tempfile.TemporaryDirectory() as folder:
        for name, (command, make, largest) in CASES.items():
            if name not in only:
                continue
            times = []
            for n in sizes(largest, steps):
                text = make(n)
                if len(text.encode("utf-8")) > MAX_BYTES:
                    continue
                r = measure(gongwen, command, text, folder)
                times.append(r["seconds"])
                print(f"{name:18} {n:>10} {r['bytes']:>10} {r['seconds']:>7.2f}s {r['mb']:>5.0f}MB {r['exit']:>4}  "
                      f"{' '.join(r['codes'])}", flush=True)
            if len(times) >= 2 and times[-2] > 0:
                print(f"{name:18} last doubling: x{times[-1] / times[-2]:.2f}", flush=True)


if __name__ == "__main__":
    main()
