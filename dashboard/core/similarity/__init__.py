"""Peer similarity: which of the sixteen municipalities are most like a reference? Pure: no Streamlit.

The method (profiles, weights, scoring, org_choices) is apart from its explanation in words (explanation);
this package re-exports their public names, so callers write `similarity.rank_peers(...)`.

The method (also on the page and in data/README.md, "Peer similarity method"):

* Criteria. One *size* criterion, one criterion per comparable indicator id, one per organisational-model
  dimension. Each gets a weight >= 0; weight 0 removes the criterion.
* Size. Compared on log(population): s = 1 - min(|ln(p_a / p_b)| / ln(10), 1). Equal size gives 1, a
  factor 2 gives 0.70, a factor 10 or more gives 0. A fixed scale (not the spread of the sixteen) so that
  "35% smaller" means the same whatever else is in the data.
* Indicators. Only values of the *same indicator id* are compared (one id = one definition); ids marked
  comparable_across_municipalities: false are never criteria. Values are standardised over the
  municipalities in the data set (z = (x - mean) / sd, population sd, at least MIN_VALUES values and sd > 0,
  else the indicator is skipped), and s = 1 - min(|z_a - z_b| / 4, 1): four standard deviations apart or
  more gives 0. Only point values count (qualifier exact or "ca."); a bound ("meer dan"), a range or a
  figure for one district is skipped, never turned into a number.
* Organisation. Match = 1, mismatch = 0; not_reported on either side skips the criterion for that pair.
  Confidence in the coding (data/coding/, issue 10): a code that was *adjudicated* (the two independent
  coders disagreed) or *single_coded* (a municipality no coder file names yet) on either side counts with
  ADJUDICATED_FACTOR (0.5) times its weight for that pair;
  a *tentative* dimension (last-round Krippendorff's alpha < 0.667) starts with weight 0 in every preset
  (the user may raise it); with the sidebar switch "only codes both coders agreed on", adjudicated codes
  are left out like a missing value (reason `*_excluded`), never read as "not reported".
* Score = sum(w * s) / sum(w) over the criteria available for that pair (normalised by the weight actually
  used). Coverage = that used weight / the weight of all criteria the reference itself has a value for.
  Missing values are skipped and reported, never imputed.
* Ranking. Pairs with coverage below `min_coverage` go after the others (so a peer that matches on one
  criterion is not ranked as a perfect match); within each group by score, then coverage, then name.
"""

from dashboard.core.similarity.explanation import (
    criterion_label,
    difference_sentence,
    explain,
    summary,
)
from dashboard.core.similarity.org_choices import (
    OrgComparison,
    OrgDifference,
    org_comparison,
    org_differences,
)
from dashboard.core.similarity.profiles import (
    NOT_REPORTED,
    OWN_KEY,
    POINT_QUALIFIERS,
    Catalogue,
    DimensionDef,
    IndicatorDef,
    Profile,
    catalogue_from_frames,
    point_values,
    population_value,
    profiles_from_frames,
)
from dashboard.core.similarity.scoring import (
    ADJUDICATED_FACTOR,
    DEFAULT_MIN_COVERAGE,
    LOG_SIZE_SPAN,
    MIN_VALUES,
    Z_SPAN,
    CriterionResult,
    PeerResult,
    Scale,
    compare,
    fit_scales,
    indicator_similarity,
    rank_peers,
    reference_criteria,
    size_similarity,
)
from dashboard.core.similarity.weights import (
    IND,
    MAX_WEIGHT,
    ORG,
    PRESETS,
    SIZE,
    criteria,
    preset_weights,
    weights_from_param,
    weights_to_param,
)

__all__ = [
    "ADJUDICATED_FACTOR",
    "DEFAULT_MIN_COVERAGE",
    "IND",
    "LOG_SIZE_SPAN",
    "MAX_WEIGHT",
    "MIN_VALUES",
    "NOT_REPORTED",
    "ORG",
    "OWN_KEY",
    "POINT_QUALIFIERS",
    "PRESETS",
    "SIZE",
    "Z_SPAN",
    "Catalogue",
    "CriterionResult",
    "DimensionDef",
    "IndicatorDef",
    "OrgComparison",
    "OrgDifference",
    "PeerResult",
    "Profile",
    "Scale",
    "catalogue_from_frames",
    "compare",
    "criteria",
    "criterion_label",
    "difference_sentence",
    "explain",
    "fit_scales",
    "indicator_similarity",
    "org_comparison",
    "org_differences",
    "point_values",
    "population_value",
    "preset_weights",
    "profiles_from_frames",
    "rank_peers",
    "reference_criteria",
    "size_similarity",
    "summary",
    "weights_from_param",
    "weights_to_param",
]
