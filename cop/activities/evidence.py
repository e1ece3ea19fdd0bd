"""What an evidence file may be, decided by its content: `check(uploaded_file)` returns
the bytes to store (`Clean`) or raises `Rejected` with a message for the uploader.

Accepted: PDF; Word, Excel and PowerPoint documents (.docx, .xlsx, .pptx); OpenDocument
text, spreadsheets and presentations (.odt, .ods, .odp); JPEG, PNG and WebP images. The
name the file came with and the type the browser claimed are never looked at to decide:
a page of HTML, a program or a plain zip renamed "report.pdf" or "report.docx" is refused.

- Size: settings.EVIDENCE_MAX_BYTES, checked from the upload's size before anything is
  read, and again on what is read.
- PDF: begins with "%PDF-1." or "%PDF-2.", ends with "%%EOF" (within its last kilobyte).
  A PDF that is encrypted, or names scripts, launch actions, attached files, rich media or
  XFA forms, is refused - in its own bytes and in its compressed object streams, where
  such dictionaries usually sit - so nothing runs when a reader opens it.
- Office documents are zips: nothing before the first member, at most MAX_MEMBERS
  members, every member inflated once in chunks (the sizes a zip declares are not
  trusted) to at most MAX_UNPACKED bytes in all and MAX_RATIO times its compressed size
  (zip bombs), no encrypted member. OOXML has [Content_Types].xml naming the main part
  of its kind (word/document.xml, xl/workbook.xml, ppt/presentation.xml) with the
  macro-free type; macros (vbaProject.bin, macro-enabled types) and ActiveX controls are
  refused. ODF's first member is `mimetype`, holding exactly the kind's type; its macros
  (Basic/, Scripts/) and encrypted documents are refused.
- Images are opened by Pillow with only the JPEG, PNG and WebP decoders allowed (never the
  others: the EPS one would start Ghostscript), at most MAX_PIXELS (decompression bombs),
  verified, decoded in full, turned upright (ImageOps.exif_transpose), then RE-ENCODED
  from their pixels alone: no EXIF, XMP, ICC profile, comment or text chunk is written,
  whatever the original carried. An animation keeps its first frame.

Why not libmagic: it is not installed here (python-magic needs the C library), and a magic
number says only how a file begins - "%PDF-" followed by a script passes it. Checking the
structure each accepted type must have is stricter, and needs only Pillow (installed with
Wagtail) and the standard library's zipfile.
"""

import hashlib
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; decoded, about 120 MB of RGB
MAX_MEMBERS = 10_000
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 200  # XML compresses 10 to 50 times; a bomb, a thousand
RATIO_FROM = 1024 * 1024  # small members may compress as well as they like
MAX_NAME = 200
CHUNK = 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"

# Content type -> the extension stored, and the other spellings a name may keep.
EXTENSIONS = {
    PDF: (".pdf",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    PPTX: (".pptx",),
    ODT: (".odt",),
    ODS: (".ods",),
    ODP: (".odp",),
    "image/jpeg": (".jpg", ".jpeg", ".jpe"),
    "image/png": (".png",),
    "image/webp": (".webp",),
}
# What a browser may show in the page; the rest is downloaded (views/evidence.py).
# Images open in the browser; a PDF is saved (under the download's sandboxing policy
# Chromium shows an inline PDF as a blank page).
SHOWN_INLINE = frozenset({"image/jpeg", "image/png", "image/webp"})

# OOXML: the main part of each kind and its macro-free content type.
OOXML = (
    ("word/document.xml", DOCX, f"{DOCX}.main+xml"),
    ("xl/workbook.xml", XLSX, f"{XLSX}.main+xml"),
    ("ppt/presentation.xml", PPTX, f"{PPTX}.main+xml"),
)
ODF = (ODT, ODS, ODP)
IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class Rejected(Exception):
    """A file that is not stored; `message` tells the uploader why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Clean:
    """The bytes to store, with the name to show and the type they were found to be."""

    name: str
    extension: str
    content_type: str
    content: bytes = field(repr=False)
    sha256: str = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "sha256", hashlib.sha256(self.content).hexdigest())

    def as_file(self):
        return ContentFile(self.content, name=f"evidence{self.extension}")


def check(uploaded_file):
    """The file's safe bytes and display name, or Rejected."""
    limit = settings.EVIDENCE_MAX_BYTES
    too_large = Rejected(
        _("The file is larger than %(limit)s: make it smaller, or split it, and try again.")
        % {"limit": filesizeformat(limit)}
    )
    if uploaded_file.size is not None and uploaded_file.size > limit:
        raise too_large
    uploaded_file.seek(0)
    content = uploaded_file.read(limit + 1)
    if len(content) > limit:
        raise too_large
    if not content:
        raise Rejected(_("The file is empty."))
    if content.startswith(b"%PDF-"):
        content_type = _check_pdf(content)
    elif content.startswith(b"PK\x03\x04"):
        content_type = _check_document(content)
    elif content.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (
        content[:4] == b"RIFF" and content[8:12] == b"WEBP"
    ):
        content_type, content = _reencode_image(content)
    else:
        raise Rejected(
            _(
                "This file is not one we accept. Upload a PDF, a Word, Excel or PowerPoint "
                "document, an OpenDocument file, or a JPEG, PNG or WebP image."
            )
        )
    extension = EXTENSIONS[content_type][0]
    return Clean(
        name=display_name(getattr(uploaded_file, "name", ""), content_type),
        extension=extension,
        content_type=content_type,
        content=content,
    )


# --- Names -------------------------------------------------------------------------------
_DROPPED = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}  # controls, bidi overrides, unassigned
_RESERVED = re.compile(r'[<>:"|?*]')  # what Windows will not save, and a header's quote
_SPACES = re.compile(r"\s+")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")


def display_name(uploaded_name, content_type):
    """The uploaded name made safe to show and to send in a header: its folders dropped,
    controls and format characters (bidi overrides) removed, at most MAX_NAME characters,
    ending with an extension of the type found (which replaces one that disagrees)."""
    name = re.split(r"[/\\]", uploaded_name or "")[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if unicodedata.category(c) not in _DROPPED)
    name = _SPACES.sub(" ", _RESERVED.sub("_", name)).strip(" .")
    spellings = EXTENSIONS[content_type]
    found = _EXTENSION.search(name)
    if found and found.group().lower() in spellings:
        stem, extension = name[: found.start()], found.group()
    else:
        stem, extension = (name[: found.start()] if found else name), spellings[0]
    stem = stem.strip(" .")[: MAX_NAME - len(extension)].rstrip(" .") or _("evidence")
    return f"{stem}{extension}"


# --- PDF ---------------------------------------------------------------------------------
_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"  # what a name is made of, past its slash
_PDF_ACTIVE = frozenset(
    {b"JavaScript", b"Launch", b"EmbeddedFile", b"EmbeddedFiles", b"RichMedia", b"XFA"}
)
_PDF_ENCRYPT = b"Encrypt"
# The names that matter, whole, and any name written with #xx escapes (/J#61vaScript is
# /JavaScript), to decode and compare. Readers take names of 127 bytes at most: a longer
# one is no name of these, and is not decoded.
_PDF_SUSPECT = re.compile(
    rb"/(JavaScript|Launch|EmbeddedFiles?|RichMedia|XFA|Encrypt|"
    + _REGULAR
    + rb"{0,127}#[0-9A-Fa-f]{2}"
    + _REGULAR
    + rb"{0,127})(?!"
    + _REGULAR
    + rb")"
)
_PDF_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
_PDF_STREAM = re.compile(rb"stream\r?\n")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _check_pdf(content):
    if not _PDF_HEADER.match(content) or b"%%EOF" not in content[-1024:]:
        raise Rejected(_("This PDF is incomplete or damaged: save it again and upload it."))
    budget = [MAX_UNPACKED]
    for names in (_pdf_names(content), *_pdf_object_streams(content, budget)):
        if _PDF_ENCRYPT in names:
            raise Rejected(
                _("This PDF is password-protected: save a copy without protection and upload it.")
            )
        if names & _PDF_ACTIVE:
            raise Rejected(
                _(
                    "This PDF carries scripts, attached files or interactive content. "
                    "Print it to a new PDF (“Save as PDF”) and upload that."
                )
            )
    return PDF


def _pdf_names(data):
    """The names among those that matter that `data` holds, escapes decoded."""
    names = set()
    for match in _PDF_SUSPECT.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = _HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), name)
        names.add(name)
    return names


def _pdf_object_streams(content, budget):
    """The names in each compressed object stream (dictionaries, actions, the name tree
    of document scripts sit there in PDF 1.5 and later). One that cannot be inflated is
    refused: what it holds could not be checked."""
    for found in _PDF_OBJECT_STREAM.finditer(content):
        start = _PDF_STREAM.search(content, found.end(), found.end() + 4096)
        if start is None:
            raise Rejected(_("This PDF is incomplete or damaged: save it again and upload it."))
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(content[start.end() :], budget[0] + 1)
        except zlib.error:
            raise Rejected(
                _("This PDF uses a structure we cannot check: save it again as a PDF.")
            ) from None
        budget[0] -= len(data)
        if budget[0] < 0:
            raise Rejected(_("This PDF expands to too much data to be checked."))
        yield _pdf_names(data)


# --- Office documents (zips) -------------------------------------------------------------
def _check_document(content):
    not_a_document = Rejected(
        _(
            "This file is a zip archive, not a document we accept. Upload a Word, Excel "
            "or PowerPoint document (.docx, .xlsx, .pptx), or an OpenDocument file."
        )
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise not_a_document from None
    if not members or len(members) > MAX_MEMBERS:
        raise not_a_document
    if min(member.header_offset for member in members) != 0:
        raise not_a_document  # something sits before the first member
    _inflate_all(archive, members)
    names = {member.filename for member in members}
    lowered = [name.lower() for name in names]
    if members[0].filename == "mimetype":
        return _check_odf(archive, names, lowered, not_a_document)
    if "[Content_Types].xml" in names:
        return _check_ooxml(archive, names, lowered, not_a_document)
    raise not_a_document


def _inflate_all(archive, members):
    """Every member, inflated once in chunks and counted: zip bombs, encrypted members
    and damaged ones (a wrong checksum) are refused."""
    left = MAX_UNPACKED
    for member in members:
        if member.flag_bits & 0x1:
            raise Rejected(
                _("This document is password-protected: save a copy without a password.")
            )
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Rejected(_("This document is packed in a way we do not accept."))
        size = 0
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    left -= len(chunk)
                    if left < 0:
                        raise Rejected(_("This document expands to more than we accept."))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise Rejected(_("This document is damaged: save it again and upload it.")) from None
        if size >= RATIO_FROM and size > MAX_RATIO * max(member.compress_size, 1):
            raise Rejected(_("This document expands to more than we accept."))


def _read(archive, name, limit=CHUNK):
    with archive.open(name) as stream:
        return stream.read(limit)


def _no_macros():
    return Rejected(
        _(
            "Documents with macros or ActiveX controls are not accepted: save it as a plain "
            "document (.docx, .xlsx, .pptx, .odt, .ods, .odp) and upload that."
        )
    )


def _check_ooxml(archive, names, lowered, not_a_document):
    if "_rels/.rels" not in names:
        raise not_a_document
    types = _read(archive, "[Content_Types].xml").lower()
    if any(
        name.rsplit("/", 1)[-1] in ("vbaproject.bin", "vbadata.xml") or "activex" in name
        for name in lowered
    ) or any(word in types for word in (b"macroenabled", b"vbaproject", b"activex")):
        raise _no_macros()
    for part, content_type, main_type in OOXML:
        if part in names and main_type.encode() in types:
            return content_type
    raise not_a_document


def _check_odf(archive, names, lowered, not_a_document):
    mimetype = _read(archive, "mimetype", 100).decode("ascii", "replace")
    if mimetype not in ODF or "content.xml" not in names:
        raise not_a_document
    if any(name.startswith(("basic/", "scripts/")) for name in lowered):
        raise _no_macros()
    if "META-INF/manifest.xml" in names and b"encryption-data" in _read(
        archive, "META-INF/manifest.xml", MAX_UNPACKED
    ):
        raise Rejected(_("This document is password-protected: save a copy without a password."))
    return mimetype


# --- Images ------------------------------------------------------------------------------
def _reencode_image(content):
    """(content type, new bytes): the picture alone, upright, encoded afresh."""
    unreadable = Rejected(_("This image is damaged or in a form we cannot read."))
    too_large = Rejected(
        _("This image is larger than %(count)s megapixels: make it smaller.")
        % {"count": MAX_PIXELS // 1_000_000}
    )
    try:
        # Pillow refuses by itself past twice its own bound (a warning before that, in
        # the log); ours is lower, and checked from the header alone.
        with Image.open(io.BytesIO(content), formats=list(IMAGE_FORMATS)) as probe:
            if probe.width * probe.height > MAX_PIXELS:
                raise too_large
            probe.verify()  # checksums and structure, before any pixel is decoded
        with Image.open(io.BytesIO(content), formats=list(IMAGE_FORMATS)) as image:
            image_format = image.format
            image.seek(0)
            image.load()
            # In place: at 40 Mpx every copy of the pixels is 120 MB more.
            ImageOps.exif_transpose(image, in_place=True)
            pixels = _plain_pixels(image, image_format)
            pixels.info = {}  # an encoder falls back on it for a comment or a profile
            out = io.BytesIO()
            if image_format == "JPEG":
                pixels.save(out, "JPEG", quality=90, optimize=True)
            elif image_format == "PNG":
                pixels.save(out, "PNG", compress_level=6)
            else:
                pixels.save(out, "WEBP", quality=90, method=4)
    except Rejected:
        raise
    except Image.DecompressionBombError:
        raise too_large from None
    except Exception:  # a decoder fails on crafted input in many ways
        raise unreadable from None
    data = out.getvalue()
    _check_bare(data)
    return IMAGE_FORMATS[image_format], data


def _check_bare(data):
    """What was written carries no metadata: a guard against an encoder that one day
    takes some from elsewhere than the pixels."""
    with Image.open(io.BytesIO(data)) as written:
        kept = {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(written.info)
        if kept or getattr(written, "text", None) or written.getexif():
            raise Rejected(_("This image is damaged or in a form we cannot read."))


def _plain_pixels(image, image_format):
    """The image in a mode its format's encoder writes: RGB (or RGBA where the format
    keeps transparency), L for greyscale JPEG and PNG."""
    transparent = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or ("transparency" in image.info)
    grey = image.mode in ("1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "F")
    if image_format == "JPEG":
        mode = "L" if grey else "RGB"
    elif transparent:
        mode = "LA" if grey and image_format == "PNG" else "RGBA"
    else:
        mode = "L" if grey and image_format == "PNG" else "RGB"
    return image if image.mode == mode else image.convert(mode)
