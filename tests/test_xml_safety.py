"""One hardened XML parser for every zip-based format: a DOCTYPE is refused wherever it hides."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from parsers import formats
from parsers.errors import ParseError
from parsers.safety import parse_xml, plain_prolog, unsafe_member_name
from tests.builders import docx_with_part
from tests.conftest import SAMPLES

DOCTYPE = b'<!DOCTYPE w:document [<!ENTITY x "y">]>'
ROOT = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'


def _read(path):
    return formats.read(path, str(path))


def test_doctype_after_a_long_comment_is_refused(tmp_path):
    part = b'<?xml version="1.0"?><!--' + b"x" * 70_000 + b"-->" + DOCTYPE + ROOT
    path = docx_with_part(SAMPLES / "sanmenxia_2020_targets.docx", tmp_path / "c.docx", "word/document.xml", part)
    with pytest.raises(ParseError, match="DOCTYPE"):
        _read(path)


def test_doctype_in_a_utf16_part_is_refused(tmp_path):
    part = ('<?xml version="1.0" encoding="UTF-16"?>' + DOCTYPE.decode() + ROOT.decode()).encode("utf-16")
    path = docx_with_part(SAMPLES / "sanmenxia_2020_targets.docx", tmp_path / "u.docx", "word/document.xml", part)
    with pytest.raises(ParseError, match="DOCTYPE"):
        _read(path)


def test_doctype_in_a_part_not_named_xml_is_refused(tmp_path):
    part = b'<?xml version="1.0"?>' + DOCTYPE + ROOT
    path = tmp_path / "n.docx"
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.docx", path)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("customXml/item9.bin", part)
    with pytest.raises(ParseError, match="DOCTYPE"):
        _read(path)


def test_parse_xml_keeps_entities_unexpanded_and_refuses_doctype():
    with pytest.raises(ParseError, match="DOCTYPE"):
        parse_xml(b'<?xml version="1.0"?>' + DOCTYPE + ROOT, "part.xml", "OFD")
    assert parse_xml(ROOT, "part.xml", "OFD").tag.endswith("document")


@pytest.mark.parametrize("name, unsafe", [("../evil.txt", True), ("/etc/passwd", True), ("a/../../b", True),
                                          ("C:\\x", True), ("word/document.xml", False), ("a/b..c", False)])
def test_zip_slip_names(name, unsafe):
    assert unsafe_member_name(name) is unsafe


@pytest.mark.parametrize("head, plain", [
    (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="x">', True),
    (b'\xef\xbb\xbf<?xml version="1.0"?><a/>', True),
    (b"<a/>", True),
    (b'<?xml version="1.0" standalone="yes" encoding="utf-8"?><a/>', True),
    (b'<?xml version="1.0"?>' + DOCTYPE + ROOT, False),
    (b'<?xml version="1.0"?><!-- <a> -->' + DOCTYPE + ROOT, False),  # a tag inside a comment is no root
    (b'<?xml version="1.0"?><?pi x?>' + DOCTYPE + ROOT, False),
    (b'<?xml version="1.0" encoding="GBK"?><a/>', False),
    (b'<?xml version="1.0" foo="<!DOCTYPE"?><a/>', False),
    (b'<?xml version="1.0"?>', False),  # the root is not within the bytes at hand
    (DOCTYPE + ROOT, False),
])
def test_only_a_prolog_that_cannot_hold_a_doctype_skips_the_parser(head, plain):
    assert plain_prolog(head) is plain


def test_doctype_after_a_processing_instruction_is_refused(tmp_path):
    part = b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>' + DOCTYPE + ROOT
    path = docx_with_part(SAMPLES / "sanmenxia_2020_targets.docx", tmp_path / "p.docx", "word/document.xml", part)
    with pytest.raises(ParseError, match="DOCTYPE"):
        _read(path)
