from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .party_meeting import PREPARATION_STATES


class PartyUpperBody(models.Model):
    _inherit = 'party.upper.body'

    # The way back from a body to its notices: meetings recompute their notice when one is issued.
    notice_ids = fields.One2many('party.upper.notice', 'body_id', string='Notices')


class PartyMeeting(models.Model):
    """A meeting follows the county's notice (上级通知) of its year and kind: a new meeting takes
    over its theme, document number and key aspects; the notice's deadlines and window are
    checked before the meeting is held."""
    _inherit = 'party.meeting'

    notice_id = fields.Many2one(
        'party.upper.notice', string='Upper-level Notice', compute='_compute_notice_id', store=True,
        readonly=False, index=True, ondelete='set null', tracking=True,
        domain="[('state', '=', 'issued'), ('year', '=', year), ('meeting_type', '=', meeting_type)]",
        help='The issued notice of the meeting\'s year and kind from a body that supervises the organization; '
             'its key aspects cannot be dropped or renamed, its deadlines and window apply.')
    notice_window_start = fields.Date(related='notice_id.window_start')
    notice_window_end = fields.Date(related='notice_id.window_end')
    notice_plan_deadline = fields.Date(related='notice_id.plan_deadline')

    @api.depends('organization_id', 'year', 'meeting_type', 'organization_id.upper_body_ids',
                 'organization_id.upper_body_ids.notice_ids.state', 'organization_id.upper_body_ids.notice_ids.year',
                 'organization_id.upper_body_ids.notice_ids.meeting_type')
    def _compute_notice_id(self):
        for meeting in self:
            if meeting.state in PREPARATION_STATES:
                meeting.notice_id = meeting._find_notice()
            else:
                # A meeting that was held keeps the notice it followed.
                meeting.notice_id = meeting.notice_id

    @api.depends('notice_id.report_deadline')
    def _compute_report_deadline(self):
        """The notice's report deadline, when it sets one, replaces the organization's count of days."""
        result = super()._compute_report_deadline()
        for meeting in self:
            deadline = meeting.notice_id.sudo().report_deadline
            if deadline:
                meeting.report_deadline = deadline
        return result

    @api.model
    def _find_notice_for(self, organization, year, meeting_type):
        """The issued notice of that year and kind from a supervising organization department."""
        Notice = self.env['party.upper.notice']
        # Read as superuser: which notice applies does not depend on who creates the meeting.
        bodies = organization.sudo()._upper_bodies(('organization_department',))
        if not (bodies and year and meeting_type):
            return Notice
        notice = Notice.sudo().search([
            ('state', '=', 'issued'), ('body_id', 'in', bodies.ids), ('year', '=', year),
            ('meeting_type', '=', meeting_type)], limit=1)
        return notice.with_env(self.env)

    def _find_notice(self):
        self.ensure_one()
        return self._find_notice_for(self.organization_id, self.year, self.meeting_type)

    @api.constrains('notice_id', 'organization_id', 'year', 'meeting_type')
    def _check_notice(self):
        """A meeting follows an issued notice of its own year and kind, from a body above it."""
        for meeting in self.filtered('notice_id'):
            notice = meeting.notice_id.sudo()
            bodies = meeting.organization_id.sudo().upper_body_ids
            if (notice.state != 'issued' or notice.year != meeting.year
                    or notice.meeting_type != meeting.meeting_type or notice.body_id not in bodies):
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "%(field)s" must be an issued notice of the year %(year)s '
                    'and of this kind of meeting, from a body that supervises %(organization)s (not "%(notice)s").',
                    meeting=meeting.name, field=self._fields['notice_id']._description_string(self.env),
                    year=meeting.year, organization=meeting.organization_id.name, notice=notice.name))

    @api.onchange('notice_id')
    def _onchange_notice_id(self):
        """A new meeting takes over the notice: its theme, its document number and its key aspects
        (the organization's own aspects stay after them)."""
        if self._origin.id:
            return
        notice = self.notice_id.sudo()
        if not notice and not self.focus_ids.notice_aspect_id:
            return
        if notice.theme:
            self.theme = notice.theme
        if notice.basis_document:
            self.basis_document = notice.basis_document
        own = self.focus_ids.filtered(lambda focus: not focus.notice_aspect_id)
        self.focus_ids = [Command.clear()] + [
            Command.create(aspect._focus_values()) for aspect in notice.aspect_ids
        ] + [
            Command.create({'sequence': focus.sequence, 'title': focus.title, 'description': focus.description})
            for focus in own
        ]

    @api.model_create_multi
    def create(self, vals_list):
        defaults = self.default_get(['organization_id', 'year', 'meeting_type'])
        Organization, Notice = self.env['party.organization'], self.env['party.upper.notice']
        for vals in vals_list:
            if 'notice_id' in vals:
                notice = Notice.browse(vals['notice_id'])
            else:
                organization = vals.get('organization_id', defaults.get('organization_id'))
                if not isinstance(organization, models.BaseModel):
                    organization = Organization.browse(organization)
                notice = self._find_notice_for(
                    organization, vals.get('year', defaults.get('year')),
                    vals.get('meeting_type', defaults.get('meeting_type')))
                if notice:
                    vals['notice_id'] = notice.id
            notice = notice.sudo()
            for field_name in ('theme', 'basis_document'):
                if notice[field_name] and not vals.get(field_name):
                    vals[field_name] = notice[field_name]
        meetings = super().create(vals_list)
        meetings._add_notice_aspects()
        return meetings

    def write(self, vals):
        if 'notice_id' in vals and not self.env.su:
            self._check_plan_editable('notice_id')
        result = super().write(vals)
        if vals.get('notice_id'):
            self._add_notice_aspects()
        return result

    def _add_notice_aspects(self):
        """The notice's key aspects that the meeting does not carry yet become key aspects of it."""
        vals_list = []
        for meeting in self.filtered('notice_id'):
            carried = meeting.sudo().focus_ids.notice_aspect_id
            vals_list += [dict(aspect._focus_values(), meeting_id=meeting.id)
                          for aspect in meeting.notice_id.sudo().aspect_ids - carried]
        self.env['party.meeting.focus'].create(vals_list)

    def action_apply_notice(self):
        """Bring a meeting in line with its notice: the theme and the document number when they are
        empty, and the key aspects it does not carry yet (a meeting created before the notice)."""
        self._check_state(PREPARATION_STATES, self.env._('brought in line with its notice'))
        for meeting in self:
            notice = meeting.notice_id.sudo()
            if not notice:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the field "%(field)s" is empty.', meeting=meeting.name,
                    field=self._fields['notice_id']._description_string(self.env)))
            vals = {name: notice[name] for name in ('theme', 'basis_document') if notice[name] and not meeting[name]}
            if vals:
                meeting.write(vals)
        self._add_notice_aspects()
        return True


class PartyMeetingFocus(models.Model):
    _inherit = 'party.meeting.focus'

    notice_aspect_id = fields.Many2one(
        'party.upper.notice.aspect', string='From the Notice', index=True, ondelete='set null',
        help='The key aspect of the upper-level notice this line carries; it cannot be dropped or renamed.')

    def _notice_lines(self):
        """The lines that carry a key aspect of their meeting's notice (not of an earlier one)."""
        lines = self.sudo().filtered(
            lambda focus: focus.notice_aspect_id and focus.notice_aspect_id.notice_id == focus.meeting_id.notice_id)
        return self.browse(lines.ids)

    def _raise_notice_line(self, line, field_name):
        raise UserError(self.env._(
            'Meeting "%(meeting)s": the key aspect "%(aspect)s" comes from the notice "%(notice)s"; the field '
            '"%(field)s" cannot drop or rename it (the organization may add aspects of its own).',
            meeting=line.meeting_id.name, aspect=line.title, notice=line.sudo().notice_aspect_id.notice_id.name,
            field=self.env['party.meeting']._fields['focus_ids']._description_string(self.env)))

    def write(self, vals):
        if not self.env.su and {'title', 'notice_aspect_id', 'meeting_id'} & set(vals):
            for line in self._notice_lines():
                if any(name in vals and vals[name] != line[name].id
                       for name in ('notice_aspect_id', 'meeting_id')) or vals.get('title', line.title) != line.title:
                    self._raise_notice_line(line, 'focus_ids')
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_notice_aspect(self):
        if not self.env.su:
            for line in self._notice_lines():
                self._raise_notice_line(line, 'focus_ids')


class PartyMeetingReadiness(models.Model):
    _inherit = 'party.meeting.readiness'

    @api.depends('meeting_id.notice_id.plan_deadline', 'meeting_id.notice_id.window_start',
                 'meeting_id.notice_id.window_end')
    def _compute_state(self):
        return super()._compute_state()

    @api.model
    def _missing_plan_sent(self, meeting):
        """With a notice, the plan has also gone up by the notice's plan deadline."""
        missing = super()._missing_plan_sent(meeting)
        notice = meeting.notice_id
        deadline = notice.plan_deadline
        if deadline and meeting.plan_sent_date and meeting.plan_sent_date > deadline:
            missing.append(self.env._(
                'The plan was sent on %(sent)s; the notice "%(notice)s" asked for it by %(deadline)s.',
                sent=meeting.plan_sent_date, notice=notice.name, deadline=deadline))
        elif deadline and not meeting.plan_sent_date:
            missing.append(self.env._(
                'The notice "%(notice)s" asks for the plan by %(deadline)s.', notice=notice.name, deadline=deadline))
        return missing

    @api.model
    def _missing_notice_window(self, meeting):
        """The meeting is held within the notice's window; holding it outside needs the upper
        level's agreement, given by a reviewer waiving this check."""
        notice = meeting.notice_id
        start, end = notice.window_start, notice.window_end
        if not (start or end):
            return []
        if not meeting.date_start:
            return [self.env._('The field "Start" is empty, so the window of the notice "%(notice)s" cannot be '
                               'checked.', notice=notice.name)]
        held_on = meeting._held_on()
        if (start and held_on < start) or (end and held_on > end):
            return [self.env._(
                'The meeting is on %(date)s, outside the window of the notice "%(notice)s" (%(start)s to %(end)s); '
                'the upper level must agree to it.',
                date=held_on, notice=notice.name, start=start or '…', end=end or '…')]
        return []
