"""The command line (``resolint``), one module per job:

- :mod:`.args`: the table of subcommands and their options (``build_parser``);
- :mod:`.options`: the options that are configuration keys, as overrides;
- :mod:`.discover`: which files a run checks (folder walk, ``.gitignore``);
- :mod:`.files`: bytes to text and back (decoding, writing fixed files);
- :mod:`.checking`: checking one file (settings, lint, fixes);
- :mod:`.workers`: checking many files on worker processes, the progress bar;
- :mod:`.check`, :mod:`.commands`: what each subcommand does;
- :mod:`.status`: the exit status table (0 clean, 1 findings, 2 usage or input error).
"""

from __future__ import annotations

import sys

from ..config import ConfigError
from .args import build_parser
from .checking import CheckJob, check_file
from .status import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK
from .workers import Progress, run_files


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_ERROR if exit_.code not in (0, None) else EXIT_OK
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except ConfigError as error:
        print(f"resolint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


__all__ = [
    "main",
    "build_parser",
    "CheckJob",
    "check_file",
    "run_files",
    "Progress",
    "EXIT_OK",
    "EXIT_FINDINGS",
    "EXIT_ERROR",
]
