"""Per-site rules as data: TOML files found by host or fingerprint and versioned by date."""
from .load import Problem, compile_regex
from .registry import (BUILTIN_DIR, ENV_VAR, Registry, SiteRulesError, check_folders, load_folder,
                       load_registry)
from .rules import Layout, SiteRules

__all__ = ["BUILTIN_DIR", "ENV_VAR", "Layout", "Problem", "Registry", "SiteRules", "SiteRulesError",
           "check_folders", "compile_regex", "load_folder", "load_registry"]
