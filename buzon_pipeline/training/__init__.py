"""Training and evaluation tools for the project's models; not imported at run time."""
