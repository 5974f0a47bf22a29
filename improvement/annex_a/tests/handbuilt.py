"""One hand-built workbook whose every KPI is worked out by hand in test_kpis.py.

Reference date R = Friday 28 June 2024. Bank holidays in reach: Good Friday
29 March, Easter Monday 1 April, 6 May and 27 May 2024.
"""

from improvement.annex_a.tests.builders import D, lists_workbook, row

R = D(2024, 6, 28)

CONTACTS = [
    row(1, child_id="A1", contact_date=D(2024, 3, 1)),  # referral 30 days later: counts
    row(1, child_id="A2", contact_date=D(2024, 3, 1)),  # referral 31 days later: not
    row(1, child_id="A3", contact_date="10/04/2024"),  # referral the same day: counts
    row(1, child_id="A1", contact_date=D(2024, 4, 5)),  # referral before the contact: not
    row(1, child_id=1234567.0, contact_date="2024-05-02"),  # number ID, ISO date: counts
    row(1, child_id="", contact_date=D(2024, 5, 1)),  # rejected: missing ID
    row(1, child_id="A7", contact_date="31/02/2024"),  # rejected: unreadable required date
    ["", "", "", "", "", ""] + [""],  # wholly blank: skipped, not counted
    row(1, child_id="A8", contact_date=D(2024, 7, 1)),  # rejected: after R
    row(1, child_id="", gender="a) Male"),  # rejected: missing ID (before missing date)
    row(1, child_id="A10", contact_date=D(2024, 6, 20), dob="not a date"),  # optional date
    row(1, child_id="A11", contact_date=D(2024, 6, 15), dob=D(2024, 12, 1)),  # unborn: used
    row(1, child_id=" A3 ", contact_date=D(2024, 3, 20)),  # trimmed; referral 21 days on
]

REFERRALS = [
    row(3, child_id="A1", referral_date=D(2024, 3, 31), nfa="a) Yes", previous_12m=0),
    row(3, child_id="A2", referral_date=D(2024, 4, 1), nfa="b) No", previous_12m=0),
    row(3, child_id="A3", referral_date=D(2024, 4, 10), nfa="Y", previous_12m=0),
    row(3, child_id="1234567", referral_date=D(2024, 5, 3), nfa="yes", previous_12m=2),
    row(3, child_id="A2", referral_date=D(2023, 4, 1), previous_12m=0),  # 366 days before
    row(3, child_id="A6", referral_date=D(2023, 6, 1), nfa="No", previous_12m=0),
    row(3, child_id="A6", referral_date=D(2024, 5, 31), nfa="No", previous_12m=0),  # 365 days
    row(3, child_id="A8", referral_date=D(2024, 6, 10), nfa="No"),
    row(3, child_id="A8", referral_date=D(2024, 6, 10), nfa="No"),  # same day: not a re-ref
]

ASSESSMENTS = [
    row(4, child_id="S1", start=D(2024, 3, 28), authorised=D(2024, 6, 5), seen="a) Yes"),
    row(4, child_id="S2", start=D(2024, 3, 28), authorised=D(2024, 6, 6), seen="b) No"),
    row(4, child_id="S3", start=D(2024, 6, 10), authorised=D(2024, 6, 10), seen="Yes"),
    row(4, child_id="S4", start=D(2024, 5, 20), authorised=D(2024, 5, 17), seen=""),
    row(4, child_id="S5", start=D(2024, 4, 22), seen="c) Unknown"),  # open, 47 wd
    row(4, child_id="S6", start=D(2024, 4, 24), seen="Y"),  # open, exactly 45 wd
]

S47 = [
    row(5, child_id="P1", s47_start=D(2024, 5, 1), icpc_date=D(2024, 5, 22), icpc_cpp="a) Yes"),
    row(5, child_id="P2", s47_start=D(2024, 5, 1), icpc_date=D(2024, 5, 24), icpc_cpp="b) No"),
    row(5, child_id="P3", s47_start=D(2024, 5, 10), icpc_date=D(2024, 5, 8), icpc_cpp="Yes"),
    row(5, child_id="P4", s47_start=D(2024, 6, 3)),
    row(5, child_id="P5", s47_start=D(2024, 5, 23), icpc_date=D(2024, 6, 14)),
    row(5, child_id="P6", s47_start=D(2024, 6, 20), icpc_date=D(2024, 6, 20), icpc_cpp="Y"),
]

PLANS = [
    row(7, child_id="K1", start=D(2024, 1, 10), last_visit=D(2024, 6, 14),
        last_review=D(2023, 12, 28), previous_plans=0),
    row(7, child_id="K2", start=D(2024, 4, 1), last_visit=D(2024, 6, 13), previous_plans=1),
    row(7, child_id="K3", start=D(2024, 3, 28), previous_plans=2),
    row(7, child_id="K4", start=D(2024, 3, 27), last_visit=D(2024, 6, 28)),
    row(7, child_id="K5", start=D(2023, 12, 27), last_visit=D(2024, 6, 17),
        last_review=D(2023, 12, 27), previous_plans=0),
    row(7, child_id="K6", start=D(2023, 6, 29), end=D(2024, 2, 1), previous_plans=3),
    row(7, child_id="K7", start=D(2023, 6, 28), end=D(2023, 10, 1), previous_plans=1),
]  # fmt: skip


def _cla(child_id, start, **values):
    return row(8, child_id=child_id, start=start, legal_start=start, placement_start=start,
               **values)  # fmt: skip


LOOKED_AFTER = [
    _cla("L1", D(2024, 5, 31), placements_12m=3, dob=D(2019, 6, 28),
         last_health=D(2023, 6, 29)),
    _cla("L2", D(2024, 6, 1), placements_12m=4),
    _cla("L3", D(2022, 1, 1), placements_12m=2, dob=D(2019, 6, 29),
         last_health=D(2023, 12, 28)),
    _cla("L4", D(2022, 1, 1), placements_12m=0, dob=D(2019, 6, 29),
         last_health=D(2023, 12, 27)),
    _cla("L5", D(2022, 1, 1), placements_12m=5, age=4, last_health=D(2024, 1, 1)),
    _cla("L6", D(2022, 1, 1), placements_12m=1, age=7, last_health=D(2023, 7, 1)),
    _cla("L7", D(2022, 1, 1), placements_12m=6, ceased=D(2024, 3, 1)),
]  # fmt: skip

LEAVERS = [
    row(9, child_id=f"Y{i}", in_touch=answer)
    for i, answer in enumerate(["a) Yes", "Y", "b) No", "", "yes", "N", "d) Refu"])
]


def hand_built(path):
    return lists_workbook(
        path,
        {1: CONTACTS, 3: REFERRALS, 4: ASSESSMENTS, 5: S47, 7: PLANS, 8: LOOKED_AFTER,
         9: LEAVERS},
    )  # fmt: skip
