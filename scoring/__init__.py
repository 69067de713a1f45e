"""SSI Dashboard scoring package: read a LinkedIn export, score it, explain it.

Pure, typed Python with no UI import. See docs/architecture.md for the map.
"""

__version__ = "0.1.0"
