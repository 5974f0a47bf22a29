"""The forward plan's register and the executive decisions as long lists (core.listing,
ADR 037): filtered by directorate, key decision, status, decision maker, month and
call-in, sorted, paged and downloadable as CSV files in words, not codes.

Both lists are QuerySets annotated alike (`maker`, `directorate`, `is_key`, `month`),
so one set of facets filters either; an executive decision takes its directorate and
whether it was a key decision from the forward plan's decision it was published from,
and has none when it was published without one.
"""

import dataclasses
import datetime
from typing import Any

import django_filters
from django.db.models import (
    Case,
    DateField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, TruncMonth
from django.utils import timezone

from improvement.core.listing import Column, ListFilterSet, ListSpec, Sort, choice_filter
from improvement.core.models import Council
from improvement.forward_plan import queries
from improvement.forward_plan.models import ForwardDecision
from improvement.meetings.ports import decisions_as_seen_by

KEY = [("yes", "Key decisions"), ("no", "Non-key decisions")]
CALL_IN = [
    ("open", "Open to call-in now"),
    ("called_in", "Called in"),
    ("over", "Call-in period over"),
]
CABINET = "Cabinet"


def _day(day: datetime.date | None) -> str:
    return f"{day:%-d %B %Y}" if day else ""


def call_in_words(record: Any, today: datetime.date | None = None) -> str:
    """Where a published decision stands with call-in, in words; empty if unpublished."""
    if record is None or record.call_in_ends_on is None:
        return ""
    if record.called_in_on:
        return f"Called in on {_day(record.called_in_on)}"
    if record.call_in_ends_on >= (today or timezone.localdate()):
        return f"Open to call-in until {_day(record.call_in_ends_on)}"
    return f"Not called in; implementable from {_day(record.implementable_on)}"


def register_rows(council: Council) -> QuerySet:
    """The register's decisions with what its facets and sorts read."""
    when = Coalesce("taken_on", "expected_on", "expected_month")
    return (
        queries.register(council)
        .select_related("record")
        .annotate(
            when=when,
            month=TruncMonth(when, output_field=DateField()),
            maker=Case(
                When(maker_kind=ForwardDecision.Maker.CABINET, then=Value(CABINET)),
                default=F("maker_name"),
            ),
            title_order=Lower("title"),
        )
    )


def executive_rows(council: Council) -> QuerySet:
    """Published executive decisions, each with the directorate and key test of the
    forward plan's decision it was published from (none if it had none)."""
    planned = ForwardDecision.objects.filter(council=council, record=OuterRef("pk"))
    return queries.executive_decisions_of(council).annotate(
        directorate=Subquery(planned.values("directorate")[:1]),
        is_key=Subquery(planned.values("is_key")[:1]),
        month=TruncMonth("published_on", output_field=DateField()),
        maker=F("decision_maker"),
        # A decision under an exempt item sorts by no words at all, for every reader:
        # where its row sat in an A to Z list would otherwise hint at the withheld text.
        text_order=Case(
            When(item__exempt_paragraph__isnull=False, then=Value("")),
            default=Lower("text"),
            output_field=TextField(),
        ),
    )


def _choice(label: str, choices: Any, invalid: str, method: str) -> django_filters.ChoiceFilter:
    return choice_filter(label, invalid, choices=choices, method=method)


class DecisionFilters(ListFilterSet):
    """The facets both lists share. Directorates, decision makers and months are those
    the decisions hold, read in one query."""

    # Where the call-in dates are: on the decision itself, or on the record it published.
    call_in_path = ""

    directorate = _choice("Directorate", [], "Select a directorate from the list", "exactly")
    key = _choice("Key decision", KEY, "Select key or non-key decisions from the list", "keyed")
    maker = _choice("Decision maker", [], "Select a decision maker from the list", "exactly")
    month = _choice("Month", [], "Select a month from the list", "in_month")
    call_in = _choice("Call-in", CALL_IN, "Select a call-in state from the list", "by_call_in")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        facts = set(
            self.queryset.order_by().values_list("directorate", "maker", "month").distinct()
        )
        directorates = sorted({d for d, _, _ in facts if d}, key=str.casefold)
        makers = sorted({m for _, m, _ in facts if m}, key=lambda m: (m != CABINET, m.casefold()))
        months = sorted({m for _, _, m in facts if m})
        self.filters["directorate"].extra["choices"] = [(d, d) for d in directorates]
        self.filters["maker"].extra["choices"] = [(m, m) for m in makers]
        self.filters["month"].extra["choices"] = [(f"{m:%Y-%m}", f"{m:%B %Y}") for m in months]

    def exactly(self, rows: QuerySet, name: str, value: str) -> QuerySet:
        return rows.filter(**{name: value})

    def keyed(self, rows: QuerySet, name: str, value: str) -> QuerySet:
        return rows.filter(is_key=value == "yes")

    def in_month(self, rows: QuerySet, name: str, value: str) -> QuerySet:
        return rows.filter(month=datetime.date.fromisoformat(f"{value}-01"))

    def by_call_in(self, rows: QuerySet, name: str, value: str) -> QuerySet:
        path, today = self.call_in_path, timezone.localdate()
        published = Q(**{f"{path}call_in_ends_on__isnull": False})
        called = Q(**{f"{path}called_in_on__isnull": False})
        running = Q(**{f"{path}call_in_ends_on__gte": today})
        wanted = {
            "called_in": called,
            "open": published & running & ~called,
            "over": published & ~running & ~called,
        }[value]
        return rows.filter(wanted)


class RegisterFilters(DecisionFilters):
    call_in_path = "record__"

    status = _choice(
        "Status", ForwardDecision.Status.choices, "Select a status from the list", "exactly"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The status beside the other facets of what a decision is, before when and who.
        order = ["directorate", "key", "status", "maker", "month", "call_in"]
        self.filters = {name: self.filters[name] for name in order}


REGISTER = ListSpec(
    noun="decision",
    filterset=RegisterFilters,
    sorts=(
        Sort("plan", "As the plan lists them, planned first", ("status", "position")),
        Sort(
            "date",
            "Date due or taken, soonest first",
            ("when",),
            reverse_label="Date due or taken, latest first",
        ),
        Sort("title", "Title, A to Z", ("title_order",), reverse_label="Title, Z to A"),
    ),
    default_sort="plan",
    columns=(
        Column("Reference", lambda d: d.reference),
        Column("Title", lambda d: d.title),
        Column("Key decision", lambda d: d.is_key),
        Column(
            "Taken in private",
            lambda d: f"Yes, paragraph {d.exempt_paragraph}" if d.is_private else "No",
        ),
        Column("Decision maker", lambda d: d.decision_maker),
        Column("Directorate", lambda d: d.directorate),
        Column("Scrutiny committee", lambda d: d.scrutiny.name if d.scrutiny else ""),
        Column("Expected", lambda d: d.expected),
        Column("Status", lambda d: d.get_status_display()),
        Column("Taken on", lambda d: d.taken_on),
        Column("Call-in", lambda d: call_in_words(d.record)),
    ),
)


EXECUTIVE = ListSpec(
    noun="executive decision",
    filterset=DecisionFilters,
    sorts=(
        Sort(
            "published",
            "Published, oldest first",
            ("published_on",),
            reverse_label="Published, newest first",
        ),
        Sort("taken", "Date taken, oldest first", ("decided_on",), "Date taken, newest first"),
        Sort("title", "Decision, A to Z", ("text_order",), reverse_label="Decision, Z to A"),
    ),
    default_sort="-published",
    columns=(
        Column("Decision", lambda d: d.text),
        Column("Decision maker", lambda d: d.decision_maker),
        Column("Directorate", lambda d: d.directorate),
        Column("Key decision", lambda d: d.is_key),
        Column("Scrutiny committee", lambda d: d.scrutiny.name if d.scrutiny else ""),
        Column("Taken on", lambda d: d.decided_on),
        Column("Published on", lambda d: d.published_on),
        Column("Call-in", call_in_words),
        Column("Called in by", lambda d: ", ".join(p.name for p in d.called_in_by.all())),
    ),
)


def executive_list_for(user: Any, council: Council) -> ListSpec:
    """The executive decisions as `user` may read them, on the page and in the CSV: a
    decision taken under an exempt item by its paragraph only to a reader who does not
    see the body's exempt items (meetings' one rule, `decisions_as_seen_by`)."""
    return dataclasses.replace(
        EXECUTIVE, detail=lambda rows: decisions_as_seen_by(user, council, rows)
    )
