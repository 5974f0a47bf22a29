"""Peterborough's complaints for 2021-22 and 2022-23 as counts, from the annual report
in seed 003 (agenda item 6, Appendix A). Where the seed gives no figure (teams, categories,
timeliness in 2021-22, stage 2 and 3 timings) the counts are invented and say so.
See COMPLAINTS_SEED_NOTES.md for where the seed contradicts itself and what is used instead.
"""

NOT_LOGGED = {
    2021: {
        "court_related": 23,
        "insufficient_interest": 6,
        "alternative_process": 13,
        "general_enquiry": 17,
        "out_of_time_or_jurisdiction": 9,
        "consent_not_gained": 1,
        "s47_child_protection": 8,
        "safeguarding_referral": 17,
        "other": 8,
    },
    2022: {
        "court_related": 18,
        "insufficient_interest": 9,
        "alternative_process": 24,
        "general_enquiry": 27,
        "out_of_time_or_jurisdiction": 23,
        "consent_not_gained": 2,
        "s47_child_protection": 5,
        "safeguarding_referral": 17,
        "other": 6,
    },
}

# Figure 7, "Who is making complaints?"
COMPLAINANT_TYPES = {
    2021: {
        "child_not_looked_after": 2,
        "looked_after_or_care_leaver": 16,
        "parent_or_guardian": 47,
        "other_carer": 1,
        "foster_carer": 3,
        "prospective_adopter": 1,
        "adoptive_parent": 1,
        "looked_after_now_adult": 2,
    },
    2022: {
        "child_not_looked_after": 2,
        "looked_after_or_care_leaver": 12,
        "parent_or_guardian": 28,
        "adoptive_parent": 1,
        "looked_after_now_adult": 3,
        "relative": 2,
    },
}

# Figure 3 is a chart with no numbers in the text: invented, with the fall in Family
# Safeguarding and the Regional Adoption Agency that the text describes.
TEAMS = {
    2021: {
        "Family Safeguarding": 22,
        "Children in Care": 14,
        "SGO": 12,
        "Regional Adoption Agency": 9,
        "Leaving Care": 8,
        "0-25 Team": 5,
        "Fostering": 3,
    },
    2022: {
        "Children in Care": 12,
        "Family Safeguarding": 10,
        "Leaving Care": 9,
        "SGO": 6,
        "0-25 Team": 4,
        "Regional Adoption Agency": 3,
        "Fostering": 3,
        "Family Contact Centre": 1,
    },
}

# Figure 9 is a chart too: invented, with the top three of figure 10.
CATEGORIES = {
    2021: {
        "Delay/Failed Service": 24,
        "Denial/Withdrawal of Service": 15,
        "Staff Conduct": 12,
        "Communication": 9,
        "Quality of Service": 6,
        "Policy/Procedure": 4,
        "Financial": 3,
    },
    2022: {
        "Delay/Failed Service": 18,
        "Denial/Withdrawal of Service": 9,
        "Staff Conduct": 8,
        "Communication": 5,
        "Quality of Service": 3,
        "Policy/Procedure": 3,
        "Financial": 2,
    },
}

# Stage 1 (figure 4 and the text). Routes other than formal are not split in 2021-22:
# 73 accepted less 65 determined is 8, split here 4 informal and 4 withdrawn.
ROUTES = {
    2021: {"formal": 65, "informal": 4, "withdrawn": 4},
    2022: {"formal": 44, "informal": 1, "withdrawn": 3},
}
OUTCOMES = {
    2021: {"upheld": 8, "partially_upheld": 36, "not_upheld": 21},
    2022: {"upheld": 13, "partially_upheld": 22, "not_upheld": 9},
}
# Of the determined: answered within 10 working days; within an agreed extension to 20;
# later than permitted. 2022-23: 15/44 = 34.1% and 29/44 = 65.9%, the seed's "66%" to the
# whole number. 2021-22 invented.
TIMELINESS = {
    2021: {"in_10": 30, "in_20": 15, "late": 20},
    2022: {"in_10": 15, "in_20": 14, "late": 15},
}
# Team manager contacted the complainant. The seed's "56%" and "41%" are of complaints
# accepted: 27 of 48 (56.25%) and 30 of 73 (41.1%). Of those, 25 of the 44 determined
# (56.8%) and 27 of the 65 (41.5%); the rest were answered informally or withdrawn.
MANAGER_CONTACTED = {2021: 27, 2022: 25}
MANAGER_CONTACTED_NOT_DETERMINED = {2021: 3, 2022: 2}

COMPLIMENTS = {
    2021: {"childrens_social_care": 86},
    2022: {"childrens_social_care": 56, "education": 26},
}
COMPLIMENT_TEAMS = {
    "childrens_social_care": [
        ("Children in Care Team 1", "adoptive_parent"),
        ("Children in Care Team 1", "foster_carer"),
        ("Children in Care Team 2", "professional"),
        ("Leaving Care", "looked_after_or_care_leaver"),
        ("Family Safeguarding", "parent_or_guardian"),
    ],
    "education": [
        ("SEN & Inclusion", "parent_or_guardian"),
        ("SEN & Inclusion", "professional"),
    ],
}

# Figures 12 and 13: team -> (received, fault found, escalated to stage 2). 2021-22 is
# given only as totals (13 social care, 25 education); its teams are invented.
CORPORATE = {
    2021: {
        "childrens_social_care": {
            "Children in Care": (4, 3, 1),
            "Family Safeguarding": (3, 2, 0),
            "Early Help": (2, 1, 0),
            "Fostering": (2, 1, 0),
            "Assessment Team": (2, 1, 0),
        },
        "education": {
            "SEN": (18, 7, 2),
            "School Transport": (4, 2, 1),
            "Admissions": (3, 1, 0),
        },
    },
    2022: {
        "childrens_social_care": {
            "Assessment Team": (1, 1, 0),
            "Children in Care": (3, 3, 1),
            "Fostering": (3, 3, 0),
            "Family Safeguarding": (6, 6, 0),
            "Early Help": (6, 2, 1),
            "Contact Centre": (1, 1, 0),
            "LADO": (1, 1, 1),
        },
        "education": {
            "SEN": (15, 5, 2),
            "Attendance": (1, 0, 0),
            # The seed has 2 received and 3 with fault found, which cannot be.
            "Admissions": (2, 2, 1),
            "School Transport": (3, 3, 0),
        },
    },
}

# The decisions of the LGSCO on non-statutory (education) complaints in 2022-23.
CORPORATE_OMBUDSMAN = [
    ("21-008-178", "2021-10-04", "2022-05-23"),
    ("22-008-825", "2022-09-12", "2023-02-20"),
]

# Where the generated 2022-23 report cannot give the figure of the report presented to the
# Children and Education Scrutiny Committee on 6 November 2023, it says so itself.
REPORT_NOTES = [
    (
        2022,
        "This report is generated from the council's case records. Where it differs from the "
        "report presented to the Children and Education Scrutiny Committee on 6 November 2023, "
        "these notes say why.",
    ),
    (
        2022,
        "Fault found in 2021-22 is 67.7% (44 of the 65 complaints determined at stage 1). The "
        "report presented gave 67.6%, cutting the figure off instead of rounding it.",
    ),
    (
        2022,
        "The table of children's social care complaints following the corporate process counts "
        "21, as the table presented did; the text presented said 20. The year before "
        "there were 13.",
    ),
    (
        2022,
        "The table of education complaints following the corporate process gives Admissions 2 "
        "complaints received and 2 with fault identified, so 10 "
        "education complaints with fault identified in all. The table presented gave 3 with "
        "fault identified from 2 received, and 11 in all, which cannot be.",
    ),
    (
        2022,
        "The table of stage 3 panels names each complaint's team as the case records hold it: "
        "the special guardianship allowance complaints at stages 2 and 3 under SGO, as the "
        "stage 2 tables do; the report presented put them under the Regional Adoption Agency.",
    ),
]
