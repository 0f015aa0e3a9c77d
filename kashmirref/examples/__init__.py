"""Examples shipped with the package, so that a user of the wheel finds them.

:mod:`kashmirref.examples.downstream` is a complete downstream test module: copy it
into your own test suite, or run it where kashmirref is installed with
``python -m pytest --pyargs kashmirref.examples.downstream`` (needs the
``hypothesis`` extra and pytest).
"""
