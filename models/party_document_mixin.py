import datetime

from odoo import models
from odoo.exceptions import UserError

from ..tools import cn_format
from ..tools.document_blocks import expand_html, number_blocks
from ..tools.docx_builder import build_docx

MIMETYPES = {
    'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
# Read large exports this many records at a time, so memory stays flat.
EXPORT_BATCH = 1000


def encode_ids(ids):
    """Ids as compact ranges for a download URL: 1,2,3,7 → "1-3,7"."""
    parts = []
    for value in sorted(set(ids)):
        if parts and parts[-1][1] == value - 1:
            parts[-1][1] = value
        else:
            parts.append([value, value])
    return ','.join(str(a) if a == b else f'{a}-{b}' for a, b in parts)


def decode_ids(text):
    ids = []
    for part in (text or '').split(','):
        if not part:
            continue
        first, _sep, last = part.partition('-')
        ids.extend(range(int(first), int(last or first) + 1))
    return ids


class PartyDocumentMixin(models.AbstractModel):
    """Documents generated from the records: PDF through QWeb, .docx and .xlsx downloads.

    A model lists its documents in ``_party_documents``. A document with ``blocks`` is one
    method that turns one record into blocks (see tools/document_blocks.py): the QWeb
    report and the Word export both render those blocks. An ``xlsx`` document is a method
    that writes the workbook for the whole recordset.
    """
    _name = 'party.document.mixin'
    _description = 'Party Document Mixin'

    def _party_documents(self):
        """{kind: {'label': str, 'blocks': method, 'docx': bool, 'xlsx': method, 'landscape': bool}}"""
        return {}

    def _party_document_spec(self, kind):
        spec = self._party_documents().get(kind)
        if not spec:
            raise UserError(self.env._('There is no document "%(kind)s" for %(model)s.',
                                       kind=kind, model=self._description))
        return spec

    def _party_document_organization(self):
        """The organisation whose language and time zone a document of these records uses."""
        if self._name == 'party.organization':
            return self[:1]
        if 'organization_id' in self._fields:
            return self[:1].organization_id
        return self.env['party.organization']

    def _party_in_document_language(self):
        """These records in the organisation's language and time zone (简体中文 and Asia/Shanghai
        by default), so that a document reads the same whoever composes or prints it."""
        organization = self._party_document_organization()
        if not organization:
            return self
        return self.with_env(organization._party_env())

    def _party_document_blocks(self, kind):
        """The numbered blocks of a document (one record, or a list of several)."""
        # Whoever may not read a record gets no document of it, as for the downloads.
        self.check_access('read')
        records = self._party_in_document_language()
        return number_blocks(expand_html(getattr(records, records._party_document_spec(kind)['blocks'])()))

    def _party_document_title(self, kind):
        """The file name of a printed document, in the organisation's language."""
        return self._party_in_document_language()._party_document_basename(kind)

    def _party_document_basename(self, kind):
        """The file name without extension; models add what identifies the record."""
        label = self._party_document_spec(kind)['label']
        if len(self) == 1:
            return f'{label}-{self.display_name}'.replace('/', '_')
        return label

    def _party_render_document(self, kind, file_format):
        """(file name, mimetype, content) of a .docx or .xlsx document, in the organisation's
        language: error messages stay in the user's."""
        spec = self._party_document_spec(kind)
        records = self._party_in_document_language()
        if file_format == 'docx' and spec.get('docx'):
            if len(self) != 1:
                raise UserError(self.env._('Select exactly one record to export "%(document)s".',
                                           document=spec['label']))
            content = build_docx(self._party_document_blocks(kind), landscape=spec.get('landscape', False))
        elif file_format == 'xlsx' and spec.get('xlsx'):
            content = getattr(records, spec['xlsx'])()
        else:
            raise UserError(self.env._('The document "%(document)s" cannot be exported as .%(format)s.',
                                       document=spec['label'], format=file_format))
        filename = f'{self._party_document_title(kind)}.{file_format}'.replace('/', '_')
        return filename, MIMETYPES[file_format], content

    def _party_download_action(self, kind, file_format):
        """A client action that downloads the document of these records."""
        if not self:
            raise UserError(self.env._('Select at least one record first.'))
        spec = self._party_document_spec(kind)
        if file_format == 'docx' and len(self) != 1:
            raise UserError(self.env._('Select exactly one record to export "%(document)s".',
                                       document=spec['label']))
        return {
            'type': 'ir.actions.act_url',
            'url': f'/party_democratic_life/download/{self._name}/{kind}/{file_format}?ids={encode_ids(self.ids)}',
            'target': 'download',
        }

    # Formatting helpers, also called from the QWeb templates

    def _party_local_datetime(self, value):
        """A datetime in the organisation's time zone (Asia/Shanghai when it has none), whoever
        reads it; records without an organisation take the reader's."""
        organization = self._party_document_organization()
        return organization._party_local_datetime(value, reader=not organization)

    def _party_cn_date(self, value):
        """2022年1月21日; a datetime is shown in the reader's time zone."""
        if isinstance(value, datetime.datetime):
            value = self._party_local_datetime(value)
        return cn_format.format_cn_date(value)

    def _party_cn_datetime(self, value):
        return cn_format.format_cn_datetime(self._party_local_datetime(value)) if value else ''

    def _party_today(self):
        organization = self._party_document_organization()
        return organization._party_today(reader=not organization)

    def _party_selection_labels(self, field_name):
        return dict(self._fields[field_name]._description_selection(self.env))

    def _party_field_label(self, field_name):
        return self._fields[field_name]._description_string(self.env)
