"""Evaluation of dyad against the development sets in `shared/eval/` (`dyad eval STAGE`).

Kept next to the code it measures (as trafilatura and spaCy do) so that anyone changing a
component can see at once what it did to the scores:

* `metrics`  — pure metric functions, written from the definitions in each dev set's README;
* `datasets` — reading the dev sets and turning gold records into batch input records;
* `runner`   — one function per stage, running the public batch path and scoring its reports.

Results are recorded, with the exact commands, in EVALUATION.md at the repository root.
"""

from __future__ import annotations

from dyad.eval.runner import ALIASES, STAGES, EvalError, run

__all__ = ["ALIASES", "STAGES", "EvalError", "run"]
