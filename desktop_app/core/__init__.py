"""The Qt-free core of Hamish: storage, importers, text, search and export."""
