"""Keep the stored stories up to date: new articles join stories incrementally, touched stories are rebuilt."""
from __future__ import annotations

from ..model import Story
from ..store.sqlite import SqliteStore


def update_stories(store: SqliteStore, *, rebuild_all: bool = False) -> list[Story]:
    """Assign articles that have no story yet, then rebuild every story that gained an article
    (or all stories with ``rebuild_all``, e.g. after re-annotation). Returns the rebuilt stories."""
    from .build import build_story
    from .cluster import ClusterState, assign_stories
    from .dedup import find_duplicates

    assigned = store.story_assignments()
    state_doc = store.cluster_state()
    state = ClusterState.from_dict(state_doc) if state_doc else None
    articles = {a.id: a for a in store.articles()}
    new = [a for a in sorted(articles.values(), key=lambda a: (str(a.published or ""), a.id))
           if a.id not in assigned]
    fresh: dict[str, str] = {}
    if new:
        fresh, state = assign_stories(new, state)
    if state is None:
        return []
    members: dict[str, list[str]] = {}
    for aid, sid in {**assigned, **fresh}.items():
        members.setdefault(sid, []).append(aid)
    touched = set(members) if rebuild_all else set(fresh.values())
    stories = []
    for sid in sorted(touched):
        arts = [articles[a] for a in members[sid] if a in articles]
        duplicates = find_duplicates(arts) if len(arts) > 1 else {}
        stories.append(build_story(sid, arts, duplicates))
    store.save_stories(fresh, state.to_dict(), stories)
    return stories


__all__ = ["update_stories"]
