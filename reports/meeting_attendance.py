from odoo import models

from ..tools import document_blocks as blk


class ReportPartyMeetingAttendance(models.AbstractModel):
    """Who attended (出席情况): each member present or away and why, the sit-ins and the
    upper-level guides — the minutes' attendance as a document of its own."""
    _name = 'report.party_democratic_life.meeting_attendance'
    _inherit = 'party.document.report'
    _description = 'Attendance'
    _party_model = 'party.meeting'

    def _party_label(self):
        return self.env._('Attendance')

    def _party_blocks(self, records):
        meeting = records
        meeting.ensure_one()
        labels = dict(self.env['party.meeting.attendee']._fields['attendance']._description_selection(self.env))
        members = meeting._get_member_attendees()
        present = members.filtered(lambda a: a.attendance == 'present')
        blocks = [blk.title(self.env._('%(organization)s\n%(meeting)s: Attendance',
                                       organization=meeting.organization_id.name, meeting=meeting.name))]
        blocks.append(blk.paragraph(meeting._party_when(), label=self.env._('Time') + '：'))
        blocks.append(blk.paragraph(self.env._('%(present)s of %(total)s members present',
                                               present=len(present), total=len(members))))
        blocks.append(blk.table(
            [(self.env._('No.'), 1), (self.env._('Name'), 3), (self.env._('Position'), 3),
             (self.env._('Attendance'), 2), (self.env._('Reason'), 5)],
            [[str(index), attendee.user_id.name or '', attendee.position or '', labels.get(attendee.attendance, ''),
              attendee.leave_reason or ''] for index, attendee in enumerate(members, start=1)]))
        sit_ins = meeting._party_people(meeting._party_attendees('sit_in'))
        if sit_ins:
            blocks.append(blk.paragraph(sit_ins, label=self.env._('Sitting In') + '：'))
        guides = meeting._party_guides_by_body()
        if guides:
            blocks.append(blk.paragraph(guides, label=self.env._('Upper-level Guides') + '：'))
        return blocks
