"""Consultations, the services list, and a service dimension on the daily rollups.

Consultations (SPEC §3a): a question with choices (or faces), the sites it runs at, and
each woman's answer as part of her submission. Services: a configurable list (the
defaults below) and which of them a submission says she used. The rollup tables gain
`service_key` (0 = every submission, else a service id) as the first column of their
primary key; they hold only derived counts, so they are dropped, made again with the
new key and refilled from the submissions, as 0003 filled them. Nothing else that is
already stored changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 08:49:44.714602
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_SERVICES = [
    ("outreach_van", "Outreach van", "🚐"),
    ("drop_in", "Drop-in", "🏠"),
    ("key_work", "Key work", "🤝"),
    ("recovery_group", "Recovery group", "🌱"),
]
ROLLUPS = (
    "daily_site_stats",
    "daily_sentiment_stats",
    "daily_provision_stats",
    "daily_slot_stats",
    "daily_theme_stats",
)
# The sentiment counters the sentiment and theme rollups share.
_COUNTS = ("answers", "positive", "neutral", "negative")


def _rollup_tables(with_service: bool) -> None:
    """Create the five rollup tables, with or without the service dimension."""
    keys = ["service_key"] if with_service else []

    def table(name: str, extra_keys: list[sa.Column], counters: list[sa.Column]) -> None:
        columns = [
            *[sa.Column(k, sa.Integer(), nullable=False) for k in keys],
            sa.Column("service_date", sa.Date(), nullable=False),
            sa.Column("site_key", sa.Integer(), nullable=False),
            *extra_keys,
            *counters,
        ]
        primary = [*keys, "service_date", "site_key", *[c.name for c in extra_keys]]
        op.create_table(name, *columns, sa.PrimaryKeyConstraint(*primary, name=op.f(f"pk_{name}")))

    def ints(*names: str) -> list[sa.Column]:
        return [sa.Column(n, sa.Integer(), nullable=False) for n in names]

    def readings() -> list[sa.Column]:
        return [*ints(*_COUNTS), sa.Column("score_sum", sa.Float(), nullable=False)]

    table(
        "daily_site_stats",
        [],
        ints("responses", "rated", "rating_sum", "positive", "neutral", "negative", "assisted"),
    )
    table(
        "daily_sentiment_stats",
        [sa.Column("question", sa.String(length=40), nullable=False)],
        readings(),
    )
    table("daily_provision_stats", ints("provision_id"), ints("requests"))
    table(
        "daily_slot_stats",
        [
            sa.Column("day", sa.SmallInteger(), nullable=False),
            sa.Column("slot_id", sa.Integer(), nullable=False),
        ],
        ints("choices"),
    )
    table(
        "daily_theme_stats",
        [sa.Column("theme", sa.String(length=40), nullable=False)],
        readings(),
    )


# Frozen copy of the rebuild (db/rollups.py) as it stands at this revision. {key} is the
# service key selected, {join} joins the services a submission used, {group} groups by it.
_LABELS = """SUM(CASE WHEN a.sentiment_label = 'positive' THEN 1 ELSE 0 END),
              SUM(CASE WHEN a.sentiment_label = 'neutral' THEN 1 ELSE 0 END),
              SUM(CASE WHEN a.sentiment_label = 'negative' THEN 1 ELSE 0 END),
              COALESCE(SUM(a.sentiment_score), 0)"""
_BACKFILL = (
    """INSERT INTO daily_site_stats ({cols}service_date, site_key, responses, rated,
           rating_sum, positive, neutral, negative, assisted)
       SELECT {key}s.service_date, COALESCE(s.site_id, 0), COUNT(*), COUNT(s.rating),
              COALESCE(SUM(s.rating), 0),
              SUM(CASE WHEN s.rating IN (1, 2) THEN 1 ELSE 0 END),
              SUM(CASE WHEN s.rating = 3 THEN 1 ELSE 0 END),
              SUM(CASE WHEN s.rating IN (4, 5) THEN 1 ELSE 0 END),
              SUM(CASE WHEN s.assisted THEN 1 ELSE 0 END)
       FROM submissions s {join}
       GROUP BY {group}s.service_date, COALESCE(s.site_id, 0)""",
    """INSERT INTO daily_provision_stats ({cols}service_date, site_key, provision_id, requests)
       SELECT {key}s.service_date, COALESCE(s.site_id, 0), p.provision_id, COUNT(*)
       FROM submissions s JOIN submission_provisions p ON p.submission_id = s.id {join}
       GROUP BY {group}s.service_date, COALESCE(s.site_id, 0), p.provision_id""",
    """INSERT INTO daily_slot_stats ({cols}service_date, site_key, day, slot_id, choices)
       SELECT {key}s.service_date, COALESCE(s.site_id, 0), t.day, t.slot_id, COUNT(*)
       FROM submissions s JOIN submission_slots t ON t.submission_id = s.id {join}
       GROUP BY {group}s.service_date, COALESCE(s.site_id, 0), t.day, t.slot_id""",
    """INSERT INTO daily_sentiment_stats ({cols}service_date, site_key, question, answers,
           positive, neutral, negative, score_sum)
       SELECT {key}s.service_date, COALESCE(s.site_id, 0), a.question, COUNT(*), {labels}
       FROM submissions s JOIN answers a ON a.submission_id = s.id {join}
       WHERE a.question IN ('what_good', 'could_improve')
       GROUP BY {group}s.service_date, COALESCE(s.site_id, 0), a.question""",
    """INSERT INTO daily_theme_stats ({cols}service_date, site_key, theme, answers, positive,
           neutral, negative, score_sum)
       SELECT {key}s.service_date, COALESCE(s.site_id, 0), h.theme, COUNT(*), {labels}
       FROM submissions s JOIN answers a ON a.submission_id = s.id
       JOIN answer_themes h ON h.answer_id = a.id {join}
       GROUP BY {group}s.service_date, COALESCE(s.site_id, 0), h.theme""",
)
_EVERY_SUBMISSION = {"cols": "service_key, ", "key": "0, ", "join": "", "group": ""}
_PER_SERVICE = {
    "cols": "service_key, ",
    "key": "v.service_id, ",
    "join": "JOIN submission_services v ON v.submission_id = s.id",
    "group": "v.service_id, ",
}
_WITHOUT_SERVICE = {"cols": "", "key": "", "join": "", "group": ""}


def _backfill(*scopes: dict[str, str]) -> None:
    """Fill the rollups from the submissions, once per scope (all, per service)."""
    for scope in scopes:
        for statement in _BACKFILL:
            op.execute(statement.format(labels=_LABELS, **scope))


# On SQLite a new foreign key means batch mode's copy-and-move of `actions`, and its
# DROP TABLE runs an implicit DELETE that cascades to the action_* link tables while
# foreign keys are on (they are, and PRAGMA foreign_keys cannot change inside the
# migration's transaction). So the link rows are kept aside and put back.
_ACTION_CHILDREN = ("action_themes", "action_provisions", "action_slots", "action_comments")
_FK_NAME = "fk_actions_consultation_id_consultations"


@contextmanager
def _action_links_kept() -> Iterator[None]:
    """Copy the action link rows aside while `actions` is rebuilt (SQLite only)."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for child in _ACTION_CHILDREN:  # fixed names, not input
            op.execute(f"CREATE TEMP TABLE kept_{child} AS SELECT * FROM {child}")
    yield
    if sqlite:
        for child in _ACTION_CHILDREN:
            op.execute(f"DELETE FROM {child}")
            op.execute(f"INSERT INTO {child} SELECT * FROM kept_{child}")
            op.execute(f"DROP TABLE kept_{child}")


def _add_action_consultation() -> None:
    """actions.consultation_id, a nullable link to the consultation a change answers."""
    with _action_links_kept(), op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consultation_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_actions_consultation_id"), ["consultation_id"])
        batch_op.create_foreign_key(
            _FK_NAME, "consultations", ["consultation_id"], ["id"], ondelete="RESTRICT"
        )


def _drop_action_consultation() -> None:
    """Remove actions.consultation_id without losing any action's other links."""
    with _action_links_kept(), op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_constraint(_FK_NAME, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_actions_consultation_id"))
        batch_op.drop_column("consultation_id")


def _seed_services() -> None:
    """The default services an admin can later rename, retire or add to."""
    services = sa.table(
        "services",
        sa.column("slug"),
        sa.column("label"),
        sa.column("icon"),
        sa.column("sort_order"),
        sa.column("active"),
    )
    op.bulk_insert(
        services,
        [
            {"slug": slug, "label": label, "icon": icon, "sort_order": i, "active": True}
            for i, (slug, label, icon) in enumerate(DEFAULT_SERVICES)
        ],
    )


def upgrade() -> None:
    """Upgrade the schema."""
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('consultations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('text_prompt', sa.String(length=200), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_by', sa.String(length=60), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('choices', 'faces')", name=op.f('ck_consultations_kind_known')),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed', 'archived')", name=op.f('ck_consultations_status_known')),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_consultations_dates_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultations'))
    )
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.create_index('ix_consultations_status_starts_on', ['status', 'starts_on'], unique=False)

    op.create_table('services',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('icon', sa.String(length=16), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_services')),
    sa.UniqueConstraint('slug', name=op.f('uq_services_slug'))
    )
    op.create_table('consultation_choices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.SmallInteger(), nullable=False),
    sa.Column('icon', sa.String(length=16), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_consultation_choices_consultation_id_consultations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_choices')),
    sa.UniqueConstraint('consultation_id', 'position', name=op.f('uq_consultation_choices_consultation_id'))
    )
    op.create_table('consultation_sites',
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_consultation_sites_consultation_id_consultations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_consultation_sites_site_id_sites'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('consultation_id', 'site_id', name=op.f('pk_consultation_sites'))
    )
    with op.batch_alter_table('consultation_sites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_sites_site_id'), ['site_id'], unique=False)

    op.create_table('submission_services',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_submission_services_service_id_services'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_services_submission_id_submissions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('submission_id', 'service_id', name=op.f('pk_submission_services'))
    )
    with op.batch_alter_table('submission_services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_services_service_id'), ['service_id'], unique=False)

    op.create_table('consultation_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('choice_id', sa.Integer(), nullable=True),
    sa.Column('answer_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_consultation_responses_answer_id_answers'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['choice_id'], ['consultation_choices.id'], name=op.f('fk_consultation_responses_choice_id_consultation_choices'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_consultation_responses_consultation_id_consultations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_consultation_responses_submission_id_submissions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_responses')),
    sa.UniqueConstraint('submission_id', 'consultation_id', name=op.f('uq_consultation_responses_submission_id'))
    )
    with op.batch_alter_table('consultation_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_responses_answer_id'), ['answer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_responses_choice_id'), ['choice_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_responses_consultation_id'), ['consultation_id'], unique=False)

    _add_action_consultation()

    # ### end Alembic commands ###
    _seed_services()
    # The rollups are derived counts: made again with the service key, then refilled.
    for name in ROLLUPS:
        op.drop_table(name)
    _rollup_tables(with_service=True)
    _backfill(_EVERY_SUBMISSION, _PER_SERVICE)


def downgrade() -> None:
    """Downgrade the schema."""
    for name in ROLLUPS:
        op.drop_table(name)
    _rollup_tables(with_service=False)
    _backfill(_WITHOUT_SERVICE)
    # ### commands auto generated by Alembic - please adjust! ###
    _drop_action_consultation()

    with op.batch_alter_table('consultation_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_responses_consultation_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_responses_choice_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_responses_answer_id'))

    op.drop_table('consultation_responses')
    with op.batch_alter_table('submission_services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_services_service_id'))

    op.drop_table('submission_services')
    with op.batch_alter_table('consultation_sites', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_sites_site_id'))

    op.drop_table('consultation_sites')
    op.drop_table('consultation_choices')
    op.drop_table('services')
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_index('ix_consultations_status_starts_on')

    op.drop_table('consultations')
    # ### end Alembic commands ###
