"""The PySide6 user interface: the only package of dtbench that imports Qt."""
