"""Hypothesis's entry point into kashmirref, kept light: it imports nothing heavy.

Hypothesis runs :func:`_hypothesis_setup_hook` whenever it is imported, with or without
any use of kashmirref, so the hook must cost next to nothing (see
``benchmarks/hypothesis_import.py``). It registers strategies only for the record
classes whose modules are already imported; those imported later register themselves
at the end of their own import (:func:`register`). Each class is registered with a
function that Hypothesis calls when ``st.from_type`` first resolves it, so
:mod:`kashmirref.strategies` is imported then, not before.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any

_TYPES: dict[str, tuple[str, ...]] = {
    "kashmirref.model": (
        "Actor",
        "Source",
        "Citation",
        "Code",
        "Topic",
        "Statement",
        "Position",
        "NoPositionFound",
        "Instrument",
        "Event",
        "Term",
    ),
    "kashmirref.catalog": ("Catalog",),
}
"""The module of each class that ``st.from_type`` resolves, by module."""

_STRATEGIES = {
    "Actor": "actors",
    "Source": "sources",
    "Citation": "citations",
    "Code": "codes",
    "Topic": "topics",
    "Statement": "statements",
    "Position": "positions",
    "NoPositionFound": "no_positions",
    "Instrument": "instruments",
    "Event": "events",
    "Term": "terms",
    "Catalog": "catalogs",
}
"""The function of :mod:`kashmirref.strategies` that builds each class."""

_hooked = False


def _build(name: str, _kind: object = None) -> Any:
    """The strategy for class ``name``, importing :mod:`kashmirref.strategies` now."""
    from kashmirref import strategies

    return getattr(strategies, _STRATEGIES[name])()


def register(module_name: str) -> None:
    """Register the strategies of one module's classes, if Hypothesis has hooked us.

    Called by :func:`_hypothesis_setup_hook` and at the end of the import of each module
    in ``_TYPES``; does nothing until Hypothesis has run the hook, so importing
    kashmirref never imports Hypothesis.
    """
    module = sys.modules.get(module_name)
    if not _hooked or module is None:
        return
    from hypothesis import strategies as st

    for name in _TYPES[module_name]:
        kind = getattr(module, name, None)
        if kind is not None:
            st.register_type_strategy(kind, functools.partial(_build, name))


def _hypothesis_setup_hook() -> None:
    """Hypothesis entry point: register what is imported, and let the rest follow."""
    global _hooked
    if os.environ.get("HYPOTHESIS_NO_PLUGINS"):
        return
    _hooked = True
    for module_name in _TYPES:
        register(module_name)
