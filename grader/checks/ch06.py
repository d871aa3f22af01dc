"""Chapter 6 checks."""
