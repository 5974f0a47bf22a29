"""Benchmark: importing a large council's Annex A workbook and computing every KPI.

Generates a synthetic workbook (List 1 about 60,000 rows, about 120,000 in all),
then times, in one run:
  ours   - import_annex_a: read, check, compute every KPI, store the import and its
           child-level rows and feed the 15 measures (a fresh SQLite database)
  floor  - the raw python-calamine read of every sheet of the same workbook
  commands - `manage.py import_annex_a` then `manage.py kpis`, each its own process
           as a person or a cron job runs them, so start-up counts (issue 18)
  naive  - pandas.read_excel with openpyxl (skipped if pandas is not installed)
and prints the ratios against the targets (ours <= 1.5x floor, the two commands
<= 2x floor, >= 3x faster than naive) and the peak memory of the process, then the
same ratios by CPU time (this process's, and its children's), steadier than wall
time on a machine others are using.

Usage: .venv/bin/python bench/annex_a.py [--contacts 60000] [--repeat 3] [--keep PATH]
"""

import argparse
import datetime
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = datetime.date(2024, 3, 31)


def setup_django(db_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def generate(path: Path, contacts: int) -> None:
    # In its own process, so the generator's memory does not count as ours.
    command = [sys.executable, str(ROOT / "manage.py"), "generate_annex_a", "-o", str(path)]
    subprocess.run(command + ["--contacts", str(contacts), "--seed", "7"], check=True)  # noqa: S603


def cpu_seconds() -> float:
    """CPU time of this process and of the children it has waited for: on a busy
    machine it moves far less than wall time does."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(runs: dict, repeat: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall and CPU time of each run, the runs interleaved so drift in the
    machine's load falls on all of them alike."""
    times: dict[str, list[float]] = {label: [] for label in runs}
    cpu: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeat):
        for label, run in runs.items():
            start, start_cpu = time.perf_counter(), cpu_seconds()
            run()
            times[label].append(time.perf_counter() - start)
            cpu[label].append(cpu_seconds() - start_cpu)
    medians, cpu_medians = {}, {}
    for label, found in times.items():
        medians[label], cpu_medians[label] = statistics.median(found), statistics.median(cpu[label])
        each = ", ".join(f"{t:.2f}" for t in found)
        print(
            f"  {label:<44} {medians[label]:7.2f} s  (median of {repeat}: {each}; "
            f"CPU {cpu_medians[label]:.2f} s)"
        )
    return medians, cpu_medians


def compile_ours() -> None:
    """Compile our modules first, as the image does (Dockerfile) and as Python does on
    any run that may write bytecode, so each command pays for starting, not compiling."""
    folders = [str(ROOT / "improvement"), str(ROOT / "config")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True)  # noqa: S603


def commands(workbook: Path, db_path: Path) -> None:
    """The import and the KPIs as two commands, each paying for its own start-up."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    council = ["--council", "bench"]
    for command in (
        ["import_annex_a", str(workbook), *council, "--reference-date", REFERENCE.isoformat()],
        ["kpis", *council],
    ):
        subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def raw_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=60000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="Reuse (or keep) the workbook at this path")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="annex-a-bench-"))
    workbook = Path(args.keep) if args.keep else work / "annex-a.xlsx"
    if not workbook.exists():
        print(f"Generating a workbook with {args.contacts} contacts ...")
        generate(workbook, args.contacts)
    db_path = work / "bench.sqlite3"
    compile_ours()
    setup_django(db_path)

    from improvement.annex_a.services import import_annex_a
    from improvement.core.actors import SystemActor
    from improvement.core.models import Council

    council, _ = Council.objects.get_or_create(slug="bench", defaults={"name": "Bench Council"})
    rows = raw_read(workbook)
    print(f"Workbook {workbook} ({workbook.stat().st_size / 1e6:.1f} MB, {rows} rows in all)")
    floor_label, ours_label = "raw python-calamine read (floor)", "our import + all KPIs"
    commands_label = "import_annex_a + kpis, two processes"
    medians, cpu = timed(
        {
            floor_label: lambda: raw_read(workbook),
            ours_label: lambda: import_annex_a(SystemActor("bench"), council, workbook, REFERENCE),
            commands_label: lambda: commands(workbook, db_path),
        },
        args.repeat,
    )
    floor, ours = medians[floor_label], medians[ours_label]
    memory = peak_mb()
    naive = naive_read(workbook)
    report(ours, floor, naive, memory, medians[commands_label])
    print(
        f"by CPU time: ours / raw read = {cpu[ours_label] / cpu[floor_label]:.2f}x, "
        f"two commands / raw read = {cpu[commands_label] / cpu[floor_label]:.2f}x"
    )
    shutil.rmtree(work, ignore_errors=True)  # the workbook too, unless --keep put it elsewhere


def naive_read(workbook: Path) -> float | None:
    try:
        import pandas
    except ImportError:
        print("  pandas is not installed: skipping the pandas + openpyxl baseline")
        print("  (install it into this environment only: .venv/bin/pip install pandas)")
        return None
    label = "pandas + openpyxl read (naive baseline)"
    run = lambda: pandas.read_excel(workbook, sheet_name=None, engine="openpyxl")  # noqa: E731
    return timed({label: run}, 1)[0][label]


def report(ours: float, floor: float, naive: float | None, memory: float, two: float) -> None:
    print(f"\nours / raw read   = {ours / floor:.2f}x  (target <= 1.5x)")
    print(f"two commands / raw read = {two / floor:.2f}x  (target <= 2x)")
    if naive is not None:
        print(f"naive / ours      = {naive / ours:.1f}x faster  (target >= 3x)")
    print(f"peak memory (RSS) = {memory:.0f} MB before the naive baseline  (target < 1024 MB)")


if __name__ == "__main__":
    main()
