"""The actions still open today. Their dates are set relative to the day the demo
is loaded, so the dashboard always shows each "slow to progress" rule firing:

- 1.8 past its due date (re-profiled once) and not complete;
- 2.7 rated Red;
- 4.7 Amber on two consecutive updates;
- 5.6 no update for more than 42 days;
- 3.5 due within 28 days and not Green;
and a Blue awaiting the chair (1.7, 4.6) and a Blue the chair returned (2.6)."""

import datetime

from improvement.core.working_days import is_working_day
from improvement.demo.plan import ActionSpec, Reprofile

GREEN, AMBER, RED, GREY, BLUE = "green", "amber", "red", "grey", "blue"


def _days(today: datetime.date, days: int) -> datetime.date:
    """`days` from today, brought back to a working day: nobody sets a date on Christmas Day."""
    day = today + datetime.timedelta(days=days)
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def _row(days_ago: int, rating: str, reason: str, narrative: str, support: str = "", **extra):
    return {
        "days_ago": days_ago,
        "rating": rating,
        "reason": reason,
        "narrative": narrative,
        "support": support,
        **extra,
    }


def _front_door(today: datetime.date) -> list[ActionSpec]:
    return [
        ActionSpec(
            "1.7",
            "Automate police MASH checks through a direct link to police systems",
            "police",
            ["owner"],
            _days(today, -160),
            _days(today, 20),
            "Police checks returned within 4 working hours for 90% of enquiries",
            "Police MASH performance return; ICT go-live report",
            ["PA1"],
            live=[
                _row(
                    136,
                    AMBER,
                    "At risk: ICT security accreditation still awaited",
                    "Interface built; accreditation review booked with force ICT.",
                    "Board to ask the force's chief information officer to prioritise "
                    "accreditation.",
                ),
                _row(
                    94,
                    GREEN,
                    "On track: accreditation granted and testing under way",
                    "Test enquiries returned in under two hours.",
                ),
                _row(
                    52,
                    GREEN,
                    "On track: live for all MASH enquiries since go-live",
                    "First month live: 88% of checks within 4 working hours.",
                ),
                _row(
                    10,
                    GREEN,
                    "On track: performance sustained for two months",
                    "91% within 4 working hours in the last month.",
                ),
                _row(
                    4,
                    BLUE,
                    "Complete: 92% of checks returned within 4 working hours",
                    "Three months of performance above target; evidence attached for the chair.",
                    approval="proposed",
                ),
            ],
        ),
        ActionSpec(
            "1.8",
            "Move MASH recording to the front-door module of the new case management system",
            "council",
            ["mash"],
            _days(today, -200),
            _days(today, -20),
            "All contacts recorded in the new module with no loss of timeliness",
            "Go-live report; timeliness report for the first month",
            ["PA1"],
            reprofiles=[
                Reprofile(
                    _days(today, -90),
                    _days(today, -75),
                    "Supplier's data migration failed testing; go-live moved "
                    "to allow a second test cycle",
                )
            ],
            live=[
                _row(
                    178,
                    GREEN,
                    "On track: configuration complete",
                    "Workflows configured with the MASH team managers.",
                ),
                _row(
                    136,
                    AMBER,
                    "At risk: data migration failed its first test",
                    "Supplier investigating duplicate records in migrated contacts.",
                    "Board to note supplier escalation by the ICT director.",
                ),
                _row(
                    94,
                    GREEN,
                    "On track against the re-profiled date",
                    "Second migration test passed; training scheduled.",
                ),
                _row(
                    54,
                    GREEN,
                    "On track: staff trained, go-live planned",
                    "All MASH staff trained on the new module.",
                ),
                _row(
                    12,
                    AMBER,
                    "At risk: go-live postponed by the supplier's outstanding fix",
                    "Go-live did not happen on the due date because a supplier patch for "
                    "multi-agency checks is outstanding. Old system remains in use safely.",
                    "Board to press the supplier through the contract manager for a fix date.",
                ),
            ],
        ),
    ]


def _extra_familial(today: datetime.date) -> list[ActionSpec]:
    return [
        ActionSpec(
            "2.6",
            "Joint police and social care protocol for children missing from care",
            "police",
            ["owner", "lefevre"],
            _days(today, -160),
            _days(today, 60),
            "Every missing episode from care reviewed jointly within 72 hours",
            "Joint audit of missing episodes; protocol usage log",
            ["PA2"],
            live=[
                _row(
                    136,
                    AMBER,
                    "At risk: legal review of information sharing not complete",
                    "Draft protocol with legal services.",
                    "None beyond legal capacity.",
                ),
                _row(
                    94,
                    GREEN,
                    "On track: protocol signed by both agencies",
                    "Protocol signed and briefed to response officers.",
                ),
                _row(52, GREEN, "On track: protocol in use", "Used in 23 missing episodes."),
                _row(
                    40,
                    BLUE,
                    "Complete: protocol signed and in use",
                    "Protocol in place; asked the board to accept completion.",
                    approval="returned",
                    reviewed_days_ago=35,
                    comment="The protocol is signed but the evidence does not yet show the "
                    "72-hour joint review happening. Bring the joint audit of missing "
                    "episodes before proposing Blue again.",
                ),
                _row(
                    7,
                    GREEN,
                    "On track: joint audit of missing episodes under way",
                    "Audit of 30 episodes due to report next month.",
                ),
            ],
        ),
        ActionSpec(
            "2.7",
            "Agree joint funding for a partnership child exploitation analyst",
            "police",
            ["owner", "icb"],
            _days(today, -160),
            _days(today, 100),
            "Analyst in post and producing a monthly exploitation profile",
            "Funding agreement; first monthly profile",
            ["PA2"],
            live=[
                _row(
                    136,
                    GREEN,
                    "On track: business case drafted",
                    "Business case shared with police, ICB and council finance leads.",
                ),
                _row(
                    94,
                    AMBER,
                    "At risk: ICB has not confirmed its share of funding",
                    "Police and council shares agreed.",
                    "ICB to confirm its contribution.",
                ),
                _row(
                    52,
                    AMBER,
                    "At risk: funding still not agreed",
                    "Decision deferred by the ICB to its next finance committee.",
                    "Chair to write to the ICB chief executive.",
                ),
                _row(
                    9,
                    RED,
                    "Off track: ICB declined to fund; post cannot be advertised",
                    "Without the third share the post cannot be recruited and the "
                    "exploitation profile remains a manual, quarterly product.",
                    "Board to broker a revised funding split between the three statutory "
                    "partners at its next meeting.",
                ),
            ],
        ),
    ]


def _voice_and_practice(today: datetime.date) -> list[ActionSpec]:
    return [
        ActionSpec(
            "3.5",
            "Launch a digital tool for children to give feedback after a social work visit",
            "council",
            ["participation"],
            _days(today, -160),
            _days(today, 15),
            "Feedback from 30% of children visited each month",
            "Feedback returns",
            ["AFI1"],
            live=[
                _row(
                    136,
                    GREEN,
                    "On track: tool chosen with the children in care council",
                    "Young people tested three tools and chose one.",
                ),
                _row(94, GREEN, "On track: tool configured", "Questions written with children."),
                _row(52, GREEN, "On track: pilot in two teams", "Pilot returns encouraging."),
                _row(
                    8,
                    AMBER,
                    "At risk: accessibility fixes needed before launch",
                    "Pilot showed the tool does not work well with screen readers.",
                    "Participation lead needs ICT developer time for two weeks.",
                ),
            ],
        ),
        ActionSpec(
            "4.6",
            "Implement the recommendations of the Family Safeguarding model review",
            "council",
            ["owner2"],
            _days(today, -200),
            _days(today, 25),
            "Every recommendation implemented and evidenced in audit",
            "Recommendations tracker; thematic audit",
            ["AFI2", "AFI3"],
            live=[
                _row(178, GREY, "Not started: review report awaited", "Review concluding."),
                _row(
                    136,
                    AMBER,
                    "Mobilising later than planned: report arrived late",
                    "Recommendations received; plan being drafted.",
                    "No additional support needed.",
                ),
                _row(
                    94,
                    GREEN,
                    "On track: 6 of 9 recommendations in place",
                    "Adult practitioner roles restored in two teams.",
                ),
                _row(52, GREEN, "On track: 8 of 9 in place", "Group supervision relaunched."),
                _row(
                    11,
                    GREEN,
                    "On track: final recommendation in place",
                    "Thematic audit shows improved multi-disciplinary working.",
                ),
                _row(
                    3,
                    BLUE,
                    "Complete: all nine recommendations implemented",
                    "Audit evidence attached; asking the chair to accept.",
                    approval="proposed",
                ),
            ],
        ),
        ActionSpec(
            "4.7",
            "Reflective practice groups for every family safeguarding team",
            "council",
            ["owner2", "psw"],
            _days(today, -160),
            _days(today, 150),
            "Every team holds a reflective group monthly",
            "Attendance log; staff survey",
            ["AFI2"],
            live=[
                _row(136, GREEN, "On track: facilitators trained", "Eight facilitators trained."),
                _row(94, GREEN, "On track: groups running in four teams", "Good feedback."),
                _row(
                    51,
                    AMBER,
                    "At risk: groups cancelled in two teams because of sickness",
                    "Two facilitators on long-term absence.",
                    "Principal Social Worker to cover; more facilitators needed.",
                ),
                _row(
                    9,
                    AMBER,
                    "At risk: still only four of seven teams running groups",
                    "Cover arrangements not yet in place.",
                    "Board to agree backfill funding for two facilitators.",
                ),
            ],
        ),
    ]


def _workforce_and_governance(today: datetime.date) -> list[ActionSpec]:
    return [
        ActionSpec(
            "5.6",
            "Convert the remaining interim manager posts to permanent appointments",
            "council",
            ["jones", "workforce"],
            _days(today, -170),
            _days(today, 180),
            "No interim managers in children's social care",
            "Establishment list",
            ["AR2"],
            live=[
                _row(
                    147,
                    AMBER,
                    "At risk: market for permanent managers is thin",
                    "Two of six posts advertised without success.",
                    "Board to note; specialist recruiter being considered.",
                ),
                _row(105, GREEN, "On track: recruiter appointed", "Campaign launched."),
                _row(
                    63,
                    GREEN,
                    "On track: interviews scheduled",
                    "Shortlist of five for three posts.",
                ),
            ],
        ),
        ActionSpec(
            "6.5",
            "Partnership data dashboard shared by the safeguarding partners",
            "council",
            ["performance", "lscp"],
            _days(today, -120),
            _days(today, 240),
            "Dashboard used at every partnership executive",
            "Dashboard; executive minutes",
            ["AR3"],
            live=[
                _row(94, GREEN, "On track: data-sharing agreement signed", "Agreement signed."),
                _row(52, GREEN, "On track: first version built", "Police data included."),
                _row(10, GREEN, "On track: health data added", "ICB data flowing monthly."),
            ],
        ),
        ActionSpec(
            "6.6",
            "Independent scrutiny of the partnership's response to exploitation",
            "lscp",
            ["lscp"],
            _days(today, -70),
            _days(today, 120),
            "Scrutiny report received and its recommendations in the plan",
            "Scrutiny report; partnership response",
            ["AR3"],
            live=[
                _row(
                    52,
                    AMBER,
                    "Mobilising later than planned: scrutineer's start delayed",
                    "Scope agreed.",
                    "None.",
                ),
                _row(10, GREEN, "On track: fieldwork under way", "Case reviews started."),
            ],
        ),
    ]


def live_actions(today: datetime.date) -> dict[str, list[ActionSpec]]:
    front = _front_door(today)
    efh = _extra_familial(today)
    voice_practice = _voice_and_practice(today)
    rest = _workforce_and_governance(today)
    return {
        "1": front,
        "2": efh,
        "3": voice_practice[:1],
        "4": voice_practice[1:],
        "5": rest[:1],
        "6": rest[1:],
    }
