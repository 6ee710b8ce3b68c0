"""The output folder's working state, so a batch can stop at any moment and ``--resume`` later.

Finished pages are saved in small parts under ``OUT/.minutes/`` (each part written to a
temporary file and renamed, then listed in ``manifest.jsonl``). The tables themselves are
rebuilt from the parts at the end of every run, again by temporary file and rename: an
interrupted run leaves the previous tables whole and its finished parts ready for ``--resume``.
Memory stays flat: rows go to disk a part at a time.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Iterator

from pipeline.export import write_table_chunks
from pipeline.records import TABLES, ErrorRow, PageRecords

STATE = ".minutes"


class OutputStore:
    def __init__(self, out_dir: Path, fmt: str = "csv", resume: bool = False) -> None:
        self.out_dir, self.fmt = out_dir, fmt
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
        files = []
        for table in TABLES:
            chunks = iter([[asdict(e) for e in errors]]) if table == "errors" else self._rows(table)
            files.append(write_table_chunks(self.out_dir, table, chunks, self.fmt))
        return files

    def pages(self) -> int:
        return len({e["source"] for e in self.entries})
