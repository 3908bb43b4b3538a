"""Inline SVG charts for the HTML report: each actor's stance over time, and figures by claimant over time.

Pure functions from model values to SVG text. Every label is escaped here (``html.escape``), and each mark is
wrapped in a link to an anchor the caller chooses (``link(article_id, hint) -> "#..."``), so a reader can jump
from a dot to the highlighted words it comes from.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from html import escape

from ..model import CountSeries, StanceHistory
from .labels import STANCE_ORDER, day_of, figure

STANCE_COLORS = {"affirms": "#2e7d32", "neither": "#b7791f", "denies": "#c62828"}
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#7f7f7f", "#bcbd22")
WIDTH = 900
LEFT = 300  # room for the row labels
RIGHT = 20
LANE = 15  # pixels between the affirms / neither / denies lanes
Link = Callable[[str, str], str]


class _TimeScale:
    """Days -> x pixels between LEFT and WIDTH - RIGHT, with readable ticks."""

    def __init__(self, days: Sequence[date]):
        first, last = min(days), max(days)
        if first == last:
            first, last = first - timedelta(days=1), last + timedelta(days=1)
        pad = max(1, (last - first).days // 30)
        self.first, self.last = first - timedelta(days=pad), last + timedelta(days=pad)

    def x(self, day: date) -> float:
        span = (self.last - self.first).days
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / span

    def ticks(self) -> list[tuple[date, str]]:
        span = (self.last - self.first).days
        if span <= 16:
            days = [self.first + timedelta(days=i) for i in range(0, span + 1, max(1, span // 8))]
            return [(d, d.strftime("%d %b")) for d in days]
        if span <= 120:
            start = self.first + timedelta(days=(7 - self.first.weekday()) % 7)
            return [(start + timedelta(days=i), (start + timedelta(days=i)).strftime("%d %b"))
                    for i in range(0, span, 7 * max(1, span // 70))]
        months = []
        year, month = self.first.year, self.first.month + 1
        step = max(1, span // 300 + (1 if span > 900 else 0))
        while (day := date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)) <= self.last:
            months.append((day, day.strftime("%b %Y")))
            month += step
        return months


def _axis(scale: _TimeScale, top: float, bottom: float) -> list[str]:
    out = [f'<line class="axis" x1="{LEFT}" y1="{bottom:.1f}" x2="{WIDTH - RIGHT}" y2="{bottom:.1f}"/>']
    for day, label in scale.ticks():
        x = scale.x(day)
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"/>')
        out.append(f'<text class="tick" x="{x:.1f}" y="{bottom + 14:.1f}" text-anchor="middle">'
                   f'{escape(label)}</text>')
    return out


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def stance_chart(histories: Sequence[StanceHistory], link: Link) -> str:
    """One band per (actor, proposition) with three lanes (affirms, neither, denies) over time; "" if undated.

    >>> from linimasa.model import StanceHistory, StancePoint
    >>> h = StanceHistory("Korea Utara", "gpe:KP", "mengirim pasukan", "p1",
    ...                   (StancePoint("2024-10-22", "denies", "a1"), StancePoint("2025-04-28", "affirms", "a2")))
    >>> svg = stance_chart([h], lambda article, hint: "#" + article)
    >>> svg.startswith("<svg") and svg.count("<circle") == 2
    True
    """
    dated = [(h, [(day_of(p.on), p) for p in h.series if day_of(p.on)]) for h in histories]
    dated = [(h, points) for h, points in dated if points]
    if not dated:
        return ""
    scale = _TimeScale([d for _, points in dated for d, _ in points])
    band = LANE * 3 + 18
    top = 8
    height = top + band * len(dated) + 24
    out = [f'<svg class="chart stance-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
           f'xmlns="http://www.w3.org/2000/svg"><title>Stance of each actor over time</title>']
    for row, (history, points) in enumerate(dated):
        y0 = top + row * band
        lanes = {stance: y0 + 6 + LANE * i for i, stance in enumerate(STANCE_ORDER)}
        label = f"{history.actor}: {history.proposition}"
        out.append(f'<g class="band"><title>{escape(label)}</title>')
        out.append(f'<text class="band-label" x="4" y="{y0 + 6 + LANE - 3:.1f}">'
                   f'{escape(_clip(history.actor, 34))}</text>')
        out.append(f'<text class="band-sub" x="4" y="{y0 + 6 + LANE * 2 + 1:.1f}">'
                   f'{escape(_clip(history.proposition, 40))}</text>')
        for stance, y in lanes.items():
            out.append(f'<line class="lane lane-{stance}" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>')
            out.append(f'<text class="lane-label" x="{LEFT - 4}" y="{y + 3}" text-anchor="end">{stance}</text>')
        points = sorted(points, key=lambda dp: dp[0])
        path = " ".join(f"{scale.x(d):.1f},{lanes.get(p.stance, lanes['neither'])}" for d, p in points)
        out.append(f'<polyline class="stance-path" points="{path}"/>')
        for d, p in points:
            x, y = scale.x(d), lanes.get(p.stance, lanes["neither"])
            tip = f"{p.on}: {p.actor or history.actor} {p.stance}"
            out.append(f'<a href="{escape(link(p.article_id, p.evidence or ""))}">'
                       f'<circle class="dot stance-{escape(p.stance)}"'
                       f' cx="{x:.1f}" cy="{y}" r="5" fill="{STANCE_COLORS.get(p.stance, "#555")}">'
                       f'<title>{escape(tip)}</title></circle></a>')
        out.append("</g>")
    out.extend(_axis(scale, top, top + band * len(dated)))
    out.append("</svg>")
    return "".join(out)


class _ValueScale:
    """Values -> y pixels (log scale when they span more than 20x)."""

    def __init__(self, values: Sequence[float], top: float, bottom: float):
        positive = [v for v in values if v > 0] or [1.0]
        low, high = min(positive), max(positive)
        self.log = high / low > 20
        self.top, self.bottom = top, bottom
        if self.log:
            self.low, self.high = 10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))
        else:
            self.low, self.high = 0.0, _nice_ceiling(high)

    def y(self, value: float) -> float:
        if self.log:
            value = max(value, self.low)
            share = (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        else:
            share = (value - self.low) / ((self.high - self.low) or 1)
        return self.bottom - share * (self.bottom - self.top)

    def ticks(self) -> list[float]:
        if self.log:
            return [10 ** e for e in range(int(math.log10(self.low)), int(math.log10(self.high)) + 1)]
        return [self.high * i / 4 for i in range(5)]


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _marker(qualifier: str, x: float, y: float, color: str, inner: str) -> str:
    """A point: ▲ for "more than"/"at least", ▼ for "less than"/"at most", ○ for vague, ● otherwise."""
    if qualifier in ("more_than", "at_least", "less_than", "at_most"):
        tip, base = (y - 6, y + 4) if qualifier in ("more_than", "at_least") else (y + 6, y - 4)
        return (f'<path class="dot" d="M{x:.1f},{tip:.1f} L{x + 5.5:.1f},{base:.1f} L{x - 5.5:.1f},{base:.1f} Z" '
                f'fill="{color}">{inner}</path>')
    if qualifier == "vague":
        return (f'<circle class="dot hollow" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="none" style="stroke: {color}" '
                f'stroke-width="2">{inner}</circle>')
    return f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{color}">{inner}</circle>'


def figure_chart(series: CountSeries, link: Link) -> str:
    """Figures for one counted thing over time, one colour per claimant (▲ "more than", ○ vague); "" if undated.

    >>> from linimasa.model import CountPoint, CountSeries
    >>> s = CountSeries("tentara", "tentara", (CountPoint("2024-10-18", Decimal(1500), "approx", "Korsel", None, "a1"),
    ...                                        CountPoint("2024-11-01", Decimal(8000), "exact", "AS", None, "a2")))
    >>> figure_chart(s, lambda article, hint: "#" + article).count("<a href")
    2
    """
    points = [(day_of(p.on), p) for p in series.points if day_of(p.on)]
    if not points:
        return ""
    claimants = list(dict.fromkeys(p.claimant or "(the outlet)" for _, p in points))
    colors = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(claimants)}
    scale = _TimeScale([d for d, _ in points])
    top, bottom = 10, 170
    values = _ValueScale([float(p.value) for _, p in points], top, bottom)
    legend_rows = math.ceil(len(claimants) / 3)
    height = bottom + 30 + 16 * legend_rows
    out = [f'<svg class="chart figure-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(series.what)}: figures by claimant</title>']
    out.append(f'<text class="band-label" x="4" y="{top + 12}">{escape(_clip(series.what, 34))}</text>')
    out.append(f'<text class="band-sub" x="4" y="{top + 28}">{"log scale" if values.log else ""}</text>')
    for tick in values.ticks():
        y = values.y(tick)
        out.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">'
                   f'{escape(figure(Decimal(str(round(tick, 6)))))}</text>')
    out.extend(_axis(scale, top, bottom))
    for d, p in sorted(points, key=lambda dp: dp[0]):
        claimant = p.claimant or "(the outlet)"
        tip = f"{p.on}: {claimant}: {figure(p.value, p.qualifier)}" + (f" ({p.text})" if p.text else "")
        marker = _marker(p.qualifier, scale.x(d), values.y(float(p.value)), colors[claimant],
                         f"<title>{escape(tip)}</title>")
        out.append(f'<a href="{escape(link(p.article_id, p.text or ""))}">{marker}</a>')
    for i, claimant in enumerate(claimants):
        x, y = LEFT + (i % 3) * 210, bottom + 34 + 16 * (i // 3)
        out.append(f'<circle cx="{x}" cy="{y - 4}" r="5" fill="{colors[claimant]}"/>'
                   f'<text class="legend" x="{x + 9}" y="{y}">{escape(_clip(claimant, 30))}</text>')
    out.append("</svg>")
    return "".join(out)
