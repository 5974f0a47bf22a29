"""Cases saved before references were given automatically with a blank reference are
numbered as new ones are (complaints.references): prefix, year received, next number.
The rules are copied here so later changes to the app cannot change this migration."""

import re

from django.db import migrations

PREFIXES = {"childrens_social_care": "CSC", "education": "EDU"}


def _prefix(rep):
    return "CMP" if rep.kind == "compliment" else PREFIXES.get(rep.service, "CSC")


def number_blank_references(apps, schema_editor):
    Representation = apps.get_model("complaints", "Representation")
    blank = Representation.objects.filter(reference="").order_by("council_id", "received_on", "pk")
    for rep in blank:
        prefix, year = _prefix(rep), rep.received_on.year
        pattern = re.compile(rf"{prefix}-{year}-(\d+)")
        taken = Representation.objects.filter(
            council_id=rep.council_id, reference__startswith=f"{prefix}-{year}-"
        ).values_list("reference", flat=True)
        numbers = [int(found[1]) for ref in taken if (found := pattern.fullmatch(ref))]
        rep.reference = f"{prefix}-{year}-{max(numbers, default=0) + 1:04d}"
        rep.save(update_fields=["reference"])


class Migration(migrations.Migration):
    dependencies = [("complaints", "0007_contact_details_acknowledgement_and_stage2_people")]

    operations = [migrations.RunPython(number_blank_references, migrations.RunPython.noop)]
