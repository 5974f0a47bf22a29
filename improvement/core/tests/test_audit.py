"""The audit snapshot reads any record, a file field with no file included."""

from improvement.core import audit
from improvement.plans.models import EvidenceFile


def test_a_snapshot_of_a_record_with_an_empty_file_field_holds_none():
    assert (
        audit.snapshot(EvidenceFile(name="No file yet", content_type="text/plain", size=0))["file"]
        is None
    )
