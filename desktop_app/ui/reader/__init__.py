"""The reading view and its highlight layer."""
