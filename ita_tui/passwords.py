"""Passwords kept as scrypt hashes with a salt of their own, never as themselves.

The stored form names its parameters, so that a later, costlier setting can sit beside
hashes made with this one."""

import hashlib
import hmac
import os

from ita_tui.errors import UserError

MIN_LENGTH = 8
# 16 MiB of memory and about 50 ms a try: cheap for one login, dear for a guesser.
_COST, _BLOCK, _PARALLEL, _LENGTH = 2**14, 8, 1, 32


def _derive(password: str, salt: bytes, cost: int, block: int, parallel: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=cost,
        r=block,
        p=parallel,
        dklen=_LENGTH,
        maxmem=128 * cost * block * parallel + 1024 * 1024,
    )


def check_new(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise UserError("password.too_short", length=MIN_LENGTH)
    if password.strip() != password:
        raise UserError("password.spaces")


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = _derive(password, salt, _COST, _BLOCK, _PARALLEL)
    return f"scrypt${_COST}${_BLOCK}${_PARALLEL}${salt.hex()}${digest.hex()}"


def verify(password: str, stored: str | None) -> bool:
    """Whether the password matches; a person with no password, or an unreadable hash,
    matches nothing. The work is done even then, so that timing does not tell which."""
    try:
        scheme, cost, block, parallel, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        expected = bytes.fromhex(digest)
        actual = _derive(password, bytes.fromhex(salt), int(cost), int(block), int(parallel))
    except ValueError:
        _derive(password, b"\0" * 16, _COST, _BLOCK, _PARALLEL)
        return False
    return hmac.compare_digest(actual, expected)
