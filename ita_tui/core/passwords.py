"""Passwords kept as scrypt hashes with a salt of their own, never as themselves.

scrypt from Python's hashlib (OpenSSL), at N=2^17, r=8, p=1: the cost current guidance
(OWASP's password storage cheat sheet) gives for scrypt, about 0.5 s and 128 MiB a try on an
office server; no library to add. The stored form names its scheme and parameters, so hashes
made at an older cost still verify and are made again at the current one at the next login.

A password is compared as the person meant it, not as the keyboard spelt it: NFC, a SARA AM
typed as NIKHAHIT + SARA AA composed (as some Thai keyboards type it), and a non-ASCII space
taken as a space (RFC 8265's OpaqueString profile). Nothing else is changed: case, spaces,
invisible characters and punctuation all count."""

import contextlib
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ita_tui.core.errors import UserError

MIN_LENGTH = 8

# Hashes of passwords taken as typed, before normalisation: verified as typed, then upgraded.
_LEGACY_SCHEME = "scrypt"
_SCHEME = "scrypt-nfc"
_LENGTH = 32


@dataclass(frozen=True)
class Cost:
    n: int
    r: int
    p: int

    def readable(self) -> bool:
        """Within what this tool ever writes, so that a crafted hash cannot ask for gigabytes."""
        return (
            2 <= self.n <= 2**20
            and self.n & (self.n - 1) == 0
            and 1 <= self.r <= 32
            and self.p == 1
        )


CURRENT = Cost(n=2**17, r=8, p=1)
_cost = CURRENT

# NIKHAHIT, perhaps a tone mark, SARA AA: SARA AM as typed on some keyboards. NFC does not
# compose it, because SARA AM's decomposition is a compatibility one.
_SPLIT_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


@contextlib.contextmanager
def cost_for_tests(cost: Cost) -> Iterator[None]:
    """Tests only: hash at `cost` while inside, so that a suite that adds people and logs in
    hundreds of times runs in seconds. The tool never calls it. Hashes made inside name their
    cost like any other, and are made again at CURRENT at the next login outside."""
    global _cost
    before, _cost = _cost, cost
    try:
        yield
    finally:
        _cost = before


def normalised(password: str) -> str:
    text = _SPLIT_SARA_AM.sub("\\1\u0e33", unicodedata.normalize("NFC", password))
    return "".join(" " if unicodedata.category(c) == "Zs" else c for c in text)


def _derive(password: str, salt: bytes, cost: Cost) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        dklen=_LENGTH,
        maxmem=128 * cost.n * cost.r * cost.p + 1024 * 1024,
    )


def check_new(password: str) -> None:
    if len(normalised(password)) < MIN_LENGTH:
        raise UserError("password.too_short", length=MIN_LENGTH)
    if password.strip() != password:
        raise UserError("password.spaces")


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = _derive(normalised(password), salt, _cost)
    return f"{_SCHEME}${_cost.n}${_cost.r}${_cost.p}${salt.hex()}${digest.hex()}"


def _parse(stored: str | None) -> tuple[str, Cost, bytes, bytes]:
    scheme, n, r, p, salt, digest = (stored or "").split("$")
    cost = Cost(int(n), int(r), int(p))
    if scheme not in (_SCHEME, _LEGACY_SCHEME) or not cost.readable():
        raise ValueError(scheme)
    return scheme, cost, bytes.fromhex(salt), bytes.fromhex(digest)


def verify(password: str, stored: str | None) -> bool:
    """Whether the password matches; a person with no password, or an unreadable hash,
    matches nothing. The work is done even then, so that timing does not tell which."""
    try:
        scheme, cost, salt, expected = _parse(stored)
    except ValueError:
        _derive(normalised(password), b"\0" * 16, _cost)
        return False
    typed = password if scheme == _LEGACY_SCHEME else normalised(password)
    return hmac.compare_digest(_derive(typed, salt, cost), expected)


def needs_upgrade(stored: str) -> bool:
    """Whether a hash that has just verified should be made again at the current cost."""
    scheme, cost, _, _ = _parse(stored)
    return scheme != _SCHEME or cost != _cost
