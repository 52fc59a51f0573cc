"""The .docx package opened without python-docx's element classes gives python-docx's own trees,
its own errors, and python-docx's paragraph text, on real files and on packages built to stray."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from parsers.errors import ParseError
from parsers.readers import docx_package
from parsers.readers.docx_package import XML_PARTS, open_parts
from parsers.readers.docx_reader import paragraph_text, read_docx
from tests.builders import docx_with_part, new_docx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(el) -> bytes | None:
    return None if el is None else etree.tostring(el)


def _python_docx_trees(path: Path) -> tuple:
    document = docx.Document(str(path))
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering = None
    return _xml(document.element), _xml(document.styles.element), _xml(numbering)


def _plain_trees(path: Path) -> tuple:
    parts = docx_package._open_plain(path)  # the fast path itself: it must not fall back here
    return _xml(parts.document), _xml(parts.styles), _xml(parts.numbering)


def _rewrite(source: Path, target: Path, edit) -> Path:
    """A copy of a package with ``edit(name, data) -> data or None`` applied (None drops the part)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = edit(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info.filename, data)
    return target


def test_python_docx_part_types_are_the_ones_parsed():
    """python-docx parses a part when it opens a package by its content type: the plain opener
    parses the same ones (a python-docx upgrade that changes the list fails here)."""
    from docx.opc.part import PartFactory, XmlPart
    parsed = {ct for ct, cls in PartFactory.part_type_for.items() if issubclass(cls, XmlPart)}
    assert parsed == set(XML_PARTS)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.docx")))
def test_samples_open_to_python_docx_trees(name):
    assert _plain_trees(SAMPLES / name) == _python_docx_trees(SAMPLES / name)


def test_a_package_without_styles_gets_python_docx_default_styles(tmp_path):
    source = SAMPLES / "sanmenxia_2020_targets.docx"
    rels = re.compile(rb'<Relationship [^>]*relationships/styles"[^>]*/>')

    def drop_styles(name, data):
        if name == "word/_rels/document.xml.rels":
            return rels.sub(b"", data)
        return None if name == "word/styles.xml" else data

    path = _rewrite(source, tmp_path / "nostyles.docx", drop_styles)
    assert _plain_trees(path) == _python_docx_trees(path)
    assert b"heading 1" in _plain_trees(path)[1].lower()  # python-docx's template, not an empty table


def test_a_package_without_numbering_has_none(tmp_path):
    document = new_docx()
    document.add_paragraph("甲")
    document.save(tmp_path / "plain.docx")
    assert _plain_trees(tmp_path / "plain.docx") == _python_docx_trees(tmp_path / "plain.docx")


@pytest.mark.parametrize("case", ["two_styles_relationships", "styles_to_the_document", "missing_target",
                                  "no_office_document"])
def test_unusual_packages_fail_or_open_as_python_docx_does(tmp_path, case):
    """Where the package strays, the plain opener steps aside: python-docx's error, or its trees."""
    source = SAMPLES / "sanmenxia_2020_targets.docx"

    def edit(name, data):
        if case == "two_styles_relationships" and name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.'
                                b'org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
        if case == "styles_to_the_document" and name == "word/_rels/document.xml.rels":
            return re.sub(rb'Target="styles.xml"', b'Target="document.xml"', data)
        if case == "missing_target" and name == "word/footer1.xml":
            return None
        if case == "no_office_document" and name == "_rels/.rels":
            return data.replace(b"relationships/officeDocument", b"relationships/other")
        return data

    path = _rewrite(source, tmp_path / f"{case}.docx", edit)
    with pytest.raises(Exception):
        docx_package._open_plain(path)
    try:
        expected = _python_docx_trees(path)
    except Exception as exc:  # python-docx fails: so does the reader, with python-docx's error
        with pytest.raises(ParseError, match=re.escape(f"cannot open .docx: {type(exc).__name__}")):
            read_docx(path, "u")
    else:
        parts = open_parts(path)
        assert (_xml(parts.document), _xml(parts.styles), _xml(parts.numbering)) == expected


def test_a_damaged_member_python_docx_reads_fails_the_file(tmp_path):
    """python-docx reads every part it reaches (a thumbnail too): a member that cannot be inflated
    fails the file there, so it does here, with the same message."""
    path = docx_with_part(SAMPLES / "sanmenxia_2020_targets.docx", tmp_path / "x.docx", "word/settings.xml",
                          b"<w:settings")
    with pytest.raises(ParseError, match="cannot open .docx: XMLSyntaxError"):
        read_docx(path, "x")


def test_paragraph_text_is_python_docx_text_with_tracked_insertions(tmp_path):
    """Runs and hyperlinks that are the paragraph's children, tabs, line/page/column breaks,
    carriage returns, non-breaking hyphens and absolute tabs, as python-docx reads them; and text inside w:ins,
    which python-docx skips and Word shows (the text once changes are accepted); deleted text is not read."""
    body = (
        '<w:p><w:r><w:t xml:space="preserve">甲 </w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t>'
        '<w:br w:type="page"/><w:br w:type="column"/><w:cr/><w:noBreakHyphen/><w:ptab w:relativeTo="margin" '
        'w:alignment="right" w:leader="none"/><w:t/></w:r>'
        '<w:hyperlink r:id="rId1"><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:t>插入</w:t></w:r></w:ins>'
        '<w:r><w:delText>删除</w:delText><w:t>丁</w:t></w:r></w:p>')
    xml = (f'<w:document xmlns:w="{W[1:-1]}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
           f'relationships"><w:body>{body}</w:body></w:document>').encode()
    path = docx_with_part(_saved(tmp_path), tmp_path / "runs.docx", "word/document.xml", xml)
    (p,) = docx.Document(str(path)).paragraphs
    plain = docx_package._open_plain(path).document.find(f"{W}body/{W}p")
    assert p.text == "甲 \t乙\n丙\n-\t链接丁"
    assert paragraph_text(plain) == "甲 \t乙\n丙\n-\t链接插入丁"


def _saved(tmp_path: Path) -> Path:
    document = new_docx()
    document.add_paragraph("x")
    document.save(tmp_path / "base.docx")
    return tmp_path / "base.docx"


def test_a_paragraph_style_without_its_value_fails_as_python_docx_does(tmp_path):
    """`<w:pStyle/>` without w:val: python-docx raises reading the style; the reader raises the same."""
    xml = (f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:p><w:pPr><w:pStyle/></w:pPr><w:r><w:t>甲</w:t></w:r>'
           f'</w:p></w:body></w:document>').encode()
    path = docx_with_part(_saved(tmp_path), tmp_path / "nostyle.docx", "word/document.xml", xml)
    from docx.oxml.exceptions import InvalidXmlError
    with pytest.raises(InvalidXmlError, match="required 'w:val' attribute not present"):
        docx.Document(str(path)).paragraphs[0].style
    with pytest.raises(InvalidXmlError, match="required 'w:val' attribute not present"):
        read_docx(path, "s")
