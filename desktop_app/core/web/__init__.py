"""The web, on the analyst's request only: addresses, fetching, feeds' pages, the clipboard.

Nothing here runs unless someone asked for it: a command given an address, a feed refreshed,
an address typed or dropped in the window. Nothing else in Hamish opens a connection.
"""
