"""Terminal escape sequences, as one pattern: what gzctl removes from text that enters
(gzctl/core/text.py: pasted from a terminal or a log) and from everything it prints
(gzctl/core/outtext.py). A leaf module: both import it."""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ ... ST or
# BEL), and the two-character forms (ESC + one char). The 8-bit C1 forms (0x9b CSI, 0x9d OSC,
# ...) are covered too.
ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?       # CSI ... final byte
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                  # OSC DCS SOS PM APC
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?                     # ... up to BEL or ST
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                              # ESC x (and lone ESC)
    """,
    re.VERBOSE,
)
