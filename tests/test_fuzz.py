"""Fuzzing the submit path: any widget values and any strings.

No exception reaches the woman, nothing already stored is lost, and stored text is
redacted. CI runs each property with LANTERN_FUZZ_EXAMPLES=500 (derandomised).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from db.models import Answer, Submission
from db.session import read_session
from db.submissions import ConsultationAnswer, FeedbackForm, submit_feedback

EXAMPLES = int(os.environ.get("LANTERN_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

# Real widget values mixed with nonsense of every type.
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
slugs = st.sampled_from(["hot_food", "socks", "coats_blankets", "condoms_lube", "nope", ""])
slots = st.builds(
    lambda d, s: f"{d}:{s}",
    st.sampled_from(["mon", "tue", "sun", "xyz", "", "MON"]),
    st.sampled_from(["daytime", "night", "small_hours", "brunch", ""]),
)
free_text = st.one_of(
    st.text(max_size=1500),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(["\x00\x01\u202e\u200b", "<script>alert(1)</script>", "=cmd|' /C calc'!A0"]),
    anything,
)
phones = st.builds(lambda a, b: f"07{a:03d} {b:06d}", st.integers(100, 999), st.integers(0, 999999))
emails = st.builds(
    lambda user, host: f"{user}@{host}.co.uk",
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
)
forms = st.builds(
    FeedbackForm,
    rating=st.one_of(st.none(), st.integers(-3, 9), anything),
    provisions=st.one_of(st.lists(slugs, max_size=6), anything),
    provision_other=free_text,
    slots=st.one_of(st.lists(slots, max_size=8), anything),
    places=st.one_of(st.lists(st.sampled_from(["drop-in", "van-town-centre", "x"])), anything),
    services=st.one_of(st.lists(st.sampled_from(["outreach_van", "drop_in", "?"])), anything),
    text_good=free_text,
    text_better=free_text,
    site=st.one_of(st.sampled_from(["drop-in", "van-town-centre", "<b>", None]), anything),
    language=st.one_of(st.sampled_from(["en", "pl", "xx-YY", ""]), anything),
    assisted=anything,
    consultations=st.one_of(
        st.lists(
            st.builds(ConsultationAnswer, st.integers(-2, 5), anything, free_text), max_size=3
        ),
        anything,
    ),
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_db(request, tmp_path_factory, sqlite_template, postgres):  # type: ignore[no-untyped-def]
    """One database per backend for a whole property run."""
    from tests.conftest import missing

    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("fuzz") / "lantern.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    if postgres is None:
        missing("postgres", "no PostgreSQL server for the fuzz tests")
    url = postgres.create()
    yield url
    from db.session import reset_engines

    reset_engines()
    postgres.drop(url)


def _count(url: str) -> int:
    with read_session(url) as session:
        return session.scalar(select(func.count()).select_from(Submission))


def _first_rows(url: str) -> list:
    with read_session(url) as session:
        return list(session.execute(select(Answer.id, Answer.text).order_by(Answer.id).limit(5)))


@FUZZ
@given(form=forms)
def test_any_widget_values_store_one_submission_and_never_raise(fuzz_db: str, form) -> None:  # type: ignore[no-untyped-def]
    before, earliest = _count(fuzz_db), _first_rows(fuzz_db)
    result = submit_feedback(form, url=fuzz_db)
    assert result.submission_id > 0
    assert _count(fuzz_db) == before + 1
    with read_session(fuzz_db) as session:  # nothing stored is lost (ids are random)
        kept = session.execute(
            select(Answer.id, Answer.text)
            .where(Answer.id.in_([row.id for row in earliest]))
            .order_by(Answer.id)
        )
        assert list(kept) == earliest


@FUZZ
@given(
    phone=phones,
    email=emails,
    before=st.text(alphabet="abcdefghij klmnop", max_size=30),
    after=st.text(alphabet="qrstuvwxyz ,.!", max_size=30),
)
def test_identifiers_never_reach_the_database(
    fuzz_db: str, phone: str, email: str, before: str, after: str
) -> None:
    result = submit_feedback(
        FeedbackForm(text_good=f"{before} call {phone} {after}", text_better=f"{email} {after}"),
        url=fuzz_db,
    )
    with read_session(fuzz_db) as session:
        stored = " ".join(
            t or ""
            for t in session.scalars(
                select(Answer.text).where(Answer.submission_id == result.submission_id)
            )
        )
    digits = re.sub(r"\D", "", phone)
    assert digits not in re.sub(r"\D", "", stored)
    assert email not in stored
    assert "[phone]" in stored
    assert "[email]" in stored
