"""The demo's councils, organisations, named people and sign-ins.

Real officers named in the seeds appear only with the job titles the seeds give
them; everyone else is named by role, so no personal details are invented."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from improvement.accounts.models import Membership, Organisation, Person, Role
from improvement.core.models import Council
from improvement.demo.records import ensure

DEMO_PASSWORD = "improvement-demo"  # noqa: S105 - a published demo password, never a secret

Kind = Organisation.Kind


@dataclass(frozen=True)
class SignIn:
    username: str
    first_name: str
    last_name: str
    role: str
    organisation: str
    job_title: str


PETERBOROUGH_ORGANISATIONS = {
    "council": ("Peterborough City Council", Kind.COUNCIL),
    "police": ("Cambridgeshire Constabulary", Kind.POLICE),
    "icb": ("NHS Cambridgeshire and Peterborough ICB", Kind.NHS_ICB),
    "health": ("Cambridgeshire Community Services NHS Trust", Kind.HEALTH_PROVIDER),
    "schools": ("Peterborough Primary and Secondary Heads Partnership", Kind.SCHOOLS),
    "lscp": ("Cambridgeshire and Peterborough Safeguarding Children Partnership", Kind.LSCP),
    "dfe": ("Department for Education", Kind.DFE),
}

SHROPSHIRE_ORGANISATIONS = {
    "council": ("Shropshire Council", Kind.COUNCIL),
    "lga": ("Local Government Association", Kind.LGA),
    "dfe": ("Department for Education", Kind.DFE),
}

PETERBOROUGH_SIGN_INS = [
    SignIn(
        "manager",
        "Penny",
        "Aubert",
        Role.BOARD_MANAGER,
        "council",
        "Children's Services Improvement Board Manager",
    ),
    SignIn(
        "chair",
        "Sally",
        "Rowe",
        Role.CHAIR,
        "dfe",
        "Independent Chair and DfE Children's Services Improvement Adviser",
    ),
    SignIn(
        "owner",
        "MASH Detective",
        "Inspector",
        Role.ACTION_OWNER,
        "police",
        "Detective Inspector, Multi-Agency Safeguarding Hub",
    ),
    SignIn(
        "owner2",
        "Lydia",
        "Bennett",
        Role.ACTION_OWNER,
        "council",
        "Head of Family Safeguarding",
    ),
    SignIn(
        "member",
        "Alison",
        "Bennett",
        Role.BOARD_MEMBER,
        "council",
        "Service Director, Safeguarding and Quality Assurance",
    ),
    SignIn(
        "councillor",
        "Councillor A",
        "Shaheed",
        Role.COUNCILLOR,
        "council",
        "Chair, Children and Education Scrutiny Committee",
    ),
    SignIn(
        "complaints", "Belinda", "Evans", Role.COMPLAINTS_MANAGER, "council", "Complaints Manager"
    ),
    SignIn(
        "performance",
        "Performance",
        "Analyst",
        Role.PERFORMANCE_OFFICER,
        "council",
        "Performance and Insight Analyst",
    ),
    SignIn(
        "admin",
        "Council",
        "Administrator",
        Role.COUNCIL_ADMIN,
        "council",
        "Systems Administrator, Children's Services",
    ),
]

SHROPSHIRE_SIGN_INS = [
    SignIn(
        "shropshire",
        "Improvement Board",
        "Manager",
        Role.BOARD_MANAGER,
        "council",
        "Children's Improvement Board Manager",
    ),
    # Peterborough's DfE adviser also sits on Shropshire's board, as a DfE observer and
    # with no say on completions, so the demo has a person with roles in two councils
    # and her portfolio page (issue 17) shows both side by side.
    SignIn(
        "chair",
        "Sally",
        "Rowe",
        Role.BOARD_MEMBER,
        "dfe",
        "DfE Children's Services Improvement Adviser (observer)",
    ),
]

# Action owners without a sign-in: key -> (name, job title, organisation key).
PETERBOROUGH_OWNERS = {
    "gregg": ("John Gregg", "Executive Director, Children and Young People's Services", "council"),
    "jones": (
        "Gary Jones",
        "Service Director, Children's Social Care and Targeted Support",
        "council",
    ),
    "abennett": (
        "Alison Bennett",
        "Service Director, Safeguarding and Quality Assurance",
        "council",
    ),
    "lefevre": ("Jodie Lefevre", "Interim Head of Service, Targeted Support", "council"),
    "mash": ("Head of MASH", "Head of Service, Integrated Front Door and MASH", "council"),
    "psw": ("Principal Social Worker", "Principal Social Worker", "council"),
    "workforce": ("Head of Workforce Development", "Head of Workforce Development", "council"),
    "performance": (
        "Head of Performance and Insight",
        "Head of Performance and Insight",
        "council",
    ),
    "participation": ("Participation Lead", "Children's Participation and Voice Lead", "council"),
    "icb": ("ICB Designated Nurse", "Designated Nurse for Safeguarding Children", "icb"),
    "health": ("Health MASH Lead", "Named Nurse, MASH health team", "health"),
    "schools": (
        "Heads Partnership Safeguarding Lead",
        "Safeguarding lead for the Heads Partnership",
        "schools",
    ),
    "lscp": ("LSCP Business Manager", "Safeguarding Children Partnership Business Manager", "lscp"),
}

SHROPSHIRE_OWNERS = {
    "ceo": (
        "Chief Executive",
        "Chief Executive and chair of the Children's Improvement Board",
        "council",
    ),
    "dp": ("Executive Director of People", "Executive Director of People", "council"),
    "ad": (
        "Assistant Director Children's Social Care and Safeguarding",
        "Assistant Director Children's Social Care and Safeguarding",
        "council",
    ),
    "sqa": (
        "Head of Safeguarding and Quality Assurance",
        "Head of Safeguarding and Quality Assurance",
        "council",
    ),
    "wf": ("Workforce Development Manager", "Workforce Development Manager", "council"),
}


@dataclass
class Cast:
    """Everything the plan loaders need to attribute their records."""

    council: Council
    organisations: dict[str, Organisation]
    users: dict[str, Any]
    people: dict[str, Person]


def ensure_council(slug: str, name: str) -> Council:
    council, _ = Council.objects.get_or_create(slug=slug, defaults={"name": name})
    if council.name != name:
        council.name = name
        council.save(update_fields=["name"])
    return council


def ensure_user(sign_in: SignIn) -> Any:
    user, _ = get_user_model().objects.get_or_create(username=sign_in.username)
    wanted = {"first_name": sign_in.first_name, "last_name": sign_in.last_name}
    changed = any(getattr(user, name) != value for name, value in wanted.items())
    for name, value in wanted.items():
        setattr(user, name, value)
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    if changed:
        user.save()
    return user


def build_cast(council: Council, organisations: dict, sign_ins: list, owners: dict) -> Cast:
    manager = ensure_user(sign_ins[0])
    orgs = {
        key: ensure(Organisation, {"council": council, "name": name}, {"kind": kind})
        for key, (name, kind) in organisations.items()
    }
    cast = Cast(council, orgs, {"manager": manager}, {})
    for sign_in in sign_ins:
        _ensure_sign_in(cast, sign_in)
    for key, (name, title, org) in owners.items():
        cast.people[key] = _ensure_person(cast, name, title, org, None)
    return cast


def _ensure_sign_in(cast: Cast, sign_in: SignIn) -> None:
    user = ensure_user(sign_in)
    cast.users[sign_in.username] = user
    organisation = cast.organisations[sign_in.organisation]
    ensure(
        Membership,
        {"user": user, "council": cast.council, "role": sign_in.role},
        {"organisation": organisation, "job_title": sign_in.job_title},
    )
    # Everyone who signs in is a person of the council, so the board member who signs in
    # is the one on the board's membership and attendance, not a namesake.
    name = f"{sign_in.first_name} {sign_in.last_name}"
    person = _ensure_person(cast, name, sign_in.job_title, sign_in.organisation, user)
    cast.people[sign_in.username] = person


def demo_email(name: str) -> str:
    """A person's demo address, which reaches nobody: an update request or reminder
    in the demo is emailed to people as it would be in a council, not refused."""
    return f"{slugify(name).replace('-', '.')}@example.invalid"


def _ensure_person(cast: Cast, name: str, title: str, org: str, user: Any) -> Person:
    fields = {
        "job_title": title,
        "organisation": cast.organisations[org],
        "email": demo_email(name),
    }
    if user is not None:
        fields["user"] = user
    return ensure(Person, {"council": cast.council, "name": name}, fields)


def sign_in_rows(cast: Cast, sign_ins: list[SignIn]) -> list[tuple[str, str, str, str]]:
    return [
        (
            s.username,
            f"{s.first_name} {s.last_name}",
            Role(s.role).label,
            cast.council.name,
        )
        for s in sign_ins
    ]
