"""Models of the evidence app."""
