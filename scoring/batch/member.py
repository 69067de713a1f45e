"""Score one member of a batch with the same pandas function ``ssi score`` uses.

:func:`score_jobs` is what every engine runs, in this process or on a Dask
worker: for each job it reads the export (folder form) or takes the member's
events (table form), calls :func:`scoring.model.score_as_of` and turns the score
into one output row. A member whose export is bad gets its one-line reason
instead of a row; the batch goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from scoring.batch.jobs import MemberJob, MemberOutcome, Reason, reason_of
from scoring.compare.compare import industry_comparison
from scoring.errors import SSIError
from scoring.export import ExportData
from scoring.i18n import LANGS, t
from scoring.ingest import read_export
from scoring.model import load_config, score_as_of, score_history
from scoring.results import PILLARS, Score


def score_row(score: Score, data: ExportData) -> dict[str, object]:
    """The output columns of one member's score (all but ``member`` and the batch percentile).

    Points and values are named as in ``ssi history`` (``points.<key>``,
    ``value.<key>``); a value the model leaves empty is ``None``. The industry
    percentile ranks the total in the modelled reference of the profile's
    industry (all industries when it is unknown), as ``ssi score`` does.
    """
    industry = industry_comparison(score, data.profile.industry)
    row: dict[str, object] = {
        "as_of": score.as_of.isoformat(),
        "total": score.total,
        **{pillar: score.pillars[pillar].score for pillar in PILLARS},
    }
    metrics = score.metrics()
    row.update({f"points.{m.key}": m.points for m in metrics})
    row.update({f"value.{m.key}": m.value for m in metrics})
    row["industry_group"] = industry.group
    row["percentile_industry"] = industry.total.percentile
    return row


def _internal(exc: Exception) -> Reason:
    return {lang: t("error.internal", lang, detail=type(exc).__name__) for lang in LANGS}


def score_job(job: MemberJob, as_of: date | None, keep: bool) -> MemberOutcome:
    """The outcome of one job; ``keep`` also returns the export, score and history (to store)."""
    if job.problem is not None:
        return MemberOutcome(job.member, error=job.problem)
    try:
        data = job.data if job.data is not None else read_export(list(job.paths))
        config = load_config()
        score = score_as_of(data, as_of=as_of, config=config)
        row = score_row(score, data)
        history = score_history(data, config=config) if keep else None
    except SSIError as exc:
        return MemberOutcome(job.member, error=reason_of(exc))
    except Exception as exc:  # one broken export must not stop the batch
        return MemberOutcome(job.member, error=_internal(exc))
    if not keep:
        return MemberOutcome(job.member, row=row)
    return MemberOutcome(job.member, row=row, data=data, score=score, history=history)


def score_jobs(jobs: Sequence[MemberJob], as_of: date | None, keep: bool) -> list[MemberOutcome]:
    """:func:`score_job` for each of ``jobs``, in order (one task of an engine)."""
    return [score_job(job, as_of, keep) for job in jobs]
