"""Worker memory: the address space (VmPeak) and resident peak (VmHWM) of the import worker
while it parses real producers' PDFs, Word documents and web pages, short and book-length.

Usage: PYTHONPATH=. .venv/bin/python bench/import_worker_memory.py LIMIT_MB [CORPUS.jsonl.gz]
LIMIT_MB is the worker's RLIMIT_AS (0: none); a file that fails under it prints FAIL.
Prints figures, asserts nothing (Linux: reads /proc).
"""

import gzip
import json
import sys
import time

from desktop_app.core.importers.worker import Parser
from tests.producers import Source
from tests.producers import docx as D
from tests.producers import html as H
from tests.producers import pdf as P


def main():
    arts = []
    with gzip.open(
        sys.argv[2] if len(sys.argv) > 2 else "../shared/corpus/ant-20k.jsonl.gz", "rt"
    ) as f:
        for line in f:
            a = json.loads(line)
            arts.append(a)
            if len(arts) >= 40:
                break
    srcs = [Source(a["title"], tuple(p for p in a["text"].split("\n") if p.strip())) for a in arts]
    big = Source(
        "كتاب طويل 😀", tuple(p for a in arts for p in a["text"].split("\n") if p.strip()) * 4
    )
    files = []
    files += P.fpdf2_pdf(srcs[:5] + [big])
    try:
        files += P.chromium_pdf(srcs[:3] + [big])
    except Exception as e:
        print("chromium", e)
    try:
        files += P.libreoffice_pdf(srcs[:3] + [big])
    except Exception as e:
        print("lo", e)
    files += D.documents(srcs[:3] + [big])
    files += H.pages(srcs[:3])
    print(len(files), "files", max(len(g.data) for g in files))
    with Parser(memory_mb=int(sys.argv[1])) as p:
        for g in files:
            t = time.time()
            try:
                d = p.parse(g.data, g.name)
                r = f"ok {len(d.paragraphs)}"
            except Exception as e:
                r = f"FAIL {e}"
            st = open(f"/proc/{p.pid}/status").read() if p.pid else ""
            peak = [ln for ln in st.splitlines() if ln.startswith(("VmPeak", "VmHWM"))]
            print(g.producer, g.name[:20], len(g.data), r, f"{time.time() - t:.2f}s", peak)


if __name__ == "__main__":
    main()
