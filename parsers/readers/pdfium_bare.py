"""pdfium's per-character calls without ctypes' argument conversion.

pypdfium2's raw functions declare their argument types, so ctypes converts and checks every argument of
every call: about half of what a call costs. The PDF reader makes three such calls for each line of each
page (a character's box, its origin, its font size) with arguments that are C objects already (the text
page as ``c_void_p``, an index, ``byref`` of a reused struct), so it calls copies of the same function
pointers that declare only their return type. Callers must pass exactly those types."""
from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c


def _bare(function, restype):
    copy = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    copy.restype = restype  # argtypes stay None: arguments pass as given
    return copy


char_box = _bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)  # (page, index, byref(FS_RECTF))
char_origin = _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)  # (page, index, byref(double), byref(double))
font_size = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)  # (page, index)


def handle(textpage) -> ctypes.c_void_p:
    """A text page's handle as the bare calls take it."""
    return ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
