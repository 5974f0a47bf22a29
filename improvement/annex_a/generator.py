"""A synthetic Annex A workbook of any size, with the relationships of real data.

Referrals follow contacts (0 to 40 days on), assessments follow referrals, s47
enquiries follow referrals and ICPCs follow those, child protection plans follow
ICPCs that made one; intervals are counted in working days over real bank
holidays. `messy` writes the headings and sheet names a case system might.
No real person's data is involved: IDs, dates and answers are random.
"""

import datetime
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from improvement.annex_a.schema import LISTS
from improvement.core.working_days import bank_holidays

MESSY_HEADINGS = {
    "child_id": "CHILD_ID",
    "contact_date": "Contact date (dd/mm/yyyy)",
    "referral_date": "Referral Date",
    "nfa": "NFA",
    "previous_12m": "Previous referrals (12 months)",
    "authorised": "Date assessment authorised",
    "seen": "Child seen?",
    "s47_start": "Strategy discussion date",
    "icpc_date": "ICPC date",
    "last_visit": "Last statutory visit",
    "in_touch": "In touch",
}
EPOCH = np.datetime64("1970-01-01", "D")


class Generator:
    def __init__(self, contacts: int, seed: int, reference: datetime.date) -> None:
        self.n = contacts
        self.rng = np.random.default_rng(seed)
        self.r = np.datetime64(reference, "D")
        years = range(reference.year - 3, reference.year + 2)
        days = sorted(d for y in years for d in bank_holidays(y))
        self.calendar = np.busdaycalendar(holidays=np.array(days, dtype="datetime64[D]"))
        self.children = max(1, int(contacts * 0.7))

    def ids(self, size: int) -> np.ndarray:
        return self.rng.integers(1, self.children + 1, size)

    def after(self, start: np.ndarray, low: int, high: int) -> np.ndarray:
        """Working days later, skipping weekends and bank holidays."""
        steps = self.rng.integers(low, high + 1, len(start))
        rolled = np.busday_offset(start, 0, roll="forward", busdaycal=self.calendar)
        return np.busday_offset(rolled, steps, busdaycal=self.calendar)

    def pick(self, size: int, choices: list, weights: list[float]) -> np.ndarray:
        return self.rng.choice(np.array(choices, dtype=object), size, p=weights)

    def base(self, size: int) -> dict[str, np.ndarray]:
        dob = self.r - self.rng.integers(0, 18 * 365, size)
        return {
            "gender": self.pick(
                size, ["a) Male", "b) Female", "c) Not stated/recorded"], [0.49, 0.49, 0.02]
            ),  # fmt: skip
            "ethnicity": self.pick(
                size, ["a) WBRI", "k) APKN", "o) BAFR", "s) NOBT"], [0.7, 0.1, 0.1, 0.1]
            ),  # fmt: skip
            "dob": dob,
            "age": ((self.r - dob).astype(int) // 365),
            "disability": self.pick(size, ["a) Yes", "b) No", "c) Unknown"], [0.1, 0.85, 0.05]),
            "allocated_team": self.pick(size, ["Team A", "Team B", "MASH"], [0.4, 0.4, 0.2]),
            "allocated_worker": self.pick(size, ["W1", "W2", "W3", "W4"], [0.25] * 4),
        }

    def yes(self, size: int, share: float) -> np.ndarray:
        return np.where(self.rng.random(size) < share, "a) Yes", "b) No").astype(object)

    def not_after_r(self, days: np.ndarray, share_blank: float = 0.0) -> np.ndarray:
        keep = (days <= self.r) & (self.rng.random(len(days)) >= share_blank)
        return np.where(keep, days, np.datetime64("NaT"))


def _lists(g: Generator) -> dict[int, dict[str, np.ndarray]]:
    n = g.n
    contact_child = g.ids(n)
    contact_date = g.r - g.rng.integers(0, 365, n)
    lists = {1: {**g.base(n), "child_id": contact_child, "contact_date": contact_date,
                 "source": g.pick(n, ["q) 6: Police", "e) 2A: Schools", "g) 3A: Health services"],
                                  [0.5, 0.3, 0.2])}}  # fmt: skip
    refer = g.rng.random(n) < 0.4
    ref_date = contact_date[refer] + g.rng.integers(0, 41, refer.sum())
    ok = ref_date <= g.r
    ref_child, ref_date = contact_child[refer][ok], ref_date[ok]
    m = len(ref_date)
    lists[3] = {
        **g.base(m),
        "child_id": ref_child,
        "referral_date": ref_date,
        "source": g.pick(m, ["q) 6: Police", "e) 2A: Schools"], [0.6, 0.4]),
        "nfa": g.yes(m, 0.07),
        "previous_12m": g.pick(m, [0, 1, 2], [0.78, 0.17, 0.05]),
    }
    lists[4] = _assessments(g, ref_child, ref_date)
    lists[5] = _s47(g, ref_child, ref_date)
    lists[7] = _plans(g, lists[5])
    lists[2] = _simple(g, int(n * 0.1), {"start": 0, "completed": 0.4})
    lists[6] = _simple(g, int(n * 0.1), {"start": 0, "last_seen": 0.1, "closed": 0.6})
    lists[8] = _looked_after(g, int(n * 0.02))
    k = int(n * 0.015)
    lists[9] = {**g.base(k), "child_id": g.ids(k),
                "in_touch": g.pick(k, ["a) Yes", "b) No", "d) Refu"], [0.9, 0.07, 0.03]),
                "latest_contact": g.r - g.rng.integers(0, 120, k)}  # fmt: skip
    return lists


def _assessments(g: Generator, child: np.ndarray, referral: np.ndarray) -> dict:
    take = g.rng.random(len(child)) < 0.85
    start = referral[take] + g.rng.integers(0, 4, take.sum())
    start = np.minimum(start, g.r)
    size = len(start)
    authorised = g.not_after_r(g.after(start, 5, 60))
    return {**g.base(size), "child_id": child[take], "start": start, "authorised": authorised,
            "seen": g.yes(size, 0.93), "requires_support": g.yes(size, 0.6)}  # fmt: skip


def _s47(g: Generator, child: np.ndarray, referral: np.ndarray) -> dict:
    take = g.rng.random(len(child)) < 0.18
    start = np.minimum(referral[take] + g.rng.integers(0, 6, take.sum()), g.r)
    size = len(start)
    icpc = g.after(start, 3, 22)
    icpc = np.where(g.rng.random(size) < 0.01, start - 2, icpc)  # a few recorded too early
    icpc = np.where(g.rng.random(size) < 0.35, icpc, np.datetime64("NaT"))
    return {**g.base(size), "child_id": child[take], "s47_start": start,
            "icpc_date": g.not_after_r(icpc), "icpc_cpp": g.yes(size, 0.8),
            "s47_12m": g.pick(size, [0, 1], [0.9, 0.1]),
            "icpc_12m": g.pick(size, [0, 1], [0.95, 0.05])}  # fmt: skip


def _plans(g: Generator, s47: dict) -> dict:
    made = ~np.isnat(s47["icpc_date"]) & (s47["icpc_cpp"] == "a) Yes")
    start, size = s47["icpc_date"][made], int(made.sum())
    end = g.not_after_r(g.after(start, 60, 260), 0.0)
    visit = g.r - g.rng.integers(0, 20, size)
    review = g.not_after_r(g.after(start, 60, 120), 0.3)
    return {**g.base(size), "child_id": s47["child_id"][made], "start": start,
            "last_visit": np.maximum(visit, start), "last_review": review, "end": end,
            "previous_plans": g.pick(size, [0, 1, 2], [0.8, 0.15, 0.05])}  # fmt: skip


def _simple(g: Generator, size: int, dates: dict[str, float]) -> dict:
    start = g.r - g.rng.integers(0, 365, size)
    columns = {**g.base(size), "child_id": g.ids(size), "start": start}
    for name, share in dates.items():
        if name != "start":
            later = start + g.rng.integers(0, 200, size)
            columns[name] = g.not_after_r(np.where(g.rng.random(size) < share, later,
                                                   np.datetime64("NaT")))  # fmt: skip
    return columns


def _looked_after(g: Generator, size: int) -> dict:
    start = g.r - g.rng.integers(0, 5 * 365, size)
    return {**g.base(size), "child_id": g.ids(size), "start": start, "legal_start": start,
            "placement_start": np.minimum(start + g.rng.integers(0, 300, size), g.r),
            "last_health": g.r - g.rng.integers(0, 420, size),
            "placements_12m": g.pick(size, [1, 2, 3, 4], [0.6, 0.25, 0.1, 0.05]),
            "ceased": g.not_after_r(start + g.rng.integers(30, 3000, size))}  # fmt: skip


def _cells(values: np.ndarray, kind: str, messy: bool) -> list:
    if values.dtype.kind == "M":
        dates = values.astype("datetime64[D]").astype(object)
        if messy:
            return ["" if d is None else d.strftime("%d/%m/%Y") for d in dates]
        return [d if d is not None else None for d in dates]
    if kind == "id":
        return [f"C{v:07d}" for v in values.tolist()]
    return values.tolist()


def write(path: Path, lists: dict[int, dict[str, np.ndarray]], messy: bool) -> None:
    book = Workbook(write_only=True)
    for number in sorted(lists):
        spec, data = LISTS[number], lists[number]
        name = spec.name if messy else f"List {number} - {spec.name}"[:31]
        sheet = book.create_sheet(name[:31])
        heads = [MESSY_HEADINGS.get(c.field, c.heading.upper()) if messy else c.heading
                 for c in spec.columns]  # fmt: skip
        sheet.append(heads)
        size = len(data["child_id"])
        columns = [
            _cells(data[c.field], c.kind, messy) if c.field in data else [None] * size
            for c in spec.columns
        ]
        for values in zip(*columns, strict=True):
            sheet.append(values)
    book.save(path)


def generate(
    path: str | Path,
    contacts: int,
    *,
    messy: bool = False,
    seed: int = 1,
    reference: datetime.date = datetime.date(2024, 3, 31),
) -> dict[int, int]:
    """Write the workbook; return its rows per list."""
    lists = _lists(Generator(contacts, seed, reference))
    write(Path(path), lists, messy)
    return {number: len(data["child_id"]) for number, data in sorted(lists.items())}
