"""Parsing untrusted files in a child process with a time and memory limit.

A hostile PDF (a decompression bomb, a reference loop, a million pages) can make pypdf run for
minutes or eat all memory. Each file is parsed in a forked child that may use at most
`memory_mb` of address space and `seconds` of wall time; the parent reports the file and goes on.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import resource
import signal
import traceback

from assistant.core.types import Chunk, Document
from ingest.parse import parse_bytes
from ingest.readers import UnreadableFile

PARSE_SECONDS = 120.0
PARSE_MEMORY_MB = 2048
PR_SET_PDEATHSIG = 1


def _child(conn, reader, parent_pid: int, data: bytes, suffix: str, name: str, memory_mb: int) -> None:
    reader.close()  # the parent's end: held open here, a write could block forever once the parent is gone
    _die_with_parent(parent_pid)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        conn.send(("ok", parse_bytes(data, suffix, name)))
    except UnreadableFile as err:
        conn.send(("unreadable", (err.reason, err.detail)))
    except MemoryError:
        conn.send(("unreadable", (f"te veel geheugen nodig (meer dan {memory_mb} MB); mogelijk een PDF-bom", "")))
    except BaseException as err:  # noqa: BLE001 - whatever a hostile file triggers, the batch goes on
        detail = traceback.format_exception_only(type(err), err)[-1].strip()
        conn.send(("unreadable", ("kan niet verwerkt worden (onverwachte fout bij het lezen)", detail[:300])))
    finally:
        conn.close()


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this process when its parent dies (a SIGKILLed `assistant ingest`)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the closed pipe end still ends the child on its write
        pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


def parse_isolated(
    data: bytes, suffix: str, name: str, *, seconds: float = PARSE_SECONDS, memory_mb: int = PARSE_MEMORY_MB
) -> tuple[list[Document], list[Chunk]]:
    """Like parse_bytes, in a child process; raises UnreadableFile on timeout, memory or crash."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, parent, os.getpid(), data, suffix, name, memory_mb), daemon=True)
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
        raise UnreadableFile(*payload)
    return payload
