"""The annual report's fixed text: what the law says, in the words Peterborough's
report (seed 003, item 6, Appendix A) uses, with the council's own names put in from
its settings. The law is the Children Act 1989 Representations Procedure (England)
Regulations 2006 and the DfE's guidance "Getting the best from complaints" (2006);
nothing here is a council's choice, so it is not a setting (ADR 029)."""

REGULATIONS = "the Children Act 1989 Representations Procedure (England) Regulations 2006"
GUIDANCE_URL = (
    "https://www.gov.uk/government/publications/childrens-social-care-getting-the-best-from-"
    "complaints"
)
LGSCO = "the Local Government and Social Care Ombudsman"


def introduction(council: str, committee: str) -> list[str]:
    """The report's purpose under regulation 13(3), and why complaints are welcome."""
    audience = f"This report is for the {committee}. " if committee else ""
    return [
        f"{audience}It is a requirement of {REGULATIONS} that the local authority publishes "
        "an annual report, to provide a mechanism by which the local authority can be kept "
        "informed of the operation of its complaints procedure for children's social care "
        "(regulation 13(3)).",
        "The Children in Care Pledge includes a promise to give children in care information "
        "on how to make a complaint or to give a compliment. This report shows whether "
        "children in care are being given that information: whether complaints are received "
        "from children in care and satisfactorily resolved.",
        "Evidence that children and families know how to complain, and do, is positive "
        "evidence of their empowerment. Complaints are investigated in a spirit of openness "
        "and learning, although not every complaint is justified and upheld.",
        f"If a complaint cannot be resolved, the complainant has a final right of referral to "
        f"{LGSCO}. {council}'s figures below are counted from its case records.",
    ]


def procedure() -> list[str]:
    return [
        "The procedure is statutory and applies to complaints made by or on behalf of "
        "children 'in need' or 'looked after' as defined by the Children Act 1989: in "
        "effect, children who receive children's social care services.",
    ]


WHO_MAY_COMPLAIN = [
    "any child 'in need' or 'looked after' by the local authority",
    "their parent, or anyone with parental responsibility for such a child",
    "a foster carer",
    "a child leaving care",
    "a special guardian, or a child (or their parent) subject to a special guardianship order",
    "any person applying for a special guardianship support service (section 14F(3) or (4)) "
    "or to adopt a child",
    "any child who may be adopted, or their parent or guardian",
    "any person covered by adoption services",
    "people previously adopted, their parents, natural parents or former guardians",
    "anyone the local authority accepts has a sufficient interest in a child's welfare",
]

STAGES = [
    "Stage 1, local resolution: a response within 10 working days, and at most 20 if the "
    "complaint is complex",
    "Stage 2, investigation by an investigator and an independent person: within 25 working "
    "days, and at most 65 in exceptional circumstances",
    "Stage 3, a review panel: held within 30 working days of the request",
]

AFTER_STAGES = (
    "Where a complaint is not resolved at stage 3, the complainant may refer it to "
    f"{LGSCO}, who may investigate and may support or dispute the local authority's response."
)


def advocacy(provider: str) -> str:
    """Regulation 13(3)'s report says how children are helped to complain: the law
    (s.26A of the Children Act 1989) requires the council to provide advocacy."""
    by = f", provided by {provider}" if provider else ""
    return (
        "A young person may complain directly, or an adult (a parent, carer, relative with "
        "sufficient interest, or an advocate) may act on their behalf. The council provides "
        f"an independent advocacy service, as section 26A of the Children Act 1989 requires{by}."
    )


IMPROVEMENTS = (
    "Where a complaint finds the service at fault, managers at every stage look for service "
    "improvements that could prevent a complaint of the same kind: a change of process or "
    "policy, or training."
)

CORPORATE = (
    "Complaints about children's social care and education teams that are not eligible "
    "for the statutory procedure follow the council's corporate complaints process."
)

EDUCATION = (
    "The council is not responsible for complaints about schools, which have their own "
    "process. Many education services have statutory appeals (education, health and care "
    "plans, school admissions) that are used instead of a complaint."
)
