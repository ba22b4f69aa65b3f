"""Which files an ingest reads: only what the user pointed at, each read once and bounded.

A folder is walked without following symbolic links out of it: a link into the folder is read
(as its target), a link out of it, a link to a folder and a broken link are refused by name. FIFOs,
sockets and devices are refused without being opened. A file is known by its path relative to the
folder given (or by its own name when the file itself was given), so `a/verslag.pdf` and
`b/verslag.pdf` are two documents.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.core.text import visible
from ingest.readers import SUPPORTED, UnreadableFile

MAX_FILE_BYTES = 300 << 20  # a single PDF of a dossier is far smaller; larger ones are split first


@dataclass(frozen=True)
class Found:
    """A file to ingest: where it is, and the name the index knows it by."""

    path: Path
    name: str
    link: bool = False  # found through a symbolic link inside the folder


def collect(paths: Iterable[Path]) -> tuple[list[Found], list[tuple[str, str]]]:
    """The files to ingest in a stable order, and (name, reason) for each one refused on sight."""
    found: list[Found] = []
    refused: list[tuple[str, str]] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            _walk(given, found, refused)
        elif not os.path.lexists(given):
            refused.append((given.name or str(given), "bestand of map bestaat niet"))
        elif not given.is_file():
            refused.append((given.name, "geen gewoon bestand (FIFO, apparaat of socket); niet gelezen"))
        else:
            found.append(Found(given, given.name))
    keys = [item.path.resolve() for item in found]
    first: dict[Path, Found] = {}
    for key, item in zip(keys, found, strict=True):
        if key not in first or (first[key].link and not item.link):  # known by its own name before a link's
            first[key] = item
    kept = []
    for key, item in zip(keys, found, strict=True):
        if first[key] is not item:
            if item.link:
                refused.append((item.name, f"koppeling (symlink) naar {first[key].name}, dat al gelezen wordt"))
            continue
        reason = _bad_name(item.name)
        if reason:
            refused.append((visible(item.name), reason))
        else:
            kept.append(item)
    return kept, refused


def _walk(root: Path, found: list[Found], refused: list[tuple[str, str]]) -> None:
    inside = root.resolve()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        here = Path(folder)
        for name in list(dirnames):
            if (here / name).is_symlink():
                refused.append((_relative(here / name, root), "koppeling (symlink) naar een map; niet gevolgd"))
        for name in sorted(filenames):
            path = here / name
            if path.suffix.lower() not in SUPPORTED:
                continue
            relative = _relative(path, root)
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                try:
                    target = path.resolve(strict=True)
                except FileNotFoundError:
                    refused.append((relative, "koppeling (symlink) naar een bestand dat niet bestaat"))
                    continue
                except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError on a loop, 3.13 OSError
                    refused.append((relative, "koppeling (symlink) in een kring; niet gevolgd"))
                    continue
                if not target.is_relative_to(inside):
                    refused.append((relative, "koppeling (symlink) naar een bestand buiten de map; niet gevolgd"))
                elif not target.is_file():
                    refused.append((relative, "koppeling (symlink) naar iets anders dan een gewoon bestand"))
                else:
                    found.append(Found(target, relative, link=True))
            elif not stat.S_ISREG(mode):
                refused.append((relative, "geen gewoon bestand (FIFO, apparaat of socket); niet gelezen"))
            else:
                found.append(Found(path, relative))


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _bad_name(name: str) -> str | None:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "de bestandsnaam is geen geldige UTF-8; geef het bestand een nieuwe naam"
    return None


def read_file(path: Path) -> bytes:
    """The bytes of a regular file, read once; never blocks on a FIFO, never follows a swapped-in link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile("bestand bestaat niet (meer)") from None
    except PermissionError:
        raise UnreadableFile("geen toestemming om het bestand te lezen") from None
    except OSError as err:
        raise UnreadableFile("bestand kan niet geopend worden", f"{type(err).__name__}: {err}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("geen gewoon bestand; niet gelezen")
        if info.st_size > MAX_FILE_BYTES:
            raise UnreadableFile(f"groter dan {MAX_FILE_BYTES >> 20} MB; splits het bestand")
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableFile(f"groter dan {MAX_FILE_BYTES >> 20} MB; splits het bestand")
    return data
