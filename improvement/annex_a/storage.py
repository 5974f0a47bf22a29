"""Packing the used rows of an import into one compressed blob, and back."""

import io

import numpy as np

from improvement.annex_a.parse import Table


def pack(tables: dict[int, Table]) -> bytes:
    arrays = {
        f"{number}.{name}": values
        for number, table in tables.items()
        for name, values in table.fields.items()
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def unpack(data: bytes) -> dict[int, Table]:
    tables: dict[int, Table] = {}
    with np.load(io.BytesIO(bytes(data)), allow_pickle=False) as archive:
        for key in archive.files:
            number, name = key.split(".", 1)
            table = tables.setdefault(int(number), Table(int(number), {}))
            table.fields[name] = archive[key]
    return tables
