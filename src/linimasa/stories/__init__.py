"""Cross-article stage: articles -> stories with timelines, stance histories, count series and contradictions."""
from .build import build_story, story_title
from .contradictions import find_contradictions, stance_contradictions
from .figures import count_series, figure_contradictions, figure_records
from .history import stance_histories, stance_records
from .timeline import build_timeline

__all__ = ["build_story", "build_timeline", "count_series", "figure_contradictions", "figure_records",
           "find_contradictions", "stance_contradictions", "stance_histories", "stance_records", "story_title"]
