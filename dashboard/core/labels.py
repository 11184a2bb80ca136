"""Names of dimensions, coded values and basic functions in one language, read once per warehouse build.

Labels.from_frames builds every map once; lookups are plain dict reads (pages ask for them per table row,
so rebuilding a map per call cost nearly half of a rerun of the overview at 400 municipalities).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.i18n import column, t


@dataclass(frozen=True)
class Labels:
    lang: str
    dimension_order: tuple[str, ...]
    dimensions: dict[str, str]  # dimension_id -> label
    tentative_dimensions: frozenset[str]  # last-round Krippendorff's alpha below 0.667 (data/coding/)
    values_by_dimension: dict[str, dict[str, str]]  # dimension_id -> {value_id: label}, codebook order
    functions: dict[str, str]  # basic_function_id -> name, report order
    double_coded: bool

    @classmethod
    def from_frames(
        cls, lang: str, dimensions: pd.DataFrame, values: pd.DataFrame, functions: pd.DataFrame, *, double_coded: bool
    ) -> Labels:
        label = column("label", lang)
        tentative = (
            frozenset(dimensions.loc[dimensions["tentative"].fillna(False).astype(bool), "dimension_id"])
            if "tentative" in dimensions.columns
            else frozenset()
        )
        by_dim: dict[str, dict[str, str]] = {}
        for dim, vid, text in zip(values["dimension_id"], values["value_id"], values[label], strict=True):
            by_dim.setdefault(dim, {})[vid] = text
        return cls(
            lang=lang,
            dimension_order=tuple(dimensions["dimension_id"]),
            dimensions=dict(zip(dimensions["dimension_id"], dimensions[label].astype(str), strict=True)),
            tentative_dimensions=tentative,
            values_by_dimension=by_dim,
            functions=dict(zip(functions["basic_function_id"], functions[column("name", lang)], strict=True)),
            double_coded=double_coded,
        )

    def dimension_ids(self) -> list[str]:
        return list(self.dimension_order)

    def dimension(self, dim: str) -> str:
        return self.dimensions.get(dim, dim)

    def tentative(self, dim: str) -> bool:
        return dim in self.tentative_dimensions

    def dimension_choice(self, dim: str) -> str:
        """The label where a dimension is offered as a choice: '(voorlopig)' added when it is tentative."""
        label = self.dimension(dim)
        return t("rel_tentative_dimension", self.lang, label=label) if self.tentative(dim) else label

    def has_double_coding(self) -> bool:
        return self.double_coded

    def dimension_map(self) -> dict[str, str]:
        return self.dimensions

    def value_ids(self, dim: str) -> list[str]:
        return list(self.values_by_dimension.get(dim, {}))

    def value_map(self, dim: str) -> dict[str, str]:
        return self.values_by_dimension.get(dim, {})

    def all_values(self) -> dict[tuple[str, str], str]:
        return {(d, v): text for d, part in self.values_by_dimension.items() for v, text in part.items()}

    def function_ids(self) -> list[str]:
        return list(self.functions)

    def function(self, fid: str) -> str:
        return self.functions.get(fid, fid)

    def function_map(self) -> dict[str, str]:
        return self.functions
