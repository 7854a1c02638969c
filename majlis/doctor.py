"""`majlis doctor`: check a warehouse (landed files, file log, DuckDB file, locks) and repair what it can.

Everything a run repairs by itself (a damaged landed batch) the doctor can find without running, and with
`--repair` fix the same way, under the run lock so it never races a run. What it cannot fix (lost
articles) it names.
"""

from __future__ import annotations

import fcntl
from dataclasses import dataclass
from pathlib import Path

import duckdb

from majlis.filelog import LOG_DIR, read_log
from majlis.heal import DAMAGE_REASON, heal_landed, recoverable_articles
from majlis.landcheck import DAMAGED_DIR, check_landed
from majlis.records import TABLES
from majlis.runlock import LOCK_NAME, run_lock
from majlis.state import landed_article_batches


@dataclass
class Finding:
    """One thing checked: fine, a problem, or a problem repaired."""

    part: str
    problem: bool
    detail: str
    repaired: str = ""

    def line(self) -> str:
        mark = "repaired" if self.repaired else ("PROBLEM" if self.problem else "ok")
        return f"{mark:>8}  {self.part}: {self.detail}" + (f" → {self.repaired}" if self.repaired else "")


def lock_holder(warehouse: Path, name: str = LOCK_NAME) -> str | None:
    """The pid written in a held lock file (or 'unknown'), None when nobody holds it."""
    path = warehouse / name
    if not path.exists():
        return None
    with path.open("r") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return handle.read().strip() or "unknown"
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


def _temp_files(warehouse: Path) -> list[Path]:
    """Half-written files a killed run left (never read by anyone: hidden and `.tmp`)."""
    found = [*warehouse.glob("landed/*/.*.tmp"), *warehouse.glob(f"{LOG_DIR}/.*.tmp")]
    return sorted(found + [p for p in (warehouse / "build").glob("majlis.duckdb*") if p.is_file()])


def _check_landed(warehouse: Path, repair: bool) -> list[Finding]:
    findings = []
    files = sorted((warehouse / "landed").glob("*/*.parquet"))
    damaged = check_landed(warehouse)
    if not damaged:
        sound = f"{len(files)} files in {len(TABLES)} tables, all sound"
        findings.append(Finding("landed files", False, sound))
    for damage in damaged:
        fixed = "moved to _damaged/, its batch is redone by the next run" if repair else ""
        findings.append(Finding(f"{damage.table} file", True, f"{damage.path}: {damage.reason}", fixed))
    if repair and damaged:
        heal_landed(warehouse)
    pending = recoverable_articles(warehouse, landed_article_batches(warehouse / "landed"))
    if pending:
        waiting = f"{len(pending)} articles wait for the next `majlis run` to analyse again (landed text)"
        findings.append(Finding("damaged batches", False, waiting))
    findings += _damage_history(warehouse)
    return findings


def _damage_history(warehouse: Path) -> list[Finding]:
    """Quarantine rows of damaged files moved aside earlier: what, why, and any articles lost."""
    directory = warehouse / "landed" / "quarantine"
    if not any(directory.glob("*.parquet")):
        return []
    query = (
        "select source_file, reason from read_parquet(?, union_by_name = true) "
        "where starts_with(reason, ?) order by seen_at"
    )
    with duckdb.connect() as con:
        rows = con.execute(query, [str(directory / "*.parquet"), DAMAGE_REASON]).fetchall()
    return [Finding("moved aside earlier", "lost" in str(r), f"{path}: {r}") for path, r in rows]


def _check_database(warehouse: Path, repair: bool) -> Finding:
    from majlis.warehouse import MARTS, build_warehouse, current_counts

    database = warehouse / "majlis.duckdb"
    problem = ""
    if not database.is_file():
        problem = "no majlis.duckdb (never built, or deleted)"
    else:
        try:
            with duckdb.connect(str(database), read_only=True) as con:
                present = {
                    row[0]
                    for row in con.execute("select table_name from information_schema.tables").fetchall()
                }
            missing = sorted(set(MARTS) - present)
            problem = f"marts missing: {', '.join(missing)}" if missing else ""
        except duckdb.Error as exc:
            problem = f"cannot be opened: {str(exc).splitlines()[0]}"
    if not problem:
        if current_counts(warehouse) is None:
            stale = "older than the landed files or the dbt project (readable; the next run rebuilds it)"
            return Finding("database", False, f"{database}: {stale}")
        return Finding("database", False, f"{database}: all {len(MARTS)} marts, built from the landed files")
    fixed = ""
    if repair:
        built = build_warehouse(warehouse, full_refresh=True)  # nothing sound to continue from
        fixed = f"rebuilt from the landed files ({built.counts.get('fact_meetings', 0)} meetings)"
    return Finding("database", True, f"{database}: {problem}", fixed)


def _check_log(warehouse: Path) -> Finding:
    logged = read_log(warehouse)
    forgotten = sum(1 for f in logged.values() if f.stamp.size < 0)
    note = f", {forgotten} forgotten (read again by the next run)" if forgotten else ""
    return Finding("file log", False, f"{len(logged)} input files logged as processed{note}")


def diagnose(warehouse: Path, repair: bool = False) -> list[Finding]:
    """Check `warehouse`; with `repair`, fix what can be fixed (under the run lock)."""
    if not warehouse.is_dir():
        return [Finding("warehouse", True, f"no warehouse at {warehouse} (set MAJLIS_WAREHOUSE)")]
    holder = lock_holder(warehouse)
    if holder is not None:
        detail = f"a run (pid {holder}) is writing the warehouse; landed files may be half done"
        return [Finding("run lock", False, detail + ": check again when it has finished")]
    findings = [Finding("run lock", False, "free (no run in progress)")]
    if repair:
        with run_lock(warehouse):
            return findings + _checks(warehouse, repair)
    return findings + _checks(warehouse, repair)


def _checks(warehouse: Path, repair: bool) -> list[Finding]:
    findings = _check_landed(warehouse, repair)
    temps = _temp_files(warehouse)
    if temps:
        for temp in temps:
            if repair:
                temp.unlink(missing_ok=True)
        detail = f"{len(temps)} half-written files left by interrupted or failed runs (never read)"
        findings.append(Finding("temporary files", True, detail, "deleted" if repair else ""))
    findings.append(_check_log(warehouse))
    findings.append(_check_database(warehouse, repair))
    damaged = warehouse / "landed" / DAMAGED_DIR
    if damaged.is_dir():
        kept = len(list(damaged.rglob("*.parquet")))
        findings.append(Finding("_damaged", False, f"{kept} files kept as evidence in {damaged}"))
    return findings
