"""Two requests issue the same certificate at once (a double click, a batch and a claim): one
certificate, one code, and both are told it is there."""

import pytest

from certificates import services
from certificates.models import Certificate
from participants.enums import AttendanceStatus
from participants.services import Mark, record_attendance
from tests.participants.test_concurrency import _run_at_once, requires_postgres


@pytest.mark.postgres
@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_make_one_certificate(looking_up, marta, looking_up_sessions):
    for session in looking_up_sessions:
        record_attendance(session, [Mark(marta.pk, AttendanceStatus.PRESENT)], by=None)

    outcomes = _run_at_once(services.issue_certificate, [(looking_up, marta)] * 4)

    [certificate] = Certificate.objects.all()
    assert all(outcome.ok for outcome in outcomes)
    assert sum(outcome.created for outcome in outcomes) == 1
    assert {outcome.certificate.pk for outcome in outcomes} == {certificate.pk}
