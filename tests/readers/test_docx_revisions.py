"""What Word shows is what is read: a notice a drafter validates often carries tracked changes, smart tags (Word
2003–2007 wrap dates and places in them) and content controls (templates of office systems wrap whole sections in
them). python-docx's paragraph text skips all three; before, a clause whose points were a tracked insertion lost
them, a smart-tagged date vanished from the 成文日期, and a section inside a content control was not read at all."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import docx_with_part, new_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _p(inner: str) -> str:
    return f"<w:p>{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _docx(tmp_path, body: str):
    source = tmp_path / "base.docx"
    new_docx().save(source)
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()
    return docx_with_part(source, tmp_path / "revised.docx", "word/document.xml", xml)


def test_tracked_insertions_read_deletions_left_out_smart_tags_and_content_controls_read(tmp_path):
    ins = '<w:ins w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z">{}</w:ins>'
    deleted = '<w:del w:id="2" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>（5分）</w:delText></w:r></w:del>'
    smart = '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">{}</w:smartTag>'
    control = '<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>'
    body = "".join([
        _p(_r("某县2021年度安全生产工作考核细则")),
        _p(_r("一、组织领导（20分）")),
        _p(_r("1.成立安全生产委员会") + deleted + ins.format(_r("（10分）")) + _r("；")),
        _p(_r("2.每季度召开一次专题会议（10分）；")),
        control.format(_p(_r("二、隐患排查（30分）")) + _p(_r("3.建立隐患排查台账（30分）。"))),
        _p(_r("某县安全生产委员会")),
        _p(smart.format(_r("2021年3月5日"))),
    ])
    result = process_file(_docx(tmp_path, body))
    got = [(t.section, t.seq, t.points, t.text.rstrip("；。")) for t in result.targets]
    assert got[:2] == [("组织领导", 1, 10.0, "成立安全生产委员会"), ("组织领导", 2, 10.0, "每季度召开一次专题会议")]
    assert got[2][:3] == ("隐患排查", 3, 30.0) and got[2][3].startswith("建立隐患排查台账")
    assert str(result.info.issued_on) == "2021-03-05"


MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
V_NS = "urn:schemas-microsoft-com:vml"


def _text_box_run(text: str) -> str:
    """A run drawing a text box as Word 2010+ saves it: DrawingML with a VML copy as the fallback."""
    content = f"<w:txbxContent>{_p(_r(text))}</w:txbxContent>"
    return (f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="wps"><w:drawing>'
            f'<wps:wsp xmlns:wps="{WPS_NS}"><wps:txbx>{content}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape xmlns:v="{V_NS}"><v:textbox>{content}</v:textbox></v:shape></w:pict>'
            f"</mc:Fallback></mc:AlternateContent></w:r>")


def test_red_head_in_a_text_box_is_read_once_before_its_anchor(tmp_path):
    from parsers.readers.docx_reader import read_docx

    body = "".join([_p(_text_box_run("某县人民政府文件")), _p(_r("某政〔2021〕3号")),
                    _p(_r("关于印发某县安全生产工作考核细则的通知")), _p(_r("一、组织领导（20分）"))])
    path = _docx(tmp_path, body)
    assert [b.text for b in read_docx(path, "t.docx").blocks] == [
        "某县人民政府文件", "某政〔2021〕3号", "关于印发某县安全生产工作考核细则的通知", "一、组织领导（20分）"]
    assert process_file(path).info.issuer == "某县人民政府"
