from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PartyCase

WRITE = 'party_democratic_life.mail_activity_type_statement_write'
REVIEW = 'party_democratic_life.mail_activity_type_statement_review'
UPPER_REVIEW = 'party_democratic_life.mail_activity_type_upper_review'


@tagged('post_install', '-at_install')
class TestStatement(PartyCase):
    """Outlines and the team material: sections, review, locking, versions, access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting.materials_deadline = date(2022, 1, 18)
        cls.meeting.action_prepare()
        statements = cls.meeting.statement_ids
        cls.outline = {s.author_user_id: s for s in statements if s.kind == 'personal'}
        cls.team_material = statements.filtered(lambda s: s.kind == 'team')
        cls.env.cr.flush()

    def fill(self, statement, user, skip=(), text='<p>Written.</p>'):
        """Fill every required section of `statement` as `user`, except the headings in skip,
        and give each key aspect the reason why no problem was found."""
        as_user = statement.with_user(user)
        as_user.write({'section_ids': [
            (1, section.id, {'content': text})
            for section in statement.section_ids
            if section.required and section.name not in skip
        ] + [
            (1, section.id, {'no_problem_reason': 'Checked, nothing found.'})
            for section in statement.section_ids
            if section.focus_id and section.name not in skip
        ]})
        return as_user

    def activities(self, statement, xmlid):
        activity_type = self.env.ref(xmlid)
        return statement.sudo().activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    # Preparation opens the drafts

    def test_prepare_opens_a_draft_per_member_and_the_team_material(self):
        self.assertEqual(set(self.outline), set(self.members))
        self.assertEqual(len(self.team_material), 1)
        self.assertEqual(self.team_material.author_user_id, self.zhao)
        outline = self.outline[self.qian]
        self.assertEqual(outline.state, 'draft')
        self.assertEqual(len(outline.section_ids), 12, 'five parts, a sub-section per key aspect, the two analyses')
        self.assertIn('Personal major matters and explanations of related issues', outline.section_ids.mapped('name'))
        self.assertNotIn('Personal major matters and explanations of related issues',
                         self.team_material.section_ids.mapped('name'), 'personal matters are not the team\'s')
        todo = self.activities(outline, WRITE)
        self.assertEqual(todo.user_id, self.qian)
        self.assertEqual(todo.date_deadline, date(2022, 1, 18), 'due on the materials deadline')
        self.assertEqual(self.activities(self.team_material, WRITE).user_id, self.zhao)
        # preparing twice does not duplicate anything
        self.meeting._prepare_statements()
        self.assertEqual(len(self.meeting.statement_ids), 6)

    # Submitting

    def test_submit_refused_while_a_required_section_is_empty(self):
        outline = self.fill(self.outline[self.qian], self.qian, skip=('Analysis of the root causes',))
        with self.assertRaisesRegex(UserError, 'required sections are empty: Analysis of the root causes'):
            outline.action_submit()
        self.assertEqual(outline.state, 'draft')
        self.fill(self.outline[self.qian], self.qian)
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted')
        self.assertFalse(self.activities(outline, WRITE), 'the writing to-do is done')
        review = self.activities(outline, REVIEW)
        self.assertEqual(review.user_id, self.zhao, 'the principal reviews a member\'s outline')

    def test_only_the_author_submits_and_edits(self):
        outline = self.outline[self.qian]
        self.fill(outline, self.qian)
        with self.assertRaisesRegex(UserError, 'only its author Qian Lixin can edit'):
            self.fill(outline, self.zhao)
        with self.assertRaisesRegex(UserError, 'only its author Qian Lixin can submit'):
            outline.with_user(self.zhao).action_submit()
        section = outline.section_ids[0]
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            outline.with_user(self.sun).write({'section_ids': [(1, section.id, {'content': '<p>x</p>'})]})
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            section.with_user(self.sun).write({'content': '<p>x</p>'})
        with self.assertRaisesRegex(UserError, 'changes only through Submit'):
            outline.with_user(self.qian).write({'state': 'approved'})

    def test_submitted_outline_is_locked_for_its_author(self):
        outline = self.fill(self.outline[self.qian], self.qian)
        outline.action_submit()
        with self.assertRaisesRegex(UserError, 'submitted for review and locked'):
            self.fill(self.outline[self.qian], self.qian, text='<p>Changed.</p>')

    # Reading

    def test_drafts_are_private_before_the_meeting(self):
        outline = self.outline[self.qian]
        Statement = self.env['party.meeting.statement']
        self.assertEqual(Statement.with_user(self.sun).search([('kind', '=', 'personal')]), self.outline[self.sun])
        with self.assertRaises(AccessError):
            outline.with_user(self.sun).read(['body_html'])
        with self.assertRaises(AccessError):
            outline.section_ids.with_user(self.sun).read(['content'])
        with self.assertRaises(AccessError):
            outline.with_user(self.wu).read(['body_html'])
        self.assertEqual(Statement.with_user(self.zhao).search([('author_user_id', '=', self.qian.id)]), outline,
                         'the reviewer reads it')
        self.assertEqual(Statement.with_user(self.wang).search([('author_user_id', '=', self.qian.id)]), outline,
                         'a manager reads it')
        with self.assertRaises(AccessError):
            outline.with_user(self.zheng).read(['body_html'])
        # the team material is read by the team and its clerks
        self.assertTrue(self.team_material.with_user(self.sun).read(['body_html']))
        self.assertTrue(self.team_material.with_user(self.wu).read(['body_html']))

    def test_outlines_open_to_the_team_once_held(self):
        outline = self.outline[self.qian]
        self.meeting.state = 'held'
        self.assertTrue(outline.with_user(self.sun).read(['body_html']))
        self.assertTrue(outline.section_ids.with_user(self.sun).read(['content']))
        with self.assertRaises(AccessError):
            outline.with_user(self.wu).read(['body_html'])
        with self.assertRaises(AccessError):
            outline.with_user(self.outsider).read(['body_html'])

    # Review

    def test_member_cannot_approve_own_outline_reviewer_approves(self):
        outline = self.fill(self.outline[self.qian], self.qian)
        outline.action_submit()
        with self.assertRaisesRegex(UserError, 'only its reviewer Zhao Dongping can approve'):
            outline.action_approve()
        with self.assertRaisesRegex(UserError, 'only its reviewer'):
            self.outline[self.qian].with_user(self.wang).action_approve()
        with self.assertRaises(AccessError):
            self.outline[self.qian].with_user(self.wu).action_approve()
        self.outline[self.qian].with_user(self.zhao).action_approve()
        self.assertEqual(outline.state, 'approved')
        self.assertTrue(outline.approved_date)
        self.assertFalse(self.activities(outline, REVIEW), 'the review to-do is done')

    def test_return_with_comment_reopens_the_authors_todo(self):
        outline = self.fill(self.outline[self.qian], self.qian)
        outline.action_submit()
        as_reviewer = self.outline[self.qian].with_user(self.zhao)
        dialog = as_reviewer.action_return()
        self.assertEqual(dialog['res_model'], 'party.meeting.statement.return')
        with self.assertRaisesRegex(UserError, 'Review Comment'):
            as_reviewer.action_return(comment='  ')
        wizard = self.env['party.meeting.statement.return'].with_user(self.zhao).with_context(
            **dialog['context']).create({'comment': 'Name concrete cases for aspect 2.'})
        wizard.action_confirm()
        self.assertEqual(outline.state, 'returned')
        self.assertEqual(outline.review_comment, 'Name concrete cases for aspect 2.')
        self.assertEqual(self.activities(outline, WRITE).user_id, self.qian, 'the author has a to-do again')
        self.assertTrue(outline.message_ids.filtered(lambda m: 'Name concrete cases' in (m.body or '')))
        # the author edits and submits again
        self.fill(self.outline[self.qian], self.qian, text='<p>With cases.</p>')
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted')

    def test_reviewer_of_principal_and_team_material(self):
        """The principal reviews what others wrote; the principal's own outline and team material
        have no first reviewer and go to the upper level, never to the principal."""
        own = self.outline[self.zhao]
        self.assertFalse(own.reviewer_user_id, 'the principal never reviews their own outline')
        self.assertFalse(self.team_material.reviewer_user_id, 'the team material is the principal\'s too')
        self.assertEqual(self.outline[self.qian].reviewer_user_id, self.zhao)
        team = self.fill(self.team_material, self.zhao)
        with self.assertRaisesRegex(UserError, 'no body that supervises Bureau Party Group has a reviewer'):
            team.action_submit()
        self.assertEqual(self.team_material.state, 'draft')
        # a guide group with a reviewer above the organisation: the material goes to it
        reviewer = self.new_reviewer('t_tang', 'Guide Tang')
        self.organization.upper_body_ids = [(0, 0, {
            'name': 'Guide Group', 'kind': 'guide_group', 'user_ids': [(6, 0, reviewer.ids)]})]
        team.action_submit()
        self.assertEqual(self.team_material.state, 'upper_review')
        self.assertEqual(self.activities(team, UPPER_REVIEW).user_id, reviewer)
        with self.assertRaisesRegex(UserError, 'only a reviewer of a body that supervises'):
            self.team_material.with_user(self.zhao).action_approve()
        # the reviewer reads and approves the team material, and nothing else
        self.team_material.with_user(reviewer).action_approve()
        self.assertEqual(self.team_material.state, 'approved')
        with self.assertRaises(AccessError):
            self.outline[self.qian].with_user(reviewer).read(['body_html'])

    # Locking and versions

    def test_approved_outline_locked_and_revised_as_new_version(self):
        outline = self.fill(self.outline[self.qian], self.qian, text='<p>First text.</p>')
        outline.action_submit()
        self.outline[self.qian].with_user(self.zhao).action_approve()
        with self.assertRaisesRegex(UserError, 'approved and locked'):
            self.fill(self.outline[self.qian], self.qian, text='<p>Sneaky change.</p>')
        with self.assertRaisesRegex(UserError, 'only its author Qian Lixin can revise'):
            self.outline[self.qian].with_user(self.zhao).action_revise()
        action = outline.action_revise()
        new = self.env['party.meeting.statement'].browse(action['res_id'])
        old = self.outline[self.qian]
        self.assertEqual((new.version, new.state, new.previous_version_id), (2, 'draft', old))
        self.assertFalse(old.active, 'the approved version is archived, not deleted')
        self.assertEqual(old.state, 'approved')
        self.fill(new, self.qian, text='<p>Second text.</p>')
        self.assertIn('First text.', old.section_ids[0].content, 'the old text is kept')
        self.assertIn('Second text.', new.section_ids[0].content)
        self.assertEqual(new.version_count, 2)
        self.assertEqual(self.meeting.statement_ids.filtered(lambda s: s.author_user_id == self.qian), new)
        self.assertIn('Qian Lixin: the outline is draft', self.readiness('outline').missing,
                      'the new version needs a new approval')
        # dropping the draft revision brings the approved version back
        new.with_user(self.qian).unlink()
        self.assertTrue(old.active)

    def readiness(self, code):
        return self.meeting.readiness_ids.filtered(lambda r: r.code == code)

    def test_one_outline_per_member(self):
        with self.assertRaisesRegex(ValidationError, 'already has it'):
            self.env['party.meeting.statement'].create({
                'meeting_id': self.meeting.id, 'kind': 'personal', 'author_user_id': self.qian.id})
        with self.assertRaisesRegex(ValidationError, 'already has it'):
            self.env['party.meeting.statement'].create({
                'meeting_id': self.meeting.id, 'kind': 'team', 'author_user_id': self.wu.id})
        with self.assertRaisesRegex(ValidationError, 'Author'):
            self.env['party.meeting.statement'].create({
                'meeting_id': self.meeting.id, 'kind': 'personal', 'author_user_id': self.outsider.id})

    def test_only_drafts_can_be_deleted(self):
        outline = self.fill(self.outline[self.qian], self.qian)
        outline.action_submit()
        with self.assertRaisesRegex(UserError, 'is submitted and cannot be deleted'):
            self.outline[self.qian].unlink()
        with self.assertRaisesRegex(UserError, 'only its author Sun Weihua'):
            self.outline[self.sun].with_user(self.wang).unlink()
        self.outline[self.sun].with_user(self.sun).unlink()
        self.assertFalse(self.outline[self.sun].exists())

    # Length, inquiries, opinions, problems

    def test_estimated_pages_warn_but_do_not_block(self):
        outline = self.outline[self.qian]
        first = outline.section_ids.sorted('sequence')[0]
        first.with_user(self.qian).content = '<p>%s</p><p>%s</p>' % ('字' * 30, '字' * 10)
        # a heading line + 2 lines + 1 line = 4 lines of 22 on a page
        self.assertEqual(outline.estimated_pages, 0.2)
        self.assertIn('fewer than the 6 pages', outline.page_warning)
        outline = self.fill(outline, self.qian, skip=(first.name,))
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted', 'a short outline is only a warning')
        self.assertTrue(outline.message_ids.filtered(lambda m: 'length warning' in (m.body or '')))
        long_text = ''.join('<p>%s</p>' % ('字' * 28) for _line in range(6 * 22))
        self.outline[self.sun].section_ids[0].with_user(self.sun).content = long_text
        self.assertGreaterEqual(self.outline[self.sun].estimated_pages, 6)
        self.assertFalse(self.outline[self.sun].page_warning)
        self.organization.min_statement_pages = 0
        self.assertFalse(self.outline[self.qian].page_warning)

    def test_personal_matters_part_is_always_written(self):
        """Part three is there for every member, with or without a recorded inquiry."""
        matters = 'Personal major matters and explanations of related issues'
        outline = self.fill(self.outline[self.qian], self.qian, skip=(matters,))
        self.meeting.attendee_ids.filtered(lambda a: a.user_id == self.qian).had_inquiry = True
        self.assertTrue(outline.had_inquiry)
        self.assertIn(matters, outline.missing_sections)
        with self.assertRaisesRegex(UserError, 'required sections are empty: Personal major matters'):
            outline.action_submit()
        section = outline.section_ids.filtered(lambda s: s.name == matters)
        section.with_user(self.qian).content = '<p>The written inquiry of May was about ...</p>'
        outline.action_submit()
        self.assertEqual(outline.state, 'submitted')
        other = self.fill(self.outline[self.sun], self.sun, skip=(matters,))
        with self.assertRaisesRegex(UserError, 'required sections are empty: Personal major matters'):
            other.action_submit()

    def test_author_sees_opinions_about_them(self):
        Opinion = self.env['party.meeting.opinion']
        about_team = Opinion.create({'meeting_id': self.meeting.id, 'content': 'Team opinion'})
        about_qian = Opinion.create({'meeting_id': self.meeting.id, 'concerns_team': False,
                                     'concerned_user_ids': [(6, 0, self.qian.ids)], 'content': 'About Qian'})
        Opinion.create({'meeting_id': self.meeting.id, 'concerns_team': False,
                        'concerned_user_ids': [(6, 0, self.sun.ids)], 'content': 'About Sun'})
        outline = self.outline[self.qian].with_user(self.qian)
        self.assertEqual(outline.opinion_ids, about_team | about_qian)
        self.assertEqual(self.outline[self.qian].with_user(self.zhao).opinion_count, 2)
        self.assertEqual(self.team_material.with_user(self.zhao).opinion_ids, about_team)

    def test_problem_line_becomes_linked_rectification(self):
        focus = self.meeting.focus_ids[1]
        outline = self.outline[self.qian].with_user(self.qian)
        outline.write({'problem_ids': [(0, 0, {
            'focus_id': focus.id, 'problem': 'Rarely visits the squads\nmore detail',
            'cause': 'Weak sense of purpose', 'measure': 'Visit each squad monthly'})]})
        problem = outline.problem_ids
        action = problem.action_to_rectification()
        item = self.env['party.rectification'].browse(action['res_id'])
        self.assertEqual(item.name, 'Rarely visits the squads')
        self.assertEqual((item.scope, item.responsible_user_id, item.source), ('personal', self.qian, 'self_check'))
        self.assertEqual(item.focus_id, focus)
        self.assertEqual(item.statement_problem_id, problem)
        self.assertEqual(problem.rectification_ids, item)
        self.assertIn('Visit each squad monthly', item.measures)
        self.assertEqual(problem.action_to_rectification()['res_id'], item.id, 'made once')
        # a problem of another meeting's key aspect is refused
        other = self.create_meeting(name='Other', focus_ids=[(0, 0, {'title': 'Elsewhere'})])
        with self.assertRaisesRegex(ValidationError, 'Key Aspect'):
            outline.write({'problem_ids': [(0, 0, {'focus_id': other.focus_ids.id, 'problem': 'x'})]})

    def test_statement_editor_form(self):
        """The author writes a section in the form; a section required by the template stays."""
        with Form(self.outline[self.li].with_user(self.li)) as form:
            with form.section_ids.edit(0) as section:
                section.content = '<p>Written in the editor.</p>'
        self.assertIn('Written in the editor.', self.outline[self.li].section_ids[0].content)
        with self.assertRaisesRegex(UserError, 'required by the template'):
            self.outline[self.li].section_ids[0].with_user(self.li).unlink()
