"""The cell key method: the same table cell always gets the same small, unbiased perturbation.

Method (ABS TableBuilder, Fraser & Wooton 2005 "A proposed method for confidentialising
tabular output to protect against differencing"; ABS "Methodology for the perturbation of
tables"; ONS Census 2021 "cell key perturbation"; the maximum-entropy perturbation table of
Marley & Leaver 2011 and Giessing 2016 as documented in Destatis/Enderle's `ptable` R
package):

- Every submission is given a random record key, a whole number 0..KEY_RANGE-1 drawn
  uniformly (`new_record_key`) when it is stored, and never changed.
- A table cell's key is the sum of the record keys of the submissions in it, modulo
  KEY_RANGE (`cell_key`). The same set of submissions always gives the same cell key,
  however the cell is reached (page, chart, CSV, PDF pack), so asking again returns the
  same answer; two cells that differ by a few submissions have unrelated keys (the missing
  records' keys are uniform), so their perturbations are independent and differencing two
  views gives the target count plus noise, not the count.
- A fixed perturbation table (ptable) gives, for each true count i, a distribution p_i(j)
  over shown counts j in [i-D, i+D]. Each row is the maximum-entropy distribution with
  sum p = 1, zero mean (unbiased), variance VARIANCE, no shown count below the floor. The
  solution has the form p(j) ∝ exp(a(j-i) + b(j-i)²); a and b are found by Newton's method
  on the convex dual. The key range 0..KEY_RANGE-1 is cut into consecutive intervals whose
  sizes are proportional to p_i(j) (cumulative probabilities times KEY_RANGE, rounded), then
  nudged a key at a time so that over the key range each row is exactly unbiased. The cell
  key picks the interval, and so the perturbation (`perturbation`, `perturbed`).

Lantern's choices (the callers must keep to them):

- Suppression reads the TRUE count: a cell of 1..threshold-1 is shown as "<8" and never
  perturbed or shown. A cell of threshold or more is perturbed with a table that never
  shows a number below the threshold (so no shown number is ever 1..7, and a shown "8"
  does not mean "between 1 and 7 was pushed up"). Exports then round the perturbed count
  to the nearest 5 on top, as before.
- Zeros are not perturbed: a zero cell has no records, so no key, and stays 0. (Structural
  zeros are public knowledge anyway; perturbing them would invent women who were not there.)
- Near the threshold the unbiased variance is limited: a true count equal to the threshold
  can only stay put (it cannot go down and must not go up on average), and a count just
  above it can move down by at most the gap. Rows there use the largest variance that is
  feasible, capped at VARIANCE: the maximum-entropy distribution when VARIANCE is strictly
  feasible, otherwise the only feasible distribution (the two-point one at the extremes).
- Rows for counts 1..threshold-1 exist for completeness with a floor of 1 (a cell with
  records never shows as 0), but Lantern's callers hide those counts instead.
- Percentages, averages and rates must be computed from the protected (perturbed) counts,
  never from the true ones: a percentage over an exact total gives the exact total back.
  The same holds for totals: a shown total is the perturbed total of its own cell, not
  the sum of the shown parts, so protected tables need not add up exactly.
- Record keys never leave the database: no export, pack, page, log or API shows a record
  key or a cell key sum. Knowing the keys turns the perturbation back into the true count.
  Daily roll-ups may carry per-cell key sums (a sum of keys is kept as a plain integer and
  taken mod KEY_RANGE only at the end, so roll-ups add up).
- The method's known limit: each different cell's noise is fresh, so an attacker who can
  ask for many DIFFERENT cells that all difference to the same target (free date ranges:
  [a, night] minus [a, night - 1] for twenty starts a) averages the noise away (the tests
  measure ~0.70 right against ~0.24 blind). Dashboards must offer fixed periods (a
  calendar week, a month) and fixed groupings rather than free ranges, so a small group is
  never the difference of many allowed cells.
- This module is pure: no database, environment, files or Streamlit. The threshold is a
  parameter (default analysis.disclosure.DEFAULT_THRESHOLD); callers pass
  disclosure.current_threshold().
"""

from __future__ import annotations

import itertools
import math
import secrets
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from analysis.disclosure import DEFAULT_THRESHOLD

KEY_RANGE = 256
# D = 4, V = 3: chosen with the attacker simulations in tests/test_cellkey.py. With it an
# attacker differencing views (total minus parts, two filters, four packs averaged) names
# a hidden count of 1..7 at most ~0.04 more often than a blind guess of the commonest
# small count (D = 3, V = 2.5 left ~0.06; larger tables gain little more, because at the
# edges 1 and 7 no unbiased noise of a few units can hide which way the count lies),
# while a count of 8-50 moves by 1.34 on average (1.24 with D = 3, V = 2.5).
MAX_PERTURBATION = 4
VARIANCE = 3.0


def parameters_note(threshold: int = DEFAULT_THRESHOLD) -> str:
    """The method and its parameters in plain words, for the README and the forum pack."""
    return (
        "Cell key method (ABS TableBuilder / ONS Census 2021): every response carries a "
        f"random record key 0-{KEY_RANGE - 1}, kept only in the database; a table cell's "
        f"key is the sum of its responses' keys modulo {KEY_RANGE}; a fixed perturbation "
        f"table, chosen by maximum entropy, changes each count of {threshold} or more by "
        f"at most ±{MAX_PERTURBATION} (unbiased, variance {VARIANCE:g}), never to below "
        f"{threshold}. The same cell always gets the same change, so asking again or "
        f"differencing two views gives noise, not a count. Counts of 1-{threshold - 1} "
        f'are shown as "<{threshold}" and zeros stay zero. Exports then round to the '
        "nearest 5. Totals are protected on their own, so parts need not add up to them; "
        "percentages and averages are worked out from the protected counts."
    )


PARAMETERS = parameters_note()

_NEWTON_STEPS = 200
_TOLERANCE = 1e-12


class _KeySource(Protocol):
    def randbelow(self, exclusive_upper_bound: int, /) -> int: ...


def new_record_key(rng: _KeySource = secrets) -> int:
    """A fresh record key, uniform over 0..KEY_RANGE-1 (secrets by default)."""
    return rng.randbelow(KEY_RANGE)


def cell_key(key_sum: int) -> int:
    """A cell's key from the plain sum of its records' keys."""
    return key_sum % KEY_RANGE


@dataclass(frozen=True)
class Row:
    """One row of the ptable: perturbations and their probabilities and key intervals."""

    count: int
    offsets: tuple[int, ...]
    probabilities: tuple[float, ...]
    # bounds[k] <= cell key < bounds[k + 1] picks offsets[k]; bounds[0] == 0 and
    # bounds[-1] == KEY_RANGE.
    bounds: tuple[int, ...]
    # The same, spelt out: by_key[cell key] is the offset that key picks.
    by_key: tuple[int, ...]

    def widths(self) -> tuple[int, ...]:
        """How many cell keys map to each offset."""
        return tuple(b - a for a, b in itertools.pairwise(self.bounds))


def _max_entropy(offsets: list[int], variance: float) -> list[float]:
    """Maximum-entropy p over offsets with mean 0 and the given variance (strictly feasible).

    Minimises the dual log Z(a, b) - b·variance, Z = Σ exp(a·d + b·d²), by damped Newton.
    """
    a = b = 0.0

    def moments(a: float, b: float) -> tuple[float, list[float]]:
        exps = [a * d + b * d * d for d in offsets]
        top = max(exps)
        weights = [math.exp(e - top) for e in exps]
        z = sum(weights)
        return math.log(z) + top - b * variance, [w / z for w in weights]

    value, p = moments(a, b)
    for _ in range(_NEWTON_STEPS):
        m1 = sum(q * d for q, d in zip(p, offsets, strict=True))
        m2 = sum(q * d * d for q, d in zip(p, offsets, strict=True))
        m3 = sum(q * d**3 for q, d in zip(p, offsets, strict=True))
        m4 = sum(q * d**4 for q, d in zip(p, offsets, strict=True))
        ga, gb = m1, m2 - variance
        if abs(ga) < _TOLERANCE and abs(gb) < _TOLERANCE:
            break
        haa, hab, hbb = m2 - m1 * m1, m3 - m1 * m2, m4 - m2 * m2
        det = haa * hbb - hab * hab
        if det <= 0:
            raise ArithmeticError("degenerate perturbation row")
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        step = 1.0
        while step > 1e-12:
            new_value, new_p = moments(a - step * da, b - step * db)
            if new_value <= value:
                break
            step /= 2
        a, b, value, p = a - step * da, b - step * db, new_value, new_p
    return p


def _row_distribution(
    count: int, floor: int, max_perturbation: int, variance: float
) -> tuple[list[int], list[float]]:
    """The offsets a count may move by and their probabilities (see the module docstring)."""
    low = max(-max_perturbation, floor - count)
    offsets = list(range(low, max_perturbation + 1))
    if low == 0:
        # Unbiased with no room below: the count cannot move at all.
        return [0], [1.0]
    # The largest variance an unbiased distribution on [low, D] can have is -low·D, reached
    # only by the two-point distribution on low and D.
    feasible = -low * max_perturbation
    if variance >= feasible - 1e-9:
        up = -low / (max_perturbation - low)
        return [low, max_perturbation], [1 - up, up]
    return offsets, _max_entropy(offsets, variance)


def _key_bounds(offsets: list[int], probabilities: list[float]) -> list[int]:
    """Cut 0..KEY_RANGE into intervals in proportion to the probabilities, exactly unbiased."""
    bounds = [0]
    cumulative = 0.0
    for q in probabilities[:-1]:
        cumulative += q
        bounds.append(min(KEY_RANGE, max(bounds[-1], round(cumulative * KEY_RANGE))))
    bounds.append(KEY_RANGE)
    widths = [b - a for a, b in itertools.pairwise(bounds)]
    # Rounding may leave a bias of a few keys' worth; move single keys to a neighbouring
    # offset (each move shifts Σ width·offset by 1) choosing the move that stays nearest
    # the exact probabilities, until the rounded row is exactly unbiased too.
    imbalance = sum(w * d for w, d in zip(widths, offsets, strict=True))
    while imbalance != 0:
        direction = -1 if imbalance > 0 else 1
        best: tuple[float, int] | None = None
        for k in range(len(offsets)):
            target = k + direction
            if not 0 <= target < len(offsets) or widths[k] == 0:
                continue
            cost = (
                abs(widths[k] - 1 - probabilities[k] * KEY_RANGE)
                - abs(widths[k] - probabilities[k] * KEY_RANGE)
                + abs(widths[target] + 1 - probabilities[target] * KEY_RANGE)
                - abs(widths[target] - probabilities[target] * KEY_RANGE)
            )
            if best is None or cost < best[0]:
                best = (cost, k)
        if best is None:
            break
        k = best[1]
        widths[k] -= 1
        widths[k + direction] += 1
        imbalance += direction
    bounds = [0]
    for w in widths:
        bounds.append(bounds[-1] + w)
    return bounds


@lru_cache(maxsize=8)
def ptable(
    threshold: int = DEFAULT_THRESHOLD,
    max_perturbation: int = MAX_PERTURBATION,
    variance: float = VARIANCE,
) -> tuple[Row, ...]:
    """The perturbation table, rows 0..threshold+D; counts above use the last row's offsets."""
    rows = [Row(0, (0,), (1.0,), (0, KEY_RANGE), (0,) * KEY_RANGE)]
    for count in range(1, threshold + max_perturbation + 1):
        floor = 1 if count < threshold else threshold
        offsets, probabilities = _row_distribution(count, floor, max_perturbation, variance)
        bounds = _key_bounds(offsets, probabilities)
        by_key = [
            d for d, a, b in zip(offsets, bounds, bounds[1:], strict=False) for _ in range(a, b)
        ]
        rows.append(Row(count, tuple(offsets), tuple(probabilities), tuple(bounds), tuple(by_key)))
    return tuple(rows)


def row_for(count: int, threshold: int = DEFAULT_THRESHOLD) -> Row:
    """The ptable row a true count uses (the last row's, shifted, for large counts)."""
    if count < 0:
        raise ValueError("a count cannot be negative")
    rows = ptable(threshold, MAX_PERTURBATION, VARIANCE)
    return rows[min(count, len(rows) - 1)]


def perturbation(count: int, key_sum: int, threshold: int = DEFAULT_THRESHOLD) -> int:
    """How much the cell with this true count and record-key sum is moved by."""
    return row_for(count, threshold).by_key[cell_key(key_sum)]


def perturbed(count: int, key_sum: int, threshold: int = DEFAULT_THRESHOLD) -> int:
    """The count to show for a cell (0 stays 0); callers hide 1..threshold-1 first."""
    if count == 0:
        return 0
    return count + perturbation(count, key_sum, threshold)
