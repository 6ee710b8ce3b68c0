"""The output folder's working state, so a batch can stop at any moment and ``--resume`` later.

Finished pages are saved in small parts under ``OUT/.minutes/`` (each part written to a
temporary file and renamed, then listed in ``manifest.jsonl``). The tables themselves are
rebuilt from the parts at the end of every run, again by temporary file and rename: an
interrupted run leaves the previous tables whole and its finished parts ready for ``--resume``.
Memory stays flat: rows go to disk a part at a time.

One run per output folder at a time: ``OUT/.minutes.lock`` names the run that holds the folder
(pid, host, start time), so two runs can never mix their parts; a lock left by a run that was
killed (its pid gone, on this host) is taken over.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Iterator

from pipeline.export import write_tables_chunks
from pipeline.records import TABLES, ErrorRow, PageRecords

STATE = ".minutes"
LOCK = ".minutes.lock"


class OutputBusy(RuntimeError):
    """Another run is writing to the output folder."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, but alive
        return True
    return True


def _holder(lock: Path) -> dict | None:
    """The lock's owner, or None when the lock is stale (its run is gone) or unreadable."""
    try:
        info = json.loads(lock.read_text(encoding="utf-8"))
        pid, host = int(info["pid"]), str(info["host"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):  # half-written by a run killed as it started
        return None if time.time() - _mtime(lock) > 10 else {"pid": "?", "host": "?", "started": "just now"}
    if host == socket.gethostname() and (pid == os.getpid() or not _alive(pid)):
        return None  # a killed run's lock, or this process's own (a store it left open)
    return info


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def acquire_lock(out_dir: Path) -> Path:
    """Create ``OUT/.minutes.lock`` atomically, taking over a stale one; ``OutputBusy`` when a live
    run holds it."""
    lock = out_dir / LOCK
    out_dir.mkdir(parents=True, exist_ok=True)
    me = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                     "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")})
    for _ in range(5):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _holder(lock)
            if holder is not None:
                raise OutputBusy(f"output folder {out_dir} is in use by another run (pid {holder.get('pid')} on "
                                 f"{holder.get('host')}, started {holder.get('started')}); wait for it to finish, "
                                 f"or use another --out") from None
            stale = lock.with_name(f"{LOCK}.stale.{os.getpid()}")
            try:  # rename, not unlink: of two runs taking over at once, only one moves the stale lock
                os.replace(lock, stale)
                stale.unlink()
            except FileNotFoundError:
                pass
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(me)
        return lock
    raise OutputBusy(f"output folder {out_dir}: cannot take its lock {lock}")


class OutputStore:
    def __init__(self, out_dir: Path, fmt: str = "csv", resume: bool = False) -> None:
        self.out_dir, self.fmt = out_dir, fmt
        self.lock: Path | None = acquire_lock(out_dir)
        self.state = out_dir / STATE
        if not resume:
            shutil.rmtree(self.state, ignore_errors=True)
        self.state.mkdir(parents=True, exist_ok=True)
        self.manifest = self.state / "manifest.jsonl"
        self.entries: list[dict] = []
        if self.manifest.exists():
            for line in self.manifest.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:  # a line cut by an interruption: that page is simply redone
                    continue
                if (self.state / entry["part"]).exists():
                    self.entries.append(entry)
        self._done = {(e["source"], e["sha256"]) for e in self.entries}
        self._next = 1 + max((int(e["part"][5:11]) for e in self.entries), default=0)

    def is_done(self, source: str, sha256: str | None) -> bool:
        return (source, sha256) in self._done

    def add_part(self, pages: list[tuple[str, str, PageRecords]]) -> None:
        """Save finished pages as one part, then record them in the manifest."""
        if not pages:
            return
        name = f"part-{self._next:06d}.jsonl"
        self._next += 1
        fd, tmp = tempfile.mkstemp(prefix=".part.", dir=self.state)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for _, _, recs in pages:
                for table, rows in recs.tables().items():
                    for row in rows:
                        f.write(json.dumps({"t": table, "r": asdict(row)}, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.state / name)
        entries = [{"source": s, "sha256": h, "part": name} for s, h, _ in pages]
        with open(self.manifest, "a", encoding="utf-8") as f:
            f.write("".join(json.dumps(e) + "\n" for e in entries))
            f.flush()
            os.fsync(f.fileno())
        self.entries.extend(entries)
        self._done.update((s, h) for s, h, _ in pages)

    def _rows(self, table: str) -> Iterator[list[dict]]:
        """The table's rows, a part at a time; a page extracted twice (its file changed between
        runs) keeps only its latest rows."""
        latest = {e["source"]: e["part"] for e in self.entries}
        for part in dict.fromkeys(e["part"] for e in self.entries):
            chunk = []
            with open(self.state / part, encoding="utf-8") as f:
                for line in f:
                    item = json.loads(line)
                    if item["t"] == table and latest.get(item["r"]["source"]) == part:
                        chunk.append(item["r"])
            yield chunk

    def finish(self, errors: list[ErrorRow]) -> list[Path]:
        """Rebuild every table from the parts (and this run's errors)."""
        tables = {table: iter([[asdict(e) for e in errors]]) if table == "errors" else self._rows(table)
                  for table in TABLES}
        return write_tables_chunks(self.out_dir, tables, self.fmt)

    def pages(self) -> int:
        return len({e["source"] for e in self.entries})

    def close(self) -> None:
        """Give the folder back (the lock is removed only if it is still this run's)."""
        if self.lock is None:
            return
        try:
            if json.loads(self.lock.read_text(encoding="utf-8")).get("pid") == os.getpid():
                self.lock.unlink()
        except (OSError, ValueError):
            pass
        self.lock = None
