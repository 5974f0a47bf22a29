"""The one way to search records by their words (core.search, docs/adr/043): the same
answers on SQLite and PostgreSQL for whole words, whatever a hostile query holds."""

import pytest

from improvement.core.search import (
    QUERY_LIMIT,
    Searchable,
    matching,
    search_terms,
    snippet,
    words,
)
from improvement.plans.models import Objective
from improvement.plans.tests.factories import ObjectiveFactory

# Objectives searched by these fields alone, for these tests (the port declares its own).
BY_TITLE = Searchable(Objective, ("title",))
BY_TITLE_AND_DESCRIPTION = Searchable(Objective, ("title", "description"))

HOSTILE = [
    "x" * 10_000,
    "safeguarding\x00 audits",
    "'; DROP TABLE plans_objective; --",
    "%_%",
    "!!! ... ??? &&& |||",
    "\\",
    '"unclosed phrase',
    "-",
    "or or and not",
]


def test_a_query_is_cleaned_collapsed_and_capped():
    assert search_terms("  safe\x00guarding \x0b\n audits ") == "safeguarding audits"
    assert len(search_terms("word " * 1000)) <= QUERY_LIMIT
    assert search_terms(None) == ""
    assert search_terms(["a list"]) == ""


def test_the_words_of_a_query_leave_out_punctuation():
    assert words("Early-help, early HELP!") == ["early", "help"]
    assert words("!!! ...") == []


@pytest.mark.django_db
def test_every_word_must_match_in_one_field_or_another(council):
    both = ObjectiveFactory(council=council, title="Safeguarding audits", description="")
    split = ObjectiveFactory(council=council, title="Safeguarding", description="monthly audits")
    ObjectiveFactory(council=council, title="Safeguarding partners", description="")
    found = matching(Objective.objects.all(), BY_TITLE_AND_DESCRIPTION, "safeguarding audits")
    assert set(found) == {both, split}


@pytest.mark.django_db
def test_case_does_not_matter(council):
    objective = ObjectiveFactory(council=council, title="Early Help")
    assert list(matching(Objective.objects.all(), BY_TITLE, "EARLY help")) == [objective]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE)
def test_a_hostile_query_finds_nothing_it_should_not_and_never_fails(council, query):
    ObjectiveFactory(council=council, title="Safeguarding audits")
    terms = search_terms(query)
    found = list(matching(Objective.objects.all(), BY_TITLE_AND_DESCRIPTION, terms))
    assert all(isinstance(objective, Objective) for objective in found)
    assert Objective.objects.count() == 1


@pytest.mark.django_db
def test_punctuation_alone_matches_nothing(council):
    ObjectiveFactory(council=council, title="!!! urgent !!!")
    assert not matching(Objective.objects.all(), BY_TITLE, "!!!").exists()


def test_a_snippet_shows_the_text_around_the_first_word_found():
    text = "Lorem ipsum " * 40 + "the threshold document is agreed " + "dolor sit " * 40
    part = snippet("threshold", "", text, width=80)
    assert "threshold document" in part
    assert part.startswith("…") and part.endswith("…")
    assert len(part) <= 82


def test_a_snippet_falls_back_to_the_start_and_cleans_control_characters():
    assert snippet("absent", "First\x00 text", "second") == "First text"
    assert snippet("absent", "", None) == ""


@pytest.mark.django_db
def test_a_word_typed_with_a_minus_is_left_out_alike_on_both_databases(council):
    alpha = ObjectiveFactory(council=council, title="Alpha thing")
    ObjectiveFactory(council=council, title="Zebrafish thing")
    assert list(matching(Objective.objects.all(), BY_TITLE, "thing -zebrafish")) == [alpha]
    # Only words to leave out is no search: it finds nothing rather than everything else.
    assert not matching(Objective.objects.all(), BY_TITLE, "-zebrafish").exists()
    assert words("thing -zebrafish") == ["thing"]
