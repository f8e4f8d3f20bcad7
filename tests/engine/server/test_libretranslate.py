"""The LibreTranslate endpoints over real HTTP, checked field by field against LibreTranslate's shapes,
and against the engine's own in-process translation of the same text."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from engine.api import Engine
from tests.engine.server.conftest import Served

pytestmark = pytest.mark.model

SENTENCES = ["The patient has a fever and a cough.", "Where is the train station?"]


@pytest.fixture(scope="module")
def local(prepared_models: Path) -> list[str]:
    """The same sentences translated in this process (the server must answer exactly these)."""
    import os

    old = os.environ.get("PALAVRA_MODELS_DIR")
    os.environ["PALAVRA_MODELS_DIR"] = str(prepared_models)
    try:
        engine = Engine()
        out = [t.text for t in engine.translate(SENTENCES, "en", "pt")]
        engine.close()
        return out
    finally:
        if old is None:
            os.environ.pop("PALAVRA_MODELS_DIR", None)
        else:
            os.environ["PALAVRA_MODELS_DIR"] = old


def test_languages_lists_each_code_with_name_and_targets(server: Served) -> None:
    r = httpx.get(f"{server.url}/languages")
    assert r.status_code == 200
    langs = {item["code"]: item for item in r.json()}
    assert set(langs) == {"en", "pt"}
    assert langs["en"] == {"code": "en", "name": "English", "targets": ["en", "pt"]}
    assert langs["pt"]["name"] == "Portuguese" and "en" in langs["pt"]["targets"]


def test_translate_string_json_and_form_give_the_engines_translation(
    server: Served, local: list[str]
) -> None:
    body = {"q": SENTENCES[0], "source": "en", "target": "pt"}
    as_json = httpx.post(f"{server.url}/translate", json=body)
    as_form = httpx.post(f"{server.url}/translate", data=body)
    assert as_json.status_code == as_form.status_code == 200
    assert as_json.json() == {"translatedText": local[0]}
    assert as_form.json() == {"translatedText": local[0]}


def test_translate_list_mirrors_the_list(server: Served, local: list[str]) -> None:
    r = httpx.post(f"{server.url}/translate", json={"q": SENTENCES, "source": "en", "target": "pt"})
    assert r.json() == {"translatedText": local}
    form = httpx.post(f"{server.url}/translate", data={"q": SENTENCES, "source": "en", "target": "pt"})
    assert form.json() == {"translatedText": local}


def test_auto_source_reports_the_detected_language(server: Served, local: list[str]) -> None:
    r = httpx.post(f"{server.url}/translate", json={"q": SENTENCES[0], "source": "auto", "target": "pt"})
    body = r.json()
    assert body["translatedText"] == local[0]
    assert body["detectedLanguage"]["language"] == "en"
    assert isinstance(body["detectedLanguage"]["confidence"], float)
    assert 50 < body["detectedLanguage"]["confidence"] <= 100
    mixed = httpx.post(
        f"{server.url}/translate",
        json={"q": ["Onde fica a estação de comboios?", SENTENCES[1]], "source": "auto", "target": "en"},
    ).json()
    assert [d["language"] for d in mixed["detectedLanguage"]] == ["pt", "en"]
    assert "station" in mixed["translatedText"][0].lower()
    assert mixed["translatedText"][1] == SENTENCES[1]  # already English: returned as it is


def test_alternatives_field_is_present_when_asked(server: Served) -> None:
    r = httpx.post(
        f"{server.url}/translate", json={"q": SENTENCES, "source": "en", "target": "pt", "alternatives": 2}
    )
    body = r.json()
    assert isinstance(body["alternatives"], list) and len(body["alternatives"]) == 2
    assert all(isinstance(a, list) and len(a) <= 2 for a in body["alternatives"])


def test_html_keeps_tags_attributes_and_code(server: Served) -> None:
    html = (
        '<p class="lead">The patient has a <b>high</b> fever.</p>'
        '<ul><li><a href="https://example.org/a?b=1">Read the report</a></li></ul>'
        "<code>print(dose)</code><script>var total = 1;</script>"
    )
    r = httpx.post(
        f"{server.url}/translate", json={"q": html, "source": "en", "target": "pt", "format": "html"}
    )
    out = r.json()["translatedText"]
    assert out.startswith('<p class="lead">')
    assert '<a href="https://example.org/a?b=1">' in out and "<ul><li>" in out
    assert "<code>print(dose)</code>" in out and "<script>var total = 1;</script>" in out
    assert "paciente" in out.lower() and "relatório" in out.lower()
    assert out.count("<b>") == 1 and out.count("</b>") == 1


def test_detect_answers_a_ranked_list(server: Served) -> None:
    r = httpx.post(f"{server.url}/detect", data={"q": "Bom dia, onde fica a farmácia?"})
    ranked = r.json()
    assert ranked[0]["language"] == "pt" and ranked[0]["confidence"] > 50
    assert [set(d) for d in ranked] == [{"confidence", "language"}] * len(ranked)


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"source": "en", "target": "pt"}, 400, "missing q"),
        ({"q": "Hi", "target": "pt"}, 400, "missing source"),
        ({"q": "Hi", "source": "en", "target": "fr"}, 400, "fr is not supported"),
        ({"q": "Hi", "source": "xx", "target": "pt"}, 400, "xx is not supported"),
        ({"q": "Hi", "source": "en", "target": "pt", "alternatives": 9}, 400, "alternatives"),
        ({"q": "Hi", "source": "en", "target": "pt", "format": "pdf"}, 400, "format"),
        ({"q": [1, 2], "source": "en", "target": "pt"}, 400, "list of strings"),
        ({"q": "Hi", "source": "en", "target": "pt", "model": "nope"}, 400, "no translation model called"),
    ],
)
def test_bad_requests_get_400_with_a_json_error(
    server: Served, body: dict[str, object], status: int, message: str
) -> None:
    r = httpx.post(f"{server.url}/translate", json=body)
    assert r.status_code == status
    assert set(r.json()) == {"error"} and message in r.json()["error"]


def test_malformed_and_oversized_bodies(server: Served) -> None:
    bad = httpx.post(
        f"{server.url}/translate", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400 and "JSON" in bad.json()["error"]
    huge = httpx.post(f"{server.url}/translate", json={"q": "word " * 30_000, "source": "en", "target": "pt"})
    assert huge.status_code == 400 and "exceeds text limit" in huge.json()["error"]
    big_file = httpx.post(
        f"{server.url}/translate_file",
        files={"file": ("big.txt", b"a" * (26 * 1024 * 1024))},
        data={"source": "en", "target": "pt"},
    )
    assert big_file.status_code == 413 and "larger than" in big_file.json()["error"]
    missing = httpx.get(f"{server.url}/nothing-here")
    assert missing.status_code == 404 and "error" in missing.json()


def test_translate_file_keeps_subtitle_timings(server: Served) -> None:
    srt = "1\n00:00:01,000 --> 00:00:03,500\nWash your hands often.\n\n2\n00:00:04,000 --> 00:00:06,000\nStay at home.\n"
    r = httpx.post(
        f"{server.url}/translate_file",
        files={"file": ("talk.srt", srt.encode())},
        data={"source": "en", "target": "pt"},
    )
    assert r.status_code == 200, r.text
    url = r.json()["translatedFileUrl"]
    assert url.startswith(server.url) and url.endswith("/talk.pt.srt")
    out = httpx.get(url)
    assert out.status_code == 200
    text = out.text
    assert "00:00:01,000 --> 00:00:03,500" in text and "00:00:04,000 --> 00:00:06,000" in text
    assert "mãos" in text.lower() and "Wash" not in text
    assert httpx.get(url.replace("talk.pt.srt", "../../etc/passwd")).status_code == 404


def test_translate_file_refuses_an_unsupported_kind(server: Served) -> None:
    r = httpx.post(
        f"{server.url}/translate_file",
        files={"file": ("x.exe", b"MZ")},
        data={"source": "en", "target": "pt"},
    )
    assert r.status_code == 400 and ".exe is not supported" in r.json()["error"]


def test_openapi_describes_every_endpoint(server: Served) -> None:
    spec = httpx.get(f"{server.url}/openapi.json").json()
    for path in (
        "/translate",
        "/detect",
        "/languages",
        "/translate_file",
        "/correct",
        "/transcribe",
        "/drill/score",
    ):
        assert path in spec["paths"], path
    body = spec["paths"]["/translate"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["q", "source", "target"]


def test_the_log_never_holds_the_users_text(server: Served) -> None:
    secret = "My neighbour Zebedee owes me forty dollars."
    httpx.post(f"{server.url}/translate", json={"q": secret, "source": "en", "target": "pt"})
    httpx.post(f"{server.url}/translate?q=Zebedee&source=en&target=pt")
    log = server.log.read_text()
    assert "POST /translate 200" in log  # the request was logged (at -v) ...
    assert "Zebedee" not in log  # ... without its text, also when the text came in the query string
