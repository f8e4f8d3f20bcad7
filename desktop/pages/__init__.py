"""The main window's pages, one main widget per module."""
