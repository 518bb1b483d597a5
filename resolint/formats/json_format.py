"""``json``: the stable contract of ``../shared/spec/output.md`` — one array of findings."""

from __future__ import annotations

import json
from typing import TextIO


def write(results, out: TextIO, options) -> None:
    json.dump([f.as_json(r.path) for r in results for f in r.findings], out, ensure_ascii=False, indent=2)
    out.write("\n")
