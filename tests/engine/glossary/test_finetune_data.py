"""Training sentences from the user's own documents, and how a bad document is reported before a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.api import Engine
from engine.errors import InputError
from engine.glossary.finetune.data import document_sources
from engine.glossary.model import GlossaryEntry

ENTRIES = [GlossaryEntry("blood pressure", "tensão arterial"), GlossaryEntry("isolation", "isolamento")]


def test_document_sentences_with_terms_are_picked(tmp_path: Path) -> None:
    doc = tmp_path / "notes.txt"
    doc.write_text(
        "Measure the blood pressure every morning. Drink water.\n\n"
        "Self-isolation lasts ten days. Measure the blood pressure every morning.\n\nOk.\n",
        encoding="utf-8",
    )
    found = document_sources([doc], ENTRIES, limit=10)
    assert found == ["Measure the blood pressure every morning.", "Self-isolation lasts ten days."]
    assert document_sources([doc], ENTRIES, limit=1) == ["Measure the blood pressure every morning."]


def test_unreadable_document_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 ...")
    with pytest.raises(InputError) as err:
        document_sources([bad], ENTRIES, limit=10)
    assert "'scan.pdf'" in err.value.user_message


@pytest.mark.model
def test_documents_without_terms_are_refused_before_the_run(translation_models: Path, tmp_path: Path) -> None:
    engine = Engine()
    try:
        engine.glossaries.create("med", "en", "pt", ENTRIES)
        doc = tmp_path / "holiday.txt"
        doc.write_text("We went to the beach and swam every day.\n", encoding="utf-8")
        with pytest.raises(InputError) as err:
            engine.glossaries.finetune_config("med", documents=[doc])
        assert "None of the documents contains a term" in err.value.user_message
        useful = tmp_path / "clinic.txt"
        useful.write_text("His blood pressure was high.\n", encoding="utf-8")
        config = engine.glossaries.finetune_config("med", documents=[doc, useful])
        assert config.documents == [str(doc), str(useful)]
    finally:
        engine.close()
