"""Each KPI pinned on the hand-built workbook of handbuilt.py, its answer worked by hand.

R is Friday 28 June 2024. Working days count d with start < d <= end, Monday to
Friday, less Good Friday (29 March), Easter Monday (1 April), 6 May and 27 May.
"""

import pytest

from improvement.annex_a.services import analyse
from improvement.annex_a.tests.handbuilt import R, hand_built
from improvement.core.working_days import working_days_between


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return analyse(hand_built(tmp_path_factory.mktemp("wb") / "annex-a.xlsx"), R)


def figures(result, key):
    kpi = result.kpis[key]
    months = [(m["month"], m["numerator"], m["denominator"], m["value"]) for m in kpi["by_month"]]
    return kpi["numerator"], kpi["denominator"], kpi["value"], months


def test_contacts_to_referral_counts_0_to_30_days_after_matching_trimmed_ids(result):
    # Used contacts: A1 1 Mar (referral 31 Mar, 30 days: yes), A2 1 Mar (31 days: no),
    # A3 10 Apr (same day: yes), A1 5 Apr (referral before: no), 1234567 2 May (ID held
    # as 1234567.0, referral 3 May: yes), A10 20 Jun, A11 15 Jun (none), " A3 " 20 Mar
    # (trimmed, referral 21 days on: yes). 4 of 8.
    assert figures(result, "contacts_to_referral_pct") == (
        4,
        8,
        50.0,
        [
            ("2024-03", 2, 3, 66.7),
            ("2024-04", 1, 2, 50.0),
            ("2024-05", 1, 1, 100.0),
            ("2024-06", 0, 2, 0.0),
        ],
    )


def test_referral_nfa_accepts_coded_bare_and_single_letter_yes(result):
    # "a) Yes", "Y" and "yes" are Yes; "b) No", "No" and blank are not. 3 of 9.
    assert figures(result, "referral_nfa_pct")[:3] == (3, 9, 33.3)
    assert figures(result, "referral_nfa_pct")[3][3] == ("2024-04", 1, 2, 50.0)


def test_rereferral_uses_the_count_or_an_earlier_referral_1_to_365_days_before(result):
    # 1234567 has 2 in the last 12 months; A6's 31 May 2024 is 365 days after its
    # 1 June 2023 (2024 is a leap year); A2's 1 April 2024 is 366 days after 1 April
    # 2023; A8's two referrals the same day are not re-referrals. 2 of 9.
    n, d, value, months = figures(result, "rereferral_12m_pct")
    assert (n, d, value) == (2, 9, 22.2)
    assert ("2024-05", 2, 2, 100.0) in months


def test_assessments_within_45_working_days_skip_bank_holidays(result):
    # 28 Mar to 5 Jun 2024 is 45 working days over Easter and both May holidays (49
    # without them): within. To 6 Jun is 46: not. Same day is 0; authorised before the
    # start is 0. 3 of 4, by month of authorisation.
    assert working_days_between(R.replace(month=3, day=28), R.replace(day=5)) == 45
    assert figures(result, "assessments_within_45wd_pct") == (
        3,
        4,
        75.0,
        [("2024-05", 1, 1, 100.0), ("2024-06", 2, 3, 66.7)],
    )


def test_open_assessments_over_45_working_days_is_a_count(result):
    # Open since 22 Apr: 47 working days to R (counts); since 24 Apr: exactly 45 (not).
    assert figures(result, "assessments_open_over_45wd") == (1, 2, 1, [])


def test_child_seen_is_yes_only(result):
    assert figures(result, "assessment_child_seen_pct")[:3] == (3, 6, 50.0)


def test_s47_to_icpc_counts_every_icpc_even_one_dated_before_the_strategy_discussion(result):
    assert figures(result, "s47_to_icpc_pct") == (
        5,
        6,
        83.3,
        [("2024-05", 4, 4, 100.0), ("2024-06", 1, 2, 50.0)],
    )


def test_icpc_within_15_working_days_leaves_out_an_icpc_before_its_start(result):
    # 1 May to 22 May is 14 working days (6 May a holiday): yes; to 24 May 16: no;
    # 23 May to 14 Jun is exactly 15 (27 May a holiday): yes; same day: yes.
    # The ICPC of 8 May before its 10 May strategy discussion is left out.
    assert figures(result, "icpc_within_15wd_pct") == (
        3,
        4,
        75.0,
        [("2024-05", 1, 2, 50.0), ("2024-06", 2, 2, 100.0)],
    )
    assert result.report["data_quality"]["icpc_before_s47_start"] == 1


def test_icpc_to_cpp_includes_the_early_icpc(result):
    assert figures(result, "icpc_to_cpp_pct")[:3] == (3, 5, 60.0)


def test_cp_visits_within_10_working_days_before_r_for_open_plans(result):
    # Open plans K1-K5: visits 14 Jun (10 wd: yes), 13 Jun (11: no), none, 28 Jun
    # (0: yes), 17 Jun (yes). 3 of 5.
    assert figures(result, "cp_visits_within_10wd_pct") == (3, 5, 60.0, [])


def test_cp_reviews_use_the_latest_review_or_else_the_start(result):
    # K1 reviewed 183 days before R: yes; K2 started 88 days before, K3 92: yes;
    # K4 started 93 days before: no; K5 reviewed 184 days before: no. 3 of 5.
    assert figures(result, "cp_reviews_in_time_pct") == (3, 5, 60.0, [])


def test_repeat_cpp_counts_plans_started_within_365_days(result):
    # K6 started 29 Jun 2023 (365 days before R): in; K7 28 Jun 2023 (366): out.
    n, d, value, months = figures(result, "repeat_cpp_pct")
    assert (n, d, value) == (3, 6, 50.0)
    assert months[0] == ("2023-06", 1, 1, 100.0)


def test_cla_three_or_more_placements_for_children_looked_after_at_r(result):
    assert figures(result, "cla_3plus_placements_pct") == (3, 6, 50.0, [])


def test_cla_health_assessment_by_age_at_r_and_28_days_looked_after(result):
    # L1 is 5 on R (365-day rule), assessed 365 days before: yes. L2 looked after 27 days:
    # out. L3 is 5 tomorrow (183-day rule), 183 days: yes; L4 184 days: no. L5 has no
    # date of birth but Age 4 (183), 179 days: yes. L6 Age 7, 363 days: yes. 4 of 5.
    assert figures(result, "cla_health_assessment_in_time_pct") == (4, 5, 80.0, [])


def test_care_leavers_in_touch(result):
    assert figures(result, "care_leavers_in_touch_pct") == (3, 7, 42.9, [])


def test_data_quality_counts_rows_used_and_each_rejection_reason(result):
    quality = result.report["data_quality"]["list_1"]
    assert quality["sheet"] == "List 1 - Contacts"
    assert (quality["rows"], quality["used"]) == (12, 8)
    assert quality["rejected"] == {
        "missing_child_unique_id": 2,
        "unreadable_required_date": 1,
        "date_after_reference_date": 1,
    }
    assert quality["unreadable_optional_dates"] == 1
    assert quality["headers_mapped"]["Date of Contact"] == "Date of Contact"
    assert result.report["data_quality"]["list_2"]["sheet"] is None
    assert [r["row"] for r in result.report["rejected_rows"]["list_1"]] == [7, 8, 10, 11]


def test_every_kpi_of_the_contract_is_computed_in_its_order(result):
    assert list(result.kpis) == [
        "contacts_to_referral_pct",
        "referral_nfa_pct",
        "rereferral_12m_pct",
        "assessments_within_45wd_pct",
        "assessments_open_over_45wd",
        "assessment_child_seen_pct",
        "s47_to_icpc_pct",
        "icpc_within_15wd_pct",
        "icpc_to_cpp_pct",
        "cp_visits_within_10wd_pct",
        "cp_reviews_in_time_pct",
        "repeat_cpp_pct",
        "cla_3plus_placements_pct",
        "cla_health_assessment_in_time_pct",
        "care_leavers_in_touch_pct",
    ]
