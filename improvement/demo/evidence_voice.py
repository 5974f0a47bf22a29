"""The demo's case file audits and the voice of staff, children and families, told
over the life of the plan. Objectives are named by the keys of evidence_data.OBJECTIVE_WORDS."""

# (month offset from January 2023, theme, service area, cases, grades O/G/RI/I, learning)
AUDITS = [
    (
        5,
        "Timeliness of the response to contacts",
        "Integrated Front Door",
        30,
        (0, 6, 15, 9),
        "Thresholds applied inconsistently; management oversight of MASH decisions not recorded.",
    ),
    (
        9,
        "Strategy discussions and section 47 enquiries",
        "Assessment teams",
        24,
        (0, 7, 12, 5),
        "Police and health not always present at strategy discussions.",
    ),
    (
        13,
        "The child's voice in assessments",
        "Assessment teams",
        30,
        (1, 11, 13, 5),
        "Children seen, but their words rarely recorded in the assessment.",
    ),
    (
        17,
        "Management oversight and supervision",
        "Safeguarding teams",
        28,
        (2, 13, 10, 3),
        "Supervision more regular; reflective discussion still thin.",
    ),
    (
        21,
        "Extra-familial harm: return interviews and plans",
        "Adolescent service",
        20,
        (1, 10, 7, 2),
        "Return home interviews timely; contextual plans need partner actions.",
    ),
    (
        25,
        "Timeliness of the response to contacts",
        "Integrated Front Door",
        30,
        (3, 18, 8, 1),
        "Decisions within 24 hours in most contacts; rationale clearer.",
    ),
    (
        31,
        "Child protection planning",
        "Safeguarding teams",
        30,
        (4, 19, 6, 1),
        "Plans are specific; core groups meet in time.",
    ),
]
AUDIT_OBJECTIVES = {
    "Integrated Front Door": ("front_door", "quality"),
    "Assessment teams": ("quality", "voice"),
    "Safeguarding teams": ("quality",),
    "Adolescent service": ("harm", "partnership"),
}

# (month offset, kind, title, who took part, count, headlines, [(theme, summary, objectives)])
VOICE = [
    (
        10,
        "staff_survey",
        "Social care staff survey, autumn 2023",
        "Social workers, senior practitioners and team managers",
        142,
        "54% say they have regular, reflective supervision; 38% say their workload is manageable.",
        [
            (
                "Supervision quality",
                "Supervision is often case management, not reflection.",
                ("quality", "workforce"),
            ),
            (
                "Workload",
                "Caseloads and agency turnover leave little time with children.",
                ("workforce",),
            ),
        ],
    ),
    (
        12,
        "young_people_forum",
        "Young people's forum with the DfE adviser",
        "Children in care council and care leavers",
        14,
        "Young people want fewer changes of social worker and to be asked before decisions.",
        [
            (
                "Changes of social worker",
                "Some have had four social workers in a year.",
                ("workforce", "voice"),
            ),
            ("Being heard", "Want their words in their plans and reviews.", ("voice",)),
        ],
    ),
    (
        14,
        "family_feedback",
        "Family feedback on the front door",
        "Parents and carers contacted after a referral",
        61,
        "71% felt they were told what would happen next; 44% waited over a week for a visit.",
        [
            (
                "Waiting for a visit",
                "Families waited too long after the first contact.",
                ("front_door",),
            ),
            (
                "Clear explanations",
                "Most families understood why social care was involved.",
                ("voice",),
            ),
        ],
    ),
    (
        20,
        "young_people_survey",
        "Children and young people's survey, summer 2024",
        "Children on plans and in care, aged 8 to 17",
        96,
        "78% know who their social worker is; 69% feel listened to.",
        [
            (
                "Knowing their social worker",
                "More children now keep the same worker.",
                ("voice", "workforce"),
            ),
            (
                "Feeling safe outside home",
                "Some young people feel unsafe in town centres at night.",
                ("harm",),
            ),
        ],
    ),
    (
        22,
        "staff_survey",
        "Social care staff survey, autumn 2024",
        "Social workers, senior practitioners and team managers",
        158,
        "71% say they have regular, reflective supervision; 52% say their workload is manageable.",
        [
            (
                "Supervision quality",
                "Reflective supervision now more common.",
                ("quality", "workforce"),
            ),
            (
                "Reliance on agency staff",
                "Permanent staff carry more complex cases while agency cover changes.",
                ("workforce", "partnership"),
            ),
        ],
    ),
]
