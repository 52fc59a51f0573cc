"""Parquet schemas of the output tables. Column names are a contract with dashboards:
add columns freely, never rename. Every field carries a Chinese description."""
from __future__ import annotations

import pyarrow as pa

# 2.0: the output folder is a dataset of part files (README "Dataset"); measures.column → source_column;
# findings.unit canonical (+ unit_raw); documents.notice_key, year, metadata_source, relative_path,
# parser_version, checks_version; a runs table; pandas reads page/line/seq as nullable Int32.
# 2.1: documents.issuer_source, prepared_by (the issuer of a 附件-only file, and where it was found).
SCHEMA_VERSION = "2.1"
# Every value unit_type takes (a test holds parsers.extract.units to this list and the README to it).
UNIT_TYPES = {
    "county_area": "县级区域", "department": "政府部门", "institution": "事业单位", "vertical": "垂管单位",
    "enterprise": "企业", "bank": "银行", "jurisdiction": "通知自身的全域目标（scope 为 jurisdiction）",
}
UNIT_TYPE_DESCRIPTION = "单位类型：" + "、".join(f"{code} {label}" for code, label in UNIT_TYPES.items())


def _field(name: str, type_: pa.DataType, description: str) -> pa.Field:
    return pa.field(name, type_, metadata={"description": description})


def _schema(table: str, fields: list[pa.Field]) -> pa.Schema:
    return pa.schema(fields, metadata={"schema_version": SCHEMA_VERSION, "table": table})


_SOURCE = [
    _field("doc_id", pa.string(), "文档标识（内容哈希与相对输入根目录的路径的哈希；跨运行、跨路径写法不变）"),
    _field("source_path", pa.string(), "源文件路径"),
]
# The run that wrote the row: every table of one committed set carries the same id (also in each file's
# metadata), so a set mixed from two runs is detectable and a view can filter to one run.
_RUN = [_field("run_id", pa.string(), "写入本行的运行标识（同一批表格相同）")]
_LOCATION = [
    _field("page", pa.int32(), "所在页码（从1开始；无分页格式为空）"),
    _field("line", pa.int32(), "所在行号或段落序号（从1开始）"),
]

DOCUMENTS = _schema("documents", _SOURCE + [
    _field("sha256", pa.string(), "文件内容SHA-256"),
    _field("format", pa.string(), "文件格式（输入格式登记表 parsers.formats 中的格式名）"),
    _field("status", pa.string(), "处理状态：ok 成功，failed 失败，skipped 未读取（不支持的格式、锁文件、隐藏文件等，原因见 error）"),
    _field("error", pa.string(), "失败原因"),
    _field("issuer", pa.string(), "发文机关"),
    _field("doc_number", pa.string(), "发文字号（规范化为〔年份〕）"),
    _field("doc_number_raw", pa.string(), "发文字号（原文）"),
    _field("title", pa.string(), "标题"),
    _field("issued_on", pa.date32(), "成文日期"),
    _field("recipients", pa.string(), "主送机关"),
    _field("cc", pa.string(), "抄送机关"),
    _field("printer", pa.string(), "印发机关"),
    _field("printed_on", pa.date32(), "印发日期"),
    _field("unit_total_declared", pa.float64(), "通知声明的每个责任单位目标总分"),
    _field("assessed_party", pa.string(), "被考核对象（通知未列责任单位时取自标题，如某镇、村（社区））"),
    _field("n_pages", pa.int32(), "页数"),
    _field("n_targets", pa.int32(), "目标条款数"),
    _field("n_indicators", pa.int32(), "附件表格指标行数"),
    _field("n_units", pa.int32(), "责任单位数"),
    _field("ocr_pages", pa.list_(pa.int32()), "经OCR识别文字的页码列表（扫描件、照片；文字可能有误识）"),
    _field("source_path_bytes", pa.binary(), "源文件路径的原始字节（文件名不是有效UTF-8时，source_path 以替换字符显示）"),
    _field("relative_path", pa.string(), "相对输入根目录的路径（doc_id 由它和内容哈希生成）"),
    _field("notice_key", pa.string(), "通知标识：同一通知的各种格式、副本相同（发文机关|发文字号，无字号时为记录指纹）"),
    _field("year", pa.int32(), "年份（发文字号、成文日期、标题或文件名中的年份）"),
    _field("metadata_source", pa.string(), "标题等元数据来源：header 版头，attachment 附件标题，file_name 文件名"),
    _field("issuer_source", pa.string(), "发文机关来源：header 版头，signature 落款（成文日期上方的署名），"
                                         "page_label 网页转载时网站标注的“发文机关”，heading 附件标题开头的行政区划（如某某县2022年…），"
                                         "prepared_by 制表/填报/编制单位行，folder 所在文件夹名；无版头且均未找到时为空"),
    _field("prepared_by", pa.string(), "制表单位（“制表单位：”“填报单位：”“编制单位：”行所写的单位）"),
    _field("parser_version", pa.string(), "解析器版本（含OCR模式）"),
    _field("checks_version", pa.string(), "检查规则指纹（检查变化时重新检查并写入新版本）"),
] + _RUN)

TARGETS = _schema("targets", _SOURCE + [
    _field("target_id", pa.string(), "目标条款标识"),
    _field("unit", pa.string(), "责任单位（规范名称）"),
    _field("unit_raw", pa.string(), "责任单位（原文）"),
    _field("unit_group", pa.string(), "单位分组标题（原文）"),
    _field("section", pa.string(), "目标类别，如重点目标、一般目标"),
    _field("section_points", pa.float64(), "目标类别声明分值"),
    _field("seq", pa.int32(), "条款序号"),
    _field("seq_raw", pa.string(), "条款序号（原文）"),
    _field("text", pa.string(), "条款内容（不含序号和分值）"),
    _field("points", pa.float64(), "条款分值"),
    _field("scope", pa.string(), "范围：unit 责任单位目标，jurisdiction 全域目标"),
    _field("unit_type", pa.string(), UNIT_TYPE_DESCRIPTION),
    _field("from_ocr", pa.bool_(), "是否经OCR识别（扫描件、照片；文字可能有误识，需复核）"),
    _field("section_path", pa.list_(pa.string()), "各级带分值的类别标题，由外到内（section为最内一级）"),
    _field("section_path_points", pa.list_(pa.float64()), "各级类别标题声明的分值，与section_path对应"),
    _field("points_rule", pa.string(), "分值规则：deduction 只扣分、veto 一票否决、bonus 加分项（均不计入合计）"),
    _field("criteria", pa.string(), "条款分值之后的扣分或考评办法（表格被压成一行时）"),
] + _LOCATION + _RUN)

INDICATORS = _schema("indicators", _SOURCE + [
    _field("indicator_id", pa.string(), "指标行标识"),
    _field("attachment", pa.string(), "附件编号，如附件1"),
    _field("table_title", pa.string(), "表格标题"),
    _field("table_index", pa.int32(), "表格在文档中的序号（从1开始）"),
    _field("row_no", pa.string(), "序号（原文）"),
    _field("row_kind", pa.string(), "行类型：item 指标，group 分组，total 总分"),
    _field("category", pa.string(), "指标分类"),
    _field("indicator", pa.string(), "评价指标"),
    _field("weight", pa.float64(), "指标权重（分值）"),
    _field("weight_raw", pa.string(), "指标权重（原文）"),
    _field("status", pa.string(), "完成情况"),
    _field("target", pa.string(), "目标任务"),
    _field("criteria", pa.string(), "评分标准"),
    _field("units", pa.list_(pa.string()), "责任单位列表（规范名称）"),
    _field("units_raw", pa.list_(pa.string()), "责任单位列表（原文）"),
    _field("leaders", pa.list_(pa.string()), "责任领导列表"),
    _field("note", pa.string(), "备注"),
    _field("extra", pa.string(), "其他列（JSON）"),
    _field("from_ocr", pa.bool_(), "是否经OCR识别（扫描件、照片；文字可能有误识，需复核）"),
    _field("category_points", pa.float64(), "分类单元格中声明的分组分值，如“…目标（40分）”"),
    _field("unit_role", pa.string(), "责任单位列的表头（角色），如责任单位、牵头单位、管理部门"),
    _field("co_units", pa.list_(pa.string()), "配合单位列表"),
    _field("assessors", pa.list_(pa.string()), "考核（检查、数据来源）单位列表"),
    _field("criteria_points", pa.float64(), "评分标准中各计分项分值合计"),
    _field("criteria_items", pa.list_(pa.struct([("text", pa.string()), ("points", pa.float64())])),
           "评分标准中的各计分项（内容、分值）"),
] + _LOCATION + _RUN)

MEASURES = _schema("measures", _SOURCE + [
    _field("target_id", pa.string(), "所属目标条款标识"),
    _field("indicator_id", pa.string(), "所属指标行标识"),
    _field("unit", pa.string(), "责任单位（规范名称）"),
    _field("indicator", pa.string(), "指标（原文）"),
    _field("indicator_key", pa.string(), "指标规范键，跨单位可比"),
    _field("comparator", pa.string(), "比较方式：reach 达到、at_least 不低于、at_most 不高于、about 左右、increase_by 增加、"
                                      "decrease_by 减少、above 高于基准、rank 名次、rank_top 前N名、zero_event 不发生、score 得分"),
    _field("value", pa.float64(), "数值（原文单位）"),
    _field("value_unit", pa.string(), "单位（原文）"),
    _field("base_value", pa.float64(), "数值（基本单位）"),
    _field("base_unit", pa.string(), "基本单位，如人、元、亩"),
    _field("baseline", pa.string(), "比较基准，如上年、全省平均水平"),
    _field("source_column", pa.string(), "指标表格中的来源列（原 column，为避开SQL保留字改名）"),
] + _LOCATION + _RUN)

FINDINGS = _schema("findings", _SOURCE + [
    _field("code", pa.string(), "检查代码"),
    _field("severity", pa.string(), "严重程度：error、warning、info"),
    _field("message", pa.string(), "说明"),
    _field("unit", pa.string(), "责任单位（规范名称，与 targets.unit 可关联）"),
    _field("unit_raw", pa.string(), "责任单位（原文）"),
    _field("section", pa.string(), "目标类别"),
    _field("seq", pa.int32(), "条款序号"),
    _field("expected", pa.string(), "预期值"),
    _field("actual", pa.string(), "实际值"),
] + _LOCATION + _RUN)

RUNS = _schema("runs", [
    _field("run_id", pa.string(), "运行标识（时间戳-随机串，按时间排序）"),
    _field("started_at", pa.timestamp("us", tz="UTC"), "开始时间"),
    _field("ended_at", pa.timestamp("us", tz="UTC"), "结束时间"),
    _field("inputs", pa.list_(pa.string()), "命令行给出的输入路径"),
    _field("root", pa.string(), "--root（相对路径的根；为空时各输入路径即根）"),
    _field("options", pa.string(), "运行选项（JSON）"),
    _field("parser_version", pa.string(), "解析器版本"),
    _field("checks_version", pa.string(), "检查规则指纹"),
    _field("schema_version", pa.string(), "表结构版本"),
    _field("n_files", pa.int32(), "读取的文件数"),
    _field("n_reused", pa.int32(), "取自缓存（manifest）未重新解析的文件数"),
    _field("n_unchanged", pa.int32(), "数据集中已有同一版本、本次未写入的文档数"),
    _field("n_documents", pa.int32(), "本次写入的文档行数"),
    _field("n_targets", pa.int32(), "本次写入的目标条款行数"),
    _field("n_indicators", pa.int32(), "本次写入的指标行数"),
    _field("n_measures", pa.int32(), "本次写入的量化指标行数"),
    _field("n_findings", pa.int32(), "本次写入的检查结果行数"),
    _field("n_failed", pa.int32(), "失败的文件数"),
])

# The per-document tables (every row carries doc_id and run_id); ``runs`` is the log of runs.
TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "targets": TARGETS,
    "indicators": INDICATORS,
    "measures": MEASURES,
    "findings": FINDINGS,
}
DATASET_TABLES: dict[str, pa.Schema] = {**TABLES, "runs": RUNS}
# The derived table rewritten by every run (OUT/current.parquet): the latest version of each document,
# its notice and whether it is the notice's primary copy.
CURRENT = _schema("current", [
    _field("doc_id", pa.string(), "文档标识"),
    _field("run_id", pa.string(), "该文档最新版本所在的运行"),
    _field("notice_key", pa.string(), "通知标识"),
    _field("is_primary", pa.bool_(), "是否为该通知的主副本（Word文档优先，其次版式文件、纯文本；同格式取最新运行）"),
])
# Columns pandas should read as nullable integers (Int32), not float, when they hold nulls.
NULLABLE_INT_COLUMNS = ("page", "line", "seq", "year", "n_pages", "table_index")
