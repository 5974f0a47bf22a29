"""The statutory notes every edition of the plan prints, as Peterborough's plan prints
them (seed 003, item 5): the law's words are fixed here, the council's particulars
(thresholds, clear days, contacts, the Cabinet, the directorates) come from its
`ForwardPlanSettings`. A published edition keeps the notes it printed (`Edition.notes`).
"""

from typing import Any

REGULATIONS = (
    "the Local Authorities (Executive Arrangements) (Meetings and Access to Information) "
    "(England) Regulations 2012"
)


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun if number == 1 else noun + 's'}"


def split_lines(text: str, width: int) -> list[list[str]]:
    """Settings written one a line with `|` between the parts, each line `width` parts
    long (missing parts are blank, extra bars stay in the last part)."""
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|", width - 1)]
        rows.append(parts + [""] * (width - len(parts)))
    return rows


def directorate_key(settings: Any) -> list[dict[str, str]]:
    keys = ("code", "name", "address", "responsibilities")
    return [dict(zip(keys, row, strict=True)) for row in split_lines(settings.directorates, 4)]


def cabinet(settings: Any) -> list[dict[str, str]]:
    return [
        {"member": member, "responsibility": responsibility}
        for member, responsibility in split_lines(settings.cabinet_members, 2)
    ]


def frequency(days: int) -> str:
    return {7: "weekly", 14: "fortnightly"}.get(days, f"every {_counted(days, 'day')}")


def _key_decisions(council: str, settings: Any, members: list[dict[str, str]]) -> list[str]:
    days = settings.notice_clear_days
    listed = "; ".join(
        f"{row['member']} ({row['responsibility']})" if row["responsibility"] else row["member"]
        for row in members
    )
    cabinet_text = (
        f" If the decision is to be taken by the Cabinet, its members are: {listed}."
        if listed
        else ""
    )
    return [
        f"In the period commencing {days} clear days after the date of publication of this "
        f"plan, {council}'s Executive intends to take 'key decisions' on the issues set out "
        "in Part 1. Key decisions are executive decisions likely to result in the council "
        f"spending or saving more than £{settings.key_threshold:,}, or to have a significant "
        "effect on communities living or working in "
        f"{_counted(settings.key_ward_count, 'ward')} or more. This notice is given under "
        f"regulation 9 of {REGULATIONS}.",
        "If a decision is to be taken by an individual Cabinet Member, their name and "
        f"portfolio are shown against it.{cabinet_text}",
        f"This plan is updated {frequency(settings.edition_interval_days)}. Each edition "
        "supersedes the last, and items may be carried over into later editions.",
    ]


def _private(settings: Any) -> list[str]:
    return [
        "Most of the Executive's business will be open to the public and the media. Where "
        "a meeting, or part of one, will consider confidential or exempt information "
        "(Schedule 12A to the Local Government Act 1972) and may be held in private, notice "
        "of the intention to do so is given in Part 2 of this plan, and a further formal "
        f"notice is given at least {settings.notice_clear_days} clear days before the "
        f"meeting, under regulation 5 of {REGULATIONS}.",
        "Anyone may make representations about why such a meeting should be open to the "
        "public. The council invites the public to attend any meeting at which these "
        "decisions are discussed, unless notice of a private meeting has been given.",
    ]


def _other_parts(settings: Any) -> list[str]:
    return [
        "For transparency, Part 3 lists the non-key decisions to be taken by the Cabinet or "
        "individual Cabinet Members.",
        "Part 4 lists key decisions taken under the general exception (regulation 10) or "
        f"special urgency (regulation 11) procedures, when {settings.notice_clear_days} "
        "clear days' notice could not be given.",
    ]


def _inspection(settings: Any) -> list[str]:
    source = settings.documents_contact.strip() or "the council's democratic services"
    said = [
        "You are entitled to view any documents listed on the plan, or obtain extracts from "
        "them, and any other documents later submitted to the decision maker, subject to any "
        "restriction on their disclosure. There is no charge for viewing them, although "
        "charges may be made for copies and postage.",
        f"Documents can be requested from {source}.",
    ]
    if settings.decisions_web_address:
        said.append(f"All decisions are posted on the council's website: "
                    f"{settings.decisions_web_address}.")  # fmt: skip
    return said


def _contacts(settings: Any) -> list[str]:
    said = []
    if settings.enquiries_contact.strip():
        said.append(
            "Questions on the plan, and comments or representations on the key decisions "
            f"in it, can be sent to {settings.enquiries_contact.strip()}."
        )
    if settings.comments_email:
        said.append(f"Comments can also be emailed to {settings.comments_email}.")
    return said or [
        "Questions and comments on the plan go to the contact shown against each decision."
    ]


def notes_for(council: Any, settings: Any) -> dict[str, Any]:
    """The notes an edition prints today, from the council's settings."""
    members = cabinet(settings)
    return {
        "sections": [
            {"heading": "Part 1: key decisions", "paragraphs": _key_decisions(
                council.name, settings, members)},
            {"heading": "Part 2: notice of intention to take decisions in private",
             "paragraphs": _private(settings)},
            {"heading": "Parts 3 and 4: non-key decisions and urgent decisions",
             "paragraphs": _other_parts(settings)},
            {"heading": "Inspection of documents", "paragraphs": _inspection(settings)},
            {"heading": "Contacts", "paragraphs": _contacts(settings)},
        ],
        "directorates": directorate_key(settings),
        "cabinet": members,
    }  # fmt: skip


def _loose(text: str) -> str:
    """A directorate's name as matched: case, spacing and a word's plural ignored, so
    "Children and Young People's Services" is the key's "... Service"."""
    return " ".join(word.removesuffix("s") for word in text.lower().split())


def code_for(value: str, key: list[dict[str, str]]) -> str:
    """The directorate cell as the key codes it, "Children and Young People's Service
    (CYP)", matched on the name or the code, ignoring case, spacing and plurals;
    unmatched, as written."""
    wanted = _loose(value)
    for row in key:
        if wanted and wanted in (_loose(row["code"]), _loose(row["name"])):
            return f"{row['name']} ({row['code']})" if row["code"] else row["name"]
    return value
