"""The demo's meetings as the seeds give them (seed 003: the Children and Education
Scrutiny Committee pack of 6 November 2023, its minutes of 25 September 2023, the
board's terms of reference and membership, and the work programme)."""

import datetime

D = datetime.date

# (role title, person's name, organisation key, position, independent, seat), in the
# order of the terms of reference (seed 003). Where the seed names only the role, the
# person is named by it (the demo's rule: no invented personal details); the Leader is
# named in seed 003 (the DfE's letter of 2 August 2023). The independent chair sits for
# no organisation: she is not the DfE's seat, which is a seat of its own. The board
# manager is the board's secretariat, not a member.
BOARD_MEMBERS = [
    ("Independent Chair", "Sally Rowe", "", "chair", True, ""),
    (
        "Leader, Peterborough City Council",
        "Councillor Wayne Fitzgerald",
        "council",
        "member",
        False,
        "elected_member",
    ),
    (
        "Cabinet Member, Children and Young People",
        "Councillor Jackie Allen",
        "council",
        "member",
        False,
        "elected_member",
    ),
    (
        "Chair of Children's Scrutiny Committee",
        "Councillor A Shaheed",
        "council",
        "member",
        False,
        "elected_member",
    ),
    (
        "Chair of the Corporate Parenting Board",
        "Chair of the Corporate Parenting Board",
        "council",
        "member",
        False,
        "elected_member",
    ),
    ("Chief Executive", "Chief Executive", "council", "member", False, "officer"),
    (
        "Executive Director Children and Young People",
        "John Gregg",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Executive Director Corporate Services and 151 Officer",
        "Executive Director Corporate Services and 151 Officer",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Service Director Children's Quality Assurance",
        "Alison Bennett",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Service Director Safeguarding and Targeted Support",
        "Gary Jones",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Service Director Education",
        "Service Director Education",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Principal Social Worker",
        "Principal Social Worker",
        "council",
        "member",
        False,
        "officer",
    ),
    (
        "Chair of the Local Safeguarding Children Partnership",
        "Chair of the Local Safeguarding Children Partnership",
        "lscp",
        "member",
        True,
        "partner",
    ),
    ("LGA representative", "LGA representative", "", "member", True, "adviser"),
    (
        "Department for Education (DfE) representative",
        "DfE Intervention Lead",
        "dfe",
        "member",
        False,
        "dfe",
    ),
    (
        "Representative of the ICB",
        "ICB Designated Nurse",
        "icb",
        "member",
        False,
        "safeguarding_partner",
    ),
    (
        "Representatives from Health Provider Trusts",
        "Health MASH Lead",
        "health",
        "member",
        False,
        "partner",
    ),
    (
        "Representative from the Police",
        "Cambridgeshire Constabulary representative",
        "police",
        "member",
        False,
        "safeguarding_partner",
    ),
    (
        "Representatives from Primary and Secondary Heads Partnership",
        "Heads Partnership Safeguarding Lead",
        "schools",
        "member",
        False,
        "partner",
    ),
    (
        "East of England ADCS DCS representative",
        "East of England ADCS DCS representative",
        "",
        "member",
        True,
        "adviser",
    ),
    ("Children's Services Improvement Board Manager", "", "council", "secretariat", False, ""),
]

# The police, a statutory safeguarding partner, have not yet taken their seat: absent
# from every board meeting, and shown so (the other seats are present, but for the
# Cabinet Member's apologies at alternate meetings).
ABSENT_FROM_THE_BOARD = {"Cambridgeshire Constabulary representative"}

# The terms of reference of November 2023 (seed 003, Appendix 1), word for word, and
# approved by Full Council on 1 November 2023 (seed 000).
TERMS = {
    "purposes": "\n".join(
        [
            "To advise, support and challenge the City Council and its partners, including "
            "the Local Safeguarding Children Partnership (LSCP), to secure sustainable "
            "improvements and high-level performance in Peterborough Children's Services and "
            "the wider system to achieve improved outcomes for Peterborough's Children.",
            "To ensure that all recommendations set out in the Ofsted reports are owned and "
            "implemented by the City Council and its partners, including the Local "
            "Safeguarding Partnership.",
            "To ensure an unwavering focus from the City Council and its partners, including "
            "the Local Safeguarding Children Partnership, on the journey of the child.",
            "To establish relevant links with the City Council and its partners' relevant "
            "scrutiny functions.",
        ]
    ),
    "scope": "As set out in the Improvement Notice, to address:\n"
    "The areas of improvement identified in the Ofsted reports and further areas as "
    "identified by the Service and or the DfE Improvement Advisor.",
    "responsibilities": "\n".join(
        [
            "To deploy resources, bring decision makers together, in line with decisions "
            "taken at Board.",
            "To assemble a range perspectives and experiences to help shape and drive "
            "improvements.",
            "To ensure identified improvement actions are implemented in the timely manner "
            "set out in the Improvement Plan.",
            "To ensure that all relevant partners contribute to, or produce, regular reports "
            "on the progress made on actions identified and agreed in the Improvement Plan.",
            "To identify and agree key performance measures which will demonstrate impact.",
            "To remove all barriers to agreed activity, pace, and performance.",
            "To identify and agree further or different actions where necessary to "
            "accelerate improvement.",
            "To agree and secure the reporting of progress on the Improvement Plan through "
            "Board member organisational governance arrangements.",
            "To facilitate effective communication of responsibilities for, and progress on "
            "the Improvement Plan through Board member organisational governance "
            "arrangements (including schools).",
            "Board Members to provide coaching and mentoring as required",
            "To report progress and implementation by the Chair of the LSCB to Peterborough "
            "Safeguarding Children's Board and other relevant governance processes.",
            "Routinely, report regularly to Council and Scrutiny after each Improvement "
            "Board meeting.",
        ]
    ),
    "text": "Meetings will take place six weekly.\n\n"
    "Membership – members should be at an executive level or have any decision-making "
    "powers delegated to them.",
    # The terms set no quorum and no vote; the arrangements reported to scrutiny on
    # 6 November 2023 (seed 003) give the decision to the chair.
    "quorum": None,
    "voting": "Members do not vote. The Chair has the ultimate responsibility for decision "
    "making on all matters related to the functioning of the Board.",
}

# (name, position, co-opted, voting, substitute)
SCRUTINY_MEMBERS = [
    ("Councillor A Shaheed", "chair", "", True, False),
    ("Councillor Hemraj", "vice_chair", "", True, False),
    *[
        (f"Councillor {n}", "member", "", True, False)
        for n in (
            "Ahmed",
            "Bisby",
            "Asif",
            "Cole",
            "Fenner",
            "S Lane",
            "Rangzeb",
            "Skibsted",
            "Warren",
        )
    ],
    *[(f"Councillor {n}", "member", "", True, True) for n in ("Bond", "Sabir", "Sharp", "B Rush")],
    ("Peter French", "member", "statutory", True, False),
    ("Dr Andy Stone", "member", "statutory", True, False),
    ("Parish Councillor Katie Howard", "member", "non_statutory", False, False),
    ("Sameena Aziz", "member", "non_statutory", False, False),
]

CO_OPTED_ROLES = {
    "Peter French": "Statutory Education Co-opted Member representing the Church of England",
    "Dr Andy Stone": "Statutory Education Co-opted Member representing the Roman Catholic Church",
    "Parish Councillor Katie Howard": "Independent Co-opted Member (non-voting)",
    "Sameena Aziz": "Independent Co-opted Member representing the Muslim Communities (non-voting)",
}

SEPT_PRESENT = [
    "Councillor A Shaheed",
    "Councillor Hemraj",
    "Councillor Bisby",
    "Councillor Cole",
    "Councillor Fenner",
    "Councillor Rangzeb",
    "Councillor Skibsted",
    "Councillor Warren",
    "Parish Councillor Katie Howard",
    "Dr Andy Stone",
]
SEPT_APOLOGIES = [
    "Councillor Ahmed",
    "Councillor S Lane",
    "Councillor Asif",
    "Peter French",
    "Sameena Aziz",
]

# (minute number, title, resolution, officer requests, report author)
SEPT_MINUTES = [
    (11, "Apologies for Absence", "", [], ""),
    (12, "Declarations of Interest and Whipping Declarations", "", [], ""),
    (
        13,
        "Minutes of the Children and Education Scrutiny Meeting held on 20 July 2023",
        "The minutes of the meeting held on 20 July 2023 were agreed as a true and "
        "accurate record.",
        [],
        "",
    ),
    (14, "Call In", "", [], ""),
    (
        15,
        "Supplementary Appointment of Co-opted Members 2023/24",
        "RESOLVED to appoint Parish Councillor Katie Howard as a Co-opted Member with no voting "
        "rights for the municipal year 2023/2024.",
        [],
        "Charlotte Cameron",
    ),
    (
        16,
        "Forward Plan of Executive Decisions",
        "RESOLVED to note the report.",
        [
            "Write to the DfE to seek clarification on why the decision on the Werrington Fields "
            "process had taken so long."
        ],
        "Charlotte Cameron",
    ),
    (
        17,
        "Clare Lodge Update",
        "RESOLVED to note the contents of the report.",
        [],
        "Alison Bennett",
    ),
    (
        18,
        "Performance and Outcomes of Early Help Support Report",
        "RESOLVED to note the report and comment on the performance and outcomes of Early Help "
        "support.",
        [
            "Provide the Committee with a briefing note to confirm the percentage of children "
            "Not in Education, Employment or Training (NEET), how the figures are calculated "
            "and details of "
            "comparison with statistical neighbours."
        ],
        "Jodie Lefevre",
    ),
    (
        19,
        "Executive Director Children Services and Young People's Services & Portfolio Holder "
        "Report: Integrated Front Door",
        "RESOLVED to review and comment on the progress update in respect of the Integrated Front "
        "Door against the Ofsted improvement plan.",
        [
            "Provide a briefing note on the planned breaches of statutory duties in the public "
            "health "
            "team regarding the Multi Agency Safeguarding Hub (MASH).",
            "In future reports, include the reasoning for why the action points in the action plan "
            "had been rated as red, amber, or green.",
        ],
        "Lydia Bennett",
    ),
    (
        20,
        "Work Programme 2023/2024",
        "RESOLVED to note the report.",
        ["Incorporate a contribution from Family Voice in the forthcoming report."],
        "Charlotte Cameron",
    ),
    (
        21,
        "Date of Next Meeting",
        "The date of the next meeting was noted as 6 November 2023.",
        [],
        "",
    ),
]

CALL_IN_TEXT = (
    "The decision notice for each decision will bear the date on which it is published and will "
    "specify that the decision may then be implemented on the expiry of 3 working days after the "
    "publication of the decision (not including the date of publication), unless a request for "
    "call-in of the decision is received from any three Members of a Scrutiny Committee."
)

NOV_ITEMS = [
    (1, "Apologies for Absence", "", ""),
    (2, "Declarations of Interest and Whipping Declarations", "", ""),
    (3, "Minutes of the Children and Education Scrutiny Meeting held on 25 September 2023", "", ""),
    (4, "Call In of any Cabinet, Cabinet Member or Key Officer Decisions", CALL_IN_TEXT, ""),
    (5, "Forward Plan of Executive Decisions", "", "Madia Afzal"),
    (6, "Annual Children's Services Complaint Report 2022-23", "", "Belinda Evans"),
    (7, "Children Services Improvement Board Arrangements", "", "John Gregg / Gary Jones"),
    (9, "Date of Next Meeting: 15 January 2024", "", ""),
]

# (meeting date, draft deadline, final deadline, [(title, contact officer, comments)])
WORK_PROGRAMME = [
    (
        D(2023, 7, 20),
        D(2023, 6, 29),
        D(2023, 7, 7),
        [
            ("Appointment of Co-opted Members 2023/24", "Charlotte Cameron", ""),
            (
                "Introductory report to work of Children's and Education Services and presentation",
                "Chris Baird and Gary Jones",
                "",
            ),
            ("Integrated Front Door", "Gary Jones", ""),
            ("Review of 2022/2023 and Draft Work Programme for 2023/24", "Charlotte Cameron", ""),
            ("Forward Plan of Executive Decisions", "Charlotte Cameron", ""),
        ],
    ),
    (
        D(2023, 9, 25),
        D(2023, 9, 4),
        D(2023, 9, 12),
        [
            ("Supplementary Appointment of Co-opted Members 2023/24", "Charlotte Cameron", ""),
            ("Forward Plan of Executive Decisions", "Charlotte Cameron", ""),
            ("Clare Lodge Update", "Alison Bennett", ""),
            (
                "Performance and Outcomes of Early Help Support Report",
                "Gary Jones/Jodie LeFevre",
                "",
            ),
            (
                "Executive Director Children Services and Young People's Service & Portfolio "
                "Holder "
                "Report: Integrated Front Door",
                "Lydia Bennett",
                "",
            ),
            ("Work Programme 2023/2024", "Charlotte Cameron", ""),
        ],
    ),
    (
        D(2023, 11, 6),
        D(2023, 10, 16),
        D(2023, 10, 24),
        [
            ("Forward Plan of Executive Decisions", "Madia Afzal", ""),
            ("Annual Children's Social Care Complaint Report", "Belinda Evans", ""),
            ("Children Services Improvement Board Arrangements", "John Gregg/Gary Jones", ""),
            ("Work Programme 2023/2024", "Madia Afzal", ""),
        ],
    ),
    (
        D(2024, 1, 15),
        D(2023, 12, 22),
        D(2024, 1, 2),
        [
            ("Forward Plan of Executive Decisions", "", ""),
            ("Corporate Parenting Annual Report", "", ""),
            ("Annual report of Peterborough Virtual School for Children in Care", "", ""),
            ("Cambridgeshire and Peterborough Safeguarding Children Board Annual Report", "", ""),
            (
                "SEND Report",
                "Chris Baird/Emma Harkin",
                "At the previous Group Reps meeting, it was noted that Officers were waiting on "
                "the "
                "DfE/NHS England letter regarding the Accelerated Progress Plan. (ICB and PCC)",
            ),
            (
                "Family Safeguarding Model Report",
                "Gary Jones",
                "Sue Williams - Review of model, recommendations for improvement of model",
            ),
            ("Committee Start Time Report", "", ""),
            ("Monitoring Scrutiny Recommendations Report", "", ""),
            ("Work Programme 2023/2024", "", ""),
        ],
    ),
    (
        D(2024, 3, 11),
        D(2024, 2, 19),
        D(2024, 2, 27),
        [
            ("Forward Plan of Executive Decisions", "", ""),
            ("Cabinet Member Portfolio Update", "", ""),
        ],
    ),
]

# Each past board meeting: (title, report author, exempt paragraph, plan action refs)
BOARD_AGENDA = [
    ("Welcome, introductions and apologies", "Independent Chair", None, []),
    ("Declarations of interest", "", None, []),
    ("Minutes and action log of the previous meeting", "Improvement Board Manager", None, []),
    (
        "Improvement plan progress: the front door and MASH timeliness",
        "Service Director Safeguarding and Targeted Support",
        None,
        ["1.1", "1.2"],
    ),
    ("Extra-familial harm: multi-agency response", "Chair of the LSCP", None, ["2.1"]),
    (
        "Workforce: recruitment to permanent leadership posts",
        "Executive Director Children and Young People",
        1,
        ["3.1"],
    ),
    (
        "Reporting to Council, Scrutiny and the safeguarding partnership",
        "Improvement Board Manager",
        None,
        [],
    ),
]
