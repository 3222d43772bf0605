"""Documents for partners: the documents layer (above gzctl.network, below gzctl.wizard).

- ``base``: output folder, formats, errors, Dutch formatting, safe file names, the prepared
  data (``Output``, ``Prepared``, ``Context``) and what every preparer shares;
- ``general``, ``coordinator``, ``platforms``: the preparers, one function per document;
- ``registry``: finds a document's preparer by its playbook entry (``prepare``);
- ``render``: the jinja2 template to Markdown; ``html``: Markdown to print-ready HTML;
  ``docx``: Markdown to Word;
- ``build``: writing ``documenten/`` with its manifest; ``listing``: ``gzctl docs list``;
  ``reads``: which fields of the project each document reads, so that docs list prepares
  only the documents a change touched.

This module re-exports what the commands and the wizard use, so they import
``gzctl.documents`` and never a preparer.
"""

from gzctl.documents.base import (
    OUTPUT_DIR,
    PAGE_BREAK,
    NotReady,
    TemplateProblem,
    document_words,
    dutch_date,
    dutch_number,
    join_dutch,
    safe_stem,
)
from gzctl.documents.build import (
    BuildReport,
    build,
    parse_formats,
    resolve_only,
)
from gzctl.documents.general import fixed_contacts, salutation
from gzctl.documents.listing import STATE_WORDS, DocState, list_documents
from gzctl.documents.registry import can_make, document_ids, prepare, step_documents

__all__ = [
    "OUTPUT_DIR",
    "PAGE_BREAK",
    "STATE_WORDS",
    "BuildReport",
    "DocState",
    "NotReady",
    "TemplateProblem",
    "build",
    "can_make",
    "document_ids",
    "document_words",
    "dutch_date",
    "dutch_number",
    "fixed_contacts",
    "join_dutch",
    "list_documents",
    "parse_formats",
    "prepare",
    "resolve_only",
    "safe_stem",
    "salutation",
    "step_documents",
]
