"""The PDF floor: pypdfium2 reading every page's text. Imports nothing else, so ``python floor_pdf.py FILES``
is the whole-process floor (a fresh interpreter and pypdfium2) and ``read_pdf_text`` the in-process one."""
import sys

import pypdfium2 as pdfium


def read_pdf_text(paths) -> int:
    """Pages read."""
    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages


if __name__ == "__main__":
    read_pdf_text(sys.argv[1:])
