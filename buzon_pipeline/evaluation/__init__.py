"""Accuracy evaluation on the labelled synthetic corpus (train/dev/test seed splits)."""
