"""LibreOffice headless, the office suite people open the files with: a batch of .docx turned
into PDF (and read back with pdftotext), a batch of .xlsx into one CSV per sheet."""
import csv
import shutil
import subprocess
import tempfile
from pathlib import Path

from .common_documents import normalize_pdf_text

# LibreOffice's CSV filter: comma, double quote, UTF-8, from row 1, ..., every sheet (-1) to
# its own file "<name>-<sheet>.csv", cells as shown (formatted).
CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'


class OfficeSuiteReader:
    """Mixin of a test case: what LibreOffice reads from the files the addon writes."""

    def soffice(self, files, convert_to):
        """Convert {stem: bytes} in one LibreOffice start; the folder of the results."""
        soffice = shutil.which('soffice') or shutil.which('libreoffice')
        if not soffice:
            self.fail('LibreOffice (libreoffice-writer-nogui, libreoffice-calc-nogui) is needed to open the files')
        folder = Path(tempfile.mkdtemp(prefix='pdl-office-'))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        sources = []
        for stem, content in files.items():
            path = folder / stem
            path.write_bytes(content)
            sources.append(str(path))
        # a profile of its own, so that a LibreOffice open elsewhere is not disturbed
        subprocess.run([soffice, f'-env:UserInstallation=file://{folder}/profile', '--headless', '--norestore',
                        '--convert-to', convert_to, '--outdir', str(folder / 'out'), *sources],
                       capture_output=True, timeout=300, check=True)
        return folder / 'out'

    def office_docx_texts(self, documents):
        """{stem: the text LibreOffice prints of each .docx}, white space removed."""
        out = self.soffice({f'{stem}.docx': content for stem, content in documents.items()}, 'pdf')
        texts = {}
        for stem in documents:
            pdf = out / f'{stem}.pdf'
            self.assertTrue(pdf.exists(), f'{stem}.docx: LibreOffice could not open it')
            text = subprocess.run(['pdftotext', str(pdf), '-'], capture_output=True, check=True).stdout.decode()
            texts[stem] = normalize_pdf_text(text)
        return texts

    def office_xlsx_sheets(self, workbooks):
        """{stem: {sheet name: rows of cells as LibreOffice shows them}} of each .xlsx."""
        out = self.soffice({f'{stem}.xlsx': content for stem, content in workbooks.items()}, CSV_EVERY_SHEET)
        sheets = {}
        for stem in workbooks:
            found = sorted(out.glob(f'{stem}-*.csv'))
            self.assertTrue(found, f'{stem}.xlsx: LibreOffice could not open it')
            sheets[stem] = {
                path.stem[len(stem) + 1:]: list(csv.reader(path.read_text(encoding='utf-8').splitlines()))
                for path in found
            }
        return sheets
