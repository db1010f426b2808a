"""Errors a user can cause. Each carries a one-line message; the CLI prints it without a traceback."""


class CleanerError(Exception):
    """Base for every failure caused by input or configuration rather than by a bug."""


class InputError(CleanerError):
    """A document or file that cannot be read or decoded."""


class ConfigError(CleanerError):
    """A bad option, such as an unknown cleaner name."""


class DocumentError(CleanerError):
    """A page the cleaner failed on for a reason of its own (a bug, or input it cannot handle)."""
