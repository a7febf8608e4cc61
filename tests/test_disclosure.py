"""Disclosure control: no count of 1-7 people is shown or can be worked out."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import disclosure
from db import dashboard
from db.session import read_session
from db.submissions import FeedbackForm, submit_feedback

T = 8


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, "<8"), (7, "<8"), (8, 8), (250, 250)])
def test_small_counts_are_shown_as_less_than_eight(count: int, shown: int | str) -> None:
    assert disclosure.suppress(count, T) == shown


def test_the_threshold_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANTERN_SUPPRESS_BELOW", "11")
    assert disclosure.suppress(10) == "<11"
    monkeypatch.setenv("LANTERN_SUPPRESS_BELOW", "nonsense")
    assert disclosure.suppress(7) == "<8"


def test_one_hidden_cell_beside_a_shown_total_takes_another_with_it() -> None:
    shown = disclosure.protect({"a": 95, "b": 5, "c": 30}, total=130, threshold=T)
    assert shown == {"a": 95, "b": "<8", "c": "<8"}


def test_cells_without_a_shown_total_only_hide_the_small_ones() -> None:
    assert disclosure.protect({"a": 95, "b": 5}, threshold=T) == {"a": 95, "b": "<8"}


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(40, 50, 80.0), (3, 50, None), (47, 50, None), (5, 7, None), (0, 20, 0.0), (20, 20, 100.0)],
)
def test_percentages_never_rest_on_or_reveal_fewer_than_eight(
    part: int, whole: int, expected: float | None
) -> None:
    assert disclosure.share(part, whole, T) == expected


def test_two_shares_of_a_three_way_split_never_give_the_third_away() -> None:
    # 20 comments: 10 positive, 9 negative, so 1 neutral = 100 - 50 - 45.
    shown = disclosure.shares({"pos": 10, "neu": 1, "neg": 9}, 20, T)
    assert shown["neu"] is None
    assert [shown["pos"], shown["neg"]].count(None) >= 1
    assert disclosure.shares({"pos": 30, "neu": 10, "neg": 20}, 60, T) == {
        "pos": 50.0,
        "neu": 100 * 10 / 60,
        "neg": 100 * 20 / 60,
    }
    # An unnamed remainder of 3 takes the smaller named part with it.
    assert disclosure.shares({"pos": 30, "neg": 20}, 53, T) == {"pos": 100 * 30 / 53, "neg": None}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=2, max_size=4), st.integers(0, 3))
def test_shown_shares_never_imply_a_small_part(counts: list[int], unnamed: int) -> None:
    parts = dict(enumerate(counts[: len(counts) - min(unnamed, len(counts) - 1)]))
    whole = sum(counts)
    shown = disclosure.shares(parts, whole, T)
    if whole < T:
        assert all(v is None for v in shown.values())
        return
    visible = {k: round(v * whole / 100) for k, v in shown.items() if v is not None}
    # Every part shown is 0 or at least 8, and so is whatever is left over.
    for count in visible.values():
        assert count == 0 or count >= T
    left = whole - sum(visible.values())
    assert left == 0 or left >= T


def test_averages_need_eight_people() -> None:
    assert disclosure.mean(14, 7, T) is None
    assert disclosure.mean(16, 8, T) == 2


def _residual_is_safe(parts: list, total: int | str) -> None:
    """What a reader can work out from a shown total and its shown parts is never 1..7."""
    for part in parts:
        assert isinstance(part, str) or part == 0 or part >= T, parts
    if isinstance(total, str):
        return
    hidden = [p for p in parts if isinstance(p, str)]
    residual = total - sum(p for p in parts if not isinstance(p, str))
    assert residual >= 0
    if hidden:
        assert len(hidden) >= 2 and residual >= T, (parts, total)
    else:
        assert residual == 0


@given(st.dictionaries(st.integers(0, 12), st.integers(0, 40), min_size=1, max_size=12))
def test_protect_never_lets_a_small_cell_be_derived(cells: dict[int, int]) -> None:
    total = sum(cells.values())
    shown = disclosure.protect(cells, total, T)
    _residual_is_safe(list(shown.values()), disclosure.suppress(total, T))


@given(st.integers(0, 500), st.integers(0, 500))
def test_shares_never_imply_a_small_count(part: int, whole: int) -> None:
    part = min(part, whole)
    value = disclosure.share(part, whole, T)
    if value is not None:
        assert whole >= T
        assert part == 0 or part >= T
        assert whole - part == 0 or whole - part >= T


# --- Whole dashboards over random site x date filters ---------------------------------

START = dt.date(2026, 3, 2)
SITES = ("drop-in", "van-town-centre", "van-industrial-estate", None)
# Which services each submission says it used, in turn: some none, some one, some two.
SERVICE_USE = ((), ("outreach_van",), ("drop_in",), ("drop_in", "key_work"), ("recovery_group",))


@pytest.fixture(scope="module")
def small_service(tmp_path_factory: pytest.TempPathFactory, sqlite_template) -> str:  # type: ignore[no-untyped-def]
    """A small service where many breakdowns hold only a handful of people."""
    import shutil

    path = tmp_path_factory.mktemp("disclosure") / "lantern.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    rng = random.Random(11)
    for i in range(260):
        submit_feedback(
            FeedbackForm(
                rating=rng.choice([None, 1, 1, 2, 3, 4, 5]),
                provisions=rng.sample(
                    ["hot_food", "socks", "underwear", "condoms_lube", "phone_charging"],
                    k=rng.randint(0, 3),
                ),
                slots=rng.sample(
                    ["fri:late_evening", "sat:night", "mon:night", "sun:daytime"],
                    k=rng.randint(0, 2),
                ),
                # Now and then a neutral comment on food: a rare third part beside many
                # positive and negative ones.
                text_good=(
                    "soup"
                    if rng.random() < 0.03
                    else rng.choice(["lovely soup", "kind staff", "warm socks", "", ""])
                ),
                text_better=rng.choice(
                    ["nothing", "more socks", "come later", "", "rude staff", "soup was horrible"]
                ),
                site=rng.choice(SITES),
                service_date=START + dt.timedelta(days=rng.randint(0, 120)),
                services=SERVICE_USE[i % len(SERVICE_USE)],
            ),
            url=url,
        )
    return url


filters_strategy = st.builds(
    lambda start, length, sites, period, service: dashboard.Filters(
        START + dt.timedelta(days=start),
        START + dt.timedelta(days=start + length),
        tuple(sorted(sites)),
        period,
        service,
    ),
    st.integers(-10, 120),
    st.integers(0, 130),
    st.sets(st.sampled_from([0, 1, 2, 3]), max_size=3),
    st.sampled_from(["week", "month"]),
    st.sampled_from([0, 1, 2, 3, 4]),  # every submission, or one service's (ids 1-4)
)


def _counts(table: dashboard.Table, column: str) -> list:
    return table.column(column)


def _share_is_safe(pct: float | None, whole: int | str) -> None:
    """A percentage of a shown whole implies no count from 1 to 7, nor does its remainder."""
    if pct is None or isinstance(whole, str):
        return
    part = round(pct * whole / 100)
    for implied in (part, whole - part):
        assert implied == 0 or implied >= T, (pct, whole)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=filters_strategy)
def test_no_view_shows_or_leaks_a_small_count(
    small_service: str, chosen: dashboard.Filters
) -> None:
    with read_session(small_service) as session:
        overview = dashboard.overview(session, chosen)
        provisions = dashboard.provisions(session, chosen)
        times = dashboard.times(session, chosen)
        themes = dashboard.themes(session, chosen)
    if overview.empty:
        return
    headline = {h.label: h.value for h in overview.headlines}
    responses, comments = headline["Responses"], headline["Comments"]
    for name in ("trend", "sites"):
        _residual_is_safe(_counts(overview.tables[name], "Responses"), responses)
        _residual_is_safe(_counts(overview.tables[name], "Comments"), comments)
    _residual_is_safe(_counts(overview.tables["ratings"], "Responses"), responses)
    # A shown percentage gives away part = pct x whole and the rest = whole - part.
    ratings = dict(overview.tables["ratings"].rows)
    if not isinstance(responses, str) and not isinstance(ratings["Not said"], str):
        _share_is_safe(headline["Good or very good"], responses - ratings["Not said"])
    _share_is_safe(headline["Positive comments"], comments)
    trend = overview.tables["trend"]
    for row in trend.rows:
        shown = dict(zip(trend.columns, row, strict=True))
        _share_is_safe(shown["% comments positive"], shown["Comments"])

    ranking = provisions.tables["ranking"]
    for provision, total in zip(
        ranking.column("Provision"), ranking.column("Asked for by"), strict=True
    ):
        for name in ("trend", "sites"):
            table = provisions.tables[name]
            parts = [r[-1] for r in table.rows if provision in r]
            _residual_is_safe(parts, total)

    heatmap = times.tables["heatmap"]
    for row in heatmap.rows:
        for cell in row[1:]:
            assert isinstance(cell, str) or cell == 0 or cell >= T
    slots = heatmap.columns[1:]
    for day_row in heatmap.rows:
        for slot, cell in zip(slots, day_row[1:], strict=True):
            parts = [
                r[-1] for r in times.tables["sites"].rows if r[1] == day_row[0] and r[2] == slot
            ]
            if parts:
                _residual_is_safe(parts, cell)

    if not themes.empty:
        counts = themes.tables["themes"]
        for theme, total in zip(counts.column("Theme"), counts.column("Comments"), strict=True):
            trend = themes.tables["trend"]
            parts = [
                n
                for t, n in zip(trend.column("Theme"), trend.column("Comments"), strict=True)
                if t == theme
            ]
            _residual_is_safe(parts, total)
        for _theme, total, pos, neg, _avg in counts.rows:
            # What % positive and % negative give away: positive, negative, and (when both
            # are shown) neutral = total - positive - negative. None of them may be 1..7.
            if isinstance(total, str):
                continue
            implied = [round(x * total / 100) for x in (pos, neg) if x is not None]
            for count in implied:
                assert count == 0 or count >= T, counts.rows
            if len(implied) == 2:
                neutral = total - sum(implied)
                assert neutral == 0 or neutral >= T, counts.rows


# --- Linked tables: one page shows a grid, its row and column totals and the grand total ----


def _grid(cells: dict[tuple[int, int], int]) -> tuple[dict, list]:
    """Values and sums for a grid with row totals, column totals and a grand total."""
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    values: dict = {("cell", r, c): v for (r, c), v in cells.items()}
    sums = []
    for r in rows:
        values[("row", r)] = sum(cells[(r, c)] for c in cols)
        sums.append((("row", r), [("cell", r, c) for c in cols]))
    for c in cols:
        values[("col", c)] = sum(cells[(r, c)] for r in rows)
        sums.append((("col", c), [("cell", r, c) for r in rows]))
    values["all"] = sum(cells.values())
    sums.append(("all", [("row", r) for r in rows]))
    sums.append(("all", [("col", c) for c in cols]))
    return values, sums


def _line_is_safe(shown: dict, values: dict, total, parts: list) -> None:  # type: ignore[no-untyped-def]
    """Nothing hidden in this sum can be worked out from what it shows."""
    hidden_parts = [p for p in parts if isinstance(shown[p], str)]
    if isinstance(shown[total], str):
        assert hidden_parts or not any(values[p] for p in parts), (total, parts)
    elif hidden_parts:
        assert len(hidden_parts) >= 2, (total, parts, shown)
        assert sum(values[p] for p in hidden_parts) >= T


def test_a_small_cell_in_a_grid_takes_a_rectangle_of_cells_with_it() -> None:
    values, sums = _grid({(0, 0): 3, (0, 1): 40, (1, 0): 30, (1, 1): 50})
    shown = disclosure.protect_linked(values, sums, T)
    assert shown[("cell", 0, 0)] == "<8"
    # The row and the column each lose a second cell, and that hides a fourth.
    assert {k for k, v in shown.items() if v == "<8"} == {
        ("cell", 0, 0),
        ("cell", 0, 1),
        ("cell", 1, 0),
        ("cell", 1, 1),
    }
    assert shown["all"] == 123
    assert shown[("row", 0)] == 43


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.tuples(st.integers(0, 3), st.integers(0, 3)), st.integers(0, 30), min_size=1)
)
def test_no_hidden_value_in_linked_tables_can_be_worked_out(cells: dict) -> None:
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    full = {(r, c): cells.get((r, c), 0) for r in rows for c in cols}
    values, sums = _grid(full)
    shown = disclosure.protect_linked(values, sums, T)
    for key, value in shown.items():
        assert isinstance(value, str) or value == 0 or value >= T, key
        assert value == values[key] or isinstance(value, str)
    for total, parts in sums:
        _line_is_safe(shown, values, total, parts)
