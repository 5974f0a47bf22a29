"""What the demo's story says after the seeds end: the key decisions of a children's
services improvement journey that the forward plan advertises each month, the
Children and Education Scrutiny Committee's standing business, and the shape of a
year's complaints. Nothing here is from a seed: it is made up, and plausible."""

CABINET_MEMBER = "Councillor Jackie Allen, Cabinet Member for Children's Services and Education"
CHILDREN = "Children and Young People's Services"
CONTACT = "John Gregg, Executive Director, Children and Young People's Services"
CONTACT_EMAIL = "john.gregg@example.invalid"
SCRUTINY = "children-education-scrutiny"

# (title, with {fy} for the financial year it is taken in; description; maker: "cabinet"
#  or "member"; wards). Sixteen, one a month, so none recurs in the same year.
DECISIONS = [
    (
        "Children's Services Improvement Plan: refreshed plan {fy}",
        "To approve the refreshed Children's Services Improvement Plan and the resources "
        "to deliver it, following the Improvement Board's review of progress.",
        "cabinet",
        "All Wards",
    ),
    (
        "Award of the contract for independent fostering agency placements {fy}",
        "To award places on the regional framework for independent fostering agency "
        "placements, with an estimated value above the key decision threshold.",
        "member",
        "All Wards",
    ),
    (
        "Social work recruitment and retention offer {fy}",
        "To approve market supplements and a retention payment for children and family "
        "social workers, to reduce reliance on agency staff.",
        "cabinet",
        "All Wards",
    ),
    (
        "Placement sufficiency strategy for children in care {fy}",
        "To approve the sufficiency strategy and the commissioning plan for homes for "
        "children in care and care leavers.",
        "cabinet",
        "All Wards",
    ),
    (
        "Foster carer fees and allowances {fy}",
        "To approve the fees and allowances paid to the council's foster carers and "
        "special guardians.",
        "member",
        "All Wards",
    ),
    (
        "Multi-Agency Safeguarding Hub: partnership agreement {fy}",
        "To enter into a partnership agreement with the police and health partners for "
        "the Multi-Agency Safeguarding Hub, and the council's contribution to it.",
        "member",
        "All Wards",
    ),
    (
        "Short breaks for disabled children: contract award {fy}",
        "To award contracts for short breaks for disabled children and their families.",
        "member",
        "All Wards",
    ),
    (
        "Children's homes: purchase and refurbishment of a property {fy}",
        "To approve the purchase and refurbishment of a property as a council-run "
        "children's home for up to four children.",
        "cabinet",
        "Central",
    ),
    (
        "Family hubs and Start for Life programme {fy}",
        "To accept the grant and approve the delivery plan for family hubs.",
        "member",
        "All Wards",
    ),
    (
        "Supported accommodation for care leavers aged 16 and 17: contract award {fy}",
        "To award contracts for registered supported accommodation for young people "
        "aged 16 and 17 leaving care.",
        "member",
        "All Wards",
    ),
    (
        "Children's social care case management system: contract extension {fy}",
        "To extend the contract for the children's social care case management system.",
        "member",
        "All Wards",
    ),
    (
        "Early help strategy and commissioning plan {fy}",
        "To approve the early help strategy and the commissioning of early help services.",
        "cabinet",
        "All Wards",
    ),
    (
        "Home to school transport for children with special educational needs {fy}",
        "To award contracts for home to school transport for children with special "
        "educational needs and disabilities.",
        "member",
        "All Wards",
    ),
    (
        "Advocacy and independent visitors for children in care {fy}",
        "To award the contract for advocacy and independent visitor services.",
        "member",
        "All Wards",
    ),
    (
        "Children's services budget and savings proposals {fy}",
        "To approve the children's services elements of the medium term financial "
        "strategy for consultation.",
        "cabinet",
        "All Wards",
    ),
    (
        "Agency social worker managed service: contract award {fy}",
        "To award the contract for a managed service supplying agency social workers, "
        "under the regional memorandum of understanding on agency pay rates.",
        "member",
        "All Wards",
    ),
]

# The decision taken just before the demo is loaded, still open to call-in.
RECENT = (
    "Interim arrangements for the Leaving Care service ({month})",
    "To approve interim arrangements for the Leaving Care service while the service is "
    "recommissioned, including a contract extension above the key decision threshold.",
)

# When the demo is loaded again later, no edition is left to advertise the decision in
# time: it is taken under the general exception (the scrutiny chair informed in writing,
# a public notice five clear days before), and shows in Part 4 of the next edition.
URGENT = (
    "Extension of the Leaving Care service contract ({day})",
    "To extend the Leaving Care service contract for six months while the service is "
    "recommissioned, above the key decision threshold.",
    "The current contract ends before a decision could be advertised for 28 clear days; "
    "without an extension care leavers would lose their personal advisers.",
    "Councillor A Shaheed",
)

OUTCOME = "Approved as recommended in the report."

# The committee's standing items at each meeting: (title, report author).
STANDING_ITEMS = [
    ("Apologies for Absence", ""),
    ("Declarations of Interest and Whipping Declarations", ""),
    ("Minutes of the Previous Meeting", ""),
]
# Its work programme for each meeting, in turn (title, contact officer).
WORK_PROGRAMME = [
    ("Children's Services Improvement Plan: progress report", CONTACT),
    ("Ofsted monitoring visit: findings and the council's response", CONTACT),
    ("Annual report of the Local Safeguarding Children Partnership", "LSCP Business Manager"),
    ("Children's social care complaints: annual report", "Belinda Evans, Complaints Manager"),
    ("Social work workforce: recruitment, retention and agency use", CONTACT),
    ("Placement sufficiency for children in care", CONTACT),
    ("School place planning and admissions", "Service Director Education"),
    ("Corporate parenting: annual report", CONTACT),
]
FORWARD_PLAN_ITEM = ("Forward Plan of Executive Decisions", "Democratic Services")
WORK_PROGRAMME_ITEM = ("Work Programme", "Democratic Services")
