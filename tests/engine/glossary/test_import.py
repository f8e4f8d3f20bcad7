"""Glossary import: formats, encodings, validation report, all-or-nothing storage."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.errors import InputError
from engine.glossary.model import GlossaryEntry, ProblemKind, Severity
from engine.glossary.reader import BinaryFileError
from engine.glossary.service import GlossaryImportError, GlossaryService
from engine.glossary.store import GlossaryExistsError, GlossaryNotFoundError
from engine.glossary.validate import MAX_ENTRIES

TICO = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "tico19-eng-por" / "terminologies"

# A few rows in the two TICO-19 layouts (CC0).
FACEBOOK_LAYOUT = (
    "id,sourceLang,targetLang,sourceString,targetString\n"
    "1,en,pt_XX,1918 flu,gripe de 1918\n"
    "2,en,pt_XX,acute bronchitis,bronquite aguda\n"
    "4,en,pt_XX,AIDS,SIDA\n"
)
GOOGLE_LAYOUT = (
    "stringID,sourceLang,targetLang,pos,description,sourceString,targetString\n"
    '1,en,pt-BR,adjective,"In the context of COVID-19: transmissible, by contact.",contagious,contagioso\n'
    "2,en,pt-BR,noun,In the context of coronavirus (COVID-19): known cases.,active cases,casos ativos\n"
    "14,en,pt-BR,noun,the practice of restricting movement,quarantine,quarentena\n"
    "15,en,pt-BR,verb,to restrict movement,quarantine,fazer quarentena\n"
    "85,en,pt-BR,,,contagious,contagioso\n"
)


@pytest.fixture
def service() -> GlossaryService:
    svc = GlossaryService()
    yield svc
    svc.close()


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def test_tico_facebook_layout(service: GlossaryService, tmp_path: Path) -> None:
    info, report = service.import_file(write(tmp_path, "f.csv", FACEBOOK_LAYOUT), "Facebook", "en", "pt")
    assert report.ok and not report.problems
    assert info.entry_count == 3
    assert [(e.source, e.target) for e in service.entries("facebook")] == [
        ("1918 flu", "gripe de 1918"),
        ("acute bronchitis", "bronquite aguda"),
        ("AIDS", "SIDA"),
    ]


def test_tico_google_layout_reports_conflict_and_duplicate(service: GlossaryService, tmp_path: Path) -> None:
    info, report = service.import_file(write(tmp_path, "g.csv", GOOGLE_LAYOUT), "Google", "en", "pt")
    kinds = {p.kind for p in report.problems}
    assert kinds == {ProblemKind.CONFLICT, ProblemKind.DUPLICATE}
    conflict = next(p for p in report.problems if p.kind is ProblemKind.CONFLICT)
    assert "quarantine" in conflict.message and "fazer quarentena" in conflict.message
    assert conflict.rows == (5,)
    assert "All are kept" in conflict.message
    entries = {e.source: e for e in service.entries("Google")}
    assert entries["quarantine"].target == "quarentena"
    assert entries["quarantine"].alternatives == ("fazer quarentena",)
    assert entries["contagious"].note.startswith("In the context of COVID-19")
    assert entries["contagious"].alternatives == ()  # the same target again is a duplicate
    assert info.entry_count == 3


def test_alternatives_are_edited_and_kept_clean(service: GlossaryService, tmp_path: Path) -> None:
    service.import_file(write(tmp_path, "f.csv", FACEBOOK_LAYOUT), "Facebook", "en", "pt")
    entry = next(e for e in service.entries("Facebook") if e.source == "AIDS")
    changed = service.update_entry(
        "Facebook", entry.id, "AIDS", "SIDA", alternatives=[" aids ", "Aids", "sida", ""]
    )
    assert changed.alternatives == (
        "aids",
    )  # whitespace trimmed; repeats, the target itself and empties dropped
    assert next(e for e in service.entries("Facebook") if e.source == "AIDS").alternatives == ("aids",)
    added = service.add_entry("Facebook", "spread", "propagar", alternatives=["propagação"])
    assert added.entry.targets == ("propagar", "propagação")
    assert next(e for e in service.entries("Facebook") if e.source == "spread").alternatives == (
        "propagação",
    )


def test_database_from_before_alternatives_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    from engine.glossary.store import MIGRATIONS, GlossaryStore
    from engine.storage import open_database

    path = tmp_path / "old.sqlite3"
    old = open_database("glossary", MIGRATIONS[:1], path)
    old.execute(
        "INSERT INTO glossary(name, source_lang, target_lang, domain, created_at, updated_at) "
        "VALUES('Old', 'en', 'pt', '', 'x', 'x')"
    )
    old.execute("INSERT INTO glossary_entry(glossary_id, source, target) VALUES(1, 'fever', 'febre')")
    old.commit()
    old.close()
    store = GlossaryStore(path)
    try:
        assert [(e.source, e.target, e.alternatives) for e in store.entries("Old")] == [
            ("fever", "febre", ())
        ]
    finally:
        store.close()
    assert sqlite3.connect(path).execute("SELECT alternatives FROM glossary_entry").fetchone() == ("",)


def test_strict_refuses_warnings(service: GlossaryService, tmp_path: Path) -> None:
    with pytest.raises(GlossaryImportError) as err:
        service.import_file(write(tmp_path, "g.csv", GOOGLE_LAYOUT), "Google", "en", "pt", strict=True)
    assert err.value.report.errors
    assert service.list() == []


@pytest.mark.skipif(not TICO.is_dir(), reason="shared TICO-19 data not present")
@pytest.mark.parametrize(("file", "count"), [("f_en-pt_XX.csv", 306), ("g_en_pt-BR.csv", 317)])
def test_real_tico_glossaries(service: GlossaryService, file: str, count: int) -> None:
    info, _ = service.import_file(TICO / file, file, "en", "pt")
    assert info.entry_count == count


@pytest.mark.skipif(not TICO.is_dir(), reason="shared TICO-19 data not present")
def test_real_tico_reverse_glossary_in_wrong_direction(service: GlossaryService) -> None:
    report = service.check_file(TICO / "g_pt-BR_en.csv", "en", "pt")
    assert [p.kind for p in report.errors] == [ProblemKind.WRONG_DIRECTION]
    assert service.check_file(TICO / "g_pt-BR_en.csv", "pt", "en").ok


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "UTF-8"),
        ("utf-8", b"\xef\xbb\xbf", "UTF-8"),
        ("utf-16-le", b"\xff\xfe", "UTF-16"),
        ("utf-16-be", b"\xfe\xff", "UTF-16"),
        ("utf-16-le", b"", "UTF-16"),
        ("latin-1", b"", "Windows-1252"),
    ],
)
def test_encodings(
    service: GlossaryService, tmp_path: Path, encoding: str, bom: bytes, expected: str
) -> None:
    text = (
        "source\ttarget\nheart attack\tataque cardíaco\nnursing home\tlar de idosos\nvaccination\tvacinação\n"
    )
    path = write(tmp_path, "g.tsv", bom + text.encode(encoding))
    report = service.check_file(path, "en", "pt")
    assert report.encoding == expected and report.format == "tsv"
    assert [(e.source, e.target) for e in report.entries] == [
        ("heart attack", "ataque cardíaco"),
        ("nursing home", "lar de idosos"),
        ("vaccination", "vacinação"),
    ]


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("fever;febre\ncough;tosse\nsore throat;dor de garganta\n", "semicolon"),
        ("fever\tfebre\ncough\ttosse\nsore throat\tdor de garganta\n", "tsv"),
        ('fever,febre\ncough,tosse\n"sore throat, acute","dor de garganta, aguda"\n', "csv"),
        ("EN;PT\nfever;febre\ncough;tosse\n", "semicolon"),
        ("id,english,portuguese\n7,fever,febre\n8,cough,tosse\n", "csv"),
        ("1,fever,febre\n2,cough,tosse\n3,sore throat,dor de garganta\n", "csv"),
    ],
)
def test_delimiters_and_headers(service: GlossaryService, tmp_path: Path, content: str, fmt: str) -> None:
    report = service.check_file(write(tmp_path, "g.txt", content), "en", "pt")
    assert report.format == fmt
    assert report.ok
    assert report.entries[0] == GlossaryEntry("fever", "febre")
    assert report.entries[1].target == "tosse"


TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="1"><descrip type="definition">a raised body temperature</descrip>
  <langSet xml:lang="en-US"><tig><term>fever</term></tig></langSet>
  <langSet xml:lang="pt-BR"><tig><term>febre</term></tig></langSet></termEntry>
 <termEntry id="2">
  <langSet xml:lang="en"><ntig><termGrp><term>ventilator</term></termGrp></ntig></langSet>
  <langSet xml:lang="pt"><ntig><termGrp><term>ventilador mecânico</term></termGrp></ntig></langSet>
 </termEntry>
 <termEntry id="3"><langSet xml:lang="en"><tig><term>swab</term></tig></langSet></termEntry>
</body></text></martif>
"""
TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
 <conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>contact tracing</term></termSec></langSec>
  <langSec xml:lang="pt"><termSec><term>rastreamento de contatos</term></termSec></langSec>
 </conceptEntry></body></text></tbx>
"""


def test_tbx_v2(service: GlossaryService, tmp_path: Path) -> None:
    report = service.check_file(write(tmp_path, "g.tbx", TBX_V2), "en", "pt")
    assert report.format == "tbx"
    assert report.entries == (
        GlossaryEntry("fever", "febre", "a raised body temperature"),
        GlossaryEntry("ventilator", "ventilador mecânico"),
    )
    assert [p.kind for p in report.problems] == [ProblemKind.EMPTY_CELL]
    assert report.problems[0].rows == (3,)
    reverse = service.check_file(write(tmp_path, "g.tbx", TBX_V2), "pt", "en")
    assert reverse.entries[0] == GlossaryEntry("febre", "fever", "a raised body temperature")


def test_tbx_v3_namespaced(service: GlossaryService, tmp_path: Path) -> None:
    report = service.check_file(write(tmp_path, "g.tbx", TBX_V3), "en", "pt")
    assert report.entries == (GlossaryEntry("contact tracing", "rastreamento de contatos"),)


def test_malformed_tbx(service: GlossaryService, tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        service.check_file(write(tmp_path, "g.tbx", TBX_V2[:-40]), "en", "pt")
    assert "not well-formed" in err.value.user_message


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00" + os.urandom(512),
        bytes(range(256)) * 8,
    ],
)
def test_binary_files_are_refused(service: GlossaryService, tmp_path: Path, content: bytes) -> None:
    with pytest.raises(BinaryFileError) as err:
        service.import_file(write(tmp_path, "g.csv", content), "bin", "en", "pt")
    assert "CSV" in err.value.user_message
    assert service.list() == []


def test_hundred_thousand_rows_are_refused_whole(service: GlossaryService, tmp_path: Path) -> None:
    rows = "".join(f"term {i},termo {i}\n" for i in range(100_000))
    with pytest.raises(GlossaryImportError) as err:
        service.import_file(write(tmp_path, "big.csv", rows), "big", "en", "pt")
    assert [p.kind for p in err.value.report.errors] == [ProblemKind.TOO_MANY_ROWS]
    assert f"{MAX_ENTRIES:,}" in err.value.user_message
    assert service.list() == []


def test_empty_too_long_and_empty_file(service: GlossaryService, tmp_path: Path) -> None:
    long_term = "a very long sentence " * 10
    content = f"fever,febre\ncough,\n,tosse\n{long_term},frase\n"
    report = service.check_file(write(tmp_path, "g.csv", content), "en", "pt")
    by_kind = {p.kind: p for p in report.problems}
    assert by_kind[ProblemKind.EMPTY_CELL].rows == (2, 3)
    assert by_kind[ProblemKind.TOO_LONG].rows == (4,)
    assert all(p.severity is Severity.WARNING for p in report.problems)
    assert report.entries == (GlossaryEntry("fever", "febre"),)
    empty = service.check_file(write(tmp_path, "e.csv", "\n\n"), "en", "pt")
    assert [p.kind for p in empty.errors] == [ProblemKind.NO_ENTRIES]


def test_wrong_direction_without_declared_languages(service: GlossaryService, tmp_path: Path) -> None:
    content = (
        "doença respiratória aguda,acute respiratory disease\nvacinação,vaccination\n"
        "isolamento social,social isolation\nfebre,fever\nlavagem das mãos,hand washing\n"
    )
    path = write(tmp_path, "g.csv", content)
    report = service.check_file(path, "en", "pt")
    assert [p.kind for p in report.errors] == [ProblemKind.WRONG_DIRECTION]
    assert "swap" in report.errors[0].message.lower()
    swapped = service.check_file(path, "en", "pt", swap=True)
    assert swapped.ok and swapped.entries[1] == GlossaryEntry("vaccination", "vacinação")


def test_some_rows_in_wrong_language_are_flagged(service: GlossaryService, tmp_path: Path) -> None:
    content = (
        "acute respiratory disease,doença respiratória aguda\nvaccination,vacinação\n"
        "lavagem das mãos,hand washing\nsocial distancing,distanciamento social\n"
    )
    report = service.check_file(write(tmp_path, "g.csv", content), "en", "pt")
    assert [(p.kind, p.rows) for p in report.problems] == [(ProblemKind.WRONG_LANGUAGE, (3,))]


def test_unsupported_direction(service: GlossaryService, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a supported direction"):
        service.check_file(write(tmp_path, "g.csv", "a,b\n"), "en", "en")


def test_names_and_replace_are_atomic(service: GlossaryService, tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", FACEBOOK_LAYOUT)
    service.import_file(path, "Med", "en", "pt", domain="medical")
    with pytest.raises(GlossaryExistsError):
        service.import_file(path, "med", "en", "pt")
    # A store failure during a replace leaves the old glossary untouched.
    with pytest.raises(InputError) as err:
        service.create("Med", "en", "pt", [GlossaryEntry("a", "b"), GlossaryEntry("A", "c")], replace=True)
    assert "same source term" in err.value.user_message
    assert service.get("med").entry_count == 3 and service.get("med").domain == "medical"
    with pytest.raises(InputError):
        service.import_file(path, "bad/name", "en", "pt")


def test_editing_entries(service: GlossaryService, tmp_path: Path) -> None:
    service.import_file(write(tmp_path, "f.csv", FACEBOOK_LAYOUT), "Med", "en", "pt")
    aids = next(e for e in service.entries("Med") if e.source == "AIDS")
    service.update_entry("Med", aids.id, "AIDS", "aids")
    added = service.add_entry("Med", "  contact   tracing ", "rastreamento de contatos")
    assert added.source == "contact tracing"
    with pytest.raises(InputError, match="already in the glossary"):
        service.add_entry("Med", "Contact Tracing", "outro")
    service.delete_entry("Med", added.id)
    assert {e.source: e.target for e in service.entries("Med")}["AIDS"] == "aids"
    assert service.get("Med").entry_count == 3
    service.rename("Med", "Medical")
    service.delete("medical")
    with pytest.raises(GlossaryNotFoundError):
        service.get("Medical")


def test_storage_survives_reopen(tmp_path: Path) -> None:
    first = GlossaryService()
    first.import_file(write(tmp_path, "f.csv", FACEBOOK_LAYOUT), "Med", "en", "pt")
    first.close()
    second = GlossaryService()
    assert [g.name for g in second.list()] == ["Med"]
    second.close()
