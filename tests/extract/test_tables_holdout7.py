"""Table shapes the seventh held-out set showed (tests/data/holdout7/SOURCES.md, "What went wrong"), each built
here as a small table of that shape with its own content and read through the whole pipeline: task tables with no
weight column (single-space cells with a units cell over several lines; one cell per line with a merged 序号 over
two sub-rows; traditional characters with header cells over two lines and no 序号), a merged group column beside a
spaced header word that names the row (`标 准`), and a one-cell-per-line table whose group cell stands left of the 序号
with subtotal rows and a bonus block numbered again."""
from __future__ import annotations

from ingest.pipeline import process_file


def _read(tmp_path, text: str):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return process_file(path)


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


def _lines(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


def test_merged_group_column_is_the_category_and_the_spaced_standard_column_names_the_row(tmp_path):
    text = ("某市文明社区创建考核标准\n\t类别\n\t序号\n\t创 建 标 准\n\t评分办法\n\t分值\n\n"
            "\t组织保障\n8分\n\t1\n\t成立创建工作领导小组。\n\t成立的得3分。\n\t3分\n\n"
            "\t\n\t2\n\t落实创建工作经费。\n\t落实的得5分。\n\t5分\n\n"
            "\t环境整治\n6分\n\t3\n\t开展环境卫生整治。\n\t每季度一次得6分。\n\t6分\n")
    items = _items(_read(tmp_path, text))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("1", "成立创建工作领导小组。", 3.0), ("2", "落实创建工作经费。", 5.0), ("3", "开展环境卫生整治。", 6.0)]
    assert [r.category for r in items] == ["组织保障8分", "组织保障8分", "环境整治6分"]
    assert items[0].criteria == "成立的得3分。"


def test_a_group_with_its_points_then_two_standard_columns_the_first_names_the_row(tmp_path):
    text = ("\t项目\n\t序号\n\t考核标准\n\t评分标准\n\t分值\n\n"
            "\t安全生产\n10分\n\t1\n\t建立安全生产责任制。\n\t未建立的扣4分。\n\t4分\n\n"
            "\t\n\t2\n\t开展隐患排查治理。\n\t未开展的扣6分。\n\t6分\n")
    items = _items(_read(tmp_path, text))
    assert [(r.category, r.indicator, r.criteria) for r in items] == [
        ("安全生产10分", "建立安全生产责任制。", "未建立的扣4分。"), ("安全生产10分", "开展隐患排查治理。", "未开展的扣6分。")]


def test_single_space_task_table_without_weights_and_a_units_cell_over_lines(tmp_path):
    text = ("某县2024年重点工作任务分解表\n"
            "序号 重点工作任务 牵头单位 配合单位 完成时限\n"
            "7 新建农村公路30公里。 县交通局 县财政局、县自然资源局等有关部门。 2024年10月底\n"
            "8 完成老旧小区改造12个。 县住建局\n县城管局\n县房产服务中心\n县发改委、县财政局,各街道办事处。 2024年12月底\n"
            "9 新增城镇就业2000人以上。 县人社局 各乡镇人民政府。 2024年12月底\n")
    items = _items(_read(tmp_path, text))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("7", "新建农村公路30公里。", None), ("8", "完成老旧小区改造12个。", None), ("9", "新增城镇就业2000人以上。", None)]
    assert [r.units for r in items] == [["县交通局"], ["县住建局", "县城管局", "县房产服务中心"], ["县人社局"]]
    assert items[1].co_units == ["县发改委", "县财政局", "各街道办事处"]


def test_one_cell_per_line_task_table_with_units_on_lines_and_a_merged_number_over_sub_rows(tmp_path):
    cells = ["附件", "2024年为民办实事项目分解表", "序号", "民生实事", "责任单位", "完成时限",
             "1", "改造城区供水管网20公里。", "县水务局", "县自来水公司", "10月底前",
             "2", "新建社区卫生服务站3个。", "县卫健局", "6月底前开工",
             "新建乡镇敬老院1所。", "12月底前",
             "3", "完成农村户厕改造1500户。", "县农业农村局", "县财政局", "各乡镇人民政府", "11月底前"]
    items = _items(_read(tmp_path, _lines(cells)))
    assert [(r.row_no, r.indicator, r.units) for r in items] == [
        ("1", "改造城区供水管网20公里。", ["县水务局", "县自来水公司"]),
        ("2", "新建社区卫生服务站3个。", ["县卫健局"]),
        ("2", "新建乡镇敬老院1所。", ["县卫健局"]),  # 序号 and 责任单位 merged over the two sub-rows
        ("3", "完成农村户厕改造1500户。", ["县农业农村局", "县财政局", "各乡镇人民政府"])]
    assert all(r.weight is None for r in items)


def test_traditional_characters_header_cells_over_two_lines_and_no_row_number(tmp_path):
    cells = ["項目", "名稱", "內容", "牽頭單位", "進展情況", "(6月)", "進展情況", "(12月)",
             "社區食堂項目", "新建社區老年食堂10家。", "區民政局", "已建成4家。", "已全部建成。"]
    items = _items(_read(tmp_path, _lines(cells)))
    assert [(r.row_no, r.indicator, r.target, r.units_raw) for r in items] == [
        (None, "社區食堂項目", "新建社區老年食堂10家。", ["區民政局"])]  # the units as written


def test_one_cell_per_line_group_left_of_the_number_subtotals_and_a_bonus_block_numbered_again(tmp_path):
    cells = ["项目", "序号", "考 核 标 准", "评分办法", "分值",
             "基础工作", "9分", "12", "建立工作台账。", "未建立的扣3分。", "3分",
             "13", "按时报送统计报表。", "每迟报一次扣1分。", "6分",
             "小计", "9分",
             "奖励加分", "最多加", "5分", "加 分 事 项", "加分办法",
             "1", "工作经验被上级推广。", "每次加2分。",
             "2", "获得市级以上表彰。", "每次加1分。",
             "小计", "5分", "总计", "14分"]
    result = _read(tmp_path, _lines(cells))
    items = _items(result)
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("12", "建立工作台账。", 3.0), ("13", "按时报送统计报表。", 6.0),
        ("1", "工作经验被上级推广。", None), ("2", "获得市级以上表彰。", None)]  # a 序号 is never a weight
    assert [r.category for r in items] == ["基础工作9分", "基础工作9分", "奖励加分最多加5分", "奖励加分最多加5分"]
    assert items[2].criteria == "每次加2分。"
    assert [r.indicator for r in result.indicators if r.row_kind == "total"] == ["小计", "小计", "总计"]


def test_a_units_cell_with_a_bracketed_note_after_a_name_is_one_name(tmp_path):
    text = ("序号 重点任务 责任单位 完成时限\n"
            "1 建设数字政府平台。 区数据局(区政务服务中心)\n区财政局 2024年底\n"
            "2 推进政务服务一网通办。 区数据局 2024年底\n")
    items = _items(_read(tmp_path, text))
    assert items[0].units == ["区数据局(区政务服务中心)", "区财政局"]


def test_one_cell_per_line_task_over_two_lines_units_one_a_line_and_a_listed_co_units_cell(tmp_path):
    cells = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限",
             "1", "推进城乡供水一体化。", "新建水厂2座。", "县水利局", "县供水公司", "县财政局、县发改委", "2024年底",
             "2", "实施农村电网改造。", "县供电公司", "各乡镇人民政府", "2024年9月",
             "3", "建设智慧停车场3处。", "縣城市管理委員會", "县公安局、县住建局", "2024年12月"]
    items = _items(_read(tmp_path, _lines(cells)))
    assert [(r.row_no, r.indicator, r.units_raw, r.co_units) for r in items] == [
        ("1", "推进城乡供水一体化。新建水厂2座。", ["县水利局", "县供水公司"], ["县财政局", "县发改委"]),
        ("2", "实施农村电网改造。", ["县供电公司"], ["各乡镇人民政府"]),  # names one a line: a line left to each cell
        ("3", "建设智慧停车场3处。", ["縣城市管理委員會"], ["县公安局", "县住建局"])]  # a unit in traditional characters


def test_one_cell_per_line_numbered_first_reads_on_past_a_subtotal_into_a_bonus_block(tmp_path):
    cells = ["序号", "考核内容", "分值", "评分标准",
             "1", "落实河长巡河制度。", "6分", "未落实的扣6分。",
             "2", "按期完成河道清淤。", "4分", "未完成的扣4分。",
             "小计", "10分", "加分项目",
             "1", "河长制工作获省级通报表扬。", "每次加2分。",
             "2", "经验做法被上级推广。", "每次加1分。"]
    result = _read(tmp_path, _lines(cells))
    assert [(r.row_no, r.indicator, r.weight) for r in _items(result)] == [
        ("1", "落实河长巡河制度。", 6.0), ("2", "按期完成河道清淤。", 4.0),
        ("1", "河长制工作获省级通报表扬。", None), ("2", "经验做法被上级推广。", None)]  # the next 序号 is no weight
    assert [(r.indicator, r.weight) for r in result.indicators if r.row_kind == "total"] == [("小计", 10.0)]


def test_single_space_task_table_after_a_title_on_its_line_and_a_row_without_its_last_cell(tmp_path):
    text = ("附件 序号 工作任务 责任单位 完成时限\n"
            "1 开展消防安全大检查。 县应急局 6月底前\n"
            "2 整治城区占道经营。 县城管局\n"
            "3 建设应急避难场所2处。 县应急局 县住建局 10月底前\n")
    items = _items(_read(tmp_path, text))
    assert [(r.row_no, r.indicator, r.units) for r in items] == [
        ("1", "开展消防安全大检查。", ["县应急局"]), ("2", "整治城区占道经营。", ["县城管局"]),
        ("3", "建设应急避难场所2处。", ["县应急局", "县住建局"])]


def test_one_cell_per_line_task_table_without_numbers_rows_found_by_their_units(tmp_path):
    cells = ["项目名称", "建设内容", "责任单位", "完成时限",
             "城区道路提升", "改造主干道5条。", "县住建局", "10月底前",
             "乡村公路建设", "新建通村公路40公里。", "县交通局", "县财政局", "12月底前"]
    items = _items(_read(tmp_path, _lines(cells)))
    assert [(r.indicator, r.target, r.units) for r in items] == [
        ("城区道路提升", "改造主干道5条。", ["县住建局"]), ("乡村公路建设", "新建通村公路40公里。", ["县交通局", "县财政局"])]


def test_tab_table_bonus_block_sub_header_and_subtotals_are_not_items(tmp_path):
    text = ("\t类别\n\t序号\n\t创 建 标 准\n\t评分办法\n\t分值\n\n"
            "\t基础建设\n10分\n\t5\n\t建成综合服务站。\n\t建成的得10分。\n\t10分\n\n"
            "\t小计\n\t\n\t\n\t\n\t10分\n\n"
            "\t加分项\n不超过5分\n\t\n\t加 分 项 目\n\t加分标准\n\t\n\n"
            "\t\n\t1\n\t获省级荣誉。\n\t每项加2分。\n\t\n\n"
            "\t\n\t2\n\t获市级荣誉。\n\t每项加1分。\n\t\n")
    result = _read(tmp_path, text)
    items = _items(result)
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("5", "建成综合服务站。", 10.0), ("1", "获省级荣誉。", None), ("2", "获市级荣誉。", None)]


def test_one_cell_per_line_task_table_with_group_headings_and_numbers_again_from_one(tmp_path):
    cells = ["序号", "工作任务", "责任单位", "完成时限",
             "一、稳定经济增长", "1", "新增规上工业企业20家。", "县经信局", "12月底前",
             "2", "完成固定资产投资80亿元。", "县发改委", "12月底前",
             "二、改善民生", "1", "新建公办幼儿园3所。", "县教育局", "9月底前",
             "2", "改造农村危房500户。", "县住建局", "10月底前"]
    rows = _read(tmp_path, _lines(cells)).indicators
    assert [(r.row_kind, r.row_no, r.indicator) for r in rows] == [
        ("group", "一、", "稳定经济增长"), ("item", "1", "新增规上工业企业20家。"), ("item", "2", "完成固定资产投资80亿元。"),
        ("group", "二、", "改善民生"), ("item", "1", "新建公办幼儿园3所。"), ("item", "2", "改造农村危房500户。")]
    assert [r.units for r in rows if r.row_kind == "item"] == [["县经信局"], ["县发改委"], ["县教育局"], ["县住建局"]]


def test_one_cell_per_line_numbered_rows_with_rule_lines_right_of_the_weight(tmp_path):
    cells = ["序号", "考核内容", "分值", "评分标准",
             "1", "健全工作机制。", "10", "1.未建立机制扣5分;", "2.未落实责任扣5分。",
             "2", "加强队伍建设。", "10", "未配备专职人员扣10分。",
             "3", "做好信息报送。", "5", "迟报一次扣1分。"]
    items = _items(_read(tmp_path, _lines(cells)))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("1", "健全工作机制。", 10.0), ("2", "加强队伍建设。", 10.0), ("3", "做好信息报送。", 5.0)]
    assert items[0].criteria == "1.未建立机制扣5分;\n2.未落实责任扣5分。"


def test_sub_rows_under_a_merged_number_and_units_continue_the_row_above(tmp_path):
    cells = ["序号", "民生实事", "责任单位", "完成时限",
             "1", "新建城市公园1个。", "县住建局", "10月底前",
             "2", "开工建设县体育馆。", "县文体局", "6月底前动工", "开工建设全民健身中心。", "12月底前",
             "3", "新增公交线路3条。", "县交通局", "8月底前"]
    result = _read(tmp_path, _lines(cells))
    assert [(r.row_no, r.continues) for r in _items(result)] == [("1", False), ("2", False), ("2", True), ("3", False)]
    assert not [f for f in result.findings if f.code == "table_numbering_duplicate"]


def test_single_space_task_table_with_a_deadline_before_the_units_and_a_leaders_column(tmp_path):
    text = ("序号 工作任务 完成时限 牵头单位 责任人\n"
            "1 开展森林防火巡查。 3月底前 县林业局 王明\n"
            "2 整治河道非法采砂。 9月底前 县水利局 李强 赵刚\n"
            "3 建设城区排水管网。 10月底前 县住建局 县城管局 张伟\n")
    items = _items(_read(tmp_path, text))
    assert [(r.row_no, r.units, r.leaders) for r in items] == [
        ("1", ["县林业局"], ["王明"]), ("2", ["县水利局"], ["李强", "赵刚"]), ("3", ["县住建局", "县城管局"], ["张伟"])]
    assert '"完成时限": "9月底前"' in items[1].extra


def test_one_cell_per_line_task_table_with_a_measures_column(tmp_path):
    cells = ["序号", "重点任务", "工作措施", "责任单位", "完成时限",
             "1", "优化营商环境。", "推行一窗通办。", "县政务服务中心", "6月底前",
             "2", "扩大有效投资。", "谋划重点项目50个。", "县发改委", "12月底前"]
    items = _items(_read(tmp_path, _lines(cells)))
    assert [(r.row_no, r.indicator, r.target, r.units) for r in items] == [
        ("1", "优化营商环境。", "推行一窗通办。", ["县政务服务中心"]), ("2", "扩大有效投资。", "谋划重点项目50个。", ["县发改委"])]


def test_a_task_table_without_numbers_leaves_the_paragraph_after_it_as_text(tmp_path):
    cells = ["项目名称", "建设内容", "牵头单位", "进展情况",
             "城区道路提升", "改造主干道5条。", "县住建局", "已完成3条。",
             "以上项目请各牵头单位于每月5日前报送进展情况，县政府督查室将定期通报。", "县人民政府办公室", "2021年8月1日"]
    result = _read(tmp_path, _lines(cells))
    assert [(r.indicator, r.status, r.units) for r in _items(result)] == [("城区道路提升", "已完成3条。", ["县住建局"])]
