"""Random unicode, control characters included, at every text a user types (issue 11):
never a traceback, and every export and document still builds afterwards."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import ANSWERS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=24
)
INPUTS = st.fixed_dictionaries(
    {
        "org": TEXT,
        "note": TEXT,
        "contact": TEXT,
        "place": TEXT,
        "platform": TEXT,
        "candidate": TEXT,
        "activity": TEXT,
        "user": TEXT.filter(lambda s: "\x00" not in s),  # an environment cannot hold NUL
    }
)


def _clean(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.err, result.err
    assert "onverwachte fout" not in result.err, result.err
    assert result.code in (0, 1, 2), result
    if result.code:
        assert result.err.startswith("Fout: "), result.err


@settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(INPUTS)
def test_random_text_never_breaks_gzctl(gz, monkeypatch, inputs: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        answers = base / "a.toml"
        answers.write_text(ANSWERS, encoding="utf-8")
        folder = base / "dorp"
        assert gz("init", str(folder), "--answers", str(answers)).code == 0
        monkeypatch.setenv("GZCTL_USER", inputs["user"])
        C = ("-C", str(folder))
        for args in (
            ("org", "add", "--notitie", inputs["note"], "--contact", inputs["contact"],
             "--status", "aangesloten", "--", inputs["org"]),
            ("place", "add", "--", inputs["place"]),
            ("platform", "add", "--nieuw", "--", inputs["platform"]),
            ("coordinator", "candidate", "add", "--", inputs["candidate"]),
            ("activity", "add", "--datum", "12-04-2027", "--", inputs["activity"]),
        ):  # fmt: skip
            _clean(gz(*C, *args))
        for args in (
            ("status",),
            ("status", "--json"),
            ("org", "list"),
            ("place", "list"),
            ("platform", "list"),
            ("activity", "list"),
            ("coordinator", "candidate", "list"),
            ("log",),
            ("org", "export", str(folder / "uit.csv")),
            ("org", "export", str(folder / "uit.xlsx")),
            ("org", "export", str(folder / "uit.json")),
            ("activity", "export", str(folder / "agenda.ics")),
            ("docs", "build"),
            ("portfolio", str(folder), "--csv"),
            ("portfolio", str(folder), "--json"),
        ):
            result = gz(*C, *args)
            _clean(result)
            assert result.code == 0, (args, result.err)
            assert "\x1b" not in result.out and "\x1b" not in result.err
        monkeypatch.delenv("GZCTL_USER")
