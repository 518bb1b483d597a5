"""Coverage-guided fuzz target (atheris / libFuzzer) for reader + parser + rules.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_lint.py fuzz/work ../shared/corpus/markdown ../shared/corpus/plaintext \
        ../shared/corpus/drafts -max_total_time=1800 -timeout=20 -rss_limit_mb=4096

See fuzz/README.md.  The first directory collects new interesting inputs; the
others seed the fuzzer with real resolutions.  A crash or a hang (``-timeout``
seconds on one input) is written to ``crash-*`` / ``timeout-*``; turn it into
a test in tests/test_pathological.py.
"""

from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

with atheris.instrument_imports(include=["resolint"]):
    from harness import check, decode

    import resolint.linter  # noqa: F401
    import resolint.rules

# Import every rule family under instrumentation before the first input.
resolint.rules.all_rules()


def test_one_input(data: bytes) -> None:
    check(decode(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
