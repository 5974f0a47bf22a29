"""The memory a hostile-file child reports is its own, whatever its parent has used."""

from improvement.core.tests import hostile


def test_a_child_does_not_report_its_parents_peak_memory():
    ballast = bytearray(hostile.CHILD_PEAK_RSS_MB * 1024 * 1024 + 64 * 1024 * 1024)
    for offset in range(0, len(ballast), 4096):
        ballast[offset] = 1
    try:
        outcome = hostile.run_bounded("result = 'started'")
    finally:
        del ballast
    assert outcome["result"] == "started"
    assert outcome["peak_mb"] < hostile.CHILD_PEAK_RSS_MB / 2
