"""How much the ladder importer reads at most: file size, file count, levels, expectations, blocks."""

from __future__ import annotations

#: Largest ladder file read, in bytes.
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Most files read for one ladder.
MAX_FILES = 200
#: Most levels in one ladder.
MAX_LEVELS = 200
#: Most expectations in one ladder, all levels together.
MAX_EXPECTATIONS = 20_000
#: Most headings, list items and paragraphs in one markdown file.
MAX_BLOCKS = 100_000
