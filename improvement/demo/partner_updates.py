"""The board commissioning updates from partner agencies (Improvement Notice, 5b):
at each past meeting it asks the ICB and the safeguarding partnership for one, and
each comes back the week before the next meeting; the last meeting's are still open.
Loading twice leaves the same entries."""

import datetime

from django.db import transaction
from django.utils import timezone

from improvement.core.models import Council
from improvement.demo.records import DEMO
from improvement.meetings import minutes
from improvement.meetings.services import meeting_day

# (partner officer, what the board asked for, what came back)
COMMISSIONS = [
    (
        "ICB Designated Nurse",
        "Report the ICB's decision on funding two more nurses in the MASH",
        "The ICB agreed one nurse now and a second from the next financial year.",
    ),
    (
        "LSCP Business Manager",
        "Bring the partnership's audit of police and health attendance at strategy discussions",
        "Audit of 40 strategy discussions shared: police attended 36 and health 22.",
    ),
]


@transaction.atomic
def load_partner_updates(council: Council) -> None:
    board = council.bodies.filter(slug="improvement-board").first()
    if board is None:
        return
    today = timezone.localdate()
    meetings = board.meetings.live().exclude(status="cancelled").order_by("starts_at")
    past = [meeting for meeting in meetings if meeting_day(meeting) < today]
    for earlier, later in zip(past, [*past[1:], None], strict=True):
        for name, asked, returned in COMMISSIONS:
            partner = council.people.filter(name=name).first()
            if partner is None or earlier.action_log.filter(text=asked).exists():
                continue
            due = meeting_day(earlier) + datetime.timedelta(days=35)
            entry = minutes.add_meeting_action(DEMO, earlier, asked, partner, due)
            if later is not None:
                back = meeting_day(later) - datetime.timedelta(days=7)
                minutes.close_meeting_action(DEMO, entry, returned, on=back)
