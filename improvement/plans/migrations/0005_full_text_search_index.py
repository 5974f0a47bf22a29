"""Full-text search indexes on PostgreSQL (docs/adr/043): a GIN index on the very
expression core.search.matching searches for each large kind, so a search reads the
index instead of every record's words. Nothing on any other database, and nothing in
the migration state (see core.search.AddSearchIndex). The fields are frozen here and
held equal to plans/search.py's declarations by core/tests/test_search_index.py."""

from django.db import migrations

from improvement.core.search import AddSearchIndex


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_review_areas_diagnostics_and_scheduled_reviews")]

    operations = [
        AddSearchIndex(
            "action", ["ref", "title", "success_measure", "evidence_planned"], "plans_action_search"
        ),
        AddSearchIndex("update", ["narrative", "reason", "support_needed"], "plans_update_search"),
    ]
