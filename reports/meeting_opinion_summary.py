from odoo import models
from odoo.exceptions import AccessError

from ..tools import document_blocks as blk


class ReportPartyMeetingOpinionSummary(models.AbstractModel):
    """The opinions collected (征求意见情况), those about the team and those about each member,
    by where they came from; the model records no giver, so none is named."""
    _name = 'report.party_democratic_life.meeting_opinion_summary'
    _inherit = 'party.document.report'
    _description = 'Summary of Collected Opinions'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Summary of Collected Opinions')

    def _party_blocks(self, records):
        meeting = records
        meeting.ensure_one()
        # Opinions about a member are read by that member, the principal and the clerks only:
        # the summary is printed by who reads them all (counted by searches, as the rules apply).
        Opinion = self.env['party.meeting.opinion']
        opinions = Opinion.search([('meeting_id', '=', meeting.id)], order='date, id')
        if len(opinions) != Opinion.sudo().search_count([('meeting_id', '=', meeting.id)]):
            raise AccessError(self.env._(
                'Meeting "%(meeting)s": you may not read all its opinions, so you cannot print their summary.',
                meeting=meeting.name))
        sources = dict(opinions._fields['source']._description_selection(self.env))
        channels = dict(opinions._fields['channel']._description_selection(self.env))
        blocks = [blk.title(self.env._('%(organization)s\n%(meeting)s: Summary of Collected Opinions',
                                       organization=meeting.organization_id.name, meeting=meeting.name))]
        blocks.append(blk.paragraph(self.env._(
            '%(count)s opinions were collected: %(team)s about the leadership team, %(members)s about its members.',
            count=len(opinions), team=len(opinions.filtered('concerns_team')),
            members=len(opinions.filtered(lambda o: not o.concerns_team)))))
        columns = [(self.env._('No.'), 1), (self.env._('Opinion'), 10), (self.env._('From'), 2),
                   (self.env._('Channel'), 2)]

        def rows(group):
            return [[str(index), opinion.content or '', sources.get(opinion.source, ''),
                     channels.get(opinion.channel, '')] for index, opinion in enumerate(group, start=1)]

        team = opinions.filtered('concerns_team')
        blocks.append(blk.heading(1, self.env._('Opinions about the leadership team')))
        blocks.append(blk.table(columns, rows(team)) if team else blk.paragraph(self.env._('None.')))
        for attendee in meeting._get_member_attendees():
            concerning = opinions.filtered(lambda o, user=attendee.user_id: user in o.concerned_user_ids)
            blocks.append(blk.heading(1, self.env._('Opinions about %(member)s', member=meeting._party_person(attendee))))
            blocks.append(blk.table(columns, rows(concerning)) if concerning else blk.paragraph(self.env._('None.')))
        return blocks
