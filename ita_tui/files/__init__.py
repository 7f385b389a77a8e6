"""The user's own files: where they live, how they are read within limits, written whole or not at
all, kept private, and the settings file."""
