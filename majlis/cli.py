"""The `majlis` command line: run the flow, extract to gold format, query the warehouse."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from majlis.filelog import InputScan

# Offline by default: Prefect's server would otherwise try to send telemetry at start.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

app = typer.Typer(
    help="majlis: Arabic defence and diplomatic news to a warehouse of meeting events.",
    no_args_is_help=True,
    add_completion=False,
)
# a summary table needs more room than the 80 columns assumed when output is not a terminal
console = Console(width=None if sys.stdout.isatty() else 140)


@contextmanager
def user_errors() -> Iterator[None]:
    """Known failures (missing model, failed dbt build, unwritable warehouse, Prefect's server not starting)
    as one clear line, exit 1."""
    from majlis.land import LandingError
    from majlis.nlp.model import MissingModelError
    from majlis.prefect_server import PrefectServerError
    from majlis.warehouse import WarehouseBuildError
    from majlis.workers import WorkerSettingError

    known = (MissingModelError, WarehouseBuildError, LandingError, WorkerSettingError, PrefectServerError)
    try:
        yield
    except known as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


def _add_subcommands() -> None:
    from majlis.nlp.cli import models_app, ner_app

    app.add_typer(ner_app, name="ner", help="Train and evaluate the bundled Stanza NER model.")
    app.add_typer(models_app, name="models", help="Fetch Stanza's official models (needs internet).")


_add_subcommands()


@app.command()
def run(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories of articles (default: seeds/).")
    ] = None,
    files_per_batch: Annotated[
        int, typer.Option(help="Most files per Prefect task run (small runs use smaller ones).")
    ] = 200,
    reprocess: Annotated[
        bool,
        typer.Option(
            "--reprocess", help="Extract again from every landed article (text from the warehouse)."
        ),
    ] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait when another run holds the warehouse.")] = 0.0,
    rescan: Annotated[
        bool,
        typer.Option(
            "--rescan", help="Read every input file again, even those unchanged since they were processed."
        ),
    ] = False,
    dask: Annotated[
        bool,
        typer.Option("--dask", help="NER and extraction on Dask: $MAJLIS_DASK_ADDRESS, else a LocalCluster."),
    ] = False,
) -> None:
    """Run the Prefect flow on PATHS and rebuild the warehouse marts, then print a summary."""
    from majlis.runtime import quiet_prefect_shutdown

    quiet_prefect_shutdown()
    from majlis.config import warehouse_dir
    from majlis.filelog import scan_inputs

    targets = [str(p.resolve()) for p in (paths or [Path("seeds")])]
    for given, target in zip(paths or [Path("seeds")], targets, strict=True):
        if not Path(target).exists():
            console.print(f"[red]error:[/red] input path not found: {given}")
            raise typer.Exit(2)
    scan = scan_inputs([Path(t) for t in targets], warehouse_dir(), ignore_log=rescan)
    if not (reprocess or rescan) and _print_if_up_to_date(scan):
        return
    from majlis.prefect_server import prefect_api, start_prefect_server

    start_prefect_server()  # it starts while the flow is imported and the workers load the model
    # imported only now: Prefect and pyarrow take seconds to import, and an up-to-date run needs neither
    from flows.pipeline import NothingToDoError, StageError, majlis_flow, start_analysis_early
    from majlis.runlock import RunLockedError, WarehouseUnwritableError
    from majlis.workers import stop_workers

    flow_to_run = majlis_flow
    if dask:
        from flows.scale import dask_task_runner

        flow_to_run = majlis_flow.with_options(task_runner=dask_task_runner())
    try:
        with user_errors():
            if not (dask or reprocess):
                start_analysis_early(len(scan.to_read), files_per_batch)
            with prefect_api():
                summary = flow_to_run(targets, files_per_batch=files_per_batch, reprocess=reprocess,
                                      lock_wait_seconds=wait, rescan=rescan)  # fmt: skip
    except RunLockedError as exc:
        console.print(f"[yellow]busy:[/yellow] {exc}")
        raise typer.Exit(75) from exc  # EX_TEMPFAIL
    except (StageError, NothingToDoError, WarehouseUnwritableError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        stop_workers()  # started early for a run that failed before using them
    console.print(
        f"\n[bold]majlis run[/bold] → {summary.warehouse}\n"
        f"  files: {summary.files} ({summary.files_unchanged} unchanged, not read again)   "
        f"articles read: {summary.articles_read} "
        f"(new {summary.articles_new}, already loaded {summary.articles_skipped}, "
        f"reprocessed {summary.articles_reprocessed})   quarantined: {summary.quarantined}\n"
        f"  entity mentions: {summary.mentions}   meetings: {summary.meetings}   "
        f"participants: {summary.participants}"
    )
    totals = ", ".join(f"{k}={v}" for k, v in sorted(summary.mart_counts.items()))
    console.print(f"  warehouse totals: {totals}")
    _print_query(
        "select m.meeting_date as date, m.event_type as type, m.host_country_code as host, "
        "m.guest_country_code as guest, m.location_country_code as place, "
        "string_agg(coalesce(p.person_name, p.title), ' · ' order by p.participant_index) as participants, "
        "len(m.topics) as topics, round(m.confidence, 2) as conf "
        "from fact_meetings m left join fact_meeting_participants p using (meeting_id) "
        "where p.role <> 'attendee' group by all order by date nulls last, host, guest limit 8",
        title="fact_meetings (first rows)",
    )


def _print_if_up_to_date(scan: InputScan) -> bool:
    """Say so and return True when no input file changed and the marts are built from what landed.

    Checked before Prefect starts (its temporary server alone takes seconds), so a no-op run is quick.
    """
    from majlis.config import warehouse_dir
    from majlis.warehouse import current_counts

    if not scan.files or scan.to_read:
        return False
    counts = current_counts()
    if counts is None:
        return False
    totals = ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    console.print(
        f"[bold]majlis run[/bold] → {warehouse_dir()}: up to date. All {scan.files} input files are "
        f"unchanged since they were processed ({scan.unchanged_articles} articles); nothing to do.\n"
        f"  warehouse totals: {totals}\n  (--rescan reads every file again; --reprocess extracts again.)"
    )
    return True


@app.command()
def serve(
    inbox: Annotated[Path, typer.Option(help="Directory the scheduled runs read new articles from.")],
    cron: Annotated[str, typer.Option(help="Cron schedule, e.g. '*/30 * * * *'.")] = "*/30 * * * *",
    interval: Annotated[
        float | None, typer.Option(help="Run every this many seconds instead of on the cron schedule.")
    ] = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "majlis-inbox",
) -> None:
    """Serve a Prefect deployment that runs the flow on INBOX on a schedule, until Ctrl-C or SIGTERM.

    With PREFECT_API_URL unset, majlis runs a Prefect server (with its scheduler) for as long as it serves;
    with it set, the deployment registers with that server."""
    from majlis.runtime import quiet_prefect_shutdown

    quiet_prefect_shutdown()
    if not inbox.is_dir():
        console.print(f"[red]error:[/red] inbox is not a directory: {inbox}")
        raise typer.Exit(2)
    from flows.deploy import inbox_deployment, serve_inbox

    try:
        deployment = inbox_deployment(inbox, cron, name, interval_seconds=interval)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    with user_errors():
        serve_inbox(deployment, say=lambda line: console.print(line, highlight=False, soft_wrap=True))


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="A .jsonl of articles, a .txt file, or a directory.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write one JSON line per article.")],
) -> None:
    """Run ingest, NER and extraction without a warehouse; write meetings in the gold format."""
    from majlis.analysis import analyse
    from majlis.gold import meeting_to_gold
    from majlis.ingest import iter_inputs
    from majlis.records import Article

    if not path.exists():
        console.print(f"[red]error:[/red] input not found: {path}")
        raise typer.Exit(2)
    items = list(iter_inputs([path]))
    articles = [a for a in items if isinstance(a, Article)]
    for item in items:
        if not isinstance(item, Article):
            console.print(
                f"[yellow]quarantined[/yellow] {item.source_file} ({item.record_index}): {item.reason}"
            )
    with user_errors():
        meetings = analyse(articles).meetings
    by_article: dict[str, list[dict[str, object]]] = {a.article_id: [] for a in articles}
    for meeting in meetings:
        by_article[meeting.article_id].append(meeting_to_gold(meeting))
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": article.external_id, "meetings": by_article[article.article_id]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    console.print(f"{len(articles)} articles, {len(meetings)} meetings → {output}")


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold annotations, JSON Lines: per article its id, title and body (or a 'file'), and the "
            "'meetings' it reports, in the format `majlis extract` writes."
        ),
    ],
    per_article: Annotated[
        bool,
        typer.Option(
            help="After the scores, list per article what was missed, extra or wrong (the default)."
        ),
    ] = True,
    texts: Annotated[
        Path | None,
        typer.Option(
            help="Directory of the article files that gold records name in 'file' instead of giving a body "
            "(default: the gold file's directory)."
        ),
    ] = None,
) -> None:
    """Extract meetings from gold articles; print scores with their counts (0.973  72/74) and, per article,
    missed and extra meetings and participants and wrong roles, titles, ranks, dates, places and countries."""
    from majlis.evaluate import GoldFormatError, evaluate_file

    if not gold.exists():
        console.print(f"[red]error:[/red] gold file not found: {gold}")
        raise typer.Exit(2)
    try:
        with user_errors():
            report = evaluate_file(gold, texts)
    except GoldFormatError as exc:
        console.print(f"[red]error:[/red] {exc}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from exc
    console.print(report.render(per_article=per_article), soft_wrap=True, highlight=False, markup=False)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query; the warehouse is opened read-only.")],
    limit: Annotated[int, typer.Option(help="At most this many rows are printed.")] = 100,
) -> None:
    """Run a read-only SQL query on the warehouse and print the result as a table."""
    _print_query(query, limit=limit)


@app.command()
def dashboard(
    port: Annotated[int, typer.Option(help="Port to serve on (localhost).")] = 8501,
    warehouse: Annotated[
        Path | None, typer.Option(help="Warehouse directory (default $MAJLIS_WAREHOUSE).")
    ] = None,
) -> None:
    """Start the analysts' dashboard on the marts (Streamlit, read-only, never blocks runs)."""
    from majlis.dashboard import serve_dashboard

    serve_dashboard(port=port, warehouse=warehouse)


@app.command()
def bench(
    articles: Annotated[int, typer.Option(help="How many synthetic articles to generate.")] = 1000,
    work_dir: Annotated[Path | None, typer.Option(help="Corpus and warehouse directory.")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Analyse on Dask (MAJLIS_DASK_ADDRESS).")] = False,
) -> None:
    """Time the whole pipeline on N generated articles in a fresh warehouse: per stage, and a second run."""
    from majlis.runtime import quiet_prefect_shutdown

    quiet_prefect_shutdown()
    from majlis.bench.run import render, run_bench

    with user_errors():
        report = run_bench(articles, work_dir, dask=dask)
    console.print(render(report), markup=False)


def _print_query(query: str, title: str | None = None, limit: int = 100) -> None:
    from majlis.readonly import QueryError, run_readonly

    try:
        columns, rows = run_readonly(query, limit=limit)
    except QueryError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)


def main() -> None:  # pragma: no cover - console entry point
    app(prog_name="majlis")


if __name__ == "__main__":  # pragma: no cover
    main()
