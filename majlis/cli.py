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

from majlis.faults import capture_logs, plain_errors, report
from majlis.sqlout import OutputFormat

if TYPE_CHECKING:
    from flows.pipeline import RunSummary
    from majlis.filelog import InputScan
    from majlis.readonly import QueryResult

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
        raise typer.Exit(report(exc, console)) from exc  # one line, an exit code per kind of fault


def _add_subcommands() -> None:
    from majlis.nlp.cli import models_app, ner_app

    app.add_typer(ner_app, name="ner", help="Train and evaluate the bundled Stanza NER model.")
    app.add_typer(models_app, name="models", help="Fetch Stanza's official models (needs internet).")


_add_subcommands()


def _print_version(value: bool) -> None:
    if value:
        from majlis import PIPELINE_VERSION, __version__

        console.print(
            f"majlis {__version__} (facts record pipeline_version {PIPELINE_VERSION})", highlight=False
        )
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print majlis's version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    """majlis: Arabic defence and diplomatic news to a warehouse of meeting events."""


def _default_inputs() -> list[Path]:
    """The example articles in the repository's seeds/ (next to the package), wherever majlis is run from."""
    from majlis.config import PROJECT_DIR

    seeds = PROJECT_DIR / "seeds"
    if not seeds.is_dir():
        console.print(
            f"[red]error:[/red] no input given and no example articles at {seeds} (an installed package has "
            "none): name the files or directories to load, e.g. `majlis run /data/news`"
        )
        raise typer.Exit(2)
    return [seeds]


@app.command()
@plain_errors
def run(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories of articles (default: the example articles in the repository's "
            "seeds/)."
        ),
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
    full_refresh: Annotated[
        bool,
        typer.Option(
            "--full-refresh",
            help="Build every mart from scratch instead of replacing only the facts the new articles change "
            "(also done by --reprocess, and after a change of the dbt project or pipeline version).",
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
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks (otherwise one line; they go to the log).")
    ] = False,
) -> None:
    """Run the Prefect flow on PATHS and rebuild the warehouse marts, then print a summary."""
    from majlis import timeline
    from majlis.runtime import quiet_prefect_shutdown

    timeline.mark("cli")

    quiet_prefect_shutdown()
    from majlis.config import warehouse_dir
    from majlis.filelog import scan_inputs

    paths = paths or _default_inputs()
    targets = [str(p.resolve()) for p in paths]
    for given, target in zip(paths, targets, strict=True):
        if not Path(target).exists():
            console.print(f"[red]error:[/red] input path not found: {given}")
            raise typer.Exit(2)
    scan = scan_inputs([Path(t) for t in targets], warehouse_dir(), ignore_log=rescan)
    if not reprocess:
        _stop_if_no_input_files(scan, paths)
    timeline.mark("scanned")
    if not (reprocess or rescan or full_refresh) and _print_if_up_to_date(scan):
        timeline.mark("up to date")
        return
    from majlis.preflight import preflight

    preflight(warehouse_dir(), scan)  # free space, Prefect server: one line before anything changes
    from majlis.prefect_server import prefect_api, start_prefect_server

    start_prefect_server()  # it starts while the flow is imported and the workers load the model
    # imported only now: Prefect and pyarrow take seconds to import, and an up-to-date run needs neither
    from flows.pipeline import NothingToDoError, StageError, majlis_flow, start_analysis_early
    from majlis.expected import quiet_expected_tracebacks
    from majlis.run_report import batch_stamp
    from majlis.runlock import RunLockedError, WarehouseUnwritableError
    from majlis.workers import stop_workers

    timeline.mark("flow imported")
    quiet_expected_tracebacks()
    started = batch_stamp()
    flow_to_run = majlis_flow
    if dask:
        from flows.scale import dask_task_runner

        flow_to_run = majlis_flow.with_options(task_runner=dask_task_runner())
    try:
        with user_errors():
            if not (dask or reprocess):
                start_analysis_early(len(scan.to_read), files_per_batch)
            capture_logs()
            with prefect_api():
                summary = flow_to_run(
                    targets, files_per_batch=files_per_batch, reprocess=reprocess, lock_wait_seconds=wait,
                    rescan=rescan, full_refresh=full_refresh,
                )  # fmt: skip
    except RunLockedError as exc:
        console.print(f"[yellow]busy:[/yellow] {exc}")
        raise typer.Exit(75) from exc  # EX_TEMPFAIL
    except (StageError, NothingToDoError, WarehouseUnwritableError) as exc:
        raise typer.Exit(report(exc, console)) from exc
    finally:
        stop_workers()  # started early for a run that failed before using them
    timeline.mark("flow done")
    timeline.stages(summary.stage_seconds)
    _print_run_summary(summary, scan, started, reprocess)
    if summary.damaged_files:
        console.print(f"  repaired{summary.damage_note()}", highlight=False)


def _stop_if_no_input_files(scan: InputScan, paths: list[Path]) -> None:
    """No article file under the inputs: say so in one line, with what was found instead, before Prefect
    starts (a flow that fails on it would add seconds and a page of log)."""
    if scan.files:
        return
    from majlis.ingest import SUPPORTED_SUFFIXES
    from majlis.run_report import skipped_line

    given = ", ".join(str(p) for p in paths)
    console.print(
        f"[red]error:[/red] no article files under {given} (read: {' '.join(sorted(SUPPORTED_SUFFIXES))}); "
        f"skipped: {skipped_line(scan.skipped)}",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(1)


def _print_run_summary(summary: RunSummary, scan: InputScan, started: str, reprocess: bool) -> None:
    """What this run read, skipped and found (its own meetings, not the warehouse's oldest), and where its
    time went."""
    from majlis.readonly import QueryError
    from majlis.run_report import meetings_line, run_meetings, skipped_line, stage_rows

    console.print(
        f"\n[bold]majlis run[/bold] → {summary.warehouse}\n"
        f"  files: {summary.files} ({summary.files_unchanged} unchanged, not read again)   "
        f"skipped: {skipped_line(scan.skipped)}\n"
        f"  articles read: {summary.articles_read} "
        f"(new {summary.articles_new}, already loaded {summary.articles_skipped}, "
        f"reprocessed {summary.articles_reprocessed})   quarantined: {summary.quarantined}\n"
        f"  entity mentions: {summary.mentions}   participants: {summary.participants}",
        highlight=False,
    )
    try:
        found = run_meetings(started)
    except QueryError:
        found = None
    total = summary.mart_counts.get("fact_meetings", 0)
    if found is not None:
        console.print("  " + meetings_line(found, summary.meetings, total, reprocess), highlight=False)
    totals = ", ".join(f"{k}={v}" for k, v in sorted(summary.mart_counts.items()))
    console.print(f"  warehouse totals: {totals}", highlight=False)
    if summary.marts_incremental is not None:
        how = (
            "the facts of what changed replaced (incremental)"
            if summary.marts_incremental
            else "built in full"
        )
        console.print(f"  marts: {how}", highlight=False)
    stages = Table(title="stages (seconds; analysis overlaps reading)", title_justify="left")
    for column, justify in (("stage", "left"), ("seconds", "right"), ("of run", "right")):
        stages.add_column(column, justify=justify)  # type: ignore[arg-type]
    for row in stage_rows(summary.stage_seconds, summary.seconds):
        stages.add_row(*row)
    stages.add_row("whole run", f"{summary.seconds:.1f}", "100 %", style="bold")
    console.print(stages)
    if found is not None and found.rows:
        shown = Table(title=f"this run's meetings (latest {len(found.rows)})", title_justify="left")
        for column in found.columns:
            shown.add_column(column, overflow="fold")
        for values in found.rows:
            shown.add_row(*("" if v is None else str(v) for v in values))
        console.print(shown)


def _print_if_up_to_date(scan: InputScan) -> bool:
    """Say so and return True when no input file changed and the marts are built from what landed.

    Checked before Prefect starts (its temporary server alone takes seconds), so a no-op run is quick.
    """
    from majlis.config import warehouse_dir
    from majlis.landcheck import check_landed
    from majlis.warehouse import current_counts

    if not scan.files or scan.to_read or check_landed(warehouse_dir()):  # damaged files: a run heals them
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
    by_rule: Annotated[
        bool,
        typer.Option(
            "--by-rule",
            help="Also print precision per extraction rule: of the meetings a rule took part in, how many "
            "match a gold meeting (weakest rules first).",
        ),
    ] = False,
) -> None:
    """Score extraction against your gold annotations, with what differs per article.

    Prints each score with its counts (0.973  72/74), then per article the missed and extra meetings and
    participants and the wrong roles, titles, ranks, dates, places and countries."""
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
    if by_rule:
        console.print(report.render_rules(), soft_wrap=True, highlight=False, markup=False)


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="A .jsonl of articles, a .txt file, or a directory.")],
    article_id: Annotated[
        str | None,
        typer.Option("--id", help="Only the article with this id (the record's `id` or file name)."),
    ] = None,
) -> None:
    """Show, sentence by sentence, the entities NER found and which extraction rules fired.

    Each sentence that starts or carries a meeting is followed by the meeting (type, date, place, rules)
    and its participants with role, country and the rules that placed them: to trace a wrong fact."""
    from majlis.analysis import analyse
    from majlis.explain import explain_articles
    from majlis.ingest import iter_inputs
    from majlis.records import Article

    if not path.exists():
        console.print(f"[red]error:[/red] input not found: {path}")
        raise typer.Exit(2)
    articles = [a for a in iter_inputs([path]) if isinstance(a, Article)]
    if article_id is not None:
        articles = [a for a in articles if article_id in {a.external_id, a.article_id}]
        if not articles:
            console.print(f"[red]error:[/red] no article with id {article_id} in {path}")
            raise typer.Exit(2)
    with user_errors():
        analysis = analyse(articles)
    text = explain_articles(articles, analysis.sentences, analysis.meetings, analysis.mentions)
    console.print(text, soft_wrap=True, highlight=False, markup=False)


@app.command()
def rules(
    stage: Annotated[
        str | None,
        typer.Option(help="Only this stage's rules (trigger, not_news, voice, subject, split, attendance)."),
    ] = None,
) -> None:
    """List the extraction rules of majlis/lexicons/rules.yaml, stage by stage in the order they are tried.

    The names are those `majlis explain`, `majlis evaluate --by-rule` and fact_meetings.rules show; a
    rule file that cannot be read is reported with the rule at fault."""
    from majlis.extract.engine import RuleError, rulebook
    from majlis.rule_table import render_rules

    try:
        book = rulebook()
    except RuleError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if stage is not None and stage not in book.stages:
        console.print(f"[red]error:[/red] no stage {stage!r}; stages: {', '.join(book.stages)}")
        raise typer.Exit(2)
    console.print(render_rules(book, stage), soft_wrap=True, highlight=False, markup=False)


@app.command()
def sql(
    query: Annotated[
        str,
        typer.Argument(help="A SQL query on the marts (list them with `majlis schema`); opened read-only."),
    ],
    limit: Annotated[
        int, typer.Option(help="At most this many rows; 0 for all. A note says when rows were left out.")
    ] = 100,
    format: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="table to read; csv or json (on stdout, nothing else) for tools."
        ),
    ] = OutputFormat.table,
) -> None:
    """Run a read-only SQL query on the warehouse and print the result as a table, CSV or JSON."""
    from majlis.sqlout import to_csv, to_json

    if format is OutputFormat.table:
        _print_query(query, limit=limit)
        return
    result = _query_or_exit(query, limit)
    text = (
        to_csv(result.columns, result.rows)
        if format is OutputFormat.csv
        else to_json(result.columns, result.rows) + "\n"
    )
    sys.stdout.write(text)
    sys.stdout.flush()
    if result.truncated:
        from majlis.sqlout import cut_note

        print(f"note: {cut_note(len(result.rows))}", file=sys.stderr)


@app.command()
def schema(
    table: Annotated[
        str | None,
        typer.Argument(help="A mart (e.g. fact_meetings) to list its columns; without it, all marts."),
    ] = None,
) -> None:
    """List the marts you can query, or one mart's columns, types and descriptions."""
    from majlis.readonly import QueryError
    from majlis.schema import describe, first_sentence, list_marts

    try:
        if table is None:
            marts = list_marts()
        else:
            info, columns = describe(table)
    except QueryError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    if table is None:
        out = Table(title="marts (schema main; `majlis schema TABLE` for columns)", title_justify="left")
        for column in ("table", "rows", "description"):
            out.add_column(column, overflow="fold")
        for mart in marts:
            out.add_row(mart.name, str(mart.rows), first_sentence(mart.description))
    else:
        console.print(f"[bold]{info.name}[/bold]: {' '.join(info.description.split())}", highlight=False)
        out = Table()
        for column in ("column", "type", "description"):
            out.add_column(column, overflow="fold")
        for col in columns:
            out.add_row(col.name, col.data_type, col.description)
    console.print(out, highlight=False)


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
@plain_errors
def doctor(
    repair: Annotated[
        bool, typer.Option("--repair", help="Fix what can be fixed (under the run lock; never during a run).")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check the warehouse (landed files, file log, DuckDB file, locks): what is wrong, what was repaired."""
    from majlis.config import warehouse_dir
    from majlis.doctor import diagnose

    findings = diagnose(warehouse_dir(), repair=repair)
    for finding in findings:
        console.print(finding.line(), highlight=False, markup=False, soft_wrap=True)
    left = [f for f in findings if f.problem and not f.repaired]
    if left:
        hint = "" if repair else "; `majlis doctor --repair` fixes what it can"
        console.print(f"{len(left)} problems{hint}")
        raise typer.Exit(1)
    console.print("healthy" if not any(f.repaired for f in findings) else "repaired")


@app.command()
def bench(
    articles: Annotated[int, typer.Option(help="How many synthetic articles to generate.")] = 1000,
    work_dir: Annotated[Path | None, typer.Option(help="Corpus and warehouse directory.")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Analyse on Dask (MAJLIS_DASK_ADDRESS).")] = False,
    soak: Annotated[
        int,
        typer.Option(help="Instead: N runs of a growing feed with random kills and faults, then compare."),
    ] = 0,
    incremental: Annotated[
        int,
        typer.Option(
            help="Instead: time one-shot `majlis run`s landing N new articles into a warehouse of --base "
            "articles (built once under --work-dir, then reused), and one with nothing new."
        ),
    ] = 0,
    base: Annotated[int, typer.Option(help="Articles in the --incremental base warehouse.")] = 10_000,
    served: Annotated[
        int,
        typer.Option(
            help="With --incremental: instead, R runs of a warm `majlis serve` (every 30 s) that each bring "
            "N new articles, timed from the run's start to the articles in the marts."
        ),
    ] = 0,
) -> None:
    """Time the whole pipeline on N generated articles in a fresh warehouse: per stage, and a second run."""
    from majlis.runtime import quiet_prefect_shutdown

    quiet_prefect_shutdown()
    if incremental and served:
        from majlis.bench.served import render_served, run_served

        runs = run_served(incremental, served, base, work_dir)
        console.print(render_served(runs, incremental), markup=False)
        return
    if incremental:
        from majlis.bench.incremental import render_incremental, run_incremental

        report_ = run_incremental(incremental, base, work_dir)
        console.print(render_incremental(report_), markup=False)
        return
    if soak:
        import tempfile

        from majlis.bench import soak as soak_bench

        directory = work_dir or Path(tempfile.mkdtemp(prefix="majlis-soak-"))
        console.print(soak_bench.render(soak_bench.run_soak(soak, directory)), markup=False)
        return
    from majlis.bench.run import render, run_bench

    with user_errors():
        report = run_bench(articles, work_dir, dask=dask)
    console.print(render(report), markup=False)


def _query_or_exit(query: str, limit: int) -> QueryResult:
    from majlis.readonly import QueryError, query_readonly

    try:
        return query_readonly(query, limit=limit or None)
    except QueryError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc


def _print_query(query: str, title: str | None = None, limit: int = 100) -> None:
    from majlis.sqlout import cut_note

    result = _query_or_exit(query, limit)
    table = Table(title=title, show_lines=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
    if result.truncated:
        console.print(f"[yellow]note:[/yellow] {cut_note(len(result.rows))}", highlight=False)


def main() -> None:
    """The `majlis` console command: the app, then an exit that skips the interpreter's teardown."""
    from majlis.quick_exit import run_then_exit

    run_then_exit(lambda: app(prog_name="majlis"))


if __name__ == "__main__":  # pragma: no cover
    main()
