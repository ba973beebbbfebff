"""Dataset specs: everything the pipeline knows about a dataset, loaded from data files.

Kept for existing imports; the models and the loader live in :mod:`pipelines.catalog` (see its loader's docstring
for where specs live and how they are validated). The public names are the catalog's own, not a second list.
"""

from pipelines import catalog
from pipelines.catalog import *  # noqa: F403

__all__ = catalog.__all__
