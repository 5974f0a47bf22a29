"""Audit entries as a person reads them: each changed field by its label, each value
as the record's own pages would show it (a choice by its label, Yes or No, "7 February
2024", a linked record by its name), never a field name or a stored code.

An entry keeps raw values (`audit.snapshot`) so the record stays exact; the words are
worked out only when shown, from the model of the audited record. Linked records are
named a kind at a time (one query per kind of record on the page, however many rows),
so a page's query count does not grow with its length.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst

from improvement.core.audit import REDACTED
from improvement.core.models import AuditEntry

EMPTY = "(blank)"
# A nested structure (an import's whole report) says nothing read as one line, and its
# keys are codes: the entry keeps it, the page says only that it is there.
DETAILS = "(details kept, not shown)"
# How Django labels a field its model names no label for ("stage1 route", "is key",
# "report url"), put as a person writes it ("Stage 1 route", "Key", "Report web address").
LETTER_THEN_DIGIT = re.compile(r"(?<=[a-z])(?=\d)")
SYSTEM_JOB = re.compile(r"System \([\w ]+\)")
WORDS = {"url": "web address", "co opted": "co-opted", "call in": "call-in"}

Names = dict[tuple[type[models.Model], str], str]

# What core cannot know of the apps above it, told at app-ready time (docs/adr/042):
# the words for each kind of record ("Plan objective", not "Objective"), and the
# labels of codes a field holds without choices of its own (a JSON list of review
# areas). A field with choices is read by them; these are read the same one way.
KIND_WORDS: dict[str, str] = {}
CODE_LABELS: dict[tuple[str, str], dict[Any, str]] = {}


def name_kinds(words: dict[str, str]) -> None:
    """Words for kinds of record, by model label ("complaints.Representation")."""
    KIND_WORDS.update(words)


def name_codes(model: type[models.Model], field: str, choices: Iterable[tuple[Any, Any]]) -> None:
    """The labels of the codes `model.field` holds (one, or a list of them), for a field
    that cannot carry `choices` itself (a JSONField would refuse a list as no choice)."""
    CODE_LABELS[(model._meta.label, field)] = {code: str(label) for code, label in choices}


def kind_of(model: type[models.Model] | None) -> str:
    """A kind of record as the activity names it: its words, else its verbose name."""
    if model is None:
        return "Record"
    return KIND_WORDS.get(model._meta.label) or capfirst(str(model._meta.verbose_name))


@dataclass(frozen=True)
class Row:
    """One entry as shown: the entry itself (when, who, what) and its values."""

    entry: AuditEntry
    kind: str
    before: list[tuple[str, str]]
    after: list[tuple[str, str]]

    @property
    def changes(self) -> str:
        """The change in one line: "Field: before → after; ...", a field only set
        "Field: value" (a new record's blank fields left out), one only removed
        "Field: was value"."""
        before, after = dict(self.before), dict(self.after)
        parts = []
        for label in [*after, *(label for label in before if label not in after)]:
            if label in before and label in after:
                parts.append(f"{label}: {before[label]} → {after[label]}")
            elif label in after:
                if after[label] != EMPTY:
                    parts.append(f"{label}: {after[label]}")
            else:
                parts.append(f"{label}: was {before[label]}")
        return "; ".join(parts)

    @property
    def who(self) -> str:
        """The person, or the system's job in words: "System (load demo)", as its
        command's name `load_demo` is no word a reader uses."""
        if self.entry.actor_id is None and SYSTEM_JOB.fullmatch(self.entry.actor_name):
            return self.entry.actor_name.replace("_", " ")
        return self.entry.actor_name


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def label_of(model: type[models.Model] | None, name: str) -> str:
    """A field's label in sentence case: its verbose name, else its name in words."""
    field = _field(model, name)
    words = name.replace("_", " ")
    text = str(field.verbose_name) if field is not None else words
    if text == words:
        text = _written(text)
    return capfirst(text)


def _written(words: str) -> str:
    """A label Django guessed from a field's name, as a person would write it."""
    text = LETTER_THEN_DIGIT.sub(" ", words.removeprefix("is "))
    for guessed, written in WORDS.items():
        text = re.sub(rf"\b{guessed}\b", written, text)
    return text


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _nested(value: Any) -> bool:
    items = value.values() if isinstance(value, dict) else value
    return any(isinstance(item, (dict, list)) and "label" not in item for item in items)


def _plain(value: Any) -> str:
    """A value with no field to read it by (a job's outcome, a JSON field): a flat
    mapping as "Label: value" pairs, a list of named things by their names."""
    if _is_blank(value):
        return EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict) and "label" in value:
        return str(value["label"])
    if isinstance(value, (dict, list)) and _nested(value):
        return DETAILS
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{label_of(None, str(k))}: {_plain(v)}" for k, v in value.items())
    return str(value)


def _moment(value: str) -> str:
    moment = datetime.datetime.fromisoformat(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%-d %B %Y %H:%M}"


def _day(value: str) -> str:
    return f"{datetime.date.fromisoformat(value[:10]):%-d %B %Y}"


def _linked(field: Any, value: Any, names: Names) -> str:
    model = field.related_model
    if field.many_to_many:
        return ", ".join(_linked_one(model, pk, names) for pk in value)
    return _linked_one(model, value, names)


def _id(model: type[models.Model], value: Any) -> str | None:
    """The value as an id of `model`, or None when it is not one: some entries keep a
    linked record by its name (a board's reporting routes), not its id."""
    if isinstance(value, (bool, dict, list)) or _is_blank(value):
        return None
    try:
        return str(model._meta.pk.to_python(value))
    except (ValidationError, TypeError, ValueError):
        return None


def _linked_one(model: type[models.Model], value: Any, names: Names) -> str:
    pk = _id(model, value)
    if pk is None:
        return _plain(value)
    return names.get((model, pk), f"{capfirst(model._meta.verbose_name)} no longer held")


def _labels(model: type[models.Model], field: Any) -> dict[Any, str] | None:
    """The labels of the codes a field holds: its choices, or those named for it."""
    if field.choices:
        return {code: str(label) for code, label in field.flatchoices}
    return CODE_LABELS.get((model._meta.label, field.name))


def _coded(labels: dict[Any, str], value: Any) -> str:
    """A code, or a list of codes, by its labels; a code with none is kept as it is."""
    if isinstance(value, list):
        return ", ".join(_coded(labels, item) for item in value)
    return labels.get(value, str(value))


def _by_field(model: type[models.Model], field: Any, value: Any, names: Names) -> str:
    labels = _labels(model, field)
    if labels is not None:
        return _coded(labels, value)
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if field.is_relation:
        return _linked(field, value, names)
    if isinstance(field, models.DateTimeField):
        return _moment(value)
    if isinstance(field, models.DateField):
        return _day(value)
    if isinstance(field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return _plain(value)


def value_of(model: type[models.Model] | None, name: str, value: Any, names: Names) -> str:
    """A recorded value as a person reads it; a value that no longer reads as its field
    (a field's type changed since) is shown as it was kept rather than refused."""
    if _is_blank(value):
        return EMPTY
    if value == REDACTED:
        return REDACTED
    field = _field(model, name)
    if field is None:
        return _plain(value)
    try:
        return _by_field(model, field, value, names)
    except (TypeError, ValueError):
        return _plain(value)


def _model_of(entry: AuditEntry) -> type[models.Model] | None:
    return ContentType.objects.get_for_id(entry.content_type_id).model_class()


def _values(entry: AuditEntry) -> Iterable[tuple[str, Any]]:
    for side in (entry.before, entry.after):
        if isinstance(side, dict):
            yield from side.items()


def _ids(model: type[models.Model], value: Any) -> set[str]:
    items = value if isinstance(value, list) else [value]
    return {pk for item in items if (pk := _id(model, item)) is not None}


def _linked_ids(entries: list[AuditEntry]) -> dict[type[models.Model], set[str]]:
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        model = _model_of(entry)
        for name, value in _values(entry):
            field = _field(model, name)
            if field is not None and field.is_relation:
                wanted[field.related_model].update(_ids(field.related_model, value))
    return wanted


def _names(entries: list[AuditEntry]) -> Names:
    """The names of every record the entries link to, one query per kind of record.
    Archived records keep their names: the base manager reads them too."""
    names: Names = {}
    for model, ids in _linked_ids(entries).items():
        # A name often reads a record it links to (a meeting's body): read those with it.
        linked = [field.name for field in model._meta.concrete_fields if field.is_relation]
        rows = model._base_manager.select_related(*linked)
        for pk, record in rows.in_bulk(list(ids)).items():
            names[(model, str(pk))] = str(record)
    return names


def _side(model: Any, values: Any, names: Names) -> list[tuple[str, str]]:
    if values is not None and not isinstance(values, dict):
        return [("Value", _plain(values))]
    return [
        (label_of(model, name), value_of(model, name, value, names))
        for name, value in (values or {}).items()
    ]


def readable(entries: Iterable[AuditEntry]) -> list[Row]:
    """The entries as shown on the activity and history pages."""
    entries = list(entries)
    names = _names(entries)
    rows = []
    for entry in entries:
        model = _model_of(entry)
        before, after = _side(model, entry.before, names), _side(model, entry.after, names)
        rows.append(Row(entry, kind_of(model), before, after))
    return rows
