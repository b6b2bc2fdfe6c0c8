"""Which survey statistics a request is answered from: the protected release or the exact records.

Every public survey figure is computed from the protected release (``dashboard.build.release``): a set
of weighted records made once per store version under a differential privacy budget, so anything
computed from it (any view, difference of views, export, or repetition) is post-processing and
costs no further privacy. Exact figures (``EUIOM_DISCLOSURE=exact``, for signed-in roles given
that right) are computed from the survey records themselves and every view then says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.build.aggregates import CELL_SETS, CellSet

MODES = ("protected", "exact")
# Decimals of every published (protected) mean, standard deviation, share, quantile and change;
# interval bounds are rounded outwards. The release's own error is larger than 0.001 for every
# group, so nothing is lost; and no figure carries the digits from which a ratio's exact
# denominator (how many release records a group holds) could be read back.
PUBLISHED_DECIMALS = 3


@dataclass(frozen=True)
class Disclosure:
    """The source of survey statistics for a request.

    Attributes:
        mode: ``protected`` (the release) or ``exact`` (the survey records; trusted analysts).
    """

    mode: str = "protected"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown disclosure mode {self.mode!r}")

    @property
    def exact(self) -> bool:
        """True when figures come from the survey records themselves."""
        return self.mode == "exact"

    @property
    def decimals(self) -> int | None:
        """Decimals of published statistics: PUBLISHED_DECIMALS for the release, None (unrounded) for exact ones."""
        return None if self.exact else PUBLISHED_DECIMALS

    @property
    def cells(self) -> CellSet:
        """The aggregate tables this mode reads."""
        return CELL_SETS["exact" if self.exact else "release"]


PROTECTED = Disclosure()
EXACT = Disclosure("exact")


def for_mode(mode: str) -> Disclosure:
    """The disclosure of a mode name (``protected`` or ``exact``)."""
    return EXACT if mode == "exact" else PROTECTED
