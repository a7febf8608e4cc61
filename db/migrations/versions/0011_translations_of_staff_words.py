"""Translations of the words staff type, for the kiosk's other languages (issue 14).

One table keyed by (kind, slug, language): a site's name, a provision, a time slot, a
service, a consultation's question, answer choices and free-text prompt, a helpline's name
and a "You said, we did" title, each in Romanian, Polish, ... `source` keeps the English the
words were written for, so the kiosk can tell when the English has changed since.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Fixed here as they were at this version (db.models.TRANSLATION_KINDS may grow later).
KINDS = (
    "site",
    "provision",
    "slot",
    "service",
    "consultation",
    "consultation_choice",
    "consultation_prompt",
    "helpline",
    "action",
)


def upgrade() -> None:
    op.create_table(
        "translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "kind IN (" + ", ".join(f"'{kind}'" for kind in KINDS) + ")",
            name=op.f("ck_translations_kind_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translations")),
        sa.UniqueConstraint("kind", "slug", "language", name=op.f("uq_translations_kind")),
    )
    op.create_index(op.f("ix_translations_language"), "translations", ["language"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_translations_language"), table_name="translations")
    op.drop_table("translations")
