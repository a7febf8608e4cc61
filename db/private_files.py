"""Files Lantern writes to disk (backups, forum packs, exports) are private to its account."""

from __future__ import annotations

import os
from pathlib import Path

# Read and write for Lantern's own account only: a backup or a pack holds her words, and a
# server's other accounts (or a web server serving a folder) must not read them.
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def make_private_folder(folder: Path) -> None:
    """Create folder (and missing parents) readable by Lantern's account only; an
    existing folder is left as its owner set it."""
    folder = Path(folder)
    missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    for made in missing:
        made.chmod(PRIVATE_FOLDER_MODE)


def create_private_file(path: Path) -> None:
    """Create path empty with mode 0600 before anything writes to it (an existing file is
    emptied and made 0600), whatever the process umask."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    try:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)


def write_private_file(path: Path, data: bytes) -> None:
    """Write data to path, created (or replaced in place) with mode 0600."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)
        handle.write(data)
