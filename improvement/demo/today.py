"""The demo's story from where the seeds stop up to the day it is loaded.

`load_today(council, today)` continues, from `today` alone, the forward plan (editions
and decisions, one open to call-in on the load date), the Children and Education
Scrutiny Committee (meetings past the load date, work programme, agendas) and the
complaints (every financial year to the current one). Run it after the meetings,
forward plan and complaints demos. Deterministic and idempotent for a given `today`.
"""

import datetime

from django.db import transaction

from improvement.core.models import Council
from improvement.demo.today_complaints import load_complaints_today
from improvement.demo.today_forward_plan import load_forward_plan_today
from improvement.demo.today_scrutiny import load_scrutiny_today


@transaction.atomic
def load_today(council: Council, today: datetime.date) -> None:
    load_forward_plan_today(council, today)
    load_scrutiny_today(council, today)
    load_complaints_today(council, today)
