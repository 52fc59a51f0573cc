"""Finding kinds: a stable code, a severity, a title and a message template each. The README's
table of codes is checked against these definitions by a test."""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
SEVERITY_LABEL = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


@dataclass(frozen=True)
class FindingKind:
    code: str
    severity: str
    title: str
    template: str  # str.format fields: the finding's own values and any the check passes

    def message(self, **values) -> str:
        return self.template.format(**values)


KINDS: dict[str, FindingKind] = {k.code: k for k in [
    FindingKind("section_points_mismatch", ERROR, "类别分值不符",
                "{section}声明{expected}分，条款合计{actual}分（{breakdown}）"),
    FindingKind("unit_points_mismatch", ERROR, "单位总分不符",
                "{unit}条款合计{actual}分，应为{expected}分（{basis}）"),
    FindingKind("numbering_gap", ERROR, "序号缺失", "序号跳号：应为{expected}，实为{actual}"),
    FindingKind("numbering_duplicate", ERROR, "序号重复", "序号{actual}重复出现"),
    FindingKind("numbering_order", ERROR, "序号顺序错误", "序号倒序：应为{expected}，实为{actual}"),
    FindingKind("missing_points", ERROR, "条款缺少分值", "该单位其他条款均有分值，此条款没有分值"),
    FindingKind("duplicate_unit", ERROR, "责任单位重复", "{unit}在通知中出现{actual}次"),
    FindingKind("score_exceeds_weight", ERROR, "得分超过权重", "{column}中的得分{actual}分超过指标权重{expected}分"),
    FindingKind("weight_total_mismatch", WARNING, "权重合计不符", "{scope}声明{expected}分，合计{actual}分"),
    FindingKind("criteria_points_exceed_weight", WARNING, "评分标准分值超过权重",
                "评分标准中各计分项合计{actual}分，超过该行分值{expected}分"),
    FindingKind("rollup_mismatch", WARNING, "分解合计不符",
                "{indicator}：各县级单位合计{actual_text}，{city_label}为{expected_text}（{parts}）"),
    FindingKind("table_numbering_gap", WARNING, "表格序号缺失", "表格序号跳号：应为{expected}，实为{actual}"),
    FindingKind("table_numbering_duplicate", WARNING, "表格序号重复", "表格序号{actual}在同一分组内重复"),
    FindingKind("doc_number_format", WARNING, "发文字号格式不规范", "发文字号“{actual}”不符合GB/T 9704-2012：{problem}"),
    FindingKind("missing_metadata", WARNING, "缺少版头信息", "未找到{missing}"),
    FindingKind("text_layer_unreadable", WARNING, "文字层无法识别", "{detail}"),
    FindingKind("text_typo", INFO, "疑似文字错误", "{problem}"),
    FindingKind("rollup_ok", INFO, "分解合计相符", "{indicator}：各县级单位合计{actual_text}，与{city_label}{expected_text}相符（{parts}）"),
    FindingKind("unparsed_text", INFO, "未解析的正文", "以下正文未被识别为条款或标题：{excerpt}"),
    FindingKind("no_records", INFO, "未识别到目标", "未识别到目标条款或指标表格"),
]}
