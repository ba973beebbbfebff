"""The NER model runs its matrix products on numpy's BLAS, one thread while it runs, and finds what blis finds.

See ``redaction/text/ner_model.py``: the ``blis`` kernel is three times slower than numpy's OpenBLAS on these
machines, and OpenBLAS's extra threads only spin on the NER's small batches.
"""

from __future__ import annotations

import os

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import spacy
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from redaction.text.base import DEFAULT_MODEL
from redaction.text.ner_model import load_ner

TEXTS = [
    "Officer Dana Whitfield spoke with Marcus Obi at the corner of 5th and Pine.",
    "THE VICTIM, ROSALIND KEMP, STATED THAT HER NEIGHBOR TOMASZ WROBEL TOOK THE BIKE.",
    "per the caller, her roommate ngozi balogun left at 2am with Kevin.",
    "Sgt. Alvarez and Det. Mbeki interviewed the witness, Priya Raman, at Trader Joe's.",
] * 3


def _blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in ThreadpoolController().info() if lib["user_api"] == "blas"]


def test_every_layer_of_the_ner_multiplies_without_blis():
    ner = load_ner(DEFAULT_MODEL)
    layers = [layer for _, comp in ner.nlp.pipeline for layer in comp.model.walk()]
    assert layers
    assert all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_blas_runs_one_thread_while_the_ner_runs_and_is_restored_after():
    ner = load_ner(DEFAULT_MODEL)
    with ThreadpoolController().limit(limits=2, user_api="blas"):  # as on a 2-core machine, whatever this one has
        before = _blas_threads()
        seen = []
        for _doc in ner.pipe(TEXTS, batch_size=4):
            seen.extend(_blas_threads())
        assert before and set(before) == {2}
        assert seen and set(seen) == {1}
        assert _blas_threads() == before


def test_the_entities_are_those_the_blis_model_finds():
    ours = load_ner(DEFAULT_MODEL)
    stock = spacy.load(DEFAULT_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter",
                                               "morphologizer", "tok2vec"])
    assert any(layer.ops.use_blis for layer in stock.get_pipe("ner").model.walk())  # the comparison is real
    got = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in ours.pipe(TEXTS, batch_size=4)]
    want = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in stock.pipe(TEXTS, batch_size=4)]
    assert got == want
    assert any(label == "PERSON" for ents in got for _, _, label in ents)
