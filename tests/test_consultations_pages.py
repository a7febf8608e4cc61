"""The Consultations page through AppTest: create, open, answer on the kiosk, read results."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import text

from analysis.disclosure import current_threshold
from db import actions, consultation_results, exports
from db import consultations as c
from db.actions import ActionDraft
from db.session import read_session, write_session
from db.submissions import ConsultationAnswer, FeedbackForm, submit_feedback
from tests.kiosk_helpers import button_keys, click, kiosk, texts, walk
from tests.staff_helpers import create_user, page_alone, signed_in_on
from tests.test_consultations import DAY, TODAY, change, create, opened

PAGE = "pages/consultations.py"


def answer(consultation_id: int, choice: int | None, n: int = 1, **form) -> None:  # type: ignore[no-untyped-def]
    """n women answer a consultation (as the kiosk would send it)."""
    form.setdefault("site", "drop-in")
    words = form.pop("words", "")
    for _ in range(n):
        submit_feedback(
            FeedbackForm(consultations=[ConsultationAnswer(consultation_id, choice, words)], **form)
        )


def frames(at) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    """Every dataframe on the page as records, keyed by its first column's name."""
    return {d.value.columns[0]: d.value.to_dict("records") for d in at.dataframe}


def test_create_open_answer_on_the_kiosk_and_read_the_results(db_url: str) -> None:
    create_user("ada", "coordinator")
    at = signed_in_on(PAGE)
    at.text_area(key="new_question").input("Would a Sunday afternoon drop-in suit you?")
    for n, (icon, label) in enumerate((("☀️", "Yes please"), ("🌙", "Evenings are better"))):
        at.text_input(key=f"new_icon_{n}").input(icon)
        at.text_input(key=f"new_label_{n}").input(label)
    at.text_input(key="new_prompt").input("Anything else about Sundays?")
    at.button(key="consultation_create").click().run()
    assert not at.exception
    assert not at.warning
    with read_session() as session:
        (row,) = c.list_consultations(session)
    assert (row.status, row.question) == ("draft", "Would a Sunday afternoon drop-in suit you?")
    assert "Nobody has answered yet." not in texts(at)  # nothing to read until it is asked

    at.button(key=f"cons_open_{row.id}").click().run()
    assert not at.exception
    assert "Open, on the tablet now" in " ".join(texts(at))

    # One woman on the tablet; then enough others that counts can be shown.
    woman = walk(kiosk(site="drop-in"), face=4, send=False)
    click(woman, "next")
    assert "Would a Sunday afternoon drop-in suit you?" in texts(woman)
    woman.pills(key=f"consultation_{row.id}").set_value(0).run()
    woman.text_area(key=f"consultation_{row.id}_text").input("Sundays are lonely").run()
    click(woman, "submit")
    assert "Thank you" in texts(woman)
    answer(row.id, 0, 11)
    answer(row.id, 1, 9)

    at.switch_page(PAGE).run()
    assert not at.exception
    tables = frames(at)
    assert tables["Answer"] == [
        {"Answer": "☀️ Yes please", "Women": 12, "% of those who answered": pytest.approx(57.1)},
        {"Answer": "🌙 Evenings are better", "Women": 9, "% of those who answered": 42.9},
    ]
    assert tables["Site"] == [
        {"Site": "Evening drop-in", "Answered": 21, "☀️ Yes please": 12, "🌙 Evenings are better": 9}
    ]
    assert "Sundays are lonely" in texts(at)
    assert len(at.get("plotly_chart")) == 3
    assert len(at.get("download_button")) >= 3


def test_the_results_read_her_words_for_sentiment_and_themes_and_hide_small_ones(
    db_url: str,
) -> None:
    create_user("ada", "coordinator")
    row = opened(text_prompt="Anything else?")
    answer(row.id, 0, 12, words="hot soup on sundays would be lovely")
    answer(row.id, 1, 1, words="sundays are lonely")  # one neutral answer: never shown
    at = signed_in_on(PAGE)
    assert not at.exception
    tables = frames(at)
    feelings = {r["Words read as"]: r for r in tables["Words read as"]}
    limit = f"<{current_threshold()}"
    # The one neutral answer is hidden; with 13 written answers on show, positive (12)
    # is hidden too, or 13 - 12 would give the neutral one away.
    assert feelings["neutral"]["Answers"] == limit
    assert feelings["positive"]["Answers"] == limit
    assert feelings["neutral"]["% of written answers"] == "*"  # hidden, and says so
    assert feelings["positive"]["% of written answers"] == "*"
    themes = {r["Theme"]: str(r["Answers"]) for r in tables["Theme"]}
    assert themes["Food and drink"] == "12"
    assert themes["Times and schedule"] == "13"
    assert themes["Health and wellbeing"] == limit  # "lonely": one answer, hidden
    assert "sundays are lonely" in texts(at)


def test_small_counts_are_hidden_on_the_results_and_cannot_be_worked_out(db_url: str) -> None:
    row = opened(
        choices=(
            c.ChoiceDraft("👍", "Yes"),
            c.ChoiceDraft("👎", "No"),
            c.ChoiceDraft("🤷", "Not sure"),
        )
    )
    answer(row.id, 0, 20, site="drop-in")
    answer(row.id, 1, 12, site="drop-in")
    answer(row.id, 2, 3, site="drop-in")  # three women: must never be seen or derivable
    answer(row.id, 0, 9, site="van-town-centre")
    create_user("ada", "coordinator")
    at = signed_in_on(PAGE)
    tables = frames(at)
    small = f"<{current_threshold()}"
    by_choice = {r["Answer"]: r for r in tables["Answer"]}
    assert by_choice["🤷 Not sure"]["Women"] == small
    assert by_choice["🤷 Not sure"]["% of those who answered"] == "*"
    # With 44 shown, hiding 3 alone would give it away: another answer is hidden with it.
    hidden = [r for r in by_choice.values() if r["Women"] == small]
    assert len(hidden) >= 2
    assert all(r["% of those who answered"] == "*" for r in hidden)
    with read_session() as session:
        found = consultation_results.results(session, row.id)
    _nothing_derivable(found)


def _nothing_derivable(found: consultation_results.Results) -> None:
    """In every shown total and its parts, a hidden part has company that hides it."""
    limit = current_threshold()
    choices, sites, weeks = (found.tables[n] for n in ("choices", "sites", "weeks"))
    total = found.headlines[0].value
    for parts in (
        choices.column("Women"),
        sites.column("Answered"),
        weeks.column("Answered"),
    ):
        _line(parts, total, limit)
    for table in (sites, weeks):
        for row in table.rows:
            _line(list(row[2:]), row[1], limit)
        for index, column in enumerate(table.columns[2:]):
            _line(table.column(column), choices.rows[index][1], limit)


def _line(parts: list, total: object, limit: int) -> None:
    """What can be worked out from a shown total and its shown parts is never a small count."""
    for part in parts:
        assert isinstance(part, str) or part == 0 or part >= limit
    if isinstance(total, str):
        return
    hidden = [p for p in parts if isinstance(p, str)]
    residual = total - sum(p for p in parts if not isinstance(p, str))
    if hidden:
        assert len(hidden) >= 2 and residual >= limit, (parts, total)
    else:
        assert residual == 0


def test_the_results_csv_is_formula_safe_and_rounds_counts_to_five(db_url: str) -> None:
    with write_session() as session:
        session.execute(
            text("INSERT INTO sites (slug, name, sort_order, active) VALUES (:s, :n, 9, true)"),
            {"s": "evil", "n": '=HYPERLINK("http://x")'},
        )
    row = opened()
    answer(row.id, 0, 12, site="evil")
    answer(row.id, 1, 9, site="evil")
    with read_session() as session:
        found = consultation_results.results(session, row.id)
    choices = found.tables["choices"]
    cells = list(csv.reader(io.StringIO(exports.csv_bytes(choices.columns, choices.rows).decode())))
    assert [r[:2] for r in cells[1:]] == [["👍 Yes, Wednesday works", "10"], ["👎 No", "10"]]
    sites = found.tables["sites"]
    cells = list(csv.reader(io.StringIO(exports.csv_bytes(sites.columns, sites.rows).decode())))
    assert cells[1][:2] == ['\'=HYPERLINK("http://x")', "20"]  # 21, rounded; never a formula


def test_a_linked_change_is_shown_with_the_consultation(db_url: str) -> None:
    row = opened()
    answer(row.id, 0, 10)
    change(c.close_consultation, row.id)
    with write_session() as session:
        action = actions.create_action(
            session,
            ActionDraft(
                "From 3 March the van comes on Wednesdays",
                changed_on=TODAY,
                consultation=row.id,
            ),
            actor="ada",
        )
    create_user("ada", "coordinator")
    at = signed_in_on(PAGE)
    shown = texts(at)
    assert any("From 3 March the van comes on Wednesdays" in t for t in shown)
    at.switch_page("pages/actions.py").run()
    assert f"Answers the consultation: {row.question}" in texts(at)
    with read_session() as session:
        assert actions.get_action(session, action.id).consultation_id == row.id


def test_a_change_cannot_answer_a_consultation_not_yet_asked(db_url: str) -> None:
    row = create()
    with (
        pytest.raises(actions.ActionError, match="only once it has been asked"),
        write_session() as session,
    ):
        actions.create_action(
            session, ActionDraft("Wednesdays", changed_on=TODAY, consultation=row.id), actor="a"
        )


def test_bad_input_on_the_page_gets_a_clear_message(db_url: str) -> None:
    create_user("ada", "coordinator")
    at = signed_in_on(PAGE)
    at.text_area(key="new_question").input("Would Wednesday work?")
    at.text_input(key="new_icon_0").input("👍")
    at.text_input(key="new_label_0").input("Yes")
    at.button(key="consultation_create").click().run()
    assert not at.exception
    assert [w.value for w in at.warning] == ["Please offer between 2 and 6 answers (there are 1)."]
    with read_session() as session:
        assert c.list_consultations(session) == []


def test_edit_a_draft_then_close_early_and_archive_from_the_page(db_url: str) -> None:
    row = create()
    create_user("ada", "coordinator")
    at = signed_in_on(PAGE)
    at.text_area(key=f"edit{row.id}_question").input("Would Thursday work instead?")
    at.button(key=f"cons_save_{row.id}").click().run()
    assert "Would Thursday work instead?" in texts(at)
    at.button(key=f"cons_open_{row.id}").click().run()
    assert f"cons_save_{row.id}" not in button_keys(at)  # fixed once open
    at.button(key=f"cons_close_{row.id}").click().run()
    assert f"Closed on {TODAY:%d %b %Y}" in texts(at)
    at.button(key=f"cons_archive_{row.id}").click().run()
    assert not at.exception
    with read_session() as session:
        assert c.get_consultation(session, row.id).status == "archived"


def test_a_worker_and_a_signed_out_visitor_see_nothing(db_url: str) -> None:
    row = opened()
    answer(row.id, 0, 10)
    create_user("wren", "worker")
    at = signed_in_on("pages/overview.py", username="wren")
    with pytest.raises(ValueError, match="navigation page"):
        at.switch_page(PAGE)
    at = page_alone(PAGE)  # reached by its URL without signing in
    assert "Please sign in to see this page." in texts(at)
    assert row.question not in texts(at)
    assert not at.dataframe


def test_results_follow_only_the_consultations_own_dates(db_url: str) -> None:
    row = opened(starts_on=TODAY - 3 * DAY, ends_on=TODAY + DAY)
    answer(row.id, 0, 9, service_date=TODAY - 5 * DAY)  # before it started: dropped
    answer(row.id, 1, 9, service_date=TODAY - 2 * DAY)
    with read_session() as session:
        found = consultation_results.results(session, row.id)
    assert found.tables["choices"].column("Women") == [0, 9]
    assert found.tables["weeks"].rows[0][0] == (TODAY - 2 * DAY) - dt.timedelta(
        days=(TODAY - 2 * DAY).weekday()
    )
