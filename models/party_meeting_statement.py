import math
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, is_html_empty, plaintext2html

from .party_meeting import PREPARATION_STATES

# Official layout (GB/T 9704): 22 lines of 28 characters on a page.
LINE_CHARS = 28
PAGE_LINES = 22
EDITABLE_STATES = ('draft', 'returned')
# What the author writes; it changes only in draft or returned, and only by the author.
CONTENT_FIELDS = frozenset({
    'meeting_id', 'kind', 'author_user_id', 'template_id', 'section_ids', 'problem_ids', 'explanation_ids'})
# What changes only through the review actions (submit, approve, return, revise).
REVIEW_FIELDS = frozenset({
    'state', 'reviewer_user_id', 'version', 'previous_version_id', 'active',
    'submitted_date', 'approved_date', 'review_comment', 'sent_up',
})
ACTIVITY_WRITE = 'party_democratic_life.mail_activity_type_statement_write'
ACTIVITY_REVIEW = 'party_democratic_life.mail_activity_type_statement_review'
ACTIVITY_UPPER_REVIEW = 'party_democratic_life.mail_activity_type_upper_review'


def _text_lines(text):
    """Lines a text fills in the official layout: each paragraph starts a new line."""
    return sum(math.ceil(len(paragraph.strip()) / LINE_CHARS)
               for paragraph in (text or '').split('\n') if paragraph.strip())


def _html_lines(html):
    return 0 if is_html_empty(html) else _text_lines(html2plaintext(html, include_references=False))


def strip_heading_number(text):
    """A heading without the number typed before it ("1. ", "一、"): the layout numbers it."""
    return re.sub(r'^\s*(?:\d+[.．、]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*', '', text or '')


def _first_line(text, length=60):
    line = (text or '').strip().split('\n')[0].strip()
    return line[:length - 1] + '…' if len(line) > length else line


class PartyMeetingStatement(models.Model):
    _name = 'party.meeting.statement'
    _description = 'Check Material or Personal Outline'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'party.edit.version.mixin']
    _order = 'meeting_id, kind desc, sequence, version desc, id'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade', tracking=True)
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    meeting_state = fields.Selection(related='meeting_id.state', string='Meeting Status')
    kind = fields.Selection(
        [
            ('team', 'Team Check Material'),
            ('personal', 'Personal Outline'),
        ],
        string='Kind', required=True, default='personal', tracking=True)
    author_user_id = fields.Many2one(
        'res.users', string='Author', required=True, index=True, ondelete='restrict',
        default=lambda self: self.env.user, tracking=True)
    reviewer_user_id = fields.Many2one(
        'res.users', string='Reviewer', compute='_compute_reviewer_user_id', store=True,
        index=True, tracking=True, ondelete='restrict',
        help='The principal reviews first each outline and the team\'s material written by others; the '
             'reviewers of the supervising bodies then review them, and the principal\'s own outline '
             'goes to them directly.')
    sequence = fields.Integer(compute='_compute_sequence', store=True)
    state = fields.Selection(
        [
            ('draft', 'Draft'),
            ('submitted', 'Submitted'),
            ('upper_review', 'Under Upper-level Review'),
            ('returned', 'Returned'),
            ('approved', 'Approved'),
        ],
        required=True, default='draft', copy=False, tracking=True, index=True)
    sent_up = fields.Boolean(
        string='Sent to the Upper Level', readonly=True, copy=False, index=True,
        help='Once sent up, the people of the supervising bodies read this version.')
    review_round_ids = fields.One2many('party.review.round', 'statement_id', string='Upper-level Review Rounds')
    active = fields.Boolean(default=True, help='Earlier versions are archived, never deleted.')

    # Content
    template_id = fields.Many2one(
        'party.statement.template', string='Template', ondelete='restrict',
        help='The sections the statement is made of.')
    section_ids = fields.One2many(
        'party.meeting.statement.section', 'statement_id', string='Sections', copy=True)
    problem_ids = fields.One2many(
        'party.meeting.statement.problem', 'statement_id', string='Problems', copy=True)
    explanation_ids = fields.One2many(
        'party.meeting.statement.explanation', 'statement_id', string='Matters to Explain', copy=True,
        help='Each matter the clerk or the principal entered for the author, answered in part three.')
    body_html = fields.Html(string='Full Text', compute='_compute_body_html', sanitize=False)
    missing_sections = fields.Char(
        string='Sections Still Empty', compute='_compute_missing_sections',
        help='Required sections that must be filled in before submitting.')
    had_inquiry = fields.Boolean(
        string='Talk or Written Inquiry', compute='_compute_had_inquiry',
        help='Recorded on the meeting\'s participants: the author must explain it in the section '
             'for talks and inquiries.')
    estimated_pages = fields.Float(
        string='Estimated Pages', compute='_compute_estimated_pages', store=True, digits=(16, 1),
        help='Paragraphs laid out at 28 characters a line and 22 lines a page (official layout).')
    min_pages = fields.Integer(related='organization_id.min_statement_pages', string='Minimum Pages')
    page_warning = fields.Char(string='Length Warning', compute='_compute_page_warning')

    # Review and versions
    review_comment = fields.Text(string='Review Comment', readonly=True, copy=False, tracking=True)
    submitted_date = fields.Date(string='Submitted On', readonly=True, copy=False, tracking=True)
    approved_date = fields.Date(string='Approved On', readonly=True, copy=False, tracking=True)
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    previous_version_id = fields.Many2one(
        'party.meeting.statement', string='Previous Version', readonly=True, copy=False,
        index=True, ondelete='set null')
    version_count = fields.Integer(compute='_compute_version_count')
    opinion_ids = fields.Many2many(
        'party.meeting.opinion', string='Opinions', compute='_compute_opinion_ids',
        help='Opinions collected about the author, or about the team for the team\'s material.')
    opinion_count = fields.Integer(compute='_compute_opinion_ids')
    can_edit = fields.Boolean(compute='_compute_user_rights')
    can_review = fields.Boolean(compute='_compute_user_rights')
    can_revise = fields.Boolean(compute='_compute_user_rights')

    _personal_unique = models.UniqueIndex(
        "(meeting_id, author_user_id) WHERE kind = 'personal' AND active",
        'Each member writes one personal outline per meeting; revise it to make a new version.')
    _team_unique = models.UniqueIndex(
        "(meeting_id) WHERE kind = 'team' AND active",
        'A meeting has one team check material; revise it to make a new version.')

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends('kind', 'author_user_id', 'version')
    def _compute_display_name(self):
        for statement in self:
            if statement.kind == 'team':
                name = self.env._('Team Check Material')
            else:
                name = self.env._('Outline of %(author)s', author=statement.author_user_id.name or '?')
            if statement.version > 1:
                name = self.env._('%(name)s (version %(version)s)', name=name, version=statement.version)
            statement.display_name = name

    @api.depends('kind', 'author_user_id', 'state', 'meeting_id.organization_id.principal_user_id')
    def _compute_reviewer_user_id(self):
        for statement in self:
            # Under review or approved, the reviewer stays who they were.
            if statement.state in ('submitted', 'upper_review', 'approved') and statement.reviewer_user_id:
                statement.reviewer_user_id = statement.reviewer_user_id
            else:
                statement.reviewer_user_id = statement._get_reviewer()

    def _get_reviewer(self):
        """The principal reviews first what others wrote (二级审核: the principal, then the
        upper level); the principal's own outline has no first reviewer: it goes up directly,
        and is never approved by the principal — practice."""
        self.ensure_one()
        principal = self.meeting_id.organization_id.principal_user_id
        return principal if self.author_user_id != principal else self.env['res.users']

    @api.depends('kind', 'author_user_id', 'meeting_id.organization_id.member_ids.sequence')
    def _compute_sequence(self):
        for statement in self:
            member = statement.meeting_id.organization_id.member_ids.filtered(
                lambda m: m.user_id == statement.author_user_id)[:1]
            statement.sequence = 0 if statement.kind == 'team' else (member.sequence or 0) + 1

    @api.depends('kind', 'author_user_id', 'meeting_id.attendee_ids.had_inquiry',
                 'meeting_id.attendee_ids.user_id')
    def _compute_had_inquiry(self):
        for statement in self:
            statement.had_inquiry = statement.kind == 'personal' and any(
                attendee.had_inquiry for attendee in statement.meeting_id.attendee_ids
                if attendee.user_id == statement.author_user_id)

    @api.depends('section_ids.content', 'section_ids.name', 'problem_ids.problem',
                 'problem_ids.cause', 'problem_ids.measure')
    def _compute_estimated_pages(self):
        for statement in self:
            lines = sum(
                1 + _html_lines(section.content)  # the heading takes a line of its own
                for section in statement.section_ids if not is_html_empty(section.content))
            lines += sum(
                _text_lines(problem.problem) + _text_lines(problem.cause) + _text_lines(problem.measure)
                for problem in statement.problem_ids)
            statement.estimated_pages = round(lines / PAGE_LINES, 1)

    @api.depends('estimated_pages', 'kind', 'organization_id.min_statement_pages')
    def _compute_page_warning(self):
        for statement in self:
            minimum = statement.organization_id.min_statement_pages
            if statement.kind == 'personal' and minimum and statement.estimated_pages < minimum:
                statement.page_warning = self.env._(
                    'About %(pages)s pages, fewer than the %(minimum)s pages an outline normally has '
                    '(%(organization)s).', pages=statement.estimated_pages, minimum=minimum,
                    organization=statement.organization_id.name)
            else:
                statement.page_warning = False

    @api.depends('section_ids.content', 'section_ids.required', 'section_ids.explains_inquiry', 'had_inquiry')
    def _compute_missing_sections(self):
        for statement in self:
            statement.missing_sections = ', '.join(statement._get_missing_sections().mapped('name')) or False

    @api.depends('section_ids.content', 'section_ids.name', 'problem_ids', 'explanation_ids.explanation',
                 'explanation_ids.self_examination')
    def _compute_body_html(self):
        for statement in self:
            parts = []
            for section in statement.section_ids:
                parts.append(Markup('<h5>%s</h5>' if section.is_subsection else '<h4>%s</h4>') % section.name)
                parts.append(section.content if not is_html_empty(section.content)
                             else Markup('<p class="text-muted">%s</p>') % self.env._('(empty)'))
                if section.explains_inquiry:
                    for line in statement.explanation_ids:
                        parts.append(Markup('<p><b>%s</b> %s</p>') % (line.description, line.explanation or ''))
                        if line.self_examination:
                            parts.append(Markup('<p>%s</p>') % line.self_examination)
            if statement.problem_ids:
                parts.append(Markup('<h4>%s</h4>') % self.env._('Problems by Key Aspect'))
                for problem in statement.problem_ids:
                    parts.append(Markup('<p><b>%s</b> %s</p>') % (
                        problem.focus_id.title or '', problem.problem or ''))
                    for label, text in ((self.env._('Cause:'), problem.cause),
                                        (self.env._('Measure:'), problem.measure)):
                        if text:
                            parts.append(Markup('<p>%s %s</p>') % (label, text))
            statement.body_html = Markup('').join(parts)

    def _compute_version_count(self):
        for statement in self:
            statement.version_count = len(statement._get_versions())

    @api.depends('meeting_id', 'kind', 'author_user_id')
    @api.depends_context('uid')
    def _compute_opinion_ids(self):
        Opinion = self.env['party.meeting.opinion']
        for statement in self:
            if not statement.meeting_id:
                statement.opinion_ids = Opinion
            else:
                domain = [('meeting_id', '=', statement.meeting_id.id), ('concerns_team', '=', True)]
                if statement.kind == 'personal':
                    domain = ['&', ('meeting_id', '=', statement.meeting_id.id),
                              '|', ('concerns_team', '=', True),
                              ('concerned_user_ids', 'in', statement.author_user_id.ids)]
                statement.opinion_ids = Opinion.search(domain)
            statement.opinion_count = len(statement.opinion_ids)

    @api.depends('state', 'active', 'author_user_id', 'reviewer_user_id', 'meeting_id.state',
                 'organization_id.upper_body_ids.user_ids')
    @api.depends_context('uid')
    def _compute_user_rights(self):
        for statement in self:
            is_author = statement.author_user_id == self.env.user
            statement.can_edit = is_author and statement.state in EDITABLE_STATES
            statement.can_review = (
                (statement.state == 'submitted' and statement.reviewer_user_id == self.env.user)
                or (statement.state == 'upper_review'
                    and self.env.user in statement.organization_id._upper_reviewers()))
            statement.can_revise = (is_author and statement.state == 'approved' and statement.active
                                    and statement.meeting_id.state in PREPARATION_STATES)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains('kind', 'author_user_id', 'meeting_id')
    def _check_author(self):
        """A personal outline is written by a team member; the team material by a team member or a
        clerk drafting under the principal — reference plan."""
        for statement in self:
            organization = statement.meeting_id.organization_id
            allowed = organization.member_user_ids
            if statement.kind == 'team':
                allowed |= organization.clerk_user_ids
            if statement.author_user_id not in allowed:
                raise ValidationError(self.env._(
                    '%(statement)s: the field "Author" must be on the team of %(organization)s.',
                    statement=statement.display_name, organization=organization.name))

    @api.model
    def _check_one_per_author(self, meeting, kind, author):
        """One personal outline per member and one team material per meeting — practice.
        Checked before the insert so that the unique index only guards against races."""
        domain = [('meeting_id', '=', meeting.id), ('kind', '=', kind)]
        if kind == 'personal':
            domain.append(('author_user_id', '=', author.id))
        if self.sudo().search_count(domain, limit=1):
            name = (self.env._('Team Check Material') if kind == 'team'
                    else self.env._('Outline of %(author)s', author=author.name))
            raise ValidationError(self.env._(
                '%(statement)s: the meeting "%(meeting)s" already has it; open that one, or revise '
                'it to make a new version.', statement=name, meeting=meeting.name))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                # A new statement always starts as a draft of its author.
                for field in REVIEW_FIELDS - {'active'}:
                    vals.pop(field, None)
            meeting = self.env['party.meeting'].browse(vals.get('meeting_id'))
            if meeting and vals.get('active', True):
                self._check_one_per_author(
                    meeting, vals.get('kind', 'personal'),
                    self.env['res.users'].browse(vals.get('author_user_id', self.env.uid)))
            if not vals.get('template_id') and meeting:
                template = meeting.organization_id.statement_template_id or self.env.ref(
                    'party_democratic_life.party_statement_template_default', raise_if_not_found=False)
                vals['template_id'] = template.id if template else False
        statements = super().create(vals_list)
        for statement, vals in zip(statements, vals_list):
            if 'section_ids' not in vals:
                statement._fill_sections_from_template()
        statements.filtered(lambda s: s.kind == 'personal' and s.active)._fill_explanations()
        return statements

    def write(self, vals):
        if not self.env.su:
            locked = REVIEW_FIELDS & set(vals)
            if locked:
                raise UserError(self.env._(
                    '%(statement)s: the field "%(field)s" changes only through Submit, Approve, Return '
                    'or Revise.', statement=self[:1].display_name,
                    field=self._fields[sorted(locked)[0]].get_description(self.env)['string']))
            if CONTENT_FIELDS & set(vals):
                self._check_content_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reviewed(self):
        for statement in self:
            if statement.state != 'draft':
                state = dict(self._fields['state']._description_selection(self.env))[statement.state]
                raise UserError(self.env._(
                    '%(statement)s is %(state)s and cannot be deleted; only a draft can be deleted.',
                    statement=statement.display_name, state=state.lower()))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_author(self):
        if not self.env.su:
            self._check_content_editable()

    def unlink(self):
        previous = self.previous_version_id
        result = super().unlink()
        # Deleting a draft revision brings back the approved version it came from.
        previous.sudo().write({'active': True})
        return result

    def _fill_sections_from_template(self):
        """The template's parts and sub-sections, headed in the organisation's language; the part
        that goes through the key aspects gets one sub-section per key aspect of the meeting."""
        Section = self.env['party.meeting.statement.section'].sudo()
        vals_list = []
        for statement in self:
            env = statement.organization_id._party_env()
            focuses = statement.meeting_id.focus_ids
            for template_section in statement.template_id.with_env(env)._sections_for(statement.kind):
                name = strip_heading_number(template_section.name)
                if template_section.lists_key_aspects and focuses:
                    name = env._('Outstanding problems found against the %(count)s key aspects', count=len(focuses))
                vals_list.append({
                    'statement_id': statement.id,
                    'template_section_id': template_section.id,
                    'sequence': template_section.sequence,
                    'name': name,
                    'is_subsection': template_section.is_subsection,
                    'required': template_section.required,
                    'explains_inquiry': template_section.explains_inquiry,
                })
                if template_section.lists_key_aspects:
                    vals_list.extend({
                        'statement_id': statement.id,
                        'sequence': template_section.sequence,
                        'name': focus.title,
                        'is_subsection': True,
                        'focus_id': focus.id,
                    } for focus in focuses)
        Section.create(vals_list)

    def _fill_explanations(self):
        """A line in part three for each matter the author has to explain at this meeting."""
        Disclosure = self.env['party.meeting.disclosure'].sudo()
        disclosures = Disclosure.search([
            ('meeting_id', 'in', self.meeting_id.ids), ('member_user_id', 'in', self.author_user_id.ids)])
        vals_list = []
        for statement in self:
            answered = statement.explanation_ids.disclosure_id
            vals_list.extend({
                'statement_id': statement.id, 'disclosure_id': disclosure.id, 'sequence': disclosure.sequence,
            } for disclosure in disclosures - answered
                if disclosure.meeting_id == statement.meeting_id and disclosure.member_user_id == statement.author_user_id)
        self.env['party.meeting.statement.explanation'].sudo().create(vals_list)

    def _get_uncovered_focuses(self):
        """Key aspects of the meeting with no problem (in the list of problems or written in the
        aspect's sub-section) and no reason why none was found."""
        self.ensure_one()
        covered = self.section_ids.filtered(
            lambda s: s.focus_id and (s.is_filled or (s.no_problem_reason or '').strip()))
        return self.meeting_id.focus_ids - self.problem_ids.focus_id - covered.focus_id

    def _get_unanswered_explanations(self):
        """Matters to explain without an answer (and, when held accountable, a self-examination)."""
        self.ensure_one()
        disclosures = self.env['party.meeting.disclosure'].sudo().search([
            ('meeting_id', '=', self.meeting_id.id), ('member_user_id', '=', self.author_user_id.id)])
        answered = self.explanation_ids.filtered(lambda line: line._is_answered()).disclosure_id
        return disclosures - answered

    def _check_content_editable(self):
        """Only the author edits the content, and only while it is a draft or returned — practice;
        an approved statement is locked and changes only as a new version."""
        for statement in self:
            if statement.author_user_id != self.env.user:
                raise UserError(self.env._(
                    '%(statement)s: only its author %(author)s can edit the content.',
                    statement=statement.display_name, author=statement.author_user_id.name))
            if statement.state == 'approved':
                raise UserError(self.env._(
                    '%(statement)s is approved and locked; use Revise to start a new version '
                    '(the approved text is kept).', statement=statement.display_name))
            if statement.state not in EDITABLE_STATES:
                raise UserError(self.env._(
                    '%(statement)s is submitted for review and locked until the reviewer returns it.',
                    statement=statement.display_name))

    def _get_missing_sections(self):
        """Required sections still empty; the section on talks and inquiries counts as required
        when the author had one — practice."""
        self.ensure_one()
        return self.section_ids.filtered(
            lambda s: (s.required or (s.explains_inquiry and self.had_inquiry)) and is_html_empty(s.content))

    def _get_versions(self):
        self.ensure_one()
        if not self.meeting_id:
            return self
        domain = [('meeting_id', '=', self.meeting_id.id), ('kind', '=', self.kind)]
        if self.kind == 'personal':
            domain.append(('author_user_id', '=', self.author_user_id.id))
        return self.with_context(active_test=False).search(domain, order='version desc')

    # ------------------------------------------------------------------
    # Actions: submit, review, revise
    # ------------------------------------------------------------------

    def _check_state(self, allowed, action_label):
        labels = dict(self._fields['state']._description_selection(self.env))
        for statement in self:
            if statement.state not in allowed:
                raise UserError(self.env._(
                    '%(statement)s cannot be %(action)s while it is %(state)s.',
                    statement=statement.display_name, action=action_label,
                    state=labels[statement.state].lower()))

    def _check_reviewer(self):
        """The principal acts on what is submitted to them; a reviewer of a supervising body on
        what is under upper-level review — never the author on their own text."""
        for statement in self:
            if statement.state == 'upper_review':
                statement.organization_id._check_upper_reviewer(statement.display_name)
                if statement.author_user_id == self.env.user:
                    raise UserError(self.env._(
                        '%(statement)s: its author cannot approve or return it.', statement=statement.display_name))
            elif statement.reviewer_user_id != self.env.user:
                raise UserError(self.env._(
                    '%(statement)s: only its reviewer %(reviewer)s can approve or return it.',
                    statement=statement.display_name,
                    reviewer=statement.reviewer_user_id.name or self.env._('(none)')))

    def _send_up(self):
        """Put the statements under upper-level review: a round on record and an activity for
        each reviewer of the supervising bodies."""
        for statement in self.sudo():
            meeting = statement.meeting_id
            meeting._check_upper_bodies(statement.display_name)
            statement.write({'state': 'upper_review', 'sent_up': True})
            self.env['party.review.round']._open_round(meeting, statement.kind, statement)
            meeting._schedule_upper_review(statement, self.env._('Review %(statement)s', statement=statement.display_name))

    def _review_deadline(self):
        self.ensure_one()
        today = self.organization_id._party_today()
        deadline = self.meeting_id.materials_deadline
        return max(deadline, today) if deadline else today

    def action_submit(self):
        self._check_state(EDITABLE_STATES, self.env._('submitted'))
        for statement in self:
            if statement.author_user_id != self.env.user:
                raise UserError(self.env._(
                    '%(statement)s: only its author %(author)s can submit it.',
                    statement=statement.display_name, author=statement.author_user_id.name))
            missing = statement._get_missing_sections()
            if missing:
                raise UserError(self.env._(
                    '%(statement)s cannot be submitted: these required sections are empty: %(sections)s.',
                    statement=statement.display_name, sections=', '.join(missing.mapped('name'))))
            if statement.kind == 'personal':
                statement._check_key_aspects_and_explanations()
            if statement.had_inquiry and not statement.section_ids.filtered('explains_inquiry'):
                raise UserError(self.env._(
                    '%(statement)s cannot be submitted: a talk or written inquiry is recorded for '
                    '%(author)s, and no section explains it; add the section on talks and inquiries.',
                    statement=statement.display_name, author=statement.author_user_id.name))
            if not statement.organization_id.principal_user_id:
                raise UserError(self.env._(
                    '%(statement)s cannot be submitted: the field "Reviewer" is empty; name the '
                    'principal of %(organization)s first.',
                    statement=statement.display_name, organization=statement.organization_id.name))
            if not statement.reviewer_user_id:
                statement.meeting_id._check_upper_bodies(statement.display_name)
        for organization, statements in self.sudo().grouped('organization_id').items():
            statements.write({'submitted_date': organization._party_today()})
        # The principal's own text goes up directly; the others to the principal first.
        self.filtered(lambda s: not s.reviewer_user_id)._send_up()
        self.sudo().filtered('reviewer_user_id').write({'state': 'submitted'})
        for statement in self.sudo().filtered('reviewer_user_id'):
            statement.message_subscribe(partner_ids=statement.reviewer_user_id.partner_id.ids)
            statement.activity_feedback([ACTIVITY_WRITE])
            statement.activity_schedule(
                ACTIVITY_REVIEW, date_deadline=statement._review_deadline(),
                user_id=statement.reviewer_user_id.id)
        for statement in self.sudo():
            statement.activity_feedback([ACTIVITY_WRITE])
            if statement.page_warning:
                statement.message_post(body=self.env._(
                    'Submitted with a length warning: %(warning)s', warning=statement.page_warning))
        return True

    def _check_key_aspects_and_explanations(self):
        """Part two goes through every key aspect (逐项对照) and part three answers every matter to
        explain, with a thorough self-examination for an accountability — reference plan."""
        self.ensure_one()
        uncovered = self._get_uncovered_focuses()
        if uncovered:
            raise UserError(self.env._(
                '%(statement)s cannot be submitted: these key aspects have neither a problem (in the list or '
                'written in their sub-section) nor a reason why none was found (field "No Problem Found '
                'Because"): %(aspects)s.',
                statement=self.display_name, aspects='、'.join(uncovered.mapped('title'))))
        unanswered = self._get_unanswered_explanations()
        if unanswered:
            accountability = unanswered.filtered(lambda d: d.kind == 'accountability')
            raise UserError(self.env._(
                '%(statement)s cannot be submitted: these matters to explain have no answer in part three '
                '(field "Explanation"%(extra)s): %(matters)s.',
                statement=self.display_name, matters='、'.join(unanswered.mapped('description')),
                extra=self.env._(', and "Thorough Self-examination" for an accountability') if accountability else ''))

    def action_approve(self):
        """The principal's approval sends the text up when the organisation has supervising
        bodies with reviewers; the upper level's approval is the last one."""
        self._check_state(('submitted', 'upper_review'), self.env._('approved'))
        self._check_reviewer()
        self._check_edit_version_from_context()   # approve the text the reviewer read, not a newer one
        upper = self.filtered(lambda s: s.state == 'upper_review')
        first = self - upper
        for statement in first.sudo():
            statement.activity_feedback([ACTIVITY_REVIEW])
        going_up = first.filtered(lambda s: s.organization_id._upper_reviewers())
        going_up._send_up()
        final = upper | (first - going_up)
        for organization, statements in final.sudo().grouped('organization_id').items():
            statements.write({'state': 'approved', 'approved_date': organization._party_today()})
        for statement in upper.sudo():
            statement.review_round_ids._close('approved', statement.organization_id)
            statement.activity_unlink([ACTIVITY_UPPER_REVIEW])
            statement.message_post(body=self.env._(
                'Approved by %(reviewer)s for the upper level.', reviewer=self.env.user.name),
                partner_ids=statement.author_user_id.partner_id.ids)
        return True

    def action_return(self, comment=None):
        """Send the statement back to its author with the reviewer's comment; without a comment,
        open the dialog that asks for one. A return by the upper level goes to the author too,
        and the principal reviews the new text first again."""
        self._check_state(('submitted', 'upper_review'), self.env._('returned'))
        self._check_reviewer()
        self._check_edit_version_from_context()
        if comment is None:
            return {
                'type': 'ir.actions.act_window',
                'name': self.env._('Return to the Author'),
                'res_model': 'party.meeting.statement.return',
                'view_mode': 'form',
                'target': 'new',
                'context': {'default_statement_ids': self.ids},
            }
        if not comment.strip():
            raise UserError(self.env._(
                '%(statement)s: the field "Review Comment" is required to return it.',
                statement=self[:1].display_name))
        upper = self.filtered(lambda s: s.state == 'upper_review')
        for statement in upper.sudo():
            statement.review_round_ids._close('returned', statement.organization_id, comment)
            statement.activity_unlink([ACTIVITY_UPPER_REVIEW])
        self.sudo().write({'state': 'returned', 'review_comment': comment})
        self.filtered(lambda s: s.kind == 'personal').sudo()._fill_explanations()
        for statement in self.sudo():
            statement.activity_feedback([ACTIVITY_REVIEW])
            statement.activity_schedule(
                ACTIVITY_WRITE, date_deadline=statement._review_deadline(),
                user_id=statement.author_user_id.id,
                summary=self.env._('Revise your outline'), note=plaintext2html(comment))
            partners = statement.author_user_id.partner_id
            if statement in upper:
                partners |= (statement.organization_id.principal_user_id | statement.organization_id.clerk_user_ids).partner_id
            statement.message_post(body=self.env._(
                'Returned by %(reviewer)s: %(comment)s', reviewer=self.env.user.name, comment=comment),
                partner_ids=partners.ids, message_type='comment', subtype_xmlid='mail.mt_comment')
        return True

    def action_revise(self):
        """Start a new version of an approved statement; the approved one is archived, not changed
        — practice: a change after approval is a new, recorded version."""
        self.ensure_one()
        self._check_state(('approved',), self.env._('revised'))
        if self.author_user_id != self.env.user:
            raise UserError(self.env._(
                '%(statement)s: only its author %(author)s can revise it.',
                statement=self.display_name, author=self.author_user_id.name))
        if not self.active:
            raise UserError(self.env._(
                '%(statement)s is an earlier version; revise the current one.', statement=self.display_name))
        if self.meeting_id.state not in PREPARATION_STATES:
            raise UserError(self.env._(
                '%(statement)s: the meeting "%(meeting)s" is already held; the approved text stays as it is.',
                statement=self.display_name, meeting=self.meeting_id.name))
        old = self.sudo()
        old.write({'active': False})
        old.flush_recordset(['active'])  # the unique index sees one current version at a time
        new = old.copy({
            'version': self.version + 1, 'previous_version_id': self.id, 'state': 'draft', 'active': True})
        old.message_post(body=self.env._(
            'Superseded by version %(version)s, started by %(user)s.', version=new.version, user=self.env.user.name))
        new.message_post(body=self.env._(
            'Version %(version)s, revised from the approved version %(old)s.', version=new.version, old=old.version))
        return {
            'type': 'ir.actions.act_window',
            'res_model': self._name,
            'res_id': new.id,
            'view_mode': 'form',
            'target': 'current',
        }

    def action_view_versions(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': self.env._('Versions'),
            'res_model': self._name,
            'view_mode': 'list,form',
            'domain': [('id', 'in', self._get_versions().ids)],
            'context': {'active_test': False},
        }

    def action_view_opinions(self):
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('party_democratic_life.party_meeting_opinion_action')
        action['domain'] = [('id', 'in', self.opinion_ids.ids)]
        action['context'] = {'create': False}
        return action


class PartyMeetingStatementLineMixin(models.AbstractModel):
    """The lines of an outline follow its lock: only its author edits them, and only while
    the outline is a draft or returned."""
    _name = 'party.meeting.statement.line.mixin'
    _description = 'Line of an Outline'

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.env['party.meeting.statement'].browse(
                list({vals.get('statement_id') for vals in vals_list})).exists()._check_content_editable()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.statement_id._check_content_editable()
        return super().write(vals)


class PartyMeetingStatementSection(models.Model):
    _name = 'party.meeting.statement.section'
    _inherit = ['party.meeting.statement.line.mixin']
    _description = 'Outline Section'
    _order = 'statement_id, sequence, id'

    statement_id = fields.Many2one(
        'party.meeting.statement', string='Statement', required=True, index=True, ondelete='cascade')
    company_id = fields.Many2one(related='statement_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    template_section_id = fields.Many2one(
        'party.statement.template.section', string='Template Section', ondelete='set null')
    name = fields.Char(string='Heading', required=True)
    guidance = fields.Text(compute='_compute_guidance')
    is_subsection = fields.Boolean(string='Sub-section')
    focus_id = fields.Many2one(
        'party.meeting.focus', string='Key Aspect', ondelete='cascade', index=True,
        help='The key aspect this sub-section of part two goes through.')
    no_problem_reason = fields.Text(
        string='No Problem Found Because',
        help='For a key aspect without any problem in the list: why none was found.')
    required = fields.Boolean(string='Required')
    explains_inquiry = fields.Boolean(string='Explains Talks and Inquiries')
    content = fields.Html(string='Content')
    is_filled = fields.Boolean(string='Filled', compute='_compute_is_filled')
    char_count = fields.Integer(string='Characters', compute='_compute_is_filled')

    @api.depends('template_section_id.guidance', 'template_section_id.guidance_principal', 'focus_id.description',
                 'statement_id.author_user_id', 'statement_id.organization_id.principal_user_id')
    def _compute_guidance(self):
        """The principal's own guidance where the template has one (e.g. ideology work: the whole
        organisation), the members' otherwise (their duty areas); a key aspect's own description."""
        for section in self:
            template_section = section.template_section_id
            statement = section.statement_id
            is_principal = (statement.kind == 'personal'
                            and statement.author_user_id == statement.organization_id.principal_user_id)
            if section.focus_id:
                section.guidance = section.focus_id.description
            elif is_principal and template_section.guidance_principal:
                section.guidance = template_section.guidance_principal
            else:
                section.guidance = template_section.guidance

    @api.depends('content')
    def _compute_is_filled(self):
        for section in self:
            text = '' if is_html_empty(section.content) else html2plaintext(section.content, include_references=False)
            section.is_filled = bool(text.strip())
            section.char_count = len(''.join(text.split()))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_optional_by_author(self):
        if self.env.su:
            return
        self.statement_id._check_content_editable()
        required = self.filtered('required')
        if required:
            raise UserError(self.env._(
                '%(statement)s: the section "%(section)s" is required by the template and cannot '
                'be removed.', statement=required[0].statement_id.display_name, section=required[0].name))


class PartyMeetingStatementProblem(models.Model):
    _name = 'party.meeting.statement.problem'
    _inherit = ['party.meeting.statement.line.mixin']
    _description = 'Problem Found in Self-examination'
    _order = 'statement_id, sequence, id'

    statement_id = fields.Many2one(
        'party.meeting.statement', string='Statement', required=True, index=True, ondelete='cascade')
    meeting_id = fields.Many2one(related='statement_id.meeting_id', store=True, index=True)
    company_id = fields.Many2one(related='statement_id.company_id', store=True)
    sequence = fields.Integer(default=10)
    focus_id = fields.Many2one(
        'party.meeting.focus', string='Key Aspect', ondelete='set null',
        domain="[('meeting_id', '=', meeting_id)]")
    problem = fields.Text(string='Problem', required=True)
    cause = fields.Text(string='Cause')
    measure = fields.Text(string='Measure')
    rectification_ids = fields.One2many(
        'party.rectification', 'statement_problem_id', string='Rectifications')
    rectification_count = fields.Integer(compute='_compute_rectification_count')

    @api.depends('problem')
    def _compute_display_name(self):
        for problem in self:
            problem.display_name = _first_line(problem.problem)

    @api.depends('rectification_ids')
    def _compute_rectification_count(self):
        for problem in self:
            problem.rectification_count = len(problem.rectification_ids)

    @api.constrains('focus_id', 'statement_id')
    def _check_focus_meeting(self):
        for problem in self.filtered('focus_id'):
            if problem.focus_id.meeting_id != problem.statement_id.meeting_id:
                raise ValidationError(self.env._(
                    'Problem "%(problem)s": the field "Key Aspect" must be one of the meeting "%(meeting)s".',
                    problem=problem.display_name, meeting=problem.statement_id.meeting_id.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_author(self):
        if not self.env.su:
            self.statement_id._check_content_editable()

    def action_to_rectification(self):
        """Turn the problem into a rectification item owned by the author (the principal for the
        team's material), linked both ways; open the one made before if any."""
        self.ensure_one()
        rectification = self.rectification_ids[:1]
        if not rectification:
            statement = self.statement_id
            personal = statement.kind == 'personal'
            owner = statement.author_user_id if personal else statement.organization_id.principal_user_id
            rectification = self.env['party.rectification'].create({
                'name': _first_line(self.problem),
                'meeting_id': statement.meeting_id.id,
                'scope': 'personal' if personal else 'team',
                'responsible_user_id': owner.id,
                'focus_id': self.focus_id.id,
                'source': 'self_check',
                'statement_problem_id': self.id,
                'problem': plaintext2html(self.problem or ''),
                'root_cause': plaintext2html(self.cause) if self.cause else False,
                'measures': plaintext2html(self.measure) if self.measure else False,
            })
            rectification.message_post(body=self.env._(
                'Made from a problem in %(statement)s.', statement=statement.display_name))
        return rectification._get_form_action()
