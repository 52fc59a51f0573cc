"""Where a short row's cells stand under its header: the one rule the `|` renderings (``pipe_tables``) and the rows
found by their numbers (``numbered_lines``) share. A page does not write a merged cell (its value is in a row above),
the right part of a name that spans the column beside it, or the empty cells closing a row; the row's cells keep
their order, and the gaps go where the most cells fit their columns, then agree in kind with the row above. Split
from ``pipe_tables``."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import regex

from parsers.extract.headers import looks_like_org, looks_like_person
from parsers.readers.line_cells import PARTY_ROLES, ROW_NUMBER_LINE, cell_role
from parsers.textnorm import no_space

LIST_NUMBER = regex.compile(r"^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")  # `2.`, `(二)`
MEASURE = regex.compile(r"^(?:\D{1,3}|\D{1,3}/\D{1,2})$")  # a unit of measure (`万亩`, `%`, `万元/人`)
SPANNING_ROLES = ("indicator", "category", "target")


def fits(cell: str, role: str | None) -> bool:
    """Whether a cell reads as what its column holds: a number under the 序号, a person under the leaders, a unit under
    the units."""
    if role == "row_no":
        return ROW_NUMBER_LINE.match(cell) is not None
    if role == "leaders":
        return all(looks_like_person(n) for n in regex.split(r"[、，,\s]+", cell) if n)
    if role in PARTY_ROLES:
        return looks_like_org(regex.split(r"[、，,]", no_space(cell))[0])
    return role == "weight" and weight_cell(cell)


def spread(cells: list[str], roles: list[str | None], above: list[str] | None = None, kind=None,
           levels: bool = False) -> list[str]:
    """A short row's cells under the header (``spread_gaps``)."""
    return spread_gaps(cells, roles, above, kind, levels)[0]


def spread_gaps(cells: list[str], roles: list[str | None], above: list[str] | None = None,
                kind=None, levels: bool = False) -> tuple[list[str], tuple[int, ...]]:
    """A short row's cells spread under the header, and the columns it left unwritten. Its number stays under the
    序号; a gap is a merged cell (a row ``above`` has its value there: ``above`` carries the values down), the right
    part of a name spanning the name column beside it, or an empty cell closing the row; with no row above given, any
    column. The gaps go where the most cells fit their columns (a number under the 序号, a weight under the weight, a
    person under the leaders, a unit under the units), then where the most agree in ``kind`` with the row above (a
    number under a number, a numbered name under one, units' names under them, other text under text); ties: the gaps
    leftmost (merged cells stand left). A gap left of a task cell under a task column too is that cell spanning both
    (`主要任务` / `全年目标任务`), filled with it, unless the row above has its own cell there (merged from above).
    With ``levels`` (a 绩效目标表, ``level_fit``), level names fit the level columns, and ties go to the gaps rightmost."""
    width = len(roles)
    missing = width - len(cells)
    if missing <= 0:
        return list(cells[:width]), ()
    at = 1 if roles[0] == "row_no" and ROW_NUMBER_LINE.match(cells[0]) else 0
    fit = level_fit(roles) if levels else None
    best, best_gaps, best_key = None, tuple(range(len(cells), width)), (-1, -1)
    for gaps in combinations(range(at, width), missing):
        if above is not None and not all(_may_miss(g, gaps, roles, above) for g in gaps):
            continue
        if fit is not None and not fit.merged_left(gaps):
            continue
        it = iter(cells[at:])
        placed = cells[:at] + ["" if c in gaps else next(it) for c in range(at, width)]
        agree = 0 if above is None else sum((kind or kind_of)(p) == (kind or kind_of)(a)
                                            for c, (p, a) in enumerate(zip(placed, above)) if c not in gaps)
        fitting = sum(fits(p, r) + (fit is not None and fit(p, c)) for c, (p, r) in enumerate(zip(placed, roles)) if p)
        key = (fitting, agree)
        if key > best_key or (fit is not None and key == best_key):  # a form's ties: its cells as far left as fit
            best, best_gaps, best_key = placed, gaps, key
    placed = list(best or list(cells) + [""] * missing)
    for c in range(width - 2, -1, -1):
        spanned = above is None or (above[c] and above[c] == above[c + 1])  # else the gap is merged from above
        if not placed[c] and placed[c + 1] and roles[c] == roles[c + 1] in ("indicator", "target") and spanned:
            placed[c] = placed[c + 1]
    return placed, best_gaps


def _may_miss(g: int, gaps: tuple[int, ...], roles: list[str | None], above: list[str]) -> bool:
    """Whether a row may leave column ``g`` unwritten: merged (a row above has a value there), spanned by the name
    left of it (to the end of the name columns), or empty, closing the row."""
    width, role = len(roles), roles[g]
    spanned = (g > 0 and role == roles[g - 1] in SPANNING_ROLES and g - 1 not in gaps
               and (g + 1 == width or roles[g + 1] != role or g + 1 in gaps))
    return bool(no_space(above[g])) or spanned or all(c in gaps for c in range(g + 1, width))


def spread_roles(header: list[str]) -> list[str | None]:
    """Each header cell's role, a blank cell (spanned by the one left of it) taking that cell's."""
    roles: list[str | None] = []
    for cell in header:
        roles.append(cell_role(cell) if no_space(cell) or not roles else roles[-1])
    return roles


@dataclass(frozen=True)
class LevelFit:
    """How a row's cells fit the level columns of a 绩效目标表 (`一级指标 | 二级指标 | 三级指标 | 指标值 | …`): a level's
    name (`社会效益指标`) under a level above the last, any name under the last (`社会成本指标` may be a 三级), and
    no level's name under the values right of it; the merged levels are the leftmost. The page leaves the merged
    levels unwritten and gathers the empty cells at the line's end, so the cells' count alone cannot tell a 二级 from
    a 一级 (`质量指标 | 到位率 | …`)."""
    levels: tuple[int, ...]

    def __call__(self, cell: str, column: int) -> bool:
        return column == self.levels[-1] or (column in self.levels[:-1]) == level_name(cell)

    def merged_left(self, gaps: tuple[int, ...]) -> bool:
        """Whether the gaps among the levels are their first ones (a merged 一级 stands left of a written 二级)."""
        inside = [c for c in self.levels if c in gaps]
        return inside == list(self.levels[:len(inside)])


def level_fit(roles: list[str | None]) -> LevelFit | None:
    levels = tuple(c for c, r in enumerate(roles) if r in ("category", "indicator"))
    return LevelFit(levels) if levels else None


def spanned_level(placed: list[str], roles: list[str | None], above: list[str]) -> list[str]:
    """A row whose 一级 the page left unwritten (merged from above) but whose 二级 names another 一级 of the forms
    (`社会公众或服务对象满意度指标` under `效益指标`): that cell spans both levels, a new 一级."""
    levels = [c for c, r in enumerate(roles) if r in ("category", "indicator")]
    if len(levels) < 3 or levels[:2] != [0, 1] or placed[0] or not placed[1] or not above[0]:
        return placed
    first, second = _first_level(above[0]), _first_level(placed[1])
    if not second or first == second:
        return placed
    return [placed[1]] + placed[1:]


def _first_level(cell: str) -> str:
    """The 一级 of the forms a level's name ends with (`社会效益指标` → `效益指标`), else ''."""
    from parsers.extract.headers import normalize_header, table_vocab
    name = normalize_header(cell)
    return next((w for w in table_vocab().get("first_level_names", ()) if name.endswith(w)), "")


def level_name(cell: str) -> bool:
    """Whether a cell names a level of indicators (`产出指标`, `產出指標`, `产出指标(50分)`)."""
    from parsers.extract.headers import normalize_header, table_vocab
    return normalize_header(cell).endswith(tuple(table_vocab().get("level_name_endings", ())))


def weight_cell(cell: str) -> bool:
    from parsers.extract.headers import weight_value
    return weight_value(cell) is not None


def kind_of(cell: str) -> str:
    """What a cell holds, to compare it with the cell above: nothing, a number, units' names, or other text."""
    text = no_space(cell)
    if not text:
        return "empty"
    if weight_cell(text):
        return "number"
    if LIST_NUMBER.match(text):
        return "numbered"  # an item's number, alone or before its name (`1.`, `1.责任…`)
    if ROW_NUMBER_LINE.match(text):
        return "number"
    return "units" if all(looks_like_org(n) for n in regex.split(r"[、，,]", text) if n) else "text"


NUMBERING_STYLES = (("chapter", regex.compile(r"^[一二三四五六七八九十]{1,3}、")),  # `二、`: a group's heading
                    ("section", regex.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")))  # `(四)`: an item's


def numbering_kind(cell: str) -> str:
    """``kind_of`` telling numbered cells apart by their numbering's level (`二、…` a group, `(四)…` an item, `1.…`
    a rule's part), so a short row's group heading stays under the group column above it."""
    kind = kind_of(cell)
    if kind != "numbered":
        return kind
    text = no_space(cell)
    return next((f"numbered-{name}" for name, pattern in NUMBERING_STYLES if pattern.match(text)), kind)


def measured_kind(cell: str) -> str:
    """``_kind`` for the cells of a row of figures, left of its units: a unit of measure (`万亩`, `%`, `万元/人`) told
    apart from a name (which may end like a unit's: `建设美丽牧场`)."""
    kind = kind_of(cell)
    if kind not in ("text", "units"):
        return kind
    return "measure" if MEASURE.match(no_space(cell)) else "text"


