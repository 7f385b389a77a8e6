"""Documents in and out: the TOML snapshot, the agency's Word and Excel plans, and the reports
(one document model, rendered as text, Markdown, HTML, Word and PDF)."""

# The bundled sample plan, under ita_tui/data: here rather than in the snapshot module, so that a
# demo's kept copy (ita_tui.desk.sample_store) is found without importing the snapshot's reader.
SAMPLE_PLAN = "sample_plan.toml"
