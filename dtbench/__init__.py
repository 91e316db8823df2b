"""dtbench — 数字化转型咨询工作台, an offline workbench for digital-transformation consultants."""

__version__ = "0.1.0"
APP_NAME = "dtbench"
