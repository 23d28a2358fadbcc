from odoo import models
from odoo.tools import is_html_empty

from ..tools import document_blocks as blk


class PartyMeetingTalk(models.Model):
    _name = 'party.meeting.talk'
    _inherit = ['party.meeting.talk', 'party.document.mixin']

    def _party_document_basename(self, label):
        if len(self) != 1:
            return super()._party_document_basename(label)
        counterpart = self.counterpart_user_id.name or self.counterpart_name or ''
        return f'{label}-{self.initiator_user_id.name}-{counterpart}'

    def _party_person(self, user):
        member = self.meeting_id.organization_id.member_ids.filtered(lambda m: m.user_id == user)[:1]
        return f'{user.name}（{member.position}）' if member.position else user.name

    def _party_blocks_talk_record(self):
        """The talk record form (谈心谈话记录表): one page per talk."""
        self.ensure_one()
        label = self._party_field_label
        counterpart = self.counterpart_name
        if self.counterpart_user_id:
            counterpart = self._party_person(self.counterpart_user_id)
        rows = [
            [(label('talk_type'), self._party_selection_labels('talk_type').get(self.talk_type, '')),
             (label('date'), self._party_cn_date(self.date))],
            [(label('initiator_user_id'), self._party_person(self.initiator_user_id)),
             (label('counterpart_user_id'), counterpart or '')],
            [(label('location'), self.location or ''),
             (label('state'), self._party_selection_labels('state').get(self.state, ''))],
            [(label('content'), blk.html(self.content)['html'])],
            [(label('opinions'), blk.html(self.opinions)['html'])],
        ]
        if self.talk_type == 'principal_member' or not is_html_empty(self.duty_report):
            rows.append([(label('duty_report'), blk.html(self.duty_report)['html'])])
        rows.append([(self.env._('Signatures'), self.env._('Initiator: %(blank)s    Counterpart: %(blank)s', blank='＿' * 6))])
        return [
            blk.title(self.env._('Heart-to-heart Talk Record')),
            blk.subtitle(self.meeting_id._party_full_name()),
            blk.fields_table(rows),
        ]
