"""Hostile files for every importer's tests, made small and on the spot, and a way to run
an import in a child process whose memory is capped and measured.

Each maker takes the rows of a good file of its importer's format (a header and a
row or two), so the hostile part is the only thing wrong with it.
"""

import io
import json
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[3]
# The child's address space: far below the 15 GB to 512 GB the far cell used to ask for,
# and above what Django, NumPy and calamine map at start-up.
CHILD_ADDRESS_SPACE = 2 * 1024**3
CHILD_PEAK_RSS_MB = 400
BOMB_BYTES = 466 * 1024 * 1024
CONTROL = "Audit\x0bcontacts\x01\x02 weekly\x1f"
CONTROL_CLEANED = "Audit\ncontacts weekly"


def xlsx(rows: list[list[Any]], title: str = "Sheet1") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _rewrite_sheet(data: bytes, change: Any) -> bytes:
    """The workbook with its first worksheet's XML passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()
            target.writestr(item, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def far_cell(rows: list[list[Any]], title: str = "Sheet1") -> bytes:
    """A good file plus one cell at XFD1048576, its <dimension> saying so: about 5 KB."""

    def change(xml: str) -> str:
        xml = re.sub(r"<dimension ref=\"[^\"]*\"/>", '<dimension ref="A1:XFD1048576"/>', xml)
        far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace("</sheetData>", far + "</sheetData>")

    return _rewrite_sheet(xlsx(rows, title), change)


def zip_bomb(rows: list[list[Any]], title: str = "Sheet1", size: int = BOMB_BYTES) -> bytes:
    """A good workbook whose worksheet XML is padded to `size` bytes: under 1 MB zipped."""
    out = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(xlsx(rows, title)))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, content)
                continue
            head, tail = content.split(b"</sheetData>")
            with target.open(item.filename, "w", force_zip64=True) as stream:
                stream.write(head)
                chunk = b" " * (1024 * 1024)
                for _ in range(size // len(chunk)):
                    stream.write(chunk)
                stream.write(b"</sheetData>" + tail)
    return out.getvalue()


def not_a_zip() -> bytes:
    return b"%PDF-1.4\n" + b"0" * 2000


def truncated(rows: list[list[Any]], title: str = "Sheet1") -> bytes:
    data = xlsx(rows, title)
    return data[: len(data) // 2]


def not_utf8_csv(rows: list[list[Any]]) -> bytes:
    text = "\n".join(",".join(str(cell) for cell in row) for row in rows) + "\nCafé,£5\n"
    return text.encode("cp1252")


def run_bounded(script: str) -> dict[str, Any]:
    """Run `script` (which sets `result`) in a child process with its address space
    capped; the child's outcome, and its peak resident memory in MB."""
    program = textwrap.dedent(
        f"""
        import json, os, resource, sys
        resource.setrlimit(resource.RLIMIT_AS, ({CHILD_ADDRESS_SPACE}, {CHILD_ADDRESS_SPACE}))
        sys.path.insert(0, {str(ROOT)!r})
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django
        django.setup()
        result = None
        """
    )
    program += textwrap.dedent(script)
    # The child reports its own peak, as the high-water mark of its own memory map.
    # Neither rusage figure will do: the parent's view of its children mixes in any other
    # child reaped meanwhile, and the child's own ru_maxrss starts at the parent's peak,
    # because Linux carries it across the vfork and exec that start the child.
    program += textwrap.dedent(
        """
        with open("/proc/self/status") as status:
            peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        print(json.dumps({"result": result, "peak_kb": peak_kb}))
        """
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, f"the child died ({done.returncode}): {done.stderr[-2000:]}"
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    outcome["peak_mb"] = outcome.pop("peak_kb") / 1024
    return outcome
