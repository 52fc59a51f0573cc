"""The two real scoring tables from another province (../shared/real): another layout, same tool."""
from __future__ import annotations

from ingest.pipeline import process_file


def _rows(real_dir, prefix):
    (path,) = real_dir.glob(f"{prefix}_*.txt")
    result = process_file(path)
    assert result.info.status == "ok"
    return result


def test_department_rules(real_dir):
    result = _rows(real_dir, "001")
    rows = result.indicators
    assert result.targets == []
    assert rows[0].row_kind == "total" and rows[0].weight == 100.0
    groups = [(r.row_no, r.indicator, r.weight) for r in rows if r.row_kind == "group"]
    assert groups[:2] == [("一、", "通用考核项目（全部责任单位）", 40.0), ("二、", "部门履职差异考核项目", 60.0)]
    items = [r for r in rows if r.row_kind == "item"]
    assert all(r.weight is not None for r in items[:-1])
    assert (items[0].indicator, items[0].weight) == ("组织领导", 8.0)
    assert "积极配合各乡镇开展“河长制”工作（8分）" in items[0].criteria
    farm = [r for r in items if r.units == ["县农粮局"]]
    assert farm and farm[0].weight == 30.0
    assert sum(r.weight for r in items[:5]) == 40.0


def test_township_rules(real_dir):
    rows = _rows(real_dir, "002").indicators
    kinds = [r.row_kind for r in rows]
    assert kinds.count("total") == 1 and kinds.count("item") == 23
    items = [r for r in rows if r.row_kind == "item"]
    assert all(r.weight is not None for r in items)
    assert [r.row_no for r in items] == [str(n) for n in range(1, 24)]
    assert rows[0].weight == 100.0
