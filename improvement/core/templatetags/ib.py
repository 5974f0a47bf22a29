"""Display helpers for templates, so templates themselves hold no logic."""

from typing import Any

from django import template
from django.utils.html import format_html

from improvement.core import audit_rows, text

register = template.Library()

NOT_RATED_LABEL = "Not yet rated"


def rating_entry(council: Any, code: str) -> dict[str, str]:
    for row in getattr(council, "rating_scale", None) or []:
        if row["code"] == code:
            return row
    return {"code": code, "label": NOT_RATED_LABEL, "colour": "grey", "meaning": ""}


@register.simple_tag
def rating_tag(council: Any, code: str | None) -> str:
    """A rating as a GOV.UK tag; the label is printed, so colour is never the only cue."""
    entry = rating_entry(council, code or "")
    return format_html(
        '<strong class="govuk-tag govuk-tag--{} ib-rating">{}</strong>',
        entry["colour"],
        entry["label"],
    )


@register.simple_tag
def rating_label(council: Any, code: str | None) -> str:
    return rating_entry(council, code or "")["label"]


@register.filter
def pct(value: Any) -> str:
    """A percentage to one place, or 'none' when there is nothing to divide by."""
    return "none" if value is None else f"{value:.1f}%"


@register.filter
def plural(number: Any, nouns: str) -> str:
    """A count with its noun agreeing: {{ n|plural:"action" }} gives "1 action" or
    "3 actions"; {{ n|plural:"child,children" }} for a noun without an s."""
    singular, _, many = nouns.partition(",")
    return text.plural(number, singular, many or None)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key, 0) if mapping else 0


@register.filter
def ukdate(value: Any) -> str:
    return f"{value:%-d %B %Y}" if value else ""


@register.filter
def filesize(value: int) -> str:
    if value < 1024:
        return f"{value} bytes"
    if value < 1024 * 1024:
        return f"{value / 1024:.0f} KB"
    return f"{value / (1024 * 1024):.1f} MB"


@register.simple_tag
def readable_changes(entries: Any) -> list[Any]:
    """Audit entries with labels and values in words (core.audit_rows), for
    `{% readable_changes entries as rows %}` in the one audit table."""
    return audit_rows.readable(entries)
