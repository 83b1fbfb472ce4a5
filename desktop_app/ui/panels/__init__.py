"""Dock panels: library, annotations, free notes."""
