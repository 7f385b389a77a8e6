"""ita-tui: follow up the action plan of a Thai agency's ITA result."""

__version__ = "0.1.0"
