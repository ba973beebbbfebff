"""The spaCy NER model: loaded with only what NER needs, its matrix products on numpy's BLAS with one thread.

spaCy's CPU layers multiply matrices through thinc's ``NumpyOps.gemm``, which calls ``blis``. On these machines
(AMD EPYC, 2 cores) the ``blis`` wheel's kernel is three times slower than the OpenBLAS that numpy ships for the
same float32 product (measured: 1.2 s against 0.4 s of CPU for 200,000 rows of the NER's 288-by-288 maxout layer),
and the NER's tok2vec spends most of its time there. So the model's layers get thinc's own ``NumpyOps`` with
``use_blis=False`` (the product is then ``numpy.matmul``). The results differ from ``blis`` only in the last bits
of float32 sums; every redacted output of the benchmark's dev and test splits is byte-identical (sha256).

OpenBLAS starts one thread per core for larger products; for the NER's small batches those threads mostly spin,
which costs CPU time (more CPU per narrative, and in a pool of worker processes the threads of one worker take the
cores of the others). ``NerModel.pipe`` therefore runs under a one-thread BLAS limit (``threadpoolctl``), scoped to
the NER's run: the process's other BLAS users keep their own setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

_NER_ONLY_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]


class NerModel:
    """A loaded spaCy pipeline (NER only) whose ``pipe`` runs with numpy's BLAS on one thread."""

    def __init__(self, nlp: Any) -> None:
        from thinc.api import NumpyOps
        from threadpoolctl import ThreadpoolController

        self.nlp = nlp
        ops = NumpyOps(use_blis=False)
        for _name, component in nlp.pipeline:
            model = getattr(component, "model", None)
            if model is not None and isinstance(model.ops, NumpyOps):  # a GPU or other backend stays as it is
                for layer in model.walk():
                    layer.ops = ops
        self._threads = ThreadpoolController()

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Any]:
        """``nlp.pipe(texts)``, with BLAS limited to one thread while the documents are made."""
        with self._threads.limit(limits=1, user_api="blas"):
            yield from self.nlp.pipe(texts, batch_size=batch_size)


def load_ner(model: str) -> NerModel:
    """Load ``model`` with only the components NER needs (en_core_web_sm: ``ner`` with its own tok2vec)."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=_NER_ONLY_EXCLUDE + ["tok2vec"])
        nlp("Probe text for Jane Doe.")
    except Exception:  # the NER listens to a shared tok2vec in this model: keep it
        nlp = spacy.load(model, exclude=_NER_ONLY_EXCLUDE)
    return NerModel(nlp)
