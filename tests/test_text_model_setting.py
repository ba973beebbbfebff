"""OSD_SPACY_MODEL may name a model package or a model folder; a model whose vocabulary cannot be read is refused.

The name rules read the model's vocabulary (redaction/text/vocabulary.py). A folder path used to make that
vocabulary silently empty, which switched the unknown-word name rules off while the run went on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy.util

from redaction.errors import RedactionError
from redaction.text import analysis, vocabulary
from redaction.text.base import DEFAULT_MODEL


def _model_folder() -> str:
    root = Path(spacy.util.get_package_path(DEFAULT_MODEL))
    return str(next(p.parent.parent for p in root.glob("*/vocab/strings.json")))


def test_a_model_folder_reads_the_same_vocabulary_as_its_package():
    folder = _model_folder()
    assert vocabulary.known_words(folder) == vocabulary.known_words(DEFAULT_MODEL)
    assert len(vocabulary.known_words(folder)) > 50_000
    assert vocabulary.dictionary_words(folder) == vocabulary.dictionary_words(DEFAULT_MODEL)


def test_a_model_whose_vocabulary_cannot_be_read_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(analysis, "load_ner", lambda model: object())  # the vocabulary check comes after loading
    monkeypatch.setattr(analysis, "_ENGINES", {})
    with pytest.raises(RedactionError, match="OSD_SPACY_MODEL"):
        analysis._engine(str(tmp_path))
