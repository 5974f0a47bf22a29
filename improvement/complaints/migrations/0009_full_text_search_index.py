"""Full-text search indexes on PostgreSQL (docs/adr/043): a GIN index on the very
expression core.search.matching searches for each large kind, so a search reads the
index instead of every record's words. Nothing on any other database, and nothing in
the migration state (see core.search.AddSearchIndex). The fields are frozen here and
held equal to complaints/search.py's declarations by core/tests/test_search_index.py."""

from django.db import migrations

from improvement.core.search import AddSearchIndex


class Migration(migrations.Migration):
    dependencies = [("complaints", "0008_number_cases_recorded_without_a_reference")]

    operations = [
        AddSearchIndex("representation", ["reference", "summary"], "complaints_case_search"),
    ]
