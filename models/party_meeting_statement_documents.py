from odoo import models

from ..tools import document_blocks as blk
from .party_meeting_statement import strip_heading_number


class PartyMeetingStatement(models.Model):
    _name = 'party.meeting.statement'
    _inherit = ['party.meeting.statement', 'party.document.mixin']

    def _party_document_basename(self, label):
        if len(self) != 1:
            return super()._party_document_basename(label)
        meeting = self.meeting_id
        year = meeting._party_document_year()
        if self.kind == 'team':
            name = f'{self.env._("Team Check Material")}-{meeting.organization_id.name}-{year}'
        else:
            name = f'{self.env._("Personal Outline")}-{self.author_user_id.name}-{meeting.organization_id.name}-{year}'
        return name

    def _party_blocks_statement(self):
        """The personal outline (个人发言提纲／剖析材料) in its five parts, or the team's check
        material (班子对照检查材料): each part 一、…, its sub-sections （一）…; the part going
        through the key aspects lists each aspect's problems, or why none was found; the part on
        personal matters answers each matter to explain."""
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
                blk.title(self.env._('Personal Outline (Analysis) of Comrade %(author)s at the %(meeting)s',
                                     author=author, meeting=meeting.name)),
                blk.subtitle(f'{author}（{member.position}）' if member.position else author),
            ]
        placed = self.env['party.meeting.statement.problem']
        for section in self.section_ids:
            blocks.append(blk.heading(2 if section.is_subsection else 1, strip_heading_number(section.name)))
            blocks.append(blk.html(section.content))
            if section.focus_id:
                problems = self.problem_ids.filtered(lambda p, f=section.focus_id: p.focus_id == f)
                placed |= problems
                for number, problem in enumerate(problems, start=1):
                    blocks.extend(self._party_problem_blocks(problem, number))
                if not problems and (section.no_problem_reason or '').strip():
                    blocks.append(blk.paragraph(section.no_problem_reason,
                                                label=self.env._('No problem found:')))
            if section.explains_inquiry:
                blocks.extend(self._party_explanation_blocks())
            if section.template_section_id.lists_key_aspects:
                # problems of an aspect without a sub-section of its own come right after the part
                rest = self.problem_ids.filtered(lambda p: p.focus_id not in self.section_ids.focus_id)
                placed |= rest
                for number, problem in enumerate(rest, start=1):
                    blocks.extend(self._party_problem_blocks(problem, number))
        rest = self.problem_ids - placed
        if rest:
            blocks.append(blk.heading(1, self.env._('Problems by Key Aspect')))
            for number, problem in enumerate(rest, start=1):
                blocks.extend(self._party_problem_blocks(problem, number))
        signed_on = self.approved_date or self.submitted_date
        signer = organization.name if self.kind == 'team' else self.author_user_id.name
        blocks.append(blk.signature(signer, self._party_cn_date(signed_on) if signed_on else ''))
        return blocks

    def _party_problem_blocks(self, problem, number):
        blocks = [blk.paragraph(f'{number}. {problem.problem}')]
        if problem.cause:
            blocks.append(blk.paragraph(problem.cause, label=self.env._('Cause:')))
        if problem.measure:
            blocks.append(blk.paragraph(problem.measure, label=self.env._('Measure:')))
        return blocks

    def _party_explanation_blocks(self):
        """Each matter to explain, its kind and description, and the author's answer."""
        kinds = dict(self.env['party.meeting.disclosure']._fields['kind']._description_selection(self.env))
        blocks = []
        for number, line in enumerate(self.explanation_ids, start=1):
            blocks.append(blk.paragraph(line.explanation or '', label=f'{number}. {kinds.get(line.kind, "")}（{line.description}）：'))
            if line.self_examination:
                blocks.append(blk.paragraph(line.self_examination, label=self.env._('Thorough self-examination:')))
        return blocks
