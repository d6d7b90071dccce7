"""The public page of a document: the stored HTML exactly as issued, with the website's frame put
around its content (a few string insertions: the stored document is never parsed or changed)."""


def framed(stored: str, *, head: str, top: str, bottom: str) -> str:
    """`head` before </head>, `top` right after <body …>, `bottom` right before </body>. A document
    without those tags (none is stored so) gets the frame around it whole."""
    head_end = stored.find("</head>")
    body_start = stored.find("<body")
    body_open_end = stored.find(">", body_start) + 1 if body_start != -1 else 0
    body_end = stored.rfind("</body>")
    if min(head_end, body_start, body_end) == -1 or not head_end < body_start < body_open_end <= body_end:
        return head + top + stored + bottom
    return "".join(
        (
            stored[:head_end],
            head,
            stored[head_end:body_open_end],
            top,
            stored[body_open_end:body_end],
            bottom,
            stored[body_end:],
        )
    )
