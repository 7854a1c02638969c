"""`majlis sql` is read-only: writes, file access, attaching and extensions fail and the data stays."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import SeedsRun

from majlis.readonly import QueryError, run_readonly

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(seeds_run: SeedsRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse directory holding a copy of the database the session's first `majlis run` built from
    the seeds (conftest `seeds_run`)."""
    path = tmp_path_factory.mktemp("secure")
    shutil.copyfile(seeds_run.first_build, path / "majlis.duckdb")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "query",
    [
        "drop table dim_country",
        "delete from dim_country",
        "update dim_country set name_en = 'x'",
        "create table evil as select 1",
        "copy dim_country to '{out}/dump.csv'",
        "attach '{out}/other.duckdb' as other",
        "install httpfs",
        "load httpfs",
        "select * from read_csv('/etc/passwd')",
        "set enable_external_access = true",
    ],
)
def test_writes_and_file_access_fail_and_data_stays(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    monkeypatch.setenv("MAJLIS_WAREHOUSE", str(built))
    with pytest.raises(QueryError):
        run_readonly(query.format(out=tmp_path))
    assert not list(tmp_path.iterdir())
    assert run_readonly("select count(*) from dim_country")[1] == [(249,)]


SQL_CALLS = {"execute", "sql", "query", "executemany"}
AUDITED = [
    "majlis/readonly.py",
    "majlis/warehouse.py",
    "majlis/state.py",
    "majlis/land.py",
    "flows/pipeline.py",
]


@pytest.mark.parametrize("module", AUDITED)
def test_no_sql_is_built_from_data(module: str) -> None:
    """Every SQL string these modules execute is a literal or an f-string over constant names only."""
    tree = ast.parse((REPO / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
        ):
            if not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) or (isinstance(first, ast.Name) and first.id == "query"):
                continue  # a literal, or readonly's user query (run on a read-only connection)
            assert isinstance(first, ast.JoinedStr), f"{module}:{first.lineno} builds SQL from an expression"
            names = [v.value for v in first.values if isinstance(v, ast.FormattedValue)]
            assert all(isinstance(n, ast.Name) and n.id == "mart" for n in names), (
                f"{module}:{first.lineno} pastes something other than a mart name into SQL"
            )
