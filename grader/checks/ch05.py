"""Chapter 5 checks."""
