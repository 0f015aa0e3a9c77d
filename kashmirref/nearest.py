"""Suggestions for a mistyped id ("did you mean ...?"), at a bounded cost.

:func:`difflib.get_close_matches` compares a word with every candidate; asked once per
dangling reference against every known id, that cost grows with the product of the two.
:class:`Nearest` indexes the known ids once by their letter pairs and compares a word
only with the few ids that share the most letter pairs with it, remembering each answer,
and stops suggesting after :data:`MOST_WORDS` different words: ten thousand dangling
references cost about as much to check as a hundred.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["MOST_WORDS", "Nearest", "nearest"]

_SMALL = 300
"""Up to this many known ids, every one is compared (as difflib alone would)."""
_SHORTLIST = 40
"""With more, only the ids sharing the most letter pairs are compared."""
MOST_WORDS = 200
"""After suggesting for this many different words, one :class:`Nearest` suggests none:
a file with thousands of mistyped ids gets its first problems with suggestions, and
the check of the rest stays cheap."""
_LONGEST = 200
"""Longer words get no suggestion: no id is that long, and comparing them is costly."""


def _pairs(word: str) -> set[str]:
    padded = f"\0{word}\0"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class Nearest:
    """The known ids of one kind, indexed once for suggestions."""

    __slots__ = ("_answers", "_by_pair", "_known")

    def __init__(self, known: Iterable[str]) -> None:
        self._known = list(dict.fromkeys(known))
        self._by_pair: dict[str, list[int]] | None = None
        self._answers: dict[tuple[str, int], tuple[str, ...]] = {}

    def _candidates(self, word: str) -> list[str]:
        if len(self._known) <= _SMALL:
            return self._known
        if self._by_pair is None:
            by_pair: defaultdict[str, list[int]] = defaultdict(list)
            for i, known in enumerate(self._known):
                for pair in _pairs(known):
                    by_pair[pair].append(i)
            self._by_pair = dict(by_pair)
        shared: Counter[int] = Counter()
        for pair in _pairs(word):
            shared.update(self._by_pair.get(pair, ()))
        return [self._known[i] for i, _ in shared.most_common(_SHORTLIST)]

    def __call__(self, word: str, n: int = 1) -> tuple[str, ...]:
        """The ``n`` nearest known ids to ``word``, best first (possibly none).

        None once :data:`MOST_WORDS` other words have been answered.
        """
        if len(word) > _LONGEST:
            return ()
        key = (word, n)
        found = self._answers.get(key)
        if found is None and len(self._answers) >= MOST_WORDS:
            return ()
        if found is None:
            candidates = self._candidates(word)
            found = tuple(difflib.get_close_matches(word, candidates, n=n, cutoff=0.6))
            self._answers[key] = found
        return found


def nearest(word: object, known: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """The ``n`` nearest of ``known`` to ``word`` (one look-up; see :class:`Nearest`)."""
    return Nearest(known)(str(word)[: _LONGEST + 1], n) if isinstance(word, str) else ()
