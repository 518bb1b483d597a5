"""Words several modules read a resolution by, named once.

The readers, the citation finder, the dates and the suppressions each need
some of them; a change here (a new Council) reaches them all.
"""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The principal organs other than the General Assembly whose resolutions a text cites
# ("Security Council resolution 2334 (2016)") or whose texts are not the Assembly's.
COUNCILS = ("Economic and Social Council", "Security Council", "Human Rights Council", "Trusteeship Council")

# How a suppression comment opens ("<!-- resolint: disable-next-line N001 -->"): the
# readers blank every such comment, the suppressions read the well-formed ones.
SUPPRESSION_OPENING = r"<!--[ \t]*resolint:"


def alternation(names: tuple[str, ...]) -> str:
    """ "A|B|C": the names as alternatives of a regular expression (none has a special character)."""
    return "|".join(names)
