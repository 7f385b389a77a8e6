"""The core: what an ITA plan is and how it is followed up, with no store, file format or terminal.

The model, the follow-up rules, the ITA arithmetic and its yearly lists, the Thai fiscal calendar,
roles, and the text rules (normalising, wrapping Thai between words, messages in Thai and English);
and, for the program as a whole, how its start treats Python's cycle collector (`collector`).
"""
