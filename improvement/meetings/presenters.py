"""What of a meeting a reader may see, decided in one place.

Every page, file, feed and JSON document (internal or public) builds its items
through `item_views`, so an exempt item shows its title and "Exempt: paragraph N
of Schedule 12A" and nothing else to anyone who may not see exempt content.
"""

from dataclasses import dataclass, field
from typing import Any

from improvement.meetings.models import AgendaItem, Meeting


@dataclass
class ItemView:
    item: AgendaItem
    withheld: bool
    number: int
    title: str
    exempt_notice: str = ""
    description: str = ""
    report_author: str = ""
    minute: str = ""
    papers: list[Any] = field(default_factory=list)
    decisions: list[Any] = field(default_factory=list)
    declarations: list[Any] = field(default_factory=list)
    actions: list[Any] = field(default_factory=list)
    plan_actions: list[Any] = field(default_factory=list)


def _open_view(item: AgendaItem, show_minutes: bool) -> ItemView:
    return ItemView(
        item=item,
        withheld=False,
        number=item.number,
        title=item.title,
        exempt_notice=item.exempt_notice if item.is_exempt else "",
        description=item.description,
        report_author=item.report_author,
        minute=item.minute if show_minutes else "",
        papers=list(item.papers.all()),
        decisions=list(item.decisions.all()) if show_minutes else [],
        declarations=list(item.declarations.all()),
        actions=list(item.log_entries.all()) if show_minutes else [],
        plan_actions=list(item.actions.all()),
    )


def item_views(meeting: Meeting, see_exempt: bool, show_minutes: bool) -> list[ItemView]:
    """The agenda as this reader may see it, from a meeting fetched `with_items()`."""
    views = []
    for item in meeting.items.all():
        if item.is_exempt and not see_exempt:
            views.append(
                ItemView(
                    item=item,
                    withheld=True,
                    number=item.number,
                    title=item.title,
                    exempt_notice=item.exempt_notice,
                )
            )
        else:
            views.append(_open_view(item, show_minutes))
    return views


def prefetch_items(queryset: Any) -> Any:
    """Kept for `public.published` until it calls `MeetingQuerySet.with_items()` itself;
    it shapes the query and runs none."""
    return queryset.with_items()
