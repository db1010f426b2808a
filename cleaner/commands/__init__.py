"""The `cleaner` sub-commands, one module each. A module exposes `register(sub, common)`, which adds
its parser to the sub-parsers and sets `func`; `cleaner.cli` only lists them here, so adding a
command never touches another one."""
from __future__ import annotations

from . import batch, clean, eval as eval_command, learn, sites

COMMANDS = (clean, batch, eval_command, sites, learn)
