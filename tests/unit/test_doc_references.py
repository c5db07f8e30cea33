"""Code and docs point only to what a reader of this repository can open.

Earlier drafts cited a design file and the specifications the API was merged from, none of
which ship with the repository; pointers now go to docs/architecture.md sections by name."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANNED_DIRS = ("functions", "layers", "infra", "local", "tests", "bench", "docs", "events", ".ci")
SCANNED_FILES = ("README.md", "Makefile", "pyproject.toml", "cdk.json")
TEXT_SUFFIXES = {".py", ".md", ".json", ".toml", ".txt", ".yaml", ".yml", ".sh", ""}
# Built from parts so this file does not match itself.
FORBIDDEN = re.compile(
    "|".join(
        [
            "DESIGN" + r"\.md",  # the design file outside the repository
            r"\bseed\s+0\d\d\b",  # the numbered specification seeds
            r"\bthe seed's\b",
            r"\bNEX" + r"US\b",
            r"\bBooked" + r"Barber\b",
        ]
    ),
    re.IGNORECASE,
)
SECTION_POINTER = re.compile(r"architecture\.md, ([A-Z][^)\n]*)\)")


def _text_files() -> list[Path]:
    files = [ROOT / name for name in SCANNED_FILES if (ROOT / name).is_file()]
    for directory in SCANNED_DIRS:
        for path in (ROOT / directory).rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts:
                files.append(path)
    return sorted(files)


def test_no_file_cites_documents_outside_the_repository() -> None:
    # Given every source and documentation file of the repository
    files = _text_files()
    assert len(files) > 100
    # When they are searched for citations of the design file or the specification seeds
    citations = [
        f"{path.relative_to(ROOT)}:{number}: {match.group(0)}"
        for path in files
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1)
        for match in FORBIDDEN.finditer(line)
    ]
    # Then there are none: say it in place or point to docs/architecture.md
    assert citations == []


def test_pointers_to_architecture_sections_name_existing_headings() -> None:
    # Given the headings of docs/architecture.md
    headings = {
        line.lstrip("#").strip()
        for line in (ROOT / "docs" / "architecture.md").read_text().splitlines()
        if line.startswith("## ")
    }
    # When code and docs point to "docs/architecture.md, <section>"
    pointers = {
        (str(path.relative_to(ROOT)), match.group(1))
        for path in _text_files()
        for match in SECTION_POINTER.finditer(path.read_text(errors="replace"))
    }
    # Then every named section exists
    assert pointers
    assert [(where, section) for where, section in sorted(pointers) if section not in headings] == []
