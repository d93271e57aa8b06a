"""Thin shim so `python cli.py …` works from a checkout; the console script is `buzon`."""

from buzon_pipeline.cli import main

if __name__ == "__main__":
    main()
