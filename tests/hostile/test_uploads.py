"""Hostile uploads for the peer finder: every case costs bounded time and memory and ends in a short message.

Each case runs in a forked child of tests/hostile/probe.py (see there), which reports wall time, peak resident
memory above the child's start, the messages and any exception. The bounds below are far above what a good
file costs (a few ms, < 5 MB) and far below what the unbounded reader took (alias bomb: 12 GB and no end;
50.000 CSV columns: 105 s; 50.000 nested brackets: RecursionError after 10 s).
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dashboard.core import peer_templates, user_files
from tests.hostile.payloads import HOST, PAYLOAD

ROOT = Path(__file__).resolve().parents[2]
MAX_SECONDS = 2.0
MAX_PEAK_MB = 64.0

TEMPLATE_YAML = peer_templates.template_bytes("yaml").decode()
TEMPLATE_CSV = peer_templates.template_bytes("csv").decode()
CSV_HEADER, CSV_ROW = TEMPLATE_CSV.splitlines()[:2]


def _yaml_with(**changes) -> bytes:
    data = yaml.safe_load(TEMPLATE_YAML)
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split(".")
        for part in path:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


def _alias_bomb(levels: int, width: int = 9) -> bytes:
    lines = ["x_bomb:", f"  a0: &a0 [{', '.join(['lol'] * width)}]"]
    lines.extend(f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels + 1))
    body = TEMPLATE_YAML.replace("qualifier: approx", f"qualifier: *a{levels}", 1)
    return ("\n".join(lines) + "\n" + body).encode()


def _csv_with(**cells) -> bytes:
    header = CSV_HEADER.split(",")
    row = dict(zip(header, CSV_ROW.split(","), strict=True))
    row.update(cells)
    return (",".join(header) + "\n" + ",".join(row[h] for h in header) + "\n").encode()


# (id, file name, bytes, what the first message must contain, or None when the file is valid)
CASES: list[tuple[str, str, bytes, str | None]] = [
    ("alias_bomb_8x9", "bomb.yaml", _alias_bomb(8), "ankers en verwijzingen"),
    ("alias_bomb_6x9", "bomb.yaml", _alias_bomb(6), "ankers en verwijzingen"),
    (
        "one_alias",
        "a.yaml",
        TEMPLATE_YAML.replace("name: Mijn gemeente ", "name: &n Mijn gemeente ", 1).encode() + b"\nx: *n\n",
        "ankers en verwijzingen",
    ),
    ("python_tag", "t.yaml", b"municipality: !!python/object/apply:os.system ['echo hi']\n", "YAML-tags"),
    ("local_tag", "t.yaml", TEMPLATE_YAML.replace("value: 50000", "value: !int 50000", 1).encode(), "YAML-tags"),
    ("flow_nesting_50000", "deep.yaml", b"a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "niveaus diep"),
    ("block_nesting_400", "deep.yaml", "".join(f"{'  ' * i}k{i}:\n" for i in range(400)).encode(), "niveaus diep"),
    ("keys_60000", "keys.yaml", "".join(f"k{i}: {i}\n" for i in range(60_000)).encode(), "meer dan 20.000"),
    (
        "keys_flow_80000",
        "keys.yaml",
        ("{" + ", ".join(f"k{i}: 1" for i in range(80_000)) + "}").encode(),
        "meer dan 20.000",
    ),
    ("multi_document", "multi.yaml", TEMPLATE_YAML.encode() + b"\n---\n" + TEMPLATE_YAML.encode(), "geen geldige YAML"),
    ("over_1mb", "big.yaml", TEMPLATE_YAML.encode() + b"#" * (user_files.MAX_BYTES + 1), "de grens is 1 MB"),
    ("long_scalar", "long.yaml", _yaml_with(**{"municipality.name": "x" * 900_000}), "langer dan 80"),
    ("nan_indicator", "nan.yaml", TEMPLATE_YAML.replace("value: 7.0", "value: .nan", 1).encode(), "eindig getal"),
    ("inf_indicator", "inf.yaml", TEMPLATE_YAML.replace("value: 7.0", "value: .inf", 1).encode(), "eindig getal"),
    ("huge_indicator", "huge.yaml", TEMPLATE_YAML.replace("value: 7.0", "value: 1e400", 1).encode(), "eindig getal"),
    ("nan_population", "nan.yaml", TEMPLATE_YAML.replace("value: 50000", "value: .nan", 1).encode(), ""),
    (
        "thousands_of_errors",
        "errs.yaml",
        _yaml_with(indicators=[{"indicator": f"bad_{i}", "value": "x"} for i in range(3000)]),
        "",
    ),
    (
        "csv_50000_columns",
        "wide.csv",
        (",".join(f"c{i}" for i in range(50_000)) + "\n" + ",".join("1" for _ in range(50_000)) + "\n").encode(),
        "50000 kolommen",
    ),
    ("csv_1e400", "inf.csv", _csv_with(population="1" + "0" * 400), "eindig getal"),
    ("csv_inf_text", "inf.csv", _csv_with(disposable_income_household_eur="inf"), "geen getal"),
    ("csv_nan_text", "nan.csv", _csv_with(disposable_income_household_eur="NaN"), "geen getal"),
    (
        "csv_implausible_euro",
        "euro.csv",
        _csv_with(disposable_income_household_eur="1" + "0" * 300),
        "buiten het bereik",
    ),
    (
        "csv_100000_rows",
        "rows.csv",
        (TEMPLATE_CSV + (CSV_ROW + "\n") * 100_000)[: user_files.MAX_BYTES].encode(),
        "gegevensregels",
    ),
    ("csv_huge_field", "field.csv", _csv_with(name='"' + "x" * 900_000 + '"'), ""),
    (
        "csv_unknown_columns_payload",
        "cols.csv",
        (CSV_HEADER + "," + ",".join(f"{PAYLOAD}{i}" for i in range(500)) + "\n" + CSV_ROW + ",1" * 500 + "\n")
        .replace(",", ";")
        .encode(),
        "kolommen",
    ),
    ("binary_yaml", "bin.yaml", bytes(range(256)) * 100, "geen UTF-8"),
    ("binary_csv", "bin.csv", bytes((i * 37) % 256 for i in range(50_000)), "geen UTF-8"),
    ("utf16_csv", "u16.csv", TEMPLATE_CSV.encode("utf-16"), "geen UTF-8"),
    ("latin1_csv", "l1.csv", _csv_with(name="Sûdwest-Fryslân").decode().encode("latin-1"), "geen UTF-8"),
    ("nul_bytes", "nul.yaml", TEMPLATE_YAML.encode().replace(b"Mijn", b"Mi\x00jn", 1), "geen UTF-8"),
    ("bom_csv_ok", "bom.csv", b"\xef\xbb\xbf" + TEMPLATE_CSV.encode(), None),
    ("exe_name", "evil.exe", b"MZ\x90\x00", "alleen .yaml"),
    ("path_in_name", "../../etc/passwd.yaml", TEMPLATE_YAML.encode(), None),
    ("payload_name_yaml", "p.yaml", _yaml_with(**{"municipality.name": PAYLOAD[:80]}), None),
    ("payload_name_csv", "p.csv", _csv_with(name=PAYLOAD[:60].replace(",", " ")), None),
    ("payload_org_value", "p.csv", _csv_with(team_scope=PAYLOAD.replace(",", " ")), "codeboek"),
    ("payload_filename", f"{PAYLOAD}.yaml", b"a: [", "geen geldige YAML"),
]


@pytest.fixture(scope="module")
def results(built_warehouse) -> dict:
    cases = [{"id": cid, "filename": name, "data": base64.b64encode(data).decode()} for cid, name, data, _ in CASES]
    done = subprocess.run(
        [sys.executable, "-m", "tests.hostile.probe", str(built_warehouse)],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize(("case_id", "expected"), [(c[0], c[3]) for c in CASES], ids=[c[0] for c in CASES])
def test_upload_is_bounded_and_answered_briefly(results, case_id, expected):
    r = results[case_id]
    assert r["exception"] is None
    assert r["seconds"] < MAX_SECONDS
    assert r["peak_mb"] < MAX_PEAK_MB
    messages = r["errors"] + r["warnings"]
    assert len(r["errors"]) <= user_files.MAX_MESSAGES + 1 and len(r["warnings"]) <= user_files.MAX_MESSAGES + 1
    assert all(len(m) <= user_files.MAX_MESSAGE_CHARS for m in messages)
    if expected is None:
        assert r["ok"], r["errors"]
    else:
        assert not r["ok"] and r["errors"]
        assert expected in r["errors"][0], r["errors"]


def test_many_messages_end_with_how_many_more(results):
    errors = results["thousands_of_errors"]["errors"]
    assert len(errors) == user_files.MAX_MESSAGES + 1
    assert errors[-1].startswith("… en nog ") and errors[-1].endswith(" meldingen.")


def test_user_values_in_messages_are_shortened(results):
    for case_id in ("payload_org_value", "csv_unknown_columns_payload", "long_scalar", "csv_huge_field"):
        for message in results[case_id]["errors"]:
            assert "x" * 100 not in message and PAYLOAD not in message, (case_id, message)


def test_a_payload_name_is_kept_as_text_for_the_page(results):
    # The reader keeps the name as it was written; the page escapes it (tests/hostile/test_pages.py).
    assert HOST in results["payload_name_yaml"]["name"]


def test_the_file_name_never_shows_a_path(results):
    assert results["path_in_name"]["ok"]
    assert user_files.display_name("../../etc/passwd.yaml") == "passwd.yaml"
    assert user_files.display_name("C:\\Users\\x\\mijn.csv") == "mijn.csv"


def test_messages_exist_in_both_languages():
    from dashboard.core.i18n import STRINGS

    for key in (
        "peers_err_yaml_alias",
        "peers_err_yaml_tag",
        "peers_err_yaml_depth",
        "peers_err_yaml_nodes",
        "peers_err_csv_columns_many",
        "peers_err_csv_syntax",
        "peers_err_not_finite",
        "peers_err_more",
    ):
        nl, en = STRINGS[key]
        assert nl and en and nl != en


def test_the_readers_limit_is_the_servers_limit():
    """The reader's 1 MB is also Streamlit's own upload limit (the widget drawn with it:
    tests/test_peers_page.py::test_the_uploader_widget_has_the_readers_limit)."""
    assert user_files.MAX_BYTES == user_files.MAX_MEGABYTES * 1024 * 1024 == 1_048_576
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "maxUploadSize = 1\n" in config
