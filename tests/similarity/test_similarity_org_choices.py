"""Organisational choices against the peers' (dashboard/core/similarity/org_choices.py).

Why: the peer page tells policy advisors which municipalities are "like" theirs; the choices its peers made and it
did not are the page's practical answer, so each must be counted and named right.
"""

from __future__ import annotations

from dashboard.core import similarity as s
from dashboard.core.similarity import Profile
from tests.similarity.sample import NR


def test_org_differences_count_peers(cat):
    ref = Profile(s.OWN_KEY, "Mijn", 1, {}, {}, {"scope": "y", "intake": NR})
    peers = [
        Profile(str(i), str(i), 1, {}, {}, {"scope": "x" if i < 3 else "y", "intake": "p" if i < 1 else NR})
        for i in range(5)
    ]
    diffs = s.org_differences(ref, peers, cat)
    assert [(d.dimension, d.value, d.count) for d in diffs] == [("scope", "x", 3), ("intake", "p", 1)]
    assert diffs[0].names == ("0", "1", "2")
    assert s.difference_sentence(diffs[0], cat, "nl") == (
        "3 van de 5 vergelijkbare gemeenten (0, 1 en 2) kiezen bij ‘Reikwijdte’ voor ‘X’; u: ‘Y’"
    )
    assert s.difference_sentence(diffs[1], cat, "nl") == (
        "1 van de 5 vergelijkbare gemeenten (0) kiest bij ‘Intake’ voor ‘P’; u: onbekend"
    )


def test_org_comparison_groups_peers_by_choice(cat):
    ref = Profile(s.OWN_KEY, "Mijn", 1, {}, {}, {"scope": "y", "intake": NR})
    peers = [Profile(str(i), f"P{i}", 1, {}, {}, {"scope": "xyy"[i % 3], "intake": "p" if i else NR}) for i in range(4)]
    scope, intake = s.org_comparison(ref, peers, cat)
    assert (scope.same, scope.other, scope.not_reported) == (("P1", "P2"), (("x", ("P0", "P3")),), ())
    # The reference did not report intake: nobody "shares" that, every reported choice is "other".
    assert (intake.same, intake.other, intake.not_reported) == ((), (("p", ("P1", "P2", "P3")),), ("P0",))
