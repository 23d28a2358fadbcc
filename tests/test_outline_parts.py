from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartyCase
from .common_documents import DocumentReaders

PART_TWO = 'Outstanding problems found against the 5 key aspects'
PART_THREE = 'Personal major matters and explanations of related issues'


@tagged('post_install', '-at_install')
class TestOutlineParts(DocumentReaders, PartyCase):
    """The personal outline of the reference plan: five parts, part two through every key aspect
    with ideology work and the burden on the grassroots, part three answering each matter to
    explain."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.action_prepare()
        cls.outline = {s.author_user_id: s for s in cls.meeting.statement_ids if s.kind == 'personal'}
        cls.env.cr.flush()

    def write_all(self, outline, user, reasons=True):
        """Every required section written; each key aspect with its reason unless told not to."""
        outline.with_user(user).write({'section_ids': [
            (1, section.id, dict({'content': '<p>Written.</p>'} if section.required else {},
                                 **({'no_problem_reason': 'Checked, nothing found.'} if reasons and section.focus_id else {})))
            for section in outline.section_ids
        ]})
        return outline.with_user(user)

    def test_five_parts_in_the_plans_order(self):
        outline = self.outline[self.qian]
        parts = outline.section_ids.filtered(lambda s: not s.is_subsection)
        self.assertEqual(parts.mapped('name'), [
            "Rectification of the problems of last year's meeting and of the special meetings",
            PART_TWO, PART_THREE, 'Analysis of the root causes', 'Next rectification measures'])
        # part two: one sub-section per key aspect, then the two required analyses
        sections = outline.section_ids.sorted(lambda s: (s.sequence, s.id))
        start = sections.mapped('name').index(PART_TWO)
        subsections = sections[start + 1:start + 8]
        self.assertTrue(all(subsections.mapped('is_subsection')))
        self.assertEqual(subsections.mapped('name'),
                         [f'Aspect {n}' for n in range(1, 6)] + ['Ideology work', 'Reducing the burden on the grassroots'])
        self.assertEqual(subsections[:5].focus_id, self.meeting.focus_ids)
        self.assertTrue(all(subsections[5:].mapped('required')))
        # part three is there for every member and is required; the team material has no part three
        self.assertTrue(outline.section_ids.filtered(lambda s: s.name == PART_THREE).required)
        team = self.meeting.statement_ids.filtered(lambda s: s.kind == 'team')
        self.assertNotIn(PART_THREE, team.section_ids.mapped('name'))

    def test_ideology_guidance_follows_the_author(self):
        """The principal analyses the ideology work of the whole organisation, a member that of
        his or her own areas."""
        def guidance(user):
            return self.outline[user].section_ids.filtered(lambda s: s.name == 'Ideology work').guidance
        self.assertIn('whole organization', guidance(self.zhao))
        self.assertIn('areas you are in charge of', guidance(self.qian))

    def test_every_key_aspect_needs_a_problem_or_a_reason(self):
        outline = self.write_all(self.outline[self.qian], self.qian, reasons=False)
        with self.assertRaisesRegex(UserError, 'neither a problem .* nor a reason.*Aspect 1、Aspect 2、Aspect 3、Aspect 4、Aspect 5'):
            outline.action_submit()
        focuses = self.meeting.focus_ids.sorted('sequence')
        outline.write({'problem_ids': [(0, 0, {'focus_id': focuses[0].id, 'problem': 'Study is shallow.'})]})
        outline.write({'section_ids': [(1, section.id, {'no_problem_reason': 'Checked with the squads.'})
                                       for section in outline.section_ids if section.focus_id in focuses[1:4]]})
        with self.assertRaisesRegex(UserError, r'none was found \(field "No Problem Found Because"\): Aspect 5\.'):
            outline.action_submit()
        self.assertEqual(outline.state, 'draft')
        aspect_5 = outline.section_ids.filtered(lambda s: s.focus_id == focuses[4])
        outline.write({'section_ids': [(1, aspect_5.id, {'no_problem_reason': '   ', 'content': '<p><br></p>'})]})
        with self.assertRaisesRegex(UserError, 'Aspect 5'):
            outline.action_submit()
        outline.write({'section_ids': [(1, aspect_5.id, {'no_problem_reason': 'No case in this area this year.'})]})
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted')

    def test_a_problem_written_in_the_aspects_sub_section_covers_it(self):
        outline = self.write_all(self.outline[self.sun], self.sun, reasons=False)
        outline.write({'section_ids': [(1, section.id, {'content': f'<p>One problem about {section.name}.</p>'})
                                       for section in outline.section_ids if section.focus_id]})
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted')

    def test_matters_to_explain_are_answered_in_part_three(self):
        Disclosure = self.env['party.meeting.disclosure'].with_user(self.wu)
        inquiry = Disclosure.create({'meeting_id': self.meeting.id, 'member_user_id': self.qian.id,
                                     'kind': 'inquiry', 'description': 'Letter of inquiry of May'})
        accountability = Disclosure.create({'meeting_id': self.meeting.id, 'member_user_id': self.qian.id,
                                            'kind': 'accountability', 'description': 'Warned for a late report'})
        outline = self.write_all(self.outline[self.qian], self.qian)
        lines = outline.explanation_ids
        self.assertEqual(lines.disclosure_id, inquiry | accountability, 'each matter has its line in the outline')
        self.assertFalse(self.outline[self.sun].explanation_ids, "nothing of Qian's in Sun's outline")
        with self.assertRaisesRegex(UserError, 'no answer in part three.*Letter of inquiry of May、Warned for a late report'):
            outline.action_submit()
        lines.write({'explanation': 'What happened and what I did.'})
        with self.assertRaisesRegex(UserError, 'Thorough Self-examination.*Warned for a late report'):
            outline.action_submit()
        self.assertEqual(outline.state, 'draft')
        lines.filtered(lambda line: line.kind == 'accountability').self_examination = 'I examine myself thoroughly.'
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted')
        # the answer is the author's: nobody removes it, and nobody else writes it
        with self.assertRaisesRegex(UserError, 'cannot be removed'):
            lines[:1].with_user(self.qian).unlink()
        with self.assertRaisesRegex(UserError, 'only its author'):
            self.outline[self.sun].with_user(self.zhao).write({'explanation_ids': [(0, 0, {'disclosure_id': inquiry.id})]})

    def test_a_submitted_text_is_not_changed_behind_its_authors_back(self):
        outline = self.write_all(self.outline[self.li], self.li)
        outline.action_submit()
        matter = self.env['party.meeting.disclosure'].with_user(self.wu).create({
            'meeting_id': self.meeting.id, 'member_user_id': self.li.id, 'kind': 'inspection_feedback',
            'description': 'Feedback of the county inspection'})
        self.assertFalse(outline.explanation_ids, 'the submitted text stays as the author sent it')
        outline.with_user(self.zhao).action_return(comment='Explain the inspection feedback.')
        self.assertEqual(outline.explanation_ids.disclosure_id, matter, 'returned: the matter is there to answer')
        with self.assertRaisesRegex(UserError, 'Feedback of the county inspection'):
            outline.action_submit()

    def test_matter_entered_before_the_outline_is_written(self):
        later = self.create_meeting(name='Later Meeting', year=2022, date_start='2022-07-01 01:00:00')
        matter = self.env['party.meeting.disclosure'].with_user(self.zhao).create({
            'meeting_id': later.id, 'member_user_id': self.sun.id, 'kind': 'public_complaint',
            'description': 'Complaint about a squad'})
        later.action_prepare()
        outline = later.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == self.sun)
        self.assertEqual(outline.explanation_ids.disclosure_id, matter)

    def test_matters_are_confidential_like_talks(self):
        matter = self.env['party.meeting.disclosure'].with_user(self.zhao).create({
            'meeting_id': self.meeting.id, 'member_user_id': self.qian.id, 'kind': 'major_matter',
            'description': 'A relative runs a company'})
        self.assertEqual(matter.with_user(self.qian).description, 'A relative runs a company')
        for user in (self.sun, self.zheng):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                matter.with_user(user).read(['description'])
        with self.assertRaises(AccessError):
            self.env['party.meeting.disclosure'].with_user(self.qian).create({
                'meeting_id': self.meeting.id, 'member_user_id': self.qian.id, 'kind': 'major_matter',
                'description': 'Entered by the member himself'})
        with self.assertRaisesRegex(UserError, '"Member" cannot change'):
            matter.with_user(self.wu).write({'member_user_id': self.sun.id})
        with self.assertRaisesRegex(UserError, 'must be on the team'):
            self.env['party.meeting.disclosure'].with_user(self.wu).create({
                'meeting_id': self.meeting.id, 'member_user_id': self.outsider.id, 'kind': 'inquiry',
                'description': 'Not on this team'})

    def test_printed_parts_and_answers(self):
        self.env['party.meeting.disclosure'].create({
            'meeting_id': self.meeting.id, 'member_user_id': self.qian.id, 'kind': 'accountability',
            'description': 'Warned for a late report'})
        outline = self.write_all(self.outline[self.qian], self.qian)
        outline.explanation_ids.write({'explanation': 'The report was late by a week.',
                                       'self_examination': 'I took the deadline lightly.'})
        blocks = self.document_blocks(outline, 'statement')
        headings = [(b['level'], b['number'], b['text']) for b in blocks if b['type'] == 'heading']
        self.assertEqual(headings[:3], [(1, '一、', "Rectification of the problems of last year's meeting and of the "
                                                  'special meetings'), (1, '二、', PART_TWO), (2, '（一）', 'Aspect 1')])
        self.assertIn((2, '（七）', 'Reducing the burden on the grassroots'), headings)
        self.assertIn((1, '三、', PART_THREE), headings)
        self.assertEqual(blocks[0]['text'], 'Personal Outline (Analysis) of Comrade Qian Lixin at the Special Meeting 2022')
        labels = [b.get('label') for b in blocks if b['type'] == 'paragraph']
        self.assertIn('1. Held Accountable（Warned for a late report）：', labels)
        self.assertIn('Thorough self-examination:', labels)
        self.assertIn('No problem found:', labels)
