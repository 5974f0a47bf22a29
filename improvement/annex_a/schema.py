"""The Annex A lists, their headings and what kind of value each holds (formats/annex-a.md).

Each column has a short field name the KPI engine uses. Only the kinds matter to
the import: `id` (Child Unique ID), `date`, `yes` (a Yes/No-type answer), `int`
and `text` (kept as found). Required dates reject a row when blank or unreadable.
"""

import re
from dataclasses import dataclass, field

ID, DATE, YES, INT, TEXT = "id", "date", "yes", "int", "text"


@dataclass(frozen=True)
class Column:
    heading: str
    kind: str
    field: str
    aliases: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class ListSpec:
    number: int
    name: str
    columns: tuple[Column, ...]
    required: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        return f"list_{self.number}"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.field == name)


def _words(*sets: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(s.split()) for s in sets)


def col(heading: str, kind: str = TEXT, name: str = "", aliases: tuple = ()) -> Column:
    slug = re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")
    return Column(heading, kind, name or slug, aliases)


CHILD_ID = col("Child Unique ID", ID, "child_id", _words("child id", "unique id", "person id"))
GENDER = col("Gender")
ETHNICITY = col("Ethnicity")
DOB = col("Date of Birth", DATE, "dob", _words("dob", "birth date"))
AGE = col("Age of Child (Years)", INT, "age", _words("age"))
DISABILITY = col("Does the Child have a Disability", TEXT, "disability", _words("disability"))
TEAM = col("Allocated Team")
WORKER = col("Allocated Worker")
COMMON = (CHILD_ID, GENDER, ETHNICITY, DOB, AGE)

LISTS: dict[int, ListSpec] = {
    1: ListSpec(
        1,
        "Contacts",
        COMMON
        + (
            col("Date of Contact", DATE, "contact_date", _words("contact date")),
            col("Contact Source", TEXT, "source", _words("source")),
        ),
        ("contact_date",),
    ),
    2: ListSpec(
        2,
        "Early Help",
        COMMON
        + (
            col("Assessment start date", DATE, "start", _words("start")),
            col("Assessment completion date", DATE, "completed", _words("completion", "completed")),
            col("Organisation completing assessment", TEXT, "organisation"),
        ),
        ("start",),
    ),
    3: ListSpec(
        3,
        "Referrals",
        COMMON
        + (
            col("Date of referral", DATE, "referral_date", _words("referral date")),
            col("Referral Source", TEXT, "source", _words("source")),
            col("Referral NFA?", YES, "nfa", _words("nfa", "no further action")),
            col(
                "Number of Referrals in Last 12 Months",
                INT,
                "previous_12m",
                _words("referrals 12", "previous referrals", "referrals last", "rereferral"),
            ),
            TEAM,
            WORKER,
        ),
        ("referral_date",),
    ),
    4: ListSpec(
        4,
        "Assessments",
        COMMON
        + (
            DISABILITY,
            col(
                "Continuous Assessment Start Date",
                DATE,
                "start",
                _words("assessment start", "start"),
            ),
            col("Child Seen During Continuous Assessment", YES, "seen", _words("seen")),
            col(
                "Continuous Assessment Date of Authorisation",
                DATE,
                "authorised",
                _words("authorisation", "authorised", "authorized", "authorization"),
            ),
            col(
                "Was the child assessed as requiring LA children's social care support?",
                TEXT,
                "requires_support",
                _words("requiring support", "requires support"),
            ),
            TEAM,
            WORKER,
        ),
        ("start",),
    ),
    5: ListSpec(
        5,
        "Section 47 enquiries and ICPCs",
        COMMON
        + (
            DISABILITY,
            col(
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                DATE,
                "s47_start",
                _words("strategy date", "strategy start", "s47 start", "section 47 start"),
            ),
            col(
                "Was an Initial Child Protection Conference deemed unnecessary?",
                TEXT,
                "icpc_unnecessary",
                _words("unnecessary", "not required"),
            ),
            col(
                "Date of Initial Child Protection Conference",
                DATE,
                "icpc_date",
                _words("icpc date", "conference date"),
            ),
            col(
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                YES,
                "icpc_cpp",
                _words("result plan", "icpc cpp", "resulted plan", "outcome plan"),
            ),
            col("Number of Section 47 Enquiries in the last 12 months", INT, "s47_12m"),
            col("Number of ICPCs in the last 12 months", INT, "icpc_12m"),
            TEAM,
            WORKER,
        ),
        ("s47_start",),
    ),
    6: ListSpec(
        6,
        "Children in need",
        COMMON
        + (
            DISABILITY,
            col("CIN Start Date", DATE, "start"),
            col("Primary Need Code", TEXT, "need"),
            col("Date Child Was Last Seen", DATE, "last_seen"),
            col("CIN Closure Date", DATE, "closed"),
            col("Reason for Closure", TEXT, "closure_reason"),
            col("Case Status", TEXT, "status"),
            TEAM,
            WORKER,
        ),
    ),
    7: ListSpec(
        7,
        "Child protection",
        COMMON
        + (
            DISABILITY,
            col(
                "Child Protection Plan Start Date", DATE, "start", _words("plan start", "cpp start")
            ),
            col("Initial Category of Abuse", TEXT, "initial_category"),
            col("Latest Category of Abuse", TEXT, "latest_category"),
            col(
                "Date of the Last Statutory Visit",
                DATE,
                "last_visit",
                _words("statutory visit", "last visit"),
            ),
            col("Was the Child Seen Alone?", TEXT, "seen_alone"),
            col(
                "Date of latest review conference",
                DATE,
                "last_review",
                _words("review conference", "review date"),
            ),
            col("Child Protection Plan End Date", DATE, "end", _words("plan end", "cpp end")),
            col(
                "Subject to Emergency Protection Order or Protected Under Police Powers "
                "in Last Six Months (Y/N)",
                TEXT,
                "epo",
            ),
            col(
                "Number of Previous Child Protection Plans",
                INT,
                "previous_plans",
                _words("previous plans", "previous cpp"),
            ),
            TEAM,
            WORKER,
        ),
        ("start",),
    ),
    8: ListSpec(
        8,
        "Children in care",
        COMMON
        + (
            col("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"),
            DISABILITY,
            col(
                "Date Started to be Looked After",
                DATE,
                "start",
                _words("started looked after", "cla start", "became looked after"),
            ),
            col("Child's Category of Need", TEXT, "need"),
            col(
                "Is this a second or subsequent period of being a Looked After Child within "
                "the last 12 months (Y/N)",
                TEXT,
                "subsequent",
            ),
            col("Start date of current legal status", DATE, "legal_start", _words("legal start")),
            col("Child's Legal Status", TEXT, "legal_status"),
            col("Date of Latest Statutory Review", DATE, "last_review"),
            col("Date of Last Social Work Visit", DATE, "last_visit"),
            col("What is the permanence plan for this child?", TEXT, "permanence"),
            col("Date of Last IRO Visit / Contact to the Child", DATE, "last_iro"),
            col("Date of Last Health Assessment", DATE, "last_health", _words("health assessment")),
            col("Date of Last Dental Check", DATE, "last_dental", _words("dental")),
            col(
                "Number of Placements in the Last 12 months",
                INT,
                "placements_12m",
                _words("placements 12", "placements"),
            ),
            col("Date Ceased to be Looked After", DATE, "ceased", _words("ceased")),
            col("Reason Ceased to be Looked After", TEXT, "ceased_reason"),
            col("Start Date of Most Recent Placement", DATE, "placement_start"),
            col("Placement Type", TEXT, "placement_type"),
            col("Placement Provider", TEXT, "provider"),
            col("Placement postcode", TEXT, "postcode"),
            col("URN of Placement", TEXT, "urn"),
            col("Placement Location", TEXT, "location"),
            col("LA of Placement", TEXT, "placement_la"),
            col(
                "Number of Episodes the Child has been 'Missing' from their Placement in the "
                "last 12 months",
                INT,
                "missing",
            ),
            col(
                "Number of Episodes the Child has been 'Absent' from their Placement in the "
                "last 12 months",
                INT,
                "absent",
            ),
            col(
                "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                TEXT,
                "ri_offered",
            ),
            col(
                "Did the child accept a Return Interview after their last missing episode (Y/N)?",
                TEXT,
                "ri_accepted",
            ),
            TEAM,
            WORKER,
        ),
        ("start", "legal_start", "placement_start"),
    ),
    9: ListSpec(
        9,
        "Care leavers",
        COMMON
        + (
            col("Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"),
            DISABILITY,
            TEAM,
            WORKER,
            col("Allocated Personal Advisor", TEXT, "advisor"),
            col("Eligibility Category", TEXT, "eligibility"),
            col("Latest Pathway Plan Review Date", DATE, "pathway_review"),
            col("LA in Touch", YES, "in_touch", _words("in touch")),
            col("Latest Date of Contact", DATE, "latest_contact"),
            col("Type of Accommodation", TEXT, "accommodation"),
            col("Suitability of Accommodation", TEXT, "suitability"),
            col("Activity Status", TEXT, "activity"),
        ),
    ),
    10: ListSpec(
        10,
        "Adoption",
        (CHILD_ID, col("Family identifier", TEXT, "family"), GENDER, ETHNICITY, DOB, AGE)
        + (
            DISABILITY,
            col("Date the Child Entered Care", DATE, "entered_care", _words("entered care")),
            col("Date of Decision that Child Should be Placed for Adoption", DATE, "adm"),
            col("Date of Placement Order", DATE, "placement_order"),
            col("Date of Matching Child and Prospective Adopters", DATE, "matched"),
            col("Date Placed for Adoption", DATE, "placed"),
            col("Date of Adoption Order", DATE, "adoption_order"),
            col(
                "Date of Decision that Child Should No Longer be Placed for Adoption",
                DATE,
                "no_longer",
            ),
            col("Reason Why Child No Longer Placed for Adoption", TEXT, "no_longer_reason"),
            col(
                "Date the child was placed for fostering in FFA or concurrent planning placement",
                DATE,
                "ffa",
            ),
        ),
        ("entered_care",),
    ),
    11: ListSpec(
        11,
        "Adopters",
        (
            col("Individual adopter identifier", ID, "child_id", _words("adopter id")),
            col("Family identifier", TEXT, "family"),
            GENDER,
            ETHNICITY,
            col("Disability", TEXT, "disability"),
            col("Is the (prospective) adopter fostering for adoption?", TEXT, "ffa"),
            col("Date enquiry received", DATE, "enquiry"),
            col("Date Stage 1 started", DATE, "stage1_start"),
            col("Date Stage 1 ended", DATE, "stage1_end"),
            col("Date Stage 2 started", DATE, "stage2_start"),
            col("Date Stage 2 ended", DATE, "stage2_end"),
            col("Date application submitted", DATE, "submitted"),
            col("Date application approved", DATE, "approved"),
            col("Date adopter matched with child(ren)", DATE, "matched"),
            col("Date child/children placed with adopter(s)", DATE, "placed"),
            col("No. of children placed", INT, "children_placed"),
            col("Date of Adoption Order", DATE, "adoption_order"),
            col("Date of leaving adoption process", DATE, "left"),
            col("Reason for leaving adoption process", TEXT, "left_reason"),
        ),
    ),
}
