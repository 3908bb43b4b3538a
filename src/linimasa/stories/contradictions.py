"""Contradictions in a story: actors taking opposite stances on one proposition, and figures that disagree.

A stance contradiction is reported once per proposition and denying actor: the actor denied (at some point) what
others affirmed, with the dates and the articles that say so. An actor that changes its own mind is not a
contradiction (the timeline shows it as a stance change). Figure contradictions come from
:func:`linimasa.stories.figures.figure_contradictions`.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from ..model import Contradiction, CountSeries, StanceHistory
from .figures import figure_contradictions


def stance_contradictions(histories: Sequence[StanceHistory]) -> tuple[Contradiction, ...]:
    """One contradiction per proposition x denying actor, naming the actors that affirm it."""
    by_prop: dict[str, list[StanceHistory]] = defaultdict(list)
    for h in histories:
        by_prop[h.proposition_id].append(h)
    out = []
    for pid, hs in by_prop.items():
        affirm = [(h, [p for p in h.series if p.stance == "affirms"]) for h in hs]
        affirm = [(h, pts) for h, pts in affirm if pts]
        for h in hs:
            denials = [p for p in h.series if p.stance == "denies"]
            others = [(o, pts) for o, pts in affirm if _key(o) != _key(h)]
            if not denials or not others:
                continue
            names = [o.actor for o, _ in others]
            first_denial = denials[0]
            firsts = [pts[0] for _, pts in others]
            when = first_denial.on or (f"before {first_denial.before}" if first_denial.before else "undated")
            summary = (f"{h.actor} denies ({when}) that {h.proposition}; "
                       f"affirmed by {_join(names)}")
            article_ids = tuple(dict.fromkeys([first_denial.article_id, *(p.article_id for p in firsts)]))
            out.append(Contradiction("stance", summary, article_ids, (h.actor, *names), pid,
                                     ("denies", *("affirms" for _ in names))))
    out.sort(key=lambda c: (-len(c.actors), c.summary))
    return tuple(out)


def find_contradictions(histories: Sequence[StanceHistory], series: Sequence[CountSeries]) -> tuple[Contradiction, ...]:
    """Stance contradictions first, then figure contradictions."""
    return stance_contradictions(histories) + figure_contradictions(series)


def _key(h: StanceHistory) -> str:
    return h.actor_id or h.actor.casefold()


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


__all__ = ["find_contradictions", "stance_contradictions"]
