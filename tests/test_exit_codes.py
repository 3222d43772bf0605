"""Exit codes follow the documented table (README 'Afsluitcodes', CONTRIBUTING 'Errors and
exit codes'): 1 for a clear request gzctl declines, 2 for bad input (issue 25 item 6).

Once ``undo`` of an item that was not ticked and every refusal of a symbolic link exited 1,
and duplicate detection that ignores word order gave no way to insist."""

from __future__ import annotations

from pathlib import Path


def test_undo_of_an_unticked_item_is_bad_input(gz, project: Path) -> None:
    before = (project / "gzctl.toml").read_bytes()
    result = gz("-C", str(project), "undo", "verkennen.eerderonderzoek")
    assert result.code == 2, result.err
    assert result.err.startswith("Fout: ") and len(result.err.strip().splitlines()) == 1
    assert (project / "gzctl.toml").read_bytes() == before


def test_a_link_where_gzctl_writes_is_bad_input(gz, project: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (project / "website").mkdir()
    (project / "website" / "index.html").symlink_to(victim)
    result = gz("-C", str(project), "site", "build")
    assert result.code == 2, result.err
    assert "symbolische koppeling" in result.err
    target = project / "lijst.csv"
    target.symlink_to(victim)
    result = gz("-C", str(project), "org", "export", str(target))
    assert result.code == 2, result.err
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_look_alike_name_is_refused_with_a_way_to_insist(gz, project: Path) -> None:
    c = ("-C", str(project))
    assert gz(*c, "org", "add", "VV Beesd").code == 0
    refused = gz(*c, "org", "add", "Beesd VV")
    assert refused.code == 1, refused.err
    assert "--toch" in refused.err and "woordvolgorde" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    insisted = gz(*c, "org", "add", "Beesd VV", "--toch")
    assert insisted.code == 0, insisted.err
    # the very same name never goes through twice, not even when insisting
    same = gz(*c, "org", "add", "vv beesd", "--toch")
    assert same.code == 1 and "--toch" not in same.err, same.err
    # a rename into a look-alike: the same rule and the same way to insist
    assert gz(*c, "org", "add", "Muziekvereniging Harmonie").code == 0
    org = "muziekvereniging-harmonie"
    assert gz(*c, "org", "edit", org, "--naam", "Beesd, V.V.").code == 1
    assert gz(*c, "org", "edit", org, "--naam", "Beesd, V.V.", "--toch").code == 0
