#!/usr/bin/env python3
"""Convert ../shared/data/reuters-21578/*.json into flashpoint's JSONL input.

Each record becomes {"id", "date", "title", "text"}; text = title + blank line + body.
Records without a body are kept (text = title) so the corpus is complete; records with
neither are skipped. Usage: bench/reuters_to_jsonl.py [SRC_DIR] OUT.jsonl
"""
import glob
import json
import os
import sys


def main() -> int:
    args = sys.argv[1:]
    src = args[0] if len(args) == 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "reuters-21578")
    out = args[-1] if args else "reuters.jsonl"
    files = sorted(glob.glob(os.path.join(src, "reuters-*.json")))
    if not files:
        print(f"skip: no Reuters-21578 files under {src} (../shared is absent?)", file=sys.stderr)
        return 2
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for path in files:
            with open(path, encoding="utf-8") as fh:
                records = json.load(fh)
            for i, r in enumerate(records):
                title = (r.get("title") or "").strip()
                body = (r.get("body") or "").strip()
                text = f"{title}\n\n{body}" if title and body else (body or title)
                if not text:
                    continue
                rid = r.get("id") or f"{os.path.basename(path)}:{i}"
                f.write(json.dumps({"id": str(rid), "date": r.get("date", ""), "title": title, "text": text}) + "\n")
                n += 1
    print(f"wrote {n} articles to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
