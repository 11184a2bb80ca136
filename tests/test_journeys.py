"""Journeys between pages: peers -> profile / compare, compare -> profiles, profile -> peers / compare.

Why: an advisor who found peers must not re-select them by hand, and a link must keep the language and
the sidebar filters so it can be shared as it is. Links are followed the way the browser does: switch to
the page the link names, with the link's own query string. Expected municipalities come from data/.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.core import journeys, settings
from tests.app_pages import URL_PATHS

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
PAGE_FILES = URL_PATHS  # url path -> page file, as dashboard/app.py declares them
PROVINCE = "Zuid-Holland"


def municipalities() -> list[dict]:
    files = sorted((Path(settings.DATA_DIR) / "gemeenten").glob("*.yaml"))
    return [yaml.safe_load(p.read_text(encoding="utf-8"))["municipality"] for p in files]


@pytest.fixture(scope="module", autouse=True)
def real_warehouse(built_warehouse):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
        yield built_warehouse


def links(at: AppTest) -> dict[str, tuple[str, dict[str, str]]]:
    """label -> (url path of the target page, query parameters) of every page link on the page."""
    out = {}
    for link in at.get("page_link"):
        params = {k: v[0] for k, v in parse_qs(link.proto.query_string, keep_blank_values=True).items()}
        out[link.proto.label] = (link.proto.page, params)
    return out


def follow(at: AppTest, link: tuple[str, dict[str, str]]) -> AppTest:
    page, params = link
    at.switch_page(PAGE_FILES[page])
    at.query_params.clear()
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    return follow(at, (page, params))


# --- pure link building -----------------------------------------------------------------------------------


def test_links_carry_language_and_filters_only():
    current = {
        "lang": ["en"],
        "prov": ["Zuid-Holland"],
        "org.team_scope": ["integral_0_100"],
        "bf": ["a,b"],
        "gm": ["almelo"],
        "contrast": ["matrix"],
        "peer_w": ["x"],
        "size": [""],
    }
    assert journeys.profile_params(current, "leiden") == {
        "lang": "en",
        "prov": "Zuid-Holland",
        "org.team_scope": "integral_0_100",
        "bf": "a,b",
        "gm": "leiden",
    }
    assert journeys.peers_params({}, "leiden") == {"peer_ref": "leiden"}


def test_compare_link_keeps_order_drops_repeats_and_stops_at_four():
    got = journeys.compare_params({"lang": "nl"}, ["a", "b", "a", "c", "d", "e"])
    assert got == {"lang": "nl", "cmp": "a,b,c,d"}
    assert journeys.href("vergelijken", got) == "/vergelijken?lang=nl&cmp=a,b,c,d"


# --- following the links in the app -----------------------------------------------------------------------


def test_profile_links_to_peers_and_compare_with_language_and_filters():
    at = open_page("profiel", {"lang": "en", "prov": PROVINCE, "gm": "leiden"})
    found = links(at)
    assert found["Find municipalities like Leiden"] == (
        "vergelijkbare-gemeenten",
        {"lang": "en", "prov": PROVINCE, "peer_ref": "leiden"},
    )
    assert found["Compare Leiden with…"] == ("vergelijken", {"lang": "en", "prov": PROVINCE, "cmp": "leiden"})
    follow(at, found["Compare Leiden with…"])
    assert at.multiselect(key="cmp_sel").value == ["leiden"]
    assert at.radio(key="lang").value == "en"


def test_peers_to_compare_these_three_and_on_to_each_profile():
    in_province = {m["slug"]: m["name"] for m in municipalities() if m["province"] == PROVINCE}
    assert len(in_province) == 4 and "den_haag" in in_province
    at = open_page("profiel", {"gm": "den_haag", "prov": PROVINCE})
    follow(at, links(at)["Vind gemeenten zoals Den Haag"])
    assert at.session_state["peers_ref"] == "GM0518"

    found = links(at)
    compare = next(link for label, link in found.items() if label.startswith("Vergelijk Den Haag met deze"))
    assert compare[0] == "vergelijken" and compare[1]["prov"] == PROVINCE
    chosen = compare[1]["cmp"].split(",")
    # the filter keeps the peers inside the province: the reference and the other three
    assert chosen[0] == "den_haag" and set(chosen) == set(in_province)
    for slug in chosen[1:]:
        name = in_province[slug]
        assert found[f"Profiel van {name}"] == ("profiel", {"prov": PROVINCE, "gm": slug})
        assert found["Vergelijk met Den Haag"][0] == "vergelijken"

    follow(at, compare)
    assert at.multiselect(key="cmp_sel").value == chosen
    profile_links = links(at)
    for slug in chosen:
        assert profile_links[f"Profiel van {in_province[slug]}"] == ("profiel", {"prov": PROVINCE, "gm": slug})
    follow(at, profile_links[f"Profiel van {in_province[chosen[2]]}"])
    assert at.selectbox(key="pr_gm").value == chosen[2]
    assert in_province[chosen[2]] in [h.value for h in at.header]


def test_a_second_find_like_link_in_the_same_session_changes_the_reference():
    at = open_page("vergelijkbare-gemeenten", {"peer_ref": "almelo"})
    assert at.session_state["peers_ref"] == "GM0141"
    follow(at, ("profiel", {"gm": "enschede"}))
    follow(at, links(at)["Vind gemeenten zoals Enschede"])
    assert at.session_state["peers_ref"] == "GM0153"
    assert at.query_params.get("peer_ref") in ("enschede", ["enschede"])
