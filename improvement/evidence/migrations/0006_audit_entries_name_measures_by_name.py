"""Audit entries made before a measure was named by its name alone (docs/adr/042) read
"referral_nfa_pct: Referrals with no further action": each entry of a measure, a
measure's value or a benchmark is named again as the record now names itself. The
names are copied here so later changes to the models cannot change this migration."""

from django.db import migrations

BATCH = 500


def _name_entries(apps, model_name, name_of):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEntry = apps.get_model("core", "AuditEntry")
    kind = ContentType.objects.filter(app_label="evidence", model=model_name).first()
    if kind is None:
        return
    Model = apps.get_model("evidence", model_name)
    entries = AuditEntry.objects.filter(content_type=kind).only("object_id", "object_repr")
    ids = {int(pk) for pk in entries.values_list("object_id", flat=True) if pk.isdigit()}
    records = Model._base_manager.select_related(*(["measure"] if model_name != "measure" else []))
    names = {str(pk): name_of(record)[:300] for pk, record in records.in_bulk(list(ids)).items()}
    changed = []
    for entry in entries.iterator(chunk_size=BATCH):
        name = names.get(entry.object_id)
        if name and entry.object_repr != name:
            entry.object_repr = name
            changed.append(entry)
    AuditEntry.objects.bulk_update(changed, ["object_repr"], batch_size=BATCH)


def name_measures_by_name(apps, schema_editor):
    Benchmark = apps.get_model("evidence", "Benchmark")
    kinds = dict(Benchmark._meta.get_field("kind").choices)
    _name_entries(apps, "measure", lambda measure: measure.name)
    _name_entries(
        apps, "measurevalue", lambda value: f"{value.measure.name}, {value.period:%B %Y}"
    )
    _name_entries(
        apps,
        "benchmark",
        lambda mark: f"{kinds.get(mark.kind, mark.kind)} {mark.year} for {mark.measure.name}",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0005_review_area_tags"),
        ("core", "0004_council_branding"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(name_measures_by_name, migrations.RunPython.noop)]
