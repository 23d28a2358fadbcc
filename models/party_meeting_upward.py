from odoo import fields, models

from ..tools import document_blocks as blk


class PartyMeeting(models.Model):
    """The layout of a document the meeting sends upward (上行文): the situation report now,
    a follow-up report or a submission package later reuse its head and colophon."""
    _name = 'party.meeting'
    _inherit = ['party.meeting', 'party.document.mixin']

    report_number = fields.Char(
        string='Report Document Number', copy=False, tracking=True,
        help='The document number of the situation report (发文字号), e.g. X党组〔2022〕3号, printed under '
             'the issuing organ mark; given by the office that registers outgoing documents.')

    def _party_upward_head_blocks(self):
        """The head above the title: the organization's mark, the document number and its
        principal as the signer (签发人), then the red rule."""
        self.ensure_one()
        organization = self.organization_id
        return [blk.upward_head(organization._party_document_mark(), self.report_number,
                                organization.principal_user_id.name)]

    def _party_upward_colophon_blocks(self, date):
        """The 版记 at the end: the bodies copied (抄送), the printing office and `date` as the
        printing date."""
        self.ensure_one()
        organization = self.organization_id
        return [blk.colophon(organization.report_copy_partner_ids.mapped('name'),
                             organization._party_issuing_office(), self._party_cn_date(date))]
