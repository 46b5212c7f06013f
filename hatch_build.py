"""Wheel build hook: ship the cache of the validated rules inside the wheel
(`arclean.ruleset.cache.shipped` names it), so that the first run after an install, or
every run of a CI job with an empty cache folder, parses no rule file.  The
cache is found by its key (the loader's code, the schema and the rule
files' bytes): a wheel never uses a cache that does not match it."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class RulesCacheHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":  # a checkout caches in the user's folder
            return
        self._folder = Path(tempfile.mkdtemp(prefix="arclean-build-"))
        sys.path.insert(0, self.root)
        try:
            from arclean.locations import builtin_rules_dir
            from arclean.ruleset import cache
            from arclean.ruleset.loader import load_builtin_rules

            rules = load_builtin_rules(lazy=True, use_cache=False)  # validated
            path = self._folder / cache.shipped(cache.key_for(builtin_rules_dir())).name
            cache.write(path, rules)
        finally:
            sys.path.remove(self.root)
        build_data["force_include"][str(path)] = f"arclean/ruleset/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
