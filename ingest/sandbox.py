"""Parsing untrusted files in a child process with a time and memory limit.

A hostile PDF (a decompression bomb, a reference loop, a million pages) can make pypdf run for
minutes or eat all memory. Each file is parsed in a forked child that may use at most
`memory_mb` of address space and `seconds` of wall time; the parent reports the file and goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import traceback
from pathlib import Path

from assistant.core.types import Chunk, Document
from ingest.parse import parse_file
from ingest.readers import UnreadableFile

PARSE_SECONDS = 120.0
PARSE_MEMORY_MB = 2048


def _child(conn, path: str, memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        conn.send(("ok", parse_file(Path(path))))
    except UnreadableFile as err:
        conn.send(("unreadable", err.reason))
    except MemoryError:
        conn.send(("unreadable", f"te veel geheugen nodig (meer dan {memory_mb} MB); mogelijk een PDF-bom"))
    except BaseException as err:  # noqa: BLE001 - whatever a hostile file triggers, the batch goes on
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        conn.send(("unreadable", f"kan niet verwerkt worden ({detail[:150]})"))
    finally:
        conn.close()


def parse_isolated(
    path: Path, *, seconds: float = PARSE_SECONDS, memory_mb: int = PARSE_MEMORY_MB
) -> tuple[list[Document], list[Chunk]]:
    """Like parse_file, in a child process; raises UnreadableFile on timeout, memory or crash."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, str(path), memory_mb), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise UnreadableFile(f"verwerken duurde langer dan {seconds:.0f} s; bestand overgeslagen")
        try:
            status, payload = parent.recv()
        except (EOFError, OSError):
            raise UnreadableFile("het verwerken van dit bestand liep vast (proces gestopt)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status != "ok":
        raise UnreadableFile(payload)
    return payload
