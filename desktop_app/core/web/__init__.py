"""Capture from the web: pages by their address, feeds, the clipboard."""
