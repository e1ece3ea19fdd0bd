"""What an evidence file may be, decided by its content (cop/activities/evidence.py): what
is refused whatever it is named, what is accepted with the extension of what it is, and
images stored re-encoded with none of the metadata they came with.

The files are built here, minimal and valid: a PDF by hand, OOXML and ODF with zipfile,
images with Pillow. Other tests import the builders."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from cop.activities import evidence
from cop.activities.evidence import DOCX, ODT, PDF, PPTX, XLSX, Rejected, check

SCRIPT = "<script>alert('evidence')</script>"


# --- Builders ------------------------------------------------------------------------------
def pdf(body=b""):
    """A one-page PDF, by hand; `body` goes inside its catalogue."""
    return (
        b"%PDF-1.4\n"
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + body + b">>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n"
    )


def pdf_with_object_stream(objects):
    """A PDF 1.5 whose `objects` (bytes) sit in a compressed object stream."""
    data = zlib.compress(objects)
    return (
        b"%PDF-1.5\n4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + str(len(data)).encode()
        + b" >>\nstream\n"
        + data
        + b"\nendstream\nendobj\n"
        + pdf()[len(b"%PDF-1.4\n") :]
    )


def zipped(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            kind = zipfile.ZIP_STORED if name == "mimetype" else compression
            archive.writestr(name, data, compress_type=kind)
    return out.getvalue()


OOXML_PARTS = {
    DOCX: ("word/document.xml", "<w:document/>"),
    XLSX: ("xl/workbook.xml", "<workbook/>"),
    PPTX: ("ppt/presentation.xml", "<p:presentation/>"),
}


def ooxml(content_type=DOCX, extra=(), main_type=None):
    part, xml = OOXML_PARTS[content_type]
    main_type = main_type or f"{content_type}.main+xml"
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/{part}" ContentType="{main_type}"/></Types>'
    )
    return zipped(
        [
            ("[Content_Types].xml", types),
            ("_rels/.rels", "<Relationships/>"),
            (part, xml),
            *list(extra),
        ]
    )


def docx(extra=()):
    return ooxml(DOCX, extra)


def odf(mimetype=ODT, extra=(), manifest="<manifest:manifest/>"):
    return zipped(
        [
            ("mimetype", mimetype),
            ("content.xml", "<office:document-content/>"),
            ("META-INF/manifest.xml", manifest),
            *extra,
        ]
    )


def image(image_format="PNG", size=(24, 16), mode="RGB", **params):
    out = io.BytesIO()
    Image.new(mode, size, (200, 40, 40) if mode == "RGB" else None).save(
        out, image_format, **params
    )
    return out.getvalue()


def png():
    return image("PNG")


def exif_with(text, orientation=None):
    exif = Image.Exif()
    exif[0x010E] = text  # ImageDescription
    exif[0x013B] = text  # Artist
    if orientation:
        exif[0x0112] = orientation
    return exif


def xmp_with(text):
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
        f"{text}</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def upload(data, name="evidence.pdf", content_type="application/pdf"):
    """What Django hands the view; the browser's type is made up on purpose."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def bare(data):
    """The metadata Pillow finds in stored image bytes (empty when there is none)."""
    with Image.open(io.BytesIO(data)) as stored:
        found = {
            key: stored.info[key]
            for key in ("exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp")
            if key in stored.info
        }
        found.update(getattr(stored, "text", {}) or {})
        found.update(dict(stored.getexif()))
        return found


# --- Refused, whatever the name ------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        b"<!doctype html><html><body><script>alert(1)</script></body></html>",
        b"Just some plain text, typed in a text editor.\n",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 64,
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
    ids=["html", "text", "windows-exe", "linux-elf", "gif", "svg"],
)
def test_a_file_that_is_no_accepted_type_is_refused_though_named_pdf(data):
    with pytest.raises(Rejected) as refused:
        check(upload(data, "minutes.pdf"))

    assert "not one we accept" in str(refused.value.message)


def test_html_before_a_pdf_header_is_not_a_pdf():
    with pytest.raises(Rejected):
        check(upload(b"<html><script>alert(1)</script></html>\n" + pdf(), "report.pdf"))


def test_a_plain_zip_renamed_docx_is_refused():
    with pytest.raises(Rejected) as refused:
        check(upload(zipped([("notes.txt", "hello")]), "report.docx"))

    assert "zip archive" in str(refused.value.message)


def test_a_zip_with_a_document_part_but_no_content_types_is_refused():
    with pytest.raises(Rejected):
        check(upload(zipped([("word/document.xml", "<w:document/>")]), "report.docx"))


@pytest.mark.parametrize(
    "data",
    [
        docx(extra=[("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")]),
        ooxml(XLSX, extra=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")]),
        ooxml(DOCX, main_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
        docx(extra=[("word/activeX/activeX1.xml", "<ax:ocx/>")]),
        odf(extra=[("Basic/Standard/Module1.xml", "<script:module/>")]),
        odf(extra=[("Scripts/python/run.py", "import os")]),
    ],
    ids=["docx-vba", "xlsx-vba", "macro-enabled-type", "activex", "odf-basic", "odf-scripts"],
)
def test_documents_with_macros_are_refused(data):
    with pytest.raises(Rejected) as refused:
        check(upload(data, "report.docx"))

    assert "macros" in str(refused.value.message)


def test_an_oversized_file_is_refused_with_the_limit_in_the_message(settings):
    data = b"%PDF-1.4\n" + b"0" * settings.EVIDENCE_MAX_BYTES

    with pytest.raises(Rejected) as refused:
        check(upload(data, "big.pdf"))

    assert "10.0\xa0MB" in str(refused.value.message)  # filesizeformat's no-break space


def test_the_size_is_checked_before_the_file_is_read(settings):
    class Huge:
        name, size = "huge.pdf", settings.EVIDENCE_MAX_BYTES + 1

        def read(self, *args):
            raise AssertionError("read before the size was checked")

    with pytest.raises(Rejected):
        check(Huge())


def test_an_empty_file_is_refused():
    with pytest.raises(Rejected):
        check(upload(b"", "empty.pdf"))


def test_a_zip_bomb_is_refused():
    bomb = docx(extra=[("word/media/filler.xml", b"\x00" * (30 * 1024 * 1024))])

    assert len(bomb) < 100_000  # it is small, and expands a thousand times
    with pytest.raises(Rejected) as refused:
        check(upload(bomb, "report.docx"))

    assert "expands" in str(refused.value.message)


def test_a_document_expanding_past_the_total_bound_is_refused(monkeypatch):
    monkeypatch.setattr(evidence, "MAX_UNPACKED", 50_000)
    filler = bytes(range(256)) * 400  # 100 KB that barely compresses

    with pytest.raises(Rejected):
        check(upload(docx(extra=[("word/media/data.bin", filler)]), "report.docx"))


def test_a_zip_with_an_encrypted_member_is_refused():
    data = bytearray(docx())
    # Mark every member encrypted (general purpose bit 0), in its local and central header.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            flags = struct.unpack_from("<H", data, start + offset)[0]
            struct.pack_into("<H", data, start + offset, flags | 0x1)
            start += 4

    with pytest.raises(Rejected) as refused:
        check(upload(bytes(data), "report.docx"))

    assert "password" in str(refused.value.message)


def test_a_damaged_zip_member_is_refused():
    data = bytearray(docx())
    marker = data.find(b"word/document.xml") + len("word/document.xml")
    data[marker + 2] ^= 0xFF  # a byte of the compressed data

    with pytest.raises(Rejected):
        check(upload(bytes(data), "report.docx"))


def test_an_odf_with_another_mimetype_or_encrypted_is_refused():
    with pytest.raises(Rejected):
        check(upload(odf(mimetype="application/x-shellscript"), "report.odt"))
    with pytest.raises(Rejected) as refused:
        check(upload(odf(manifest="<manifest:encryption-data/>"), "report.odt"))

    assert "password" in str(refused.value.message)


@pytest.mark.parametrize(
    "data",
    [
        pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
        pdf(b"/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >> "),  # #61 is "a"
        pdf(b"/OpenAction << /S /Launch /F (cmd.exe) >> "),
        pdf(b"/Names << /EmbeddedFiles 5 0 R >> "),
        pdf_with_object_stream(b"5 0 << /S /JavaScript /JS (app.alert(1)) >>"),
    ],
    ids=["javascript", "escaped-name", "launch", "embedded-file", "in-object-stream"],
)
def test_a_pdf_carrying_scripts_or_files_is_refused(data):
    with pytest.raises(Rejected) as refused:
        check(upload(data, "report.pdf"))

    assert "scripts" in str(refused.value.message)


def test_an_encrypted_or_truncated_pdf_is_refused():
    encrypted = pdf().replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 9 0 R")

    with pytest.raises(Rejected):
        check(upload(encrypted, "report.pdf"))
    with pytest.raises(Rejected):
        check(upload(pdf()[:-12], "report.pdf"))  # no %%EOF
    with pytest.raises(Rejected):
        check(upload(b"%PDF-9.9\n%%EOF\n", "report.pdf"))


@pytest.mark.parametrize("side", [8_000, 20_000])  # 64 Mpx; 400 Mpx, past Pillow's own bound
def test_an_image_past_the_pixel_bound_is_refused_before_it_is_decoded(side):
    data = bytearray(image("PNG", size=(1, 1)))
    # IHDR: width and height at bytes 16-24, its CRC after: claim side x side pixels.
    struct.pack_into(">II", data, 16, side, side)
    struct.pack_into(">I", data, 29, zlib.crc32(bytes(data[12:29])))

    with pytest.raises(Rejected) as refused:
        check(upload(bytes(data), "huge.png"))

    assert "megapixels" in str(refused.value.message)


def test_a_damaged_image_is_refused():
    truncated = image("JPEG", size=(64, 64))[:200]

    with pytest.raises(Rejected):
        check(upload(truncated, "photo.jpg"))
    with pytest.raises(Rejected):
        check(upload(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "photo.png"))


# --- Images: stored from their pixels alone ------------------------------------------------
def test_a_jpeg_with_a_script_in_its_metadata_is_stored_without_any():
    data = image(
        "JPEG",
        exif=exif_with(SCRIPT),
        comment=SCRIPT.encode(),
        icc_profile=b"ICC" + SCRIPT.encode() * 10,
        xmp=xmp_with(SCRIPT),
    )
    assert SCRIPT.encode() in data  # the original carries it

    clean = check(upload(data, "photo.jpg", content_type="image/jpeg"))

    assert (clean.content_type, clean.extension) == ("image/jpeg", ".jpg")
    assert b"script" not in clean.content
    assert b"alert" not in clean.content
    assert bare(clean.content) == {}
    with Image.open(io.BytesIO(clean.content)) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (24, 16)


def test_a_png_with_a_script_in_its_text_chunks_and_exif_is_stored_without_any():
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", SCRIPT)
    text.add_text("Description", SCRIPT, zip=True)  # zTXt
    text.add_itxt("Author", SCRIPT, lang="en")
    data = image("PNG", pnginfo=text, exif=exif_with(SCRIPT), icc_profile=b"ICC" * 50)

    clean = check(upload(data, "chart.png", content_type="image/png"))

    assert (clean.content_type, clean.extension) == ("image/png", ".png")
    assert b"script" not in clean.content
    assert b"tEXt" not in clean.content
    assert b"iTXt" not in clean.content
    assert b"zTXt" not in clean.content
    assert b"eXIf" not in clean.content
    assert bare(clean.content) == {}


def test_a_webp_with_exif_and_xmp_is_stored_without_them():
    data = image("WEBP", exif=exif_with(SCRIPT), xmp=xmp_with(SCRIPT))
    assert SCRIPT.encode() in data

    clean = check(upload(data, "photo.webp", content_type="image/webp"))

    assert (clean.content_type, clean.extension) == ("image/webp", ".webp")
    assert b"script" not in clean.content
    assert bare(clean.content) == {}


def test_an_image_is_stored_upright_once_its_orientation_is_dropped():
    data = image("JPEG", size=(40, 20), exif=exif_with("x", orientation=6))  # turned 90°

    clean = check(upload(data, "phone.jpg"))

    with Image.open(io.BytesIO(clean.content)) as stored:
        assert stored.size == (20, 40)
        assert dict(stored.getexif()) == {}


def test_a_transparent_png_keeps_its_transparency():
    data = image("PNG", mode="RGBA")

    clean = check(upload(data, "logo.png"))

    with Image.open(io.BytesIO(clean.content)) as stored:
        assert stored.mode == "RGBA"


# --- Accepted, with the extension of what they are -----------------------------------------
@pytest.mark.parametrize(
    ("data", "content_type", "extension"),
    [
        (pdf(), PDF, ".pdf"),
        (pdf_with_object_stream(b"5 0 << /Type /Font /Subtype /Type1 >>"), PDF, ".pdf"),
        (docx(), DOCX, ".docx"),
        (ooxml(XLSX), XLSX, ".xlsx"),
        (ooxml(PPTX), PPTX, ".pptx"),
        (odf(ODT), ODT, ".odt"),
        (odf("application/vnd.oasis.opendocument.spreadsheet"), evidence.ODS, ".ods"),
        (odf("application/vnd.oasis.opendocument.presentation"), evidence.ODP, ".odp"),
        (png(), "image/png", ".png"),
        (image("JPEG"), "image/jpeg", ".jpg"),
        (image("WEBP"), "image/webp", ".webp"),
    ],
    ids=["pdf", "pdf-1.5", "docx", "xlsx", "pptx", "odt", "ods", "odp", "png", "jpeg", "webp"],
)
def test_valid_files_are_accepted_with_the_extension_of_their_type(data, content_type, extension):
    clean = check(upload(data, "Evidence file", content_type="text/html"))

    assert (clean.content_type, clean.extension) == (content_type, extension)
    assert clean.name == f"Evidence file{extension}"
    if not content_type.startswith("image/"):
        assert clean.content == data  # documents are stored as they came
    assert clean.as_file().read() == clean.content
    assert len(clean.sha256) == 64


def test_a_spreadsheet_made_by_openpyxl_is_accepted():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "People trained"
    out = io.BytesIO()
    workbook.save(out)

    assert check(upload(out.getvalue(), "figures.xlsx")).content_type == XLSX


# --- The name shown ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("uploaded", "content_type", "shown"),
    [
        ("minutes.pdf", PDF, "minutes.pdf"),
        ("Minutes.PDF", PDF, "Minutes.PDF"),
        ("minutes.exe", PDF, "minutes.pdf"),  # the name disagrees: the type wins
        ("minutes", PDF, "minutes.pdf"),
        ("photo.jpeg", "image/jpeg", "photo.jpeg"),
        ("photo.png", "image/jpeg", "photo.jpg"),
        ("../../etc/passwd", PDF, "passwd.pdf"),
        ("C:\\Users\\focal\\Desktop\\report.docx", DOCX, "report.docx"),
        ("invoice\u202egpj.exe", PDF, "invoicegpj.pdf"),  # a right-to-left override dropped
        ("line\nbreak\r\x00.pdf", PDF, "linebreak.pdf"),
        ('say "hi" <b>.pdf', PDF, "say _hi_ _b_.pdf"),
        ("   .hidden.pdf  ", PDF, "hidden.pdf"),
        ("รายงาน ไตรมาส 4.pdf", PDF, "รายงาน ไตรมาส 4.pdf"),
        ("", PDF, "evidence.pdf"),
    ],
)
def test_the_display_name_is_made_safe(uploaded, content_type, shown):
    assert evidence.display_name(uploaded, content_type) == shown


def test_the_display_name_is_at_most_200_characters_and_keeps_its_extension():
    name = evidence.display_name("ก" * 500 + ".docx", DOCX)

    assert len(name) == 200
    assert name.endswith(".docx")
