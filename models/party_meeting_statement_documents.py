from odoo import models

from ..tools import document_blocks as blk


class PartyMeetingStatement(models.Model):
    _name = 'party.meeting.statement'
    _inherit = ['party.meeting.statement', 'party.document.mixin']

    def _party_documents(self):
        documents = super()._party_documents()
        documents['statement'] = {
            'label': self.env._('Outline or Check Material'), 'blocks': '_party_blocks_statement', 'docx': True}
        return documents

    def _party_document_basename(self, kind):
        if len(self) != 1:
            return super()._party_document_basename(kind)
        meeting = self.meeting_id
        year = meeting._party_document_year()
        if self.kind == 'team':
            name = f'{self.env._("Team Check Material")}-{meeting.organization_id.name}-{year}'
        else:
            name = f'{self.env._("Personal Outline")}-{self.author_user_id.name}-{meeting.organization_id.name}-{year}'
        return name.replace('/', '_')

    def _party_blocks_statement(self):
        """The personal outline (个人发言提纲) or the team's check material (班子对照检查材料),
        section by section as the author wrote it, then the problems by key aspect."""
        self.ensure_one()
        meeting = self.meeting_id
        organization = meeting.organization_id
        if self.kind == 'team':
            blocks = [blk.title(self.env._('%(organization)s Leadership Team\nCheck Material for the %(meeting)s',
                                           organization=organization.name, meeting=meeting.name))]
        else:
            member = organization.member_ids.filtered(lambda m: m.user_id == self.author_user_id)[:1]
            author = self.author_user_id.name
            blocks = [
                blk.title(self.env._('Personal Outline\nfor the %(meeting)s', meeting=meeting.name)),
                blk.subtitle(f'{author}（{member.position}）' if member.position else author),
            ]
        # Section headings are printed as the template names them (with or without a number).
        for section in self.section_ids:
            blocks.append(blk.heading(1, section.name, numbered=False))
            blocks.append(blk.html(section.content))
        if self.problem_ids:
            blocks.append(blk.heading(1, self.env._('Problems by Key Aspect'), numbered=False))
            for focus in self.problem_ids.focus_id.sorted('sequence'):
                blocks.append(blk.heading(2, focus.title))
                for problem in self.problem_ids.filtered(lambda p, f=focus: p.focus_id == f):
                    blocks.extend(self._party_problem_blocks(problem))
            for problem in self.problem_ids.filtered(lambda p: not p.focus_id):
                blocks.extend(self._party_problem_blocks(problem))
        signed_on = self.approved_date or self.submitted_date
        signer = organization.name if self.kind == 'team' else self.author_user_id.name
        blocks.append(blk.signature(signer, self._party_cn_date(signed_on) if signed_on else ''))
        return blocks

    def _party_problem_blocks(self, problem):
        blocks = [blk.paragraph(problem.problem)]
        if problem.cause:
            blocks.append(blk.paragraph(problem.cause, label=self.env._('Cause:')))
        if problem.measure:
            blocks.append(blk.paragraph(problem.measure, label=self.env._('Measure:')))
        return blocks
