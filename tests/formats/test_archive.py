"""Zip archives walked as folders (parsers/formats/archive.py; the batch hook is not wired yet):
each member its own entry named archive.zip!/path, nested zips followed to a small depth, hostile
members refused with a reason and the rest still read."""
from __future__ import annotations

import io
import re
import zipfile

from parsers import formats
from parsers.formats.archive import is_archive, walk_archive
from tests.conftest import SAMPLES

NOTICE = SAMPLES / "sanmenxia_2020_targets.docx"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _mark_encrypted(data: bytes, name: bytes) -> bytes:
    """Set the 'encrypted' flag of a member in its local header and central directory record
    (zipfile cannot write encrypted members)."""
    out = bytearray(data)
    start = 0
    while (at := data.find(name, start)) >= 0:
        if data[at - 30:at - 26] == b"PK\x03\x04":
            out[at - 24] |= 0x1
        elif data[at - 46:at - 42] == b"PK\x01\x02":
            out[at - 38] |= 0x1
        start = at + 1
    return bytes(out)


def test_members_read_like_a_folder_with_nested_zip(tmp_path):
    inner = _zip({"附件/tables.docx": (SAMPLES / "jiayuguan_2022q2_decomposition.docx").read_bytes()})
    outer = tmp_path / "archive.zip"
    outer.write_bytes(_zip({"通知/notice.docx": NOTICE.read_bytes(), "notice.md": (SAMPLES / "sanmenxia_2020_targets.md")
                            .read_bytes(), "inner.zip": inner, "~$notice.docx": b"lock", ".DS_Store": b"x",
                            "__MACOSX/._notice.docx": b"x"}))
    assert is_archive(formats.probe(outer)) and not is_archive(formats.probe(NOTICE))
    work = tmp_path / "work"
    work.mkdir()
    members = {m.source.split("!/", 1)[1]: m for m in walk_archive(outer, str(outer), work)}
    assert set(members) == {"通知/notice.docx", "notice.md", "inner.zip!/附件/tables.docx", "~$notice.docx", ".DS_Store",
                            "__MACOSX/._notice.docx"}
    assert members["inner.zip!/附件/tables.docx"].source == f"{outer}!/inner.zip!/附件/tables.docx"
    assert {n: m.status for n, m in members.items() if m.status != "ok"} == {
        "~$notice.docx": "skipped", ".DS_Store": "skipped", "__MACOSX/._notice.docx": "skipped"}
    notice = members["通知/notice.docx"]
    doc = formats.read(notice.path, notice.source)
    assert doc.format == "docx" and doc.blocks[0].prov.source.endswith("!/通知/notice.docx")
    tables = members["inner.zip!/附件/tables.docx"]
    assert len(formats.read(tables.path, tables.source).tables()) == 2


def test_gbk_member_names_are_decoded(tmp_path):
    path = tmp_path / "gbk.zip"
    with zipfile.ZipFile(path, "w") as zf:
        info = zipfile.ZipInfo("placeholder")
        zf.writestr(info, b"1. \xe7\x94\xb2")
    raw = path.read_bytes().replace(b"placeholder", "附件一.txt".encode("gbk") + b"1")  # same length: 11 bytes
    path.write_bytes(raw)
    (member,) = walk_archive(path, "gbk.zip", tmp_path)
    assert member.source == "gbk.zip!/附件一.txt1"


def test_hostile_members_are_refused_and_the_rest_read(tmp_path):
    level3 = _zip({"deep.txt": b"x"})
    level2 = _zip({"l3.zip": level3})
    level1 = _zip({"l2.zip": level2})
    path = tmp_path / "hostile.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("good.docx", NOTICE.read_bytes())
        zf.writestr("../../evil.txt", b"1. x")
        zf.writestr("bomb.txt", b"\0" * (50 * 1024 * 1024))
        zf.writestr("secret.docx", b"not really encrypted")
        zf.writestr("l1.zip", level1)
    path.write_bytes(_mark_encrypted(buf.getvalue(), b"secret.docx"))
    work = tmp_path / "work"
    work.mkdir()
    members = {m.source.split("!/", 1)[1]: m for m in walk_archive(path, "hostile.zip", work)}
    reasons = {n: (m.status, m.reason) for n, m in members.items()}
    assert reasons["good.docx"] == ("ok", None)
    assert reasons["../../evil.txt"][0] == "failed" and "zip slip" in reasons["../../evil.txt"][1]
    assert reasons["bomb.txt"][0] == "failed" and "zip bomb" in reasons["bomb.txt"][1]
    assert reasons["secret.docx"][0] == "failed" and "encrypted" in reasons["secret.docx"][1]
    deep = reasons["l1.zip!/l2.zip!/l3.zip"]
    assert deep[0] == "failed" and re.search(r"nested more than \d deep", deep[1])
    assert not (tmp_path.parent / "evil.txt").exists()
    assert formats.read(members["good.docx"].path, "x").format == "docx"
