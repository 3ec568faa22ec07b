"""English word stems by Snowball, cached: shared by ladder comparison, link suggestions and key terms."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def snowball_stem(word: str) -> str:
    """The Snowball English stem of one lowercase word (cached)."""
    return str(_stemmer.stemWord(word))
