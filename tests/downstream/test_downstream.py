"""Runs the downstream example shipped in the wheel (kashmirref.examples.downstream)."""

from kashmirref.examples.downstream import (
    test_from_type_gives_consistent_records,
    test_share_is_a_fraction,
    test_share_is_symmetric,
)

__all__ = [
    "test_from_type_gives_consistent_records",
    "test_share_is_a_fraction",
    "test_share_is_symmetric",
]
