"""Text helpers: direction, Arabic normalization, code-point/UTF-16 offsets."""
