"""check_database_path: one line naming the path and the system's reason, before serving."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from skill.persistence.sqlite import check_database_path, sqlite_storage
from tests.storage_fixtures import read_only


def test_a_new_path_in_a_new_folder_is_fine_and_nothing_is_left_behind(tmp_path):
    assert check_database_path(tmp_path / "new" / "folders" / "db.sqlite") is None
    assert list(tmp_path.iterdir()) == []


def test_an_existing_database_is_fine_and_left_as_it_is(tmp_path):
    database = tmp_path / "db.sqlite"
    sqlite_storage(database)
    before = database.read_bytes()
    assert check_database_path(str(database)) is None
    assert database.read_bytes() == before


def test_an_unwritable_folder_is_named_with_the_reason(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        line = check_database_path(folder / "db.sqlite")
    reasons = (os.strerror(errno.EACCES), os.strerror(errno.EPERM))
    assert line in [f"cannot write {folder / 'db.sqlite'}: {reason}" for reason in reasons]


def test_a_folder_another_user_owns_is_named_with_permission_denied(tmp_path):
    """As the brief's example: a user who may not enter the folder (root runs it as nobody)."""
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    target = folder / "x" / "db.sqlite"
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            line = check_database_path(target)
        finally:
            folder.chmod(0o700)
    else:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot act as another user")
        code = "import sys; from skill.persistence.sqlite import check_database_path as c; "
        code += "print(c(sys.argv[1]))"
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        line = subprocess.run(
            [*as_nobody, sys.executable, "-c", code, str(target)],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        ).stdout.strip()
    assert line == f"cannot write {target}: {os.strerror(errno.EACCES)}"


def test_an_unwritable_database_file_is_named_with_the_reason(tmp_path):
    database = tmp_path / "db.sqlite"
    sqlite_storage(database)
    with read_only(database):
        line = check_database_path(database)
    assert line is not None and line.startswith(f"cannot write {database}: ")
    assert "\n" not in line


def test_a_folder_that_is_a_file(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("not a folder")
    line = check_database_path(file / "db.sqlite")
    assert line == f"cannot write {file / 'db.sqlite'}: {os.strerror(errno.ENOTDIR)}"


def test_a_path_that_is_a_folder(tmp_path):
    assert check_database_path(tmp_path) == f"cannot use {tmp_path}: {os.strerror(errno.EISDIR)}"


def test_a_file_that_is_not_a_database(tmp_path):
    file = tmp_path / "db.sqlite"
    file.write_text("notes\n" * 100)
    assert check_database_path(file) == f"cannot use {file}: file is not a database"
    assert file.read_text() == "notes\n" * 100


def test_what_it_accepts_really_opens(tmp_path):
    database = tmp_path / "deep" / "db.sqlite"
    assert check_database_path(database) is None
    storage = sqlite_storage(database)
    assert storage.health().ok
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
