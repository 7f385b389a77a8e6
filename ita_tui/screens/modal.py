"""The box every form and dialog is drawn in (`.form`), with its buttons' row: the styles of the
screens that open over a section, which the app's first screen never shows. They are the
default CSS of this base class rather than part of `app.tcss`, so that they are parsed when the
forms are made ready (`prepared_ahead.what_forms_are_made_of`), not before the first frame."""

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Modal(ModalScreen[ResultType]):
    # Global, as they were in app.tcss: a dialog's box is styled by its classes, whatever
    # screen class holds it.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .form {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }

    .confirm {
        width: 70;
        max-width: 95%;
    }

    .field-error {
        display: none;
    }

    .form Input, .form Select {
        background: $boost;
    }

    .form Input:focus, .form Select:focus {
        background: $primary 30%;
    }

    .form TextArea {
        height: 5;
    }

    .form SelectionList {
        height: auto;
        max-height: 8;
    }

    .form-buttons {
        dock: bottom;
        height: 1;
        margin: 1 0 0 0;
    }

    .form-buttons Button {
        margin: 0 2 0 0;
    }

    /* A short terminal (24 lines): fields close together, so that a form fits without scrolling. */
    .-short .form {
        padding: 0 1;
        max-height: 100%;
    }
    """
