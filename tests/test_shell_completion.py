"""Shell completion, as README documents it: click writes the script for bash, zsh and fish when
`_ITA_TUI_COMPLETE` asks, and completes command names and options from it."""

import pytest


@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("bash", "complete -o nosort -F _ita_tui_completion ita-tui"),
        ("zsh", "compdef _ita_tui_completion ita-tui"),
        ("fish", "complete --no-files --command ita-tui"),
    ],
)
def test_the_completion_script_is_written_for_each_shell(run, monkeypatch, shell, expected):
    monkeypatch.setenv("_ITA_TUI_COMPLETE", f"{shell}_source")
    done = run()
    assert done.code == 0
    assert expected in done.out
    assert "_ITA_TUI_COMPLETE" in done.out


def test_the_script_completes_commands_and_options(run, monkeypatch):
    monkeypatch.setenv("_ITA_TUI_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", "ita-tui mea")
    monkeypatch.setenv("COMP_CWORD", "1")
    assert run().out.split() == ["plain,measures"]
    monkeypatch.setenv("COMP_WORDS", "ita-tui overdue --cs")
    monkeypatch.setenv("COMP_CWORD", "2")
    assert run().out.split() == ["plain,--csv"]
