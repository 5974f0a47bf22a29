"""The one document structure and its renderers (see docs/adr/008)."""
