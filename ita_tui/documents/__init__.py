"""Documents in and out: the TOML snapshot, the agency's Word and Excel plans, and the reports
(one document model, rendered as text, Markdown, HTML, Word and PDF)."""
