"""Exit status of every ``resolint`` command (``../shared/spec/output.md``).

=====  ==================================================================
0      clean: no finding reaches the failure level (``--fail-on``, the
       ``fail-on`` key; ``never`` never fails), or ``--exit-zero``;
       ``--diff`` with nothing to change; ``--help`` and ``--version``;
       a closed output pipe (``resolint check | head``)
1      findings: a finding reaches the failure level; with ``--diff``,
       a fix would change a file
2      usage or input error: a bad option or configuration, or an input
       resolint could not read (the other inputs are still checked and
       reported); no command given
130    interrupted (Ctrl-C)
=====  ==================================================================
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130


def exit_status(args, results, errors) -> int:
    """The status of ``resolint check`` once its findings are reported."""
    from ..diagnostics import Severity

    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    for r in results:
        level = (args.fail_on or r.fail_on or "warning").lower()
        if level == "never":
            continue
        threshold = Severity.parse(level)
        if any(Severity.parse(f.severity) >= threshold for f in r.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def diff_status(args, changed: bool, errors) -> int:
    """The status of ``resolint check --diff``: 1 when a fix would change something."""
    if errors:
        return EXIT_ERROR
    return EXIT_OK if args.exit_zero or not changed else EXIT_FINDINGS
