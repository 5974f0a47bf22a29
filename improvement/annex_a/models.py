"""Models of the Annex A app."""
