"""The `majlis` command exits without the interpreter's teardown, but keeps what a normal exit does: its
status, its atexit handlers (Prefect's server and dbt's process are stopped there), its idle thread pools
ended, its output flushed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from majlis.quick_exit import exit_code

CHILD = textwrap.dedent(
    """
    import atexit, sys
    from concurrent.futures import ThreadPoolExecutor
    from majlis.quick_exit import run_then_exit

    def command():
        pool = ThreadPoolExecutor(2)  # left idle and not shut down, as a library might leave one
        pool.submit(print, "pool ran", flush=False).result()
        atexit.register(lambda: print("atexit ran", end=""))  # no newline, no flush: exit must flush
        print("unflushed line", end="\\n")
        sys.exit({code})

    run_then_exit(command)
    """
)


@pytest.mark.parametrize(("code", "status"), [("None", 0), ("3", 3), ("'majlis: no such file'", 1)])
def test_the_process_ends_with_its_status_after_its_exit_handlers_and_output(code: str, status: int) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(code=code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == status
    assert done.stdout == "pool ran\nunflushed line\natexit ran"
    assert done.stderr == ("majlis: no such file\n" if status == 1 else "")


def test_the_console_command_exits_with_the_commands_status() -> None:
    ok = subprocess.run([sys.executable, "-m", "majlis.cli", "--version"], capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.strip()
    bad = subprocess.run(
        [sys.executable, "-m", "majlis.cli", "no-such-command"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "no-such-command" in bad.stderr


def test_exit_codes_follow_sys_exit() -> None:
    assert exit_code(None) == 0 and exit_code(0) == 0 and exit_code(75) == 75
