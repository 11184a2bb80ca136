"""Links between pages that keep the reader's context: pure functions, no Streamlit.

A journey link (peer -> profile, peers -> "compare these 3", compare -> each profile, profile -> "find
municipalities like this one" / "compare with...") carries the language and every active sidebar filter of
the current URL, plus what the target page needs. So the link is a shareable URL of exactly that view, and
the sidebar stays as it was. st.page_link/st.switch_page replace the whole query string (Streamlit 1.67:
"when None, all non-embed query parameters are cleared"), hence the explicit carry-over here.

    params = profile_params(current, "almelo")      # {"lang": "en", "prov": "Overijssel", "gm": "almelo"}
    href("profiel", params)                          # "/profiel?lang=en&prov=Overijssel&gm=almelo"
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlencode

from dashboard.core import filters

PROFILE_PAGE = "views/profile.py"
COMPARE_PAGE = "views/compare.py"
PEERS_PAGE = "views/peers.py"

LANG_PARAM = "lang"  # dashboard.runtime.state.LANG_PARAM (state imports Streamlit; this module must not)
PROFILE_PARAM = "gm"  # views/profile.py
COMPARE_PARAM = "cmp"  # views/compare.py
PEER_REF_PARAM = "peer_ref"  # the peers page's reference (dashboard/core/peer_view.py QP_REF)
MAX_COMPARE = 4  # views/compare.py MAX_COMPARE

CARRIED = (LANG_PARAM, filters.PARAM_FUNCTIONS, filters.PARAM_SIZES, filters.PARAM_PROVINCES)
CARRIED_PREFIXES = (filters.ORG_PREFIX,)


def _text(value: str | Sequence[str]) -> str:
    return value if isinstance(value, str) else ",".join(value)


def carried_params(current: Mapping[str, str | Sequence[str]]) -> dict[str, str]:
    """The language and filter parameters of the current URL, in their order; everything else is dropped."""
    return {
        key: _text(value)
        for key, value in current.items()
        if (key in CARRIED or key.startswith(CARRIED_PREFIXES)) and _text(value)
    }


def profile_params(current: Mapping[str, str | Sequence[str]], slug: str) -> dict[str, str]:
    return {**carried_params(current), PROFILE_PARAM: slug}


def compare_params(current: Mapping[str, str | Sequence[str]], slugs: Iterable[str]) -> dict[str, str]:
    """At most four distinct municipalities, in the given order (the compare page's limit)."""
    chosen = list(dict.fromkeys(slugs))[:MAX_COMPARE]
    return {**carried_params(current), COMPARE_PARAM: ",".join(chosen)}


def peers_params(current: Mapping[str, str | Sequence[str]], slug: str) -> dict[str, str]:
    return {**carried_params(current), PEER_REF_PARAM: slug}


def href(url_path: str, params: Mapping[str, str]) -> str:
    """The link as a URL path with query string, e.g. '/profiel?lang=en&gm=almelo' (commas stay readable)."""
    query = urlencode(params, safe=",")
    return f"/{url_path}" + (f"?{query}" if query else "")
