from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

from .party_meeting import HELD_STATES

ASSESSMENT_GRADES = [
    ('good', 'Good'),
    ('fair', 'Fairly Good'),
    ('average', 'Average'),
    ('poor', 'Poor'),
]
# The upper level's verdict on the meeting; it changes only through Record Assessment.
ASSESSMENT_FIELDS = frozenset({
    'assessment_grade', 'assessment_preparation', 'assessment_self_criticism', 'assessment_mutual_criticism',
    'assessment_measures', 'assessment_reheld_reason', 'assessed_by_id', 'assessment_body_id', 'assessed_date',
    'reheld_from_id',
})
# What a meeting held again takes over from its first holding, besides its lines and materials.
REHELD_COPIED_FIELDS = (
    'organization_id', 'meeting_type', 'also_special', 'year', 'theme', 'special_reason', 'basis_document',
    'duration', 'location', 'host_user_id', 'recorder_user_id', 'previous_meeting_id',
)


class PartyMeeting(models.Model):
    """The assessment after the meeting (评估): a reviewer of a supervising guide group or
    organisation department grades the meeting on its preparation, the depth of the
    self-criticisms, the sharpness of the mutual criticisms and the rectification measures; a
    meeting graded poor is held again (重开) — practice."""
    _inherit = 'party.meeting'

    assessment_grade = fields.Selection(
        ASSESSMENT_GRADES, string='Assessment', readonly=True, copy=False, tracking=True, index=True,
        help='The upper level\'s grade of the meeting; a meeting graded Poor is held again.')
    assessment_preparation = fields.Text(
        string='Preparation', readonly=True, copy=False,
        help='How well the study, the opinions, the talks and the written materials prepared the meeting.')
    assessment_self_criticism = fields.Text(
        string='Depth of Self-criticism', readonly=True, copy=False,
        help='Whether the members looked at themselves, named real problems and dug into their causes.')
    assessment_mutual_criticism = fields.Text(
        string='Sharpness of Mutual Criticism', readonly=True, copy=False,
        help='Whether the criticisms named concrete problems frankly, rather than praise or suggestions.')
    assessment_measures = fields.Text(
        string='Rectification Measures', readonly=True, copy=False,
        help='Whether the measures are concrete, owned and dated.')
    assessment_reheld_reason = fields.Text(
        string='Reason to Hold Again', readonly=True, copy=False, tracking=True,
        help='Why the upper level asks for the meeting to be held again.')
    assessed_by_id = fields.Many2one(
        'res.users', string='Assessed By', readonly=True, copy=False, tracking=True, ondelete='restrict')
    assessment_body_id = fields.Many2one(
        'party.upper.body', string='Assessed For', readonly=True, copy=False, tracking=True, ondelete='restrict',
        help='The supervising body whose reviewer recorded the assessment.')
    assessed_date = fields.Date(string='Assessed On', readonly=True, copy=False, tracking=True)
    reheld_from_id = fields.Many2one(
        'party.meeting', string='Held Again From', readonly=True, copy=False, index='btree_not_null',
        ondelete='restrict', help='The meeting graded Poor that this meeting holds again.')
    reheld_meeting_ids = fields.One2many('party.meeting', 'reheld_from_id', string='Meetings Held Again')
    reheld_meeting_id = fields.Many2one(
        'party.meeting', string='Held Again As', compute='_compute_reheld_meeting_id',
        help='The meeting that holds this one again after it was graded Poor.')

    @api.depends('reheld_meeting_ids')
    def _compute_reheld_meeting_id(self):
        for meeting in self:
            meeting.reheld_meeting_id = meeting.reheld_meeting_ids[:1]

    # ------------------------------------------------------------------
    # CRUD and the guard
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_assessment_untouched(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_assessment_untouched(vals)
        return super().write(vals)

    def _check_assessment_untouched(self, vals):
        # A new meeting may name these fields only empty, as a form sends them.
        names = set(vals) if self else {name for name, value in vals.items() if value}
        locked = ASSESSMENT_FIELDS & names
        if locked:
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "%(field)s" changes only through Record Assessment.',
                meeting=self[:1].name or vals.get('name', ''),
                field=self._fields[sorted(locked)[0]]._description_string(self.env)))

    def _party_same_meeting(self):
        """A meeting held again and its first holding are one meeting of the year."""
        family = super()._party_same_meeting()
        todo = family
        while todo:
            linked = todo.sudo().reheld_from_id | todo.sudo().reheld_meeting_ids
            todo = self.browse(linked.ids) - family
            family |= todo
        return family

    def _get_carry_over_domain(self):
        """The items of a meeting's first holding stay with it; a meeting held again carries over
        the other meetings' unfinished items as any meeting does."""
        domain = super()._get_carry_over_domain()
        if self.reheld_from_id:
            domain &= Domain('meeting_id', 'not in', self._party_same_meeting().ids)
        return domain

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_can_assess(self):
        self._check_state(HELD_STATES, self.env._('assessed'))
        self.organization_id._check_upper_reviewer(self.env._('Assessing the meeting'))
        for meeting in self:
            if meeting.reheld_meeting_ids:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" is already being held again as "%(reheld)s"; assess that meeting '
                    'instead.', meeting=meeting.name, reheld=meeting.reheld_meeting_ids[:1].name))

    def _party_assessing_bodies(self):
        """The supervising guide groups and organisation departments the current user reviews for,
        the guide groups first: they are the ones sent to assess."""
        self.ensure_one()
        bodies = self.organization_id._upper_bodies().filtered(lambda body: body._is_reviewer())
        return bodies.sorted(lambda body: body.kind != 'guide_group')

    def action_assess(self):
        """Open the dialog in which a reviewer of a supervising body records the assessment."""
        self.ensure_one()
        self._check_can_assess()
        return self.env['party.meeting.assess']._open_dialog(self)

    def _record_assessment(self, grade, reasons, body, reheld_reason=None):
        """Record the upper level's assessment; a meeting graded Poor is held again. `reasons`
        holds the four points by field name."""
        self.ensure_one()
        self._check_can_assess()
        organization = self.organization_id
        if not body or body not in self._party_assessing_bodies():
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "Assessed For" must be a guide group or organization department '
                'that supervises %(organization)s and for which you review.',
                meeting=self.name, organization=organization.name))
        reheld_reason = (reheld_reason or '').strip()
        if grade == 'poor' and not reheld_reason:
            raise UserError(self.env._(
                'Meeting "%(meeting)s": the field "Reason to Hold Again" is required when the assessment is Poor.',
                meeting=self.name))
        meeting = self.sudo()
        meeting.write(dict(
            reasons, assessment_grade=grade, assessed_by_id=self.env.user.id, assessment_body_id=body.id,
            assessed_date=organization._party_today(), assessment_reheld_reason=reheld_reason if grade == 'poor' else False))
        grade_label = dict(self._fields['assessment_grade']._description_selection(self.env))[grade]
        message = self.env._('%(body)s assessed the meeting as %(grade)s (recorded by %(user)s).',
                             body=body.name, grade=grade_label, user=self.env.user.name)
        reheld = self.browse()
        if grade == 'poor':
            reheld = meeting._create_reheld_meeting(reheld_reason)
            message = Markup('%s<br/>%s') % (message, Markup(self.env._(
                'The meeting is to be held again as %(meeting)s: %(reason)s')) % {
                    'meeting': reheld._get_html_link(), 'reason': reheld_reason})
        meeting._notify_team(message)
        return reheld

    def _create_reheld_meeting(self, reason):
        """The meeting held again: same organisation, year and kind, with the theme, key aspects,
        agenda and participants of the first, starting from its check material and outlines as
        drafts. Runs as superuser once the assessment has been checked."""
        self.ensure_one()
        env = self.organization_id._party_env()
        vals = {name: self._fields[name].convert_to_write(self[name], self) for name in REHELD_COPIED_FIELDS}
        vals.update({
            'name': env._('%(meeting)s (Held Again)', meeting=self.name),
            'reheld_from_id': self.id,
            'focus_ids': [Command.create(vals) for vals in self.focus_ids.copy_data()],
            'agenda_ids': [Command.create(vals) for vals in self.agenda_ids.copy_data()],
            'attendee_ids': [Command.create({
                'role': attendee.role, 'user_id': attendee.user_id.id, 'partner_id': attendee.partner_id.id,
                'position': attendee.position, 'sequence': attendee.sequence,
                'upper_body_id': attendee.upper_body_id.id, 'had_inquiry': attendee.had_inquiry,
            }) for attendee in self.attendee_ids
                if attendee.role != 'member' or attendee.user_id in self.organization_id.member_ids.user_id],
        })
        reheld = self.create(vals)
        reheld._copy_statements_from(self)
        principal = self.organization_id.principal_user_id
        if principal:
            reheld.activity_schedule(
                'mail.mail_activity_data_todo', user_id=principal.id,
                summary=self.env._('Prepare the meeting to be held again'), note=reason)
        reheld.message_post(body=Markup(self.env._(
            'Held again because the upper level assessed %(meeting)s as Poor: %(reason)s')) % {
                'meeting': self._get_html_link(), 'reason': reason})
        return reheld

    def _copy_statements_from(self, source):
        """The first holding's team material and each member's outline, copied as drafts with their
        sections and problems, their key aspects those of this meeting; an outline of someone no
        longer on the team stays behind."""
        self.ensure_one()
        focus_map = dict(zip(source.focus_ids, self.focus_ids, strict=False))
        organization = self.organization_id
        Statement = self.env['party.meeting.statement'].sudo().with_context(mail_create_nosubscribe=True)
        for statement in source.statement_ids.sorted(lambda s: (s.kind != 'team', s.sequence, s.id)):
            allowed = organization.member_user_ids | (organization.clerk_user_ids if statement.kind == 'team' else
                                                      self.env['res.users'])
            if statement.author_user_id not in allowed:
                continue
            copy = Statement.create({
                'meeting_id': self.id,
                'kind': statement.kind,
                'author_user_id': statement.author_user_id.id,
                'template_id': statement.template_id.id,
                'section_ids': [Command.create({
                    'sequence': section.sequence, 'template_section_id': section.template_section_id.id,
                    'name': section.name, 'is_subsection': section.is_subsection,
                    'focus_id': focus_map.get(section.focus_id, self.env['party.meeting.focus']).id,
                    'no_problem_reason': section.no_problem_reason, 'required': section.required,
                    'explains_inquiry': section.explains_inquiry, 'content': section.content,
                }) for section in statement.section_ids],
                'problem_ids': [Command.create({
                    'sequence': problem.sequence,
                    'focus_id': focus_map.get(problem.focus_id, self.env['party.meeting.focus']).id,
                    'problem': problem.problem, 'cause': problem.cause, 'measure': problem.measure,
                }) for problem in statement.problem_ids],
            })
            copy.message_subscribe(partner_ids=copy.author_user_id.partner_id.ids)
            copy.message_post(body=Markup(self.env._('Copied from %(statement)s of %(meeting)s.')) % {
                'statement': statement._get_html_link(), 'meeting': source._get_html_link()})

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------

    def _action_open_meeting(self, meeting):
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'party.meeting',
            'res_id': meeting.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
        }

    def action_view_reheld_meeting(self):
        self.ensure_one()
        return self._action_open_meeting(self.reheld_meeting_id)

    def action_view_reheld_from(self):
        self.ensure_one()
        return self._action_open_meeting(self.reheld_from_id)
