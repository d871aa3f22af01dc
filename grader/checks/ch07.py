"""Chapter 7 checks."""
