"""Documents: one structure for every report the service writes (sections,
paragraphs, tables, charts, rating tags), and one renderer for each format: tagged
PDF, Word and HTML. It knows no domain app; each app builds a `Document` from its
own data and hands it here (see docs/adr/008)."""
