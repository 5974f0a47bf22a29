"""Audit entries of a person's role made before a role was named by the person's name
(docs/adr/042) read "manager – Improvement board manager, ...", the sign-in's username:
each is named again as the role now names itself. The name is copied here so later
changes to the model cannot change this migration."""

from django.db import migrations

BATCH = 500


def name_roles_by_person(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEntry = apps.get_model("core", "AuditEntry")
    Membership = apps.get_model("accounts", "Membership")
    kind = ContentType.objects.filter(app_label="accounts", model="membership").first()
    if kind is None:
        return
    roles = dict(Membership._meta.get_field("role").choices)
    entries = AuditEntry.objects.filter(content_type=kind).only("object_id", "object_repr")
    ids = {int(pk) for pk in entries.values_list("object_id", flat=True) if pk.isdigit()}
    names = {}
    for pk, role in Membership.objects.select_related("user", "council").in_bulk(ids).items():
        who = f"{role.user.first_name} {role.user.last_name}".strip() or role.user.username
        names[str(pk)] = f"{who} – {roles.get(role.role, role.role)}, {role.council.name}"[:300]
    changed = []
    for entry in entries.iterator(chunk_size=BATCH):
        name = names.get(entry.object_id)
        if name and entry.object_repr != name:
            entry.object_repr = name
            changed.append(entry)
    AuditEntry.objects.bulk_update(changed, ["object_repr"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_single_sign_on"),
        ("core", "0004_council_branding"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(name_roles_by_person, migrations.RunPython.noop)]
