"""`expect_refusal(key)`: a block that must be refused with a UserError of that message key (one of
those keys, where the refusal may be either), so that each test says which refusal it expects
and a different one fails it."""

import contextlib
from collections.abc import Iterator

import pytest

from ita_tui.core.errors import UserError


@contextlib.contextmanager
def expect_refusal(*keys: str) -> Iterator[pytest.ExceptionInfo[UserError]]:
    assert keys, "say which refusal is expected"
    with pytest.raises(UserError) as caught:
        yield caught
    assert caught.value.key in keys, (caught.value.key, str(caught.value))
