"""Peterborough's improvement plan: six objectives and the actions whose story
is told in fixed dates (the live, today-relative actions are in peterborough_live)."""

import datetime

from improvement.demo.peterborough_practice import GOVERNANCE, PRACTICE, WORKFORCE
from improvement.demo.plan import ActionSpec, ObjectiveSpec, Reprofile
from improvement.demo.timeline import Dip, Story

D = datetime.date

OBJECTIVES = [
    ObjectiveSpec(
        "1",
        "Front door timeliness",
        "Every contact about a child receives a timely, proportionate response",
        "Contacts, referrals and MASH enquiries are screened and decided within "
        "timescales, and children are visited promptly when a social worker is needed.",
        ["PA1", "AFI3", "AR1"],
        ["1", "4", "5a"],
    ),
    ObjectiveSpec(
        "2",
        "Extra-familial harm",
        "Children at risk of harm outside the home are protected by partners together",
        "A multi-agency response to exploitation, missing episodes and serious youth "
        "violence, with shared risk assessment and a child exploitation hub.",
        ["PA2", "AFI4"],
        ["2", "4"],
    ),
    ObjectiveSpec(
        "3",
        "Voice and lived experience",
        "Children's lived experience is understood and their voice shapes our work",
        "Every assessment and plan shows what life is like for the child, in their "
        "words, and children and staff help shape practice standards.",
        ["AFI1"],
        ["5e"],
    ),
    ObjectiveSpec(
        "4",
        "Quality of practice and management oversight",
        "Practice is curious, well supervised and consistently good",
        "Managers' oversight is recorded and purposeful, practitioners show "
        "professional curiosity, and audits show practice improving.",
        ["AFI2", "AFI3", "AFI4"],
        ["5c", "10d"],
    ),
    ObjectiveSpec(
        "5",
        "Workforce",
        "A stable, skilled and permanent workforce",
        "Reduce reliance on agency staff, keep caseloads manageable and give staff "
        "the training and supervision they need.",
        ["AR2"],
        ["4", "10c"],
    ),
    ObjectiveSpec(
        "6",
        "Partnership and governance",
        "Strong governance that knows itself and holds every partner to account",
        "The board, scrutiny and the safeguarding partnership see accurate data, "
        "challenge slow progress and prepare well for every DfE review.",
        ["AR1", "AR3"],
        ["3", "5b", "5c", "5d", "6", "7", "8", "9", "10a", "10b", "11", "12", "13", "14"],
    ),
]


def _story(start: D, done: D, risk: str, progress: str, did: str, **kwargs) -> Story:
    return Story(start=start, done=done, risk=risk, progress=progress, did=did, **kwargs)


FRONT_DOOR = [
    ActionSpec(
        "1.1",
        "Introduce a RAG-rated screening tool so every contact is triaged within 24 hours",
        "council",
        ["mash"],
        D(2023, 9, 1),
        D(2023, 12, 15),
        "95% of contacts have a decision within 24 hours",
        "Weekly MASH timeliness report; dip sample of 40 contacts by the Principal Social Worker",
        ["PA1"],
        _story(
            D(2023, 9, 1),
            D(2023, 12, 1),
            "backlog of 180 unscreened contacts to clear first",
            "contacts decided within 24 hours rose from 61% to 88%",
            "Screening tool live in all MASH pods; backlog cleared in October.",
        ),
    ),
    ActionSpec(
        "1.2",
        "Daily MASH management huddle to review all contacts over 24 hours old",
        "council",
        ["mash", "jones"],
        D(2023, 9, 11),
        D(2023, 11, 30),
        "No contact waits more than 48 hours for a decision",
        "Huddle log; timeliness report",
        ["PA1", "AFI3"],
        _story(
            D(2023, 9, 11),
            D(2023, 11, 20),
            "team manager vacancy limits cover",
            "huddle held every working day since 18 September",
            "Huddle embedded with a recorded decision log reviewed weekly.",
        ),
    ),
    ActionSpec(
        "1.3",
        "Police MASH researchers to complete checks within 24 hours of a request",
        "police",
        ["owner"],
        D(2023, 9, 18),
        D(2024, 2, 29),
        "90% of police checks returned within 24 hours",
        "Police MASH performance return; joint audit of ten enquiries",
        ["PA1"],
        _story(
            D(2023, 9, 18),
            D(2024, 2, 1),
            "two researcher posts vacant until November",
            "checks returned within 24 hours at 86% in January",
            "Researcher rota changed to cover 8am to 8pm; two posts filled.",
        ),
    ),
    ActionSpec(
        "1.4",
        "Health practitioners in the MASH to provide health information on every enquiry",
        "health",
        ["health", "icb"],
        D(2023, 10, 2),
        D(2024, 7, 31),
        "Health information on 90% of MASH enquiries within 24 hours",
        "Health MASH return; audit of enquiries with health involvement",
        ["PA1"],
        _story(
            D(2023, 10, 2),
            D(2024, 7, 10),
            "only one of three health posts is filled",
            "two additional nurses in post from May 2024",
            "Three health practitioners now cover the MASH rota five days a week.",
            dips=[
                Dip(
                    D(2024, 1, 1),
                    D(2024, 4, 20),
                    "red",
                    "Off track: ICB funding for two additional MASH nurses not yet agreed",
                    "Board to escalate funding to the ICB chief nursing officer.",
                )
            ],
        ),
        [
            Reprofile(
                D(2024, 3, 20),
                D(2024, 3, 31),
                "ICB funding for two more MASH nurses agreed only in March 2024; "
                "recruitment restarted",
            )
        ],
    ),
    ActionSpec(
        "1.5",
        "Initial visits by social workers within 5 working days of a referral",
        "council",
        ["owner2"],
        D(2023, 10, 2),
        D(2024, 5, 31),
        "90% of children seen within 5 working days of referral",
        "Monthly performance scorecard; practice audits",
        ["PA1"],
        _story(
            D(2023, 10, 2),
            D(2024, 5, 1),
            "assessment team caseloads average 24",
            "children seen within 5 working days rose to 84% in April",
            "Duty rota redesigned so first visits are allocated at the point of referral.",
        ),
    ),
    ActionSpec(
        "1.6",
        "Publish a refreshed threshold document and train partners in its use",
        "lscp",
        ["lscp"],
        D(2023, 11, 1),
        D(2024, 3, 31),
        "Contacts that need no social care response fall below 40%",
        "Conversion rate in the scorecard; training attendance",
        ["PA1"],
        _story(
            D(2023, 11, 1),
            D(2024, 3, 15),
            "schools' sign-off of the draft delayed",
            "threshold document agreed by the partnership executive",
            "Threshold guidance published; 412 partner staff trained by March.",
        ),
    ),
]

EXTRA_FAMILIAL = [
    ActionSpec(
        "2.1",
        "Agree a multi-agency extra-familial harm strategy and pathway",
        "lscp",
        ["lscp", "abennett"],
        D(2023, 9, 4),
        D(2024, 1, 31),
        "Strategy signed by all three statutory partners",
        "Signed strategy; pathway audit",
        ["PA2"],
        _story(
            D(2023, 9, 4),
            D(2024, 1, 10),
            "partners still consulting on the draft",
            "draft agreed by the partnership executive in December",
            "Strategy and pathway published and used in every exploitation case.",
        ),
    ),
    ActionSpec(
        "2.2",
        "Set up a Child Exploitation Hub co-located with police and youth justice",
        "police",
        ["owner", "jones"],
        D(2023, 10, 2),
        D(2024, 6, 30),
        "Every child at risk of exploitation reviewed by the hub within 10 days",
        "Hub tracker; audit of hub cases",
        ["PA2"],
        _story(
            D(2023, 10, 2),
            D(2024, 6, 1),
            "premises and ICT access not yet agreed",
            "hub co-located in Bayard Place and meeting weekly",
            "Hub staffed by police, youth justice and social care; weekly risk meeting held.",
        ),
    ),
    ActionSpec(
        "2.3",
        "Police to share intelligence on exploitation locations and people of concern",
        "police",
        ["owner"],
        D(2023, 11, 1),
        D(2024, 4, 30),
        "Intelligence shared at every hub meeting",
        "Hub minutes; disruption activity log",
        ["PA2"],
        _story(
            D(2023, 11, 1),
            D(2024, 4, 10),
            "information-sharing agreement awaiting sign-off",
            "monthly intelligence profile shared since February",
            "Intelligence profile shared monthly; disruption activity recorded.",
        ),
    ),
    ActionSpec(
        "2.4",
        "Return home interviews offered to every child within 72 hours of a missing episode",
        "council",
        ["lefevre"],
        D(2023, 9, 18),
        D(2024, 3, 31),
        "80% of return home interviews completed within 72 hours",
        "Missing tracker; audit",
        ["PA2"],
        _story(
            D(2023, 9, 18),
            D(2024, 3, 20),
            "provider contract changes in October",
            "72-hour completion at 76% in February",
            "In-house return home interview service in place; completion now 81%.",
        ),
    ),
    ActionSpec(
        "2.5",
        "Train schools' designated safeguarding leads in spotting exploitation",
        "schools",
        ["schools"],
        D(2024, 1, 8),
        D(2024, 7, 19),
        "Every secondary school's DSL trained",
        "Attendance records; DSL survey",
        ["PA2"],
        _story(
            D(2024, 1, 8),
            D(2024, 7, 1),
            "training dates clash with exams",
            "14 of 16 secondary DSLs trained",
            "All secondary DSLs and 38 primary DSLs trained.",
        ),
    ),
]

VOICE = [
    ActionSpec(
        "3.1",
        "Practice standard on recording the child's voice and lived experience",
        "council",
        ["psw"],
        D(2023, 9, 4),
        D(2023, 12, 31),
        "Practice standard published and briefed to every team",
        "Standard; briefing log",
        ["AFI1"],
        _story(
            D(2023, 9, 4),
            D(2023, 12, 15),
            "waiting for feedback from the children in care council",
            "standard drafted with the children in care council",
            "Standard published and briefed to every team.",
        ),
    ),
    ActionSpec(
        "3.2",
        "Direct work toolkit and training for all social workers",
        "council",
        ["psw", "workforce"],
        D(2023, 11, 1),
        D(2024, 6, 30),
        "80% of audited assessments show the child's voice",
        "Monthly case audits",
        ["AFI1"],
        _story(
            D(2023, 11, 1),
            D(2024, 5, 1),
            "training places limited to 20 a month",
            "toolkit in use; 120 staff trained",
            "All social workers trained; audits show the child's voice in 78% of cases.",
            returned="Audits show 64% not 80%: keep Green until the next audit meets the measure.",
        ),
    ),
    ActionSpec(
        "3.3",
        "Children and young people's feedback collected after every child protection conference",
        "council",
        ["participation"],
        D(2024, 1, 8),
        D(2024, 9, 30),
        "Feedback from 50% of children over 8 after conference",
        "Feedback returns; you said, we did report",
        ["AFI1"],
        _story(
            D(2024, 1, 8),
            D(2024, 9, 1),
            "advocacy provider capacity is limited",
            "feedback received from 41% of children",
            "Feedback returns now reported quarterly to the board.",
        ),
    ),
    ActionSpec(
        "3.4",
        "Young inspectors to review the front door from a child's view",
        "council",
        ["participation"],
        D(2024, 9, 2),
        D(2025, 3, 31),
        "Young inspectors' report received and responded to by the board",
        "Young inspectors' report; board response",
        ["AFI1"],
        _story(
            D(2024, 9, 2),
            D(2025, 3, 1),
            "recruiting young inspectors takes longer than hoped",
            "six young inspectors recruited and trained",
            "Young inspectors reported in February 2025; five recommendations accepted.",
        ),
    ),
]

ACTIONS = {
    "1": FRONT_DOOR,
    "2": EXTRA_FAMILIAL,
    "3": VOICE,
    "4": PRACTICE,
    "5": WORKFORCE,
    "6": GOVERNANCE,
}
