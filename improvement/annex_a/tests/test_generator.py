"""The synthetic workbook generator, used at small scale."""

import datetime
import io

import numpy as np
from django.core.management import call_command

from improvement.annex_a.services import analyse

R = datetime.date(2024, 3, 31)


def test_generated_lists_keep_their_relationships(tmp_path):
    path = tmp_path / "g.xlsx"
    out = io.StringIO()
    call_command("generate_annex_a", "-o", str(path), "--contacts", "400", "--seed", "3",
                 stdout=out)  # fmt: skip
    assert "List 1: 400" in out.getvalue()
    result = analyse(path, R)
    for key in ("list_1", "list_3", "list_4", "list_5", "list_7", "list_8", "list_9"):
        quality = result.report["data_quality"][key]
        assert quality["rows"] > 0 and quality["used"] == quality["rows"], key
    contacts, referrals = result.tables[1], result.tables[3]
    assert set(referrals["child_id"]) <= set(contacts["child_id"])
    assessments = result.tables[4]
    done = assessments["authorised"] > 0
    assert (assessments["authorised"][done] >= assessments["start"][done]).all()
    assert result.kpis["contacts_to_referral_pct"]["numerator"] > 0


def test_messy_headers_give_the_same_kpis(tmp_path):
    call_command("generate_annex_a", "-o", str(tmp_path / "a.xlsx"), "--contacts", "300",
                 stdout=io.StringIO())  # fmt: skip
    call_command("generate_annex_a", "-o", str(tmp_path / "b.xlsx"), "--contacts", "300",
                 "--messy-headers", stdout=io.StringIO())  # fmt: skip
    tidy, messy = analyse(tmp_path / "a.xlsx", R), analyse(tmp_path / "b.xlsx", R)
    assert messy.kpis == tidy.kpis
    mapped = messy.report["data_quality"]["list_1"]["headers_mapped"]
    assert mapped["Contact date (dd/mm/yyyy)"] == "Date of Contact"
    assert messy.report["data_quality"]["list_1"]["sheet"] == "Contacts"
    assert np.array_equal(messy.tables[3]["nfa"], tidy.tables[3]["nfa"])
