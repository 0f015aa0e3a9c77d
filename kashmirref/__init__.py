"""kashmirref."""
