"""No module of the package imports, however indirectly, a module that imports it back: the
layers are read top to bottom at run time too, and an import inside a function counts (grimp
reads every import statement of a module, not only those at its top)."""

import grimp
import pytest


@pytest.fixture(scope="module")
def graph():
    # A type hint may name a module above; it is never imported at run time.
    return grimp.build_graph("ita_tui", exclude_type_checking_imports=True)


def _cycles(graph) -> list[tuple[str, ...]]:
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                found.append((importer, *back))
    return found


def test_no_module_imports_itself_back_through_others(graph):
    assert _cycles(graph) == []


def test_the_finder_sees_a_cycle_hidden_inside_a_function():
    """The check can fail: an import inside a function from the bottom of the store back up to
    where the database is opened is a cycle."""
    graph = grimp.build_graph("ita_tui", exclude_type_checking_imports=True)
    graph.add_import(importer="ita_tui.db.connection", imported="ita_tui.db.schema")
    cycles = _cycles(graph)
    assert any(
        cycle[0] == "ita_tui.db.connection" and "ita_tui.db.schema" in cycle for cycle in cycles
    )
