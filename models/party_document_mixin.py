import datetime

from odoo import models

from ..tools import cn_format

# Read large exports this many records at a time, so memory stays flat.
EXPORT_BATCH = 1000


class PartyDocumentMixin(models.AbstractModel):
    """What records printed as documents share: the organisation whose language and time
    zone a document uses, its file name, and the formatting helpers of the layouts. The
    documents themselves are report models (models/party_document_report.py)."""
    _name = 'party.document.mixin'
    _description = 'Party Document Mixin'

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

    def _party_document_title(self, report_name):
        """The file name of the document ``report_name`` of these records (the reports'
        ``print_report_name``), in the organisation's language."""
        return self.env[f'report.{report_name}']._party_file_name(self)

    def _party_document_basename(self, label):
        """The file name without extension; models add what identifies the record."""
        if len(self) == 1:
            return f'{label}-{self.display_name}'
        return label

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
