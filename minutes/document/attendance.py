"""The attendance sheet (appendix ক, পরিশিষ্ট-'ক') of issued minutes as a PDF of its own: the stored
issued PDF's own pages, cut out with pikepdf. Nothing is printed again, nothing is written.

The document template puts the appendix last, in the only <section> directly in <body>, starting
on a new page (document.css: `.appendix { break-before: page }`). In the tagged PDF (WeasyPrint,
pinned) that section is the one /Sect directly under /Document (the rest of the minutes is in /Art,
the running header and page numbers in /Div): its first page, through the last, is the sheet.
"""

from __future__ import annotations

import io

import pikepdf

from minutes.document.selectors import issued_pdf
from minutes.models import Meeting


def appendix_pages(pdf: bytes, *, title: str = "") -> bytes | None:
    """The pages of the appendix (the attendance sheet) as a PDF of their own, or None if the
    document has none."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        first = _appendix_first_page(document)
        if first is None:
            return None
        out = pikepdf.new()
        for page in document.pages[first:]:
            out.pages.append(page)
        for page in out.pages:  # their structure tree stays behind
            if "/StructParents" in page.obj:
                del page.obj["/StructParents"]
        if title:
            out.docinfo["/Title"] = title
        language = document.Root.get("/Lang")
        if language is not None:
            out.Root.Lang = language
        buffer = io.BytesIO()
        out.save(buffer)
    return buffer.getvalue()


def issued_attendance_pdf(meeting: Meeting) -> bytes | None:
    """The attendance sheet of issued minutes, cut from their stored PDF; None while the document is
    being prepared, for a draft, or when the minutes have no attendance sheet."""
    if not meeting.is_issued:
        return None
    stored = issued_pdf(meeting)
    if stored is None:
        return None
    return appendix_pages(stored[0], title=f"পরিশিষ্ট-'ক' (উপস্থিতি): {meeting.title}")


def _appendix_first_page(document: pikepdf.Pdf) -> int | None:
    root = document.Root.get("/StructTreeRoot")
    if root is None:
        return None
    pages = {page.objgen: index for index, page in enumerate(document.pages)}
    for top in _kids(root):
        if top.get("/S") != "/Document":
            continue
        for element in _kids(top):
            if element.get("/S") == "/Sect":
                return _first_page(element, pages)
    return None


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [kid for kid in items if isinstance(kid, pikepdf.Dictionary)]


def _first_page(element, pages: dict) -> int | None:
    """The page of a structure element: its own /Pg, or its first descendant's."""
    page = element.get("/Pg")
    if page is not None and page.objgen in pages:
        return pages[page.objgen]
    for kid in _kids(element):
        found = _first_page(kid, pages)
        if found is not None:
            return found
    return None
