"""Users, sign-in and the server-side role check.

Users live in a JSON file outside git (``$MONITORING_USERS_FILE``, default
``users.json`` beside the default database), each with a role and an Argon2id hash of the
password (``argon2-cffi``). The app never stores a password.

A successful sign-in gives a :class:`Grant`: a random token the :class:`Gate` remembers on the
server with its expiry. The save path calls :meth:`Gate.require`, which accepts only a grant
this gate issued, that has not expired, whose user is still in the file with an allowed role;
a grant made up by other code, or kept after sign-out, is refused. Failed sign-ins for a name
are slowed (each waits longer than the last), and the answer is the same whether or not the
name exists (an unknown name is checked against a dummy hash, so it takes as long).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from geo.errors import phrase
from geo.monitoring.store import home

ROLES: Final[tuple[str, ...]] = ("editor", "admin")
EDITOR_ROLES: Final[frozenset[str]] = frozenset(ROLES)
#: A session ends after this many seconds without a save or a check (sliding expiry).
IDLE_S: Final[float] = 30 * 60
#: ... and after this many seconds whatever happens.
ABSOLUTE_S: Final[float] = 12 * 3600
#: First wait after a failed sign-in; it doubles with each further failure, up to the cap.
DELAY_FIRST_S: Final[float] = 0.5
DELAY_CAP_S: Final[float] = 8.0
NAME_SHAPE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z0-9._-]{1,40}")
MIN_PASSWORD: Final[int] = 10

_HASHER: Final[PasswordHasher] = PasswordHasher()


def users_file() -> Path:
    """``$MONITORING_USERS_FILE``, or ``users.json`` in the monitoring home folder."""
    given = os.environ.get("MONITORING_USERS_FILE")
    return Path(given) if given else home() / "users.json"


class UserError(ValueError):
    """A user could not be added: the name, role or password was not acceptable."""


class NotAllowedError(PermissionError):
    """A write without a valid editor's sign-in. Says nothing about which check failed."""

    def __init__(self) -> None:
        self.message = phrase(
            "Sign in as an editor to save records (the session may have expired).",
            "Hãy đăng nhập với quyền biên tập để lưu bản ghi (phiên có thể đã hết hạn).",
        )
        super().__init__(str(self.message))


def read_users(path: Path) -> dict[str, dict[str, str]]:
    """Name → ``{"role", "hash"}`` from the users file (empty when there is none yet)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(name): dict(user) for name, user in data.get("users", {}).items()}


def add_user(name: str, role: str, password: str, path: Path | None = None, *, replace: bool = False) -> None:
    """Add (or with ``replace``, reset) a user in the users file, written readable by its owner only.

    Raises
    ------
    UserError
        Naming every problem: name shape, unknown role, short password, existing name.
    """
    path = path or users_file()
    users = read_users(path)
    problems = []
    if not NAME_SHAPE.fullmatch(name):
        problems.append(f"name: expected 1-40 letters, digits, '.', '_' or '-'; found {name!r}")
    if role not in ROLES:
        problems.append(f"role: expected one of {', '.join(ROLES)}; found {role!r}")
    if len(password) < MIN_PASSWORD:
        problems.append(f"password: expected at least {MIN_PASSWORD} characters; found {len(password)}")
    if name in users and not replace:
        problems.append(f"name: {name!r} exists already (use --replace to set a new password or role)")
    if problems:
        raise UserError("; ".join(problems))
    users[name] = {"role": role, "hash": _HASHER.hash(password)}
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(path.name + ".new")
    descriptor = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump({"users": users}, handle, indent=2, sort_keys=True)
    os.replace(staged, path)  # whole file or nothing: a crash leaves the old one


@dataclass(frozen=True)
class Grant:
    """What a successful sign-in hands the session: name, role, a token, and its expiry (epoch s)."""

    name: str
    role: str
    token: str
    expires_at: float
    ends_at: float


class Gate:
    """Signs users in against the users file and checks grants on every write.

    Parameters
    ----------
    path
        The users file (read at every sign-in and check, so a removed user loses rights at once).
    clock, sleep
        Time source and wait, replaceable in tests.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = path or users_file()
        self._clock = clock
        self._sleep = sleep
        self._grants: dict[str, Grant] = {}
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()
        self._dummy = _HASHER.hash(secrets.token_hex(16))

    def delay_for(self, name: str) -> float:
        """Seconds the next sign-in as ``name`` waits: 0, then doubling after each failure."""
        failures = self._failures.get(name.casefold(), 0)
        return 0.0 if failures == 0 else min(DELAY_FIRST_S * 2 ** (failures - 1), DELAY_CAP_S)

    def sign_in(self, name: str, password: str) -> Grant | None:
        """A grant if ``name`` and ``password`` match a user; ``None`` otherwise, whatever was wrong."""
        self._sleep(self.delay_for(name))
        user = read_users(self.path).get(name)
        try:
            _HASHER.verify(user["hash"] if user else self._dummy, password)
            valid = user is not None and user.get("role") in ROLES
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            valid = False
        key = name.casefold()
        with self._lock:
            if not valid or user is None:
                self._failures[key] = self._failures.get(key, 0) + 1
                return None
            self._failures.pop(key, None)
            now = self._clock()
            grant = Grant(name, user["role"], secrets.token_urlsafe(32), now + IDLE_S, now + ABSOLUTE_S)
            self._grants[grant.token] = grant
            return grant

    def sign_out(self, grant: Grant | None) -> None:
        """Forget ``grant``: it opens nothing any more."""
        if grant is not None:
            with self._lock:
                self._grants.pop(grant.token, None)

    def current(self, grant: Grant | None) -> Grant | None:
        """The live grant behind ``grant`` (with its renewed expiry), or ``None`` if it is not valid."""
        if grant is None:
            return None
        now = self._clock()
        with self._lock:
            live = self._grants.get(grant.token)
            if live is None or live.name != grant.name or now >= min(live.expires_at, live.ends_at):
                self._grants.pop(grant.token, None)
                return None
            user = read_users(self.path).get(live.name)
            if user is None or user.get("role") != live.role:
                self._grants.pop(grant.token, None)
                return None
            renewed = replace(live, expires_at=now + IDLE_S)
            self._grants[grant.token] = renewed
            return renewed

    def require(self, grant: Grant | None, roles: Iterable[str]) -> str:
        """The name of a live ``grant`` whose role is in ``roles``; else :class:`NotAllowedError`."""
        live = self.current(grant)
        if live is None or live.role not in set(roles):
            raise NotAllowedError
        return live.name
