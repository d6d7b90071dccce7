"""Running headers and footers marked as pagination artifacts in the printed PDF.

WeasyPrint (70) draws the @page margin boxes (the running title, "পৃষ্ঠা ১ / ২") as ordinary
content: in a tagged PDF each of their lines is a marked-content sequence with an MCID whose
structure element hangs in the parent tree but in no tree, so screen readers and tagged-PDF
extractors read "পৃষ্ঠা ১ / ৫" in the middle of the text. This step rewrites each page's content
stream so that every text object whose origin lies in the page's top or bottom margin is marked

    /Artifact <</Type /Pagination /Subtype /Header /Attached [/Top]>> BDC … EMC

(or /Footer, /Bottom): the marked-content sequence around it, when there is one, changes its
tag; otherwise the text object is wrapped. Its MCID leaves the parent tree. Nothing else moves:
operators are written back as they were, so the page looks and extracts (pdftotext) the same.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf

HEADER, FOOTER = "Header", "Footer"


@dataclass(frozen=True)
class PageMargins:
    """A page's top and bottom margins in PDF points: the area of its running header and footer."""

    top: float
    bottom: float


def mark_running_artifacts(pdf: bytes, margins: Sequence[PageMargins]) -> bytes:
    """The PDF with the text in each page's top and bottom margin marked as pagination artifacts."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        parent_tree = _parent_tree_arrays(document)
        for page, page_margins in zip(document.pages, margins, strict=True):
            operations = pikepdf.parse_content_stream(page)
            marked, freed_mcids = _mark(operations, _page_height(page), page_margins)
            if not marked:
                continue
            page.Contents = document.make_stream(pikepdf.unparse_content_stream(operations))
            mcids = parent_tree.get(int(page.get("/StructParents", -1)))
            for mcid in freed_mcids:
                if mcids is not None and mcid < len(mcids):
                    mcids[mcid] = None
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _page_height(page) -> float:
    llx, lly, urx, ury = (float(v) for v in page.MediaBox)
    return ury - lly


def _parent_tree_arrays(document) -> dict[int, pikepdf.Array]:
    """StructParents key -> the array of structure elements indexed by MCID (a flat /Nums tree)."""
    root = document.Root.get("/StructTreeRoot")
    tree = root.get("/ParentTree") if root is not None else None
    if tree is None:
        return {}
    pairs = list(tree.get("/Nums", []))
    for kid in tree.get("/Kids", []):
        pairs += list(kid.get("/Nums", []))
    return {
        int(key): value
        for key, value in zip(pairs[::2], pairs[1::2], strict=True)
        if isinstance(value, pikepdf.Array)
    }


def _artifact(zone: str) -> list:
    attached = "/Top" if zone == HEADER else "/Bottom"
    properties = pikepdf.Dictionary(
        Type=pikepdf.Name.Pagination, Subtype=pikepdf.Name("/" + zone), Attached=[pikepdf.Name(attached)]
    )
    return [pikepdf.Name.Artifact, properties]


def _multiply(m, n):
    """The matrix m × n (PDF order: m applied first), as 6-tuples."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _mark(operations: list, height: float, margins: PageMargins) -> tuple[bool, list[int]]:
    """Mark, in place, the text objects of `operations` lying in the margins; say whether any was,
    and the MCIDs that were taken out of the structure."""
    ctm, saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    open_sequences = []  # indexes of the BDC/BMC operations enclosing the current position
    text_start = None
    sequence_zones = {}  # index of an enclosing MCID sequence -> zones of the text objects in it
    wraps = []  # (BT index, ET index, zone) of text objects outside any MCID sequence
    for index, (operands, operator) in enumerate(operations):
        name = str(operator)
        if name == "q":
            saved.append(ctm)
        elif name == "Q" and saved:
            ctm = saved.pop()
        elif name == "cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif name in ("BDC", "BMC"):
            open_sequences.append(index)
        elif name == "EMC" and open_sequences:
            open_sequences.pop()
        elif name == "BT":
            text_start, origin = index, (0.0, 0.0)
        elif name == "Tm" and text_start is not None and origin == (0.0, 0.0):
            origin = (float(operands[4]), float(operands[5]))
        elif name == "ET" and text_start is not None:
            zone = _zone(_from_top(origin, ctm, height), height, margins)
            owner = next((i for i in reversed(open_sequences) if _mcid(operations[i]) is not None), None)
            if owner is not None:
                sequence_zones.setdefault(owner, set()).add(zone)
            elif zone is not None:
                wraps.append((text_start, index, zone))
            text_start = None
    freed = []
    for owner, zones in sequence_zones.items():
        if len(zones) == 1 and (zone := next(iter(zones))) is not None:
            freed.append(_mcid(operations[owner]))
            operations[owner] = pikepdf.ContentStreamInstruction(_artifact(zone), pikepdf.Operator("BDC"))
    for start, end, zone in reversed(wraps):
        operations.insert(end + 1, pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
        operations.insert(start, pikepdf.ContentStreamInstruction(_artifact(zone), pikepdf.Operator("BDC")))
    return bool(freed or wraps), freed


def _mcid(operation) -> int | None:
    operands, operator = operation
    if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
        return int(operands[1].MCID)
    return None


def _from_top(origin: tuple[float, float], ctm, height: float) -> float:
    x, y = origin
    a, b, c, d, e, f = ctm
    return height - (b * x + d * y + f)


def _zone(from_top: float, height: float, margins: PageMargins) -> str | None:
    if from_top < margins.top:
        return HEADER
    if from_top > height - margins.bottom:
        return FOOTER
    return None
