"""Build tools for the shipped industry reference; never imported at run time.

``members`` generates the modelled population, ``values`` has the model score it,
``anchors`` calibrates it to LinkedIn's published figures, and ``build`` writes
``scoring/compare/data/reference_quantiles.csv`` (docs/compare.md). Needs the
``build`` extra (scipy).
"""
