"""What each kind of record is searched by is declared once (core.search.searchable),
and the PostgreSQL GIN indexes are on that very expression (docs/adr/043): a port
cannot search by a list of its own, a migration's frozen fields cannot differ from the
declaration, and on PostgreSQL each port's query reads its index."""

import datetime
import importlib
from copy import copy as copy_of
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext

from improvement.complaints.tests.factories import ComplaintFactory
from improvement.core.search import (
    SEARCHABLE,
    AddSearchIndex,
    RemoveSearchIndex,
    Searchable,
    matching,
    searchable,
)
from improvement.meetings.models import Decision
from improvement.meetings.tests.factories import AgendaItemFactory
from improvement.plans.models import Action, Objective
from improvement.plans.tests.factories import UpdateFactory

# Every app with records to search, and its search module.
APPS = ["plans", "meetings", "forward_plan", "complaints"]
MODULES = [importlib.import_module(f"improvement.{app}.search") for app in APPS]

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="GIN indexes exist on PostgreSQL only; SQLite searches word by word (ADR 043)",
)


def _declared_in_modules() -> list[Searchable]:
    return [
        value for module in MODULES for value in vars(module).values()
        if isinstance(value, Searchable)
    ]  # fmt: skip


def test_matching_takes_only_a_declared_searchable():
    with pytest.raises(TypeError):
        matching(Objective.objects.all(), ["title"], "safeguarding")
    with pytest.raises(ValueError, match="do not search"):
        matching(Action.objects.all(), Searchable(Objective, ("title",)), "safeguarding")


def test_a_model_is_searched_one_way_only():
    from improvement.plans.search import UPDATES

    assert searchable(UPDATES.model, *UPDATES.fields, index=UPDATES.index) == UPDATES
    with pytest.raises(ValueError, match="already searched"):
        searchable(UPDATES.model, "narrative")


def test_every_field_list_searched_is_a_declared_one():
    declared = _declared_in_modules()
    # Every declaration in the apps' search modules is the one registered for its model,
    # and nothing is registered that no search module declares.
    assert {s.model._meta.label_lower: s for s in declared} == SEARCHABLE
    assert len(declared) == len(SEARCHABLE)
    for searched in declared:
        # Each field is one the database can search (a typo fails here, on SQLite too).
        for name in searched.fields:
            str(searched.model.objects.filter(**{f"{name}__icontains": "x"}).query)
    # The large kinds have an index; its name says which table it is on.
    indexed = {s.index for s in declared if s.index}
    assert indexed >= {
        "plans_update_search",
        "plans_action_search",
        "meetings_item_search",
        "complaints_case_search",
    }
    for searched in declared:
        if searched.index:
            assert searched.index.startswith(searched.model._meta.app_label)


def _migrated_indexes() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Each search index the migrations leave, by name: (app, model, fields)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    indexes: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    seen = set()
    for leaf in sorted(loader.graph.leaf_nodes()):
        for key in loader.graph.forwards_plan(leaf):
            if key in seen:
                continue
            seen.add(key)
            for operation in loader.graph.nodes[key].operations:
                if isinstance(operation, RemoveSearchIndex):
                    indexes.pop(operation.name)
                elif isinstance(operation, AddSearchIndex):
                    fields = tuple(operation.fields)
                    indexes[operation.name] = (key[0], operation.model_name, fields)
    return indexes


def test_the_migrated_indexes_are_on_the_declared_fields():
    """Change a kind's fields without a migration that removes and adds its index, and
    this fails: PostgreSQL would silently stop using the index."""
    declared = {
        s.index: (s.model._meta.app_label, s.model._meta.model_name, s.fields)
        for s in SEARCHABLE.values()
        if s.index
    }
    assert _migrated_indexes() == declared


@pytest.mark.django_db(transaction=True)
def test_a_search_index_migration_leaves_the_state_alone_and_does_nothing_on_sqlite():
    operation = AddSearchIndex("update", ["narrative"], "plans_update_example")
    assert operation.deconstruct() == (
        "AddSearchIndex", ("update", ["narrative"], "plans_update_example"), {}
    )  # fmt: skip
    before = MigrationLoader(connection).project_state()
    after = before.clone()
    operation.state_forwards("plans", after)
    assert after == before
    if connection.vendor != "postgresql":
        # No GIN index on SQLite: nothing is run at all, forwards or backwards.
        with connection.schema_editor() as editor, CaptureQueriesContext(connection) as run:
            operation.database_forwards("plans", editor, before, after)
            operation.database_backwards("plans", editor, after, before)
        assert not run.captured_queries


def _plans_updates(council):
    return UpdateFactory(action__council=council, action__objective__council=council,
                         narrative="The safeguarding audit was finished")  # fmt: skip


def _plans_actions(council):
    update = UpdateFactory(action__council=council, action__objective__council=council,
                           action__title="Agree the safeguarding thresholds")  # fmt: skip
    return update.action


def _meetings_items(council):
    return AgendaItemFactory(meeting__council=council, title="Safeguarding audit")


def _meetings_resolutions(council):
    item = AgendaItemFactory(meeting__council=council, title="Audit")
    return Decision.objects.create(
        council=council, meeting=item.meeting, item=item, kind=Decision.Kind.RESOLUTION,
        text="The board agreed the safeguarding plan.", decided_on=datetime.date(2024, 2, 7),
    )  # fmt: skip


def _complaints_cases(council):
    return ComplaintFactory(council=council, summary="A late safeguarding visit")


def _among_many(record: Any, searched: Searchable, count: int = 300) -> None:
    """`count` copies of `record` (in its council, as a council's records are) whose
    searched words are all other words, and fresh statistics: the word searched for is
    then rare, as in a real council, and the index is the way to it."""
    copies = []
    for number in range(count):
        copy = copy_of(record)
        copy.pk = copy.id = None
        for name in searched.fields:
            setattr(copy, name, f"Routine business number {number}")
        copies.append(copy)
    searched.model.objects.bulk_create(copies)
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{searched.model._meta.db_table}"')


# Each index: the port and kind that search through it, and a record it finds.
INDEXED_KINDS = {
    "plans_update_search": ("plans", "updates", _plans_updates),
    "plans_action_search": ("plans", "actions", _plans_actions),
    "meetings_item_search": ("meetings", "items", _meetings_items),
    "meetings_decision_search": ("meetings", "resolutions", _meetings_resolutions),
    "complaints_case_search": ("complaints", "cases", _complaints_cases),
}


def test_every_index_is_checked_on_postgresql():
    assert set(INDEXED_KINDS) == {s.index for s in SEARCHABLE.values() if s.index}


@on_postgresql
@pytest.mark.django_db
@pytest.mark.parametrize("index", sorted(INDEXED_KINDS))
def test_each_ports_search_reads_its_index_on_postgresql(council, complaints_manager, index):
    """The port's own query, as it runs, planned with sequential scans discouraged:
    PostgreSQL reads the GIN index only if the query's expression is the index's."""
    searched = next(s for s in SEARCHABLE.values() if s.index == index)
    app, kind, make = INDEXED_KINDS[index]
    _among_many(make(council), searched)
    port = importlib.import_module(f"improvement.{app}.ports")
    table = searched.model._meta.db_table
    with CaptureQueriesContext(connection) as run:
        (found,) = port.search(council, complaints_manager, "safeguarding", kind=kind)
    assert found.total == 1
    (sql,) = [
        query["sql"] for query in run.captured_queries
        if "to_tsvector" in query["sql"] and f'FROM "{table}"' in query["sql"]
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert f"Bitmap Index Scan on {index}" in plan, plan
