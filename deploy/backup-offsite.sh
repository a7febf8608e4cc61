#!/bin/sh
# Lantern's nightly backup, encrypted and copied off the server (docs/deployment.md).
#
# Makes a consistent backup with `python -m db.manage backup`, encrypts it with age to a
# public key whose private half is kept away from this server, copies it to
# OFFSITE_BACKUP_REMOTE with rsync over ssh, and deletes local copies older than
# OFFSITE_BACKUP_KEEP_DAYS. A backup keeps the words that a later purge deletes from the
# database, so the off-site side must delete old copies too (see docs/security.md).
set -eu
umask 077

: "${OFFSITE_BACKUP_DIR:=/var/backups/lantern}"
: "${OFFSITE_BACKUP_KEEP_DAYS:=30}"
: "${OFFSITE_BACKUP_REMOTE:?set OFFSITE_BACKUP_REMOTE, e.g. lantern-backup@vault.example.org:lantern/}"
: "${OFFSITE_BACKUP_AGE_RECIPIENT:?set OFFSITE_BACKUP_AGE_RECIPIENT to the backup key holder's age public key}"
APP_HOME=${APP_HOME:-$(cd "$(dirname "$0")/.." && pwd)}
PYTHON=${PYTHON:-$APP_HOME/.venv/bin/python}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
plain="$OFFSITE_BACKUP_DIR/lantern-$stamp.backup"
sealed="$plain.age"

mkdir -p "$OFFSITE_BACKUP_DIR"
cd "$APP_HOME"
"$PYTHON" -m db.manage backup "$plain"
age --encrypt --recipient "$OFFSITE_BACKUP_AGE_RECIPIENT" --output "$sealed" "$plain"
rm -f "$plain"  # only the encrypted copy stays, here and off-site
rsync --archive --chmod=F600 "$sealed" "$OFFSITE_BACKUP_REMOTE"
find "$OFFSITE_BACKUP_DIR" -name 'lantern-*.backup.age' -mtime "+$OFFSITE_BACKUP_KEEP_DAYS" -delete
