"""The Children and Education Scrutiny Committee after January 2024, past `today`.

Its meetings go on at the committee's own cycle from its meeting of 15 January 2024
(a date on a weekend or bank holiday moves to the next working day, as the meetings
services do for a series), up to two cycles beyond today. Each meeting has its work
programme: the improvement plan's progress, one report in turn, and the reports of the
Improvement Board that reach the committee by the board's reporting routes. An agenda
is published, through the services that enforce it, on a working day with the council's
clear days still to run, once that day has come.
"""

import datetime

from django.utils import timezone

from improvement.core.models import Council
from improvement.core.working_days import is_working_day
from improvement.demo import today_data as data
from improvement.demo.records import DEMO, ensure
from improvement.meetings import services
from improvement.meetings.models import Body, ForwardItem, Meeting

FIRST = datetime.date(2024, 1, 15)
LOCATION = "Bourges/Viersen Rooms, Town Hall"


def meeting_dates(body: Body, today: datetime.date) -> list[datetime.date]:
    """The committee's dates after 15 January 2024, up to two cycles after today."""
    step = datetime.timedelta(days=body.cycle_days)
    dates, day = [], FIRST + step
    while day <= today + 2 * step:
        dates.append(services.next_working_day(day))
        day += step
    return dates


def publication_day(council: Council, day: datetime.date) -> datetime.date:
    """About ten days ahead, on a working day with the clear days still to run."""
    on = day - datetime.timedelta(days=10)
    while not is_working_day(on) or services.clear_days(on, day) < council.agenda_clear_days:
        on -= datetime.timedelta(days=1)
    return on


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(19)))


def _meeting(body: Body, day: datetime.date) -> Meeting:
    for meeting in body.meetings.all():
        if services.meeting_day(meeting) == day:
            return meeting
    return services.schedule_meeting(DEMO, body, _at(day), LOCATION)


def _programme(body: Body, meeting: Meeting, number: int, today: datetime.date) -> None:
    day = services.meeting_day(meeting)
    rotating = data.WORK_PROGRAMME[1 + number % (len(data.WORK_PROGRAMME) - 1)]
    for title, officer in (data.WORK_PROGRAMME[0], rotating):
        if body.forward_items.filter(meeting=meeting, title=title).exists():
            continue
        final = publication_day(body.council, day) - datetime.timedelta(days=3)
        services.add_work_programme_item(
            DEMO,
            body,
            title,
            meeting=meeting,
            contact_officer=officer,
            draft_deadline=final - datetime.timedelta(days=7),
            final_deadline=final,
            report_received_on=final if final <= today else None,
            comments="Standing item while the council is under the Improvement Notice."
            if title == data.WORK_PROGRAMME[0][0]
            else "",
        )


def _route_board_reports(body: Body, meetings: list[Meeting]) -> None:
    """The board's reports routed to the committee go to its next meeting."""
    waiting = ForwardItem.objects.filter(body=body, meeting=None).exclude(source_meeting=None)
    for item in waiting.select_related("source_meeting"):
        later = [m for m in meetings if m.starts_at > item.source_meeting.starts_at]
        if later:
            target = later[0]
            fields = {"meeting": target, "meeting_on": services.meeting_day(target)}
            ensure(ForwardItem, {"pk": item.pk}, fields)


def _agenda(body: Body, meeting: Meeting, today: datetime.date) -> None:
    day = services.meeting_day(meeting)
    on = publication_day(body.council, day)
    if meeting.agenda_published_on or on > today:
        return
    titles = list(data.STANDING_ITEMS)
    titles += [(i.title, i.contact_officer) for i in meeting.forward_items.order_by("pk")]
    titles += [data.FORWARD_PLAN_ITEM, data.WORK_PROGRAMME_ITEM]
    for title, author in titles:
        services.add_agenda_item(DEMO, meeting, title, report_author=author)
    services.publish_agenda(DEMO, meeting, on=on)


def load_scrutiny_today(council: Council, today: datetime.date) -> None:
    """Meetings, work programme and agendas; idempotent."""
    body = council.bodies.filter(slug=data.SCRUTINY, kind=Body.Kind.SCRUTINY).first()
    if body is None:
        return
    meetings = [_meeting(body, day) for day in meeting_dates(body, today)]
    for number, meeting in enumerate(meetings):
        _programme(body, meeting, number, today)
    _route_board_reports(body, meetings)
    for meeting in meetings:
        _agenda(body, meeting, today)
