"""The coordinators' mails, rendered and sent by a real worker to a real SMTP server: a message
to the selected people in their languages, and the invitations of people imported from a
spreadsheet (their set-password link built in the worker)."""

import re

import pytest
from django.utils import translation

from participants.services import Message, imports, message_people
from tests.factories import CohortFactory, ParticipantFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.integration


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_message_to_people_arrives_once_each_in_their_language(celery_worker, smtp_sink):
    coordinator = UserFactory(
        email="dana@example.org", full_name="Dana Coordinatrice", is_staff=True
    )
    people = [
        ParticipantFactory(email="giulia@example.org", preferred_language="it"),
        ParticipantFactory(email="zoe@example.org", preferred_language="fr"),
    ]
    message = Message(
        texts={
            "it": ("Residenza di Lecce: il programma", "Ci vediamo alle 9 alle Manifatture Knos."),
            "fr": ("Résidence de Lecce : le programme", "Rendez-vous à 9 h aux Manifatture Knos."),
        }
    )

    assert message_people(people, message, token="lecce-2023", by=coordinator) == 2

    received = {m["To"]: m for m in smtp_sink.wait_for(2)}
    assert received["giulia@example.org"]["Subject"] == "Residenza di Lecce: il programma"
    assert received["zoe@example.org"]["Subject"] == "Résidence de Lecce : le programme"
    assert "Rendez-vous à 9 h aux Manifatture Knos." in _text(received["zoe@example.org"])
    with translation.override("fr"):
        signature = translation.gettext("Sent by %(name)s, coordinator, through LOOKING UP.")
    assert signature % {"name": "Dana Coordinatrice"} in _text(received["zoe@example.org"])


def test_imported_people_get_their_invitation_with_a_working_link(celery_worker, smtp_sink):
    coordinator = UserFactory(email="dana@example.org", is_staff=True)
    programme = ProgrammeFactory(title="Reti solidali e competenti", original_language="it")
    CohortFactory(programme=programme, name="Hub Sud")
    content = b"name,email,language,cohort\nAna Sousa,ana@example.pt,pt,Hub Sud\n"
    token = imports.preview_import(programme, content, "people.csv").token

    outcome = imports.apply_import(programme, token, valid_only=False, by=coordinator)

    assert outcome.ok, outcome.message
    [invitation] = smtp_sink.wait_for(1)
    assert invitation["To"] == "ana@example.pt"
    with translation.override("pt"):
        subject = translation.gettext("You are enrolled in “%(title)s”: set your password")
    assert invitation["Subject"].strip() == subject % {"title": "Reti solidali e competenti"}
    assert re.search(r"/pt/accounts/password/reset/key/\w+-[\w-]+/", _text(invitation))
