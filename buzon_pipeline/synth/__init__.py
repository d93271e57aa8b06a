"""Labelled synthetic buzón documents (volantes, escritos libres, other pages) and samples."""

from buzon_pipeline.synth.corpus import SPLITS, generate_document, iter_split
from buzon_pipeline.synth.documents import SynthDocument

__all__ = ["SPLITS", "SynthDocument", "generate_document", "iter_split"]
