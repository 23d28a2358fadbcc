from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PartyMeeting(models.Model):
    _name = 'party.meeting'
    _description = 'Democratic Life Meeting'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date_start desc, id desc'

    name = fields.Char(required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, index=True, default='/')
    organization_id = fields.Many2one(
        'party.organization', string='Organization', required=True, index=True,
        tracking=True, ondelete='restrict', check_company=True)
    company_id = fields.Many2one(
        'res.company', related='organization_id.company_id', store=True, index=True)
    state = fields.Selection(
        [
            ('draft', 'Draft'),
            ('preparing', 'Preparing'),
            ('held', 'Held'),
            ('rectifying', 'Rectifying'),
            ('done', 'Done'),
            ('cancelled', 'Cancelled'),
        ],
        required=True, default='draft', copy=False, tracking=True, index=True)

    # Kind and subject
    meeting_type = fields.Selection(
        [
            ('annual', 'Annual Meeting'),
            ('special', 'Special Meeting'),
            ('organizational', 'Organizational Life Meeting'),
        ],
        string='Meeting Type', required=True, default='annual', tracking=True)
    also_special = fields.Boolean(
        string='Also a Special Meeting',
        help='An annual meeting that is held together with a special (themed) meeting.')
    year = fields.Integer(
        string='Year Covered', required=True, default=lambda self: fields.Date.context_today(self).year,
        tracking=True, help='The year the meeting reviews, not necessarily the year it is held.')
    theme = fields.Text(string='Theme')
    special_reason = fields.Text(
        string='Reason for the Special Meeting',
        help='The campaign, inspection finding or event that calls for a special meeting.')
    basis_document = fields.Char(
        string='Basis Document', help='The notice the meeting follows, e.g. its document number.')

    # When and where
    date_start = fields.Datetime(string='Start', tracking=True, copy=False)
    duration = fields.Float(string='Duration (hours)', default=4.0)
    date_end = fields.Datetime(string='End', compute='_compute_date_end', store=True)
    location = fields.Char()
    host_user_id = fields.Many2one(
        'res.users', string='Host', compute='_compute_host_user_id', store=True, readonly=False,
        tracking=True)
    recorder_user_id = fields.Many2one('res.users', string='Recorder', tracking=True)

    # Content
    attendee_ids = fields.One2many('party.meeting.attendee', 'meeting_id', string='Participants', copy=True)
    focus_ids = fields.One2many('party.meeting.focus', 'meeting_id', string='Key Aspects', copy=True)
    agenda_ids = fields.One2many('party.meeting.agenda', 'meeting_id', string='Agenda', copy=True)
    talk_ids = fields.One2many('party.meeting.talk', 'meeting_id', string='Talks')
    rectification_ids = fields.One2many('party.rectification', 'meeting_id', string='Rectifications')
    previous_meeting_id = fields.Many2one(
        'party.meeting', string='Previous Meeting', index=True, ondelete='set null',
        compute='_compute_previous_meeting_id', store=True, readonly=False,
        domain="[('organization_id', '=', organization_id), ('id', '!=', id)]",
        help='The earlier meeting whose rectifications this one reports on.')

    # Report
    report_deadline = fields.Date(
        string='Report Deadline', compute='_compute_report_deadline', store=True,
        help='The situation report is due this many days after the meeting (organization setting).')
    report_date = fields.Date(string='Report Sent On', tracking=True, copy=False)

    # Counters for smart buttons and coverage
    talk_count = fields.Integer(compute='_compute_talk_coverage')
    missing_talk_count = fields.Integer(string='Missing Talk Pairs', compute='_compute_talk_coverage')
    missing_talk_pairs = fields.Text(string='Missing Talks', compute='_compute_talk_coverage')
    rectification_count = fields.Integer(compute='_compute_rectification_counts')
    overdue_rectification_count = fields.Integer(compute='_compute_rectification_counts')
    present_member_count = fields.Integer(compute='_compute_attendance')
    expected_member_count = fields.Integer(compute='_compute_attendance')

    _reference_unique = models.UniqueIndex(
        "(reference, company_id) WHERE reference != '/'", 'A meeting reference must be unique.')
    _organization_year_index = models.Index('(organization_id, year, meeting_type)')
    _duration_positive = models.Constraint(
        'CHECK(duration > 0)', 'The duration of a meeting must be positive.')

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends('date_start', 'duration')
    def _compute_date_end(self):
        for meeting in self:
            meeting.date_end = (
                meeting.date_start + timedelta(hours=meeting.duration)
                if meeting.date_start and meeting.duration else meeting.date_start)

    @api.depends('organization_id')
    def _compute_host_user_id(self):
        for meeting in self:
            meeting.host_user_id = meeting.organization_id.principal_user_id

    @api.depends('organization_id', 'date_start')
    def _compute_previous_meeting_id(self):
        for meeting in self:
            meeting.previous_meeting_id = meeting._find_previous_meeting()

    @api.depends('date_start', 'organization_id.report_days')
    def _compute_report_deadline(self):
        for meeting in self:
            if meeting.date_start:
                held_on = fields.Date.context_today(meeting, meeting.date_start)
                meeting.report_deadline = held_on + timedelta(days=meeting.organization_id.report_days)
            else:
                meeting.report_deadline = False

    @api.depends('attendee_ids.role', 'attendee_ids.attendance')
    def _compute_attendance(self):
        for meeting in self:
            members = meeting.attendee_ids.filtered(lambda a: a.role == 'member')
            meeting.expected_member_count = len(members)
            meeting.present_member_count = len(members.filtered(lambda a: a.attendance == 'present'))

    @api.depends('talk_ids.state', 'talk_ids.initiator_user_id', 'talk_ids.counterpart_user_id',
                 'talk_ids.counterpart_name', 'organization_id.member_ids.user_id')
    def _compute_talk_coverage(self):
        for meeting in self:
            missing = meeting._get_missing_talk_pairs()
            meeting.talk_count = len(meeting.talk_ids)
            meeting.missing_talk_count = len(missing)
            meeting.missing_talk_pairs = '\n'.join(label for _key, label in missing)

    @api.depends('rectification_ids.state', 'rectification_ids.deadline')
    def _compute_rectification_counts(self):
        today = fields.Date.context_today(self)
        for meeting in self:
            meeting.rectification_count = len(meeting.rectification_ids)
            meeting.overdue_rectification_count = len(meeting.rectification_ids.filtered(
                lambda r: r._is_overdue_on(today)))

    # ------------------------------------------------------------------
    # Talk coverage
    # ------------------------------------------------------------------

    @api.model
    def _talk_pair_key(self, party_a, party_b):
        """An unordered pair of talk parties; a party is a res.users record or a name."""
        def party_key(party):
            return f'user:{party.id}' if isinstance(party, models.BaseModel) else f'name:{party.strip()}'
        return frozenset((party_key(party_a), party_key(party_b)))

    def _get_required_talk_pairs(self):
        """Pairs that must talk before the meeting, as (key, label) — practice: principal with
        each member and every pair of members, i.e. every unordered pair of the team."""
        self.ensure_one()
        users = self.organization_id.member_ids.user_id
        pairs = []
        for index, user_a in enumerate(users):
            for user_b in users[index + 1:]:
                pairs.append((self._talk_pair_key(user_a, user_b), f'{user_a.name} ↔ {user_b.name}'))
        return pairs

    def _get_done_talk_pair_keys(self):
        self.ensure_one()
        keys = set()
        for talk in self.talk_ids.filtered(lambda t: t.state == 'done'):
            counterpart = talk.counterpart_user_id or talk.counterpart_name
            if talk.initiator_user_id and counterpart:
                keys.add(self._talk_pair_key(talk.initiator_user_id, counterpart))
        return keys

    def _get_missing_talk_pairs(self):
        self.ensure_one()
        done = self._get_done_talk_pair_keys()
        return [(key, label) for key, label in self._get_required_talk_pairs() if key not in done]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains('meeting_type', 'year', 'organization_id', 'state')
    def _check_one_annual_meeting(self):
        """One annual meeting per Party group per year — provisions."""
        for meeting in self.filtered(lambda m: m.meeting_type == 'annual' and m.state != 'cancelled'):
            duplicate = self.search([
                ('id', '!=', meeting.id),
                ('organization_id', '=', meeting.organization_id.id),
                ('year', '=', meeting.year),
                ('meeting_type', '=', 'annual'),
                ('state', '!=', 'cancelled'),
            ], limit=1)
            if duplicate:
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "Year Covered" (%(year)s) already has the annual '
                    'meeting "%(other)s" of %(organization)s.',
                    meeting=meeting.name, year=meeting.year, other=duplicate.name,
                    organization=meeting.organization_id.name))

    @api.constrains('meeting_type', 'theme', 'special_reason', 'also_special')
    def _check_special_theme(self):
        """A special meeting states its theme — provisions."""
        for meeting in self:
            if (meeting.meeting_type == 'special' or meeting.also_special) and not meeting.theme:
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "Theme" is required for a special meeting.',
                    meeting=meeting.name))

    @api.constrains('year')
    def _check_year(self):
        for meeting in self:
            if not 1921 <= meeting.year <= 2100:
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "Year Covered" (%(year)s) is not a plausible year.',
                    meeting=meeting.name, year=meeting.year))

    @api.constrains('previous_meeting_id', 'organization_id')
    def _check_previous_meeting(self):
        for meeting in self.filtered('previous_meeting_id'):
            previous = meeting.previous_meeting_id
            if previous == meeting or previous.organization_id != meeting.organization_id:
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "Previous Meeting" must be another meeting of '
                    'the same organization.', meeting=meeting.name))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get('reference', '/') == '/':
                vals['reference'] = self.env['ir.sequence'].next_by_code('party.meeting') or '/'
        meetings = super().create(vals_list)
        for meeting, vals in zip(meetings, vals_list):
            if 'attendee_ids' not in vals:
                meeting.attendee_ids = meeting._default_attendee_commands()
        return meetings

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        """Nothing of a meeting that went ahead is lost: cancel it instead."""
        started = self.filtered(lambda m: m.state != 'draft')
        if started:
            raise UserError(self.env._(
                'Meeting "%(meeting)s" is past draft and cannot be deleted; cancel it instead.',
                meeting=started[0].name))

    @api.onchange('organization_id')
    def _onchange_organization_id(self):
        if self.organization_id and not self.attendee_ids.filtered(lambda a: a.role == 'member'):
            self.attendee_ids = self._default_attendee_commands()

    def _default_attendee_commands(self):
        """A new meeting lists the whole team, present by default; attendance is compulsory."""
        self.ensure_one()
        return [
            fields.Command.create({
                'role': 'member',
                'user_id': member.user_id.id,
                'sequence': member.sequence,
                'attendance': 'present',
            })
            for member in self.organization_id.member_ids
        ]

    def _find_previous_meeting(self):
        self.ensure_one()
        if not self.organization_id:
            return self.browse()
        return self.search([
            ('organization_id', '=', self.organization_id.id),
            ('id', '!=', self._origin.id),
            ('state', '!=', 'cancelled'),
            ('date_start', '!=', False),
        ] + ([('date_start', '<', self.date_start)] if self.date_start else []),
            order='date_start desc', limit=1)

    # ------------------------------------------------------------------
    # Actions: the meeting's life cycle
    # ------------------------------------------------------------------

    def _check_state(self, allowed, action_label):
        for meeting in self:
            if meeting.state not in allowed:
                state_label = dict(self._fields['state']._description_selection(self.env))[meeting.state]
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be %(action)s while it is %(state)s.',
                    meeting=meeting.name, action=action_label, state=state_label))

    def _check_can_prepare(self):
        for meeting in self:
            missing = []
            if not meeting.date_start:
                missing.append(self.env._('Start'))
            if not meeting.focus_ids:
                missing.append(self.env._('Key Aspects'))
            if not meeting.attendee_ids.filtered(lambda a: a.role == 'member'):
                missing.append(self.env._('Participants'))
            if missing:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot start preparing: fill in %(fields)s first.',
                    meeting=meeting.name, fields=', '.join(missing)))

    def action_prepare(self):
        self._check_state(('draft',), self.env._('prepared'))
        self._check_can_prepare()
        self.write({'state': 'preparing'})
        return True

    def _check_can_hold(self):
        """Attendance reaches two thirds of the members due to attend — provisions."""
        for meeting in self:
            if meeting.date_start and meeting.date_start > fields.Datetime.now():
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be marked as held before its start (%(start)s).',
                    meeting=meeting.name,
                    start=fields.Datetime.context_timestamp(meeting, meeting.date_start).strftime('%Y-%m-%d %H:%M')))
            expected, present = meeting.expected_member_count, meeting.present_member_count
            if not expected or present * 3 < expected * 2:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be held: %(present)s of %(expected)s members are '
                    'present, fewer than two thirds.',
                    meeting=meeting.name, present=present, expected=expected))

    def action_hold(self):
        self._check_state(('preparing',), self.env._('held'))
        self._check_can_hold()
        self.write({'state': 'held'})
        return True

    def _check_can_rectify(self):
        """Hook for the meeting's own records (criticisms, minutes) before rectification starts."""
        return True

    def action_rectify(self):
        self._check_state(('held',), self.env._('moved to rectification'))
        self._check_can_rectify()
        self.write({'state': 'rectifying'})
        return True

    def _check_can_close(self):
        """The report went out and each item due now is verified or carried — practice."""
        for meeting in self:
            if not meeting.report_date:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be closed: the field "Report Sent On" is empty; '
                    'send the situation report first.', meeting=meeting.name))
            unfinished = meeting.rectification_ids.filtered(
                lambda r: r.mode != 'long_term' and r.state not in ('verified', 'carried'))
            if unfinished:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be closed: these rectifications are neither verified '
                    'nor carried: %(items)s.',
                    meeting=meeting.name, items=', '.join(unfinished.mapped('name'))))

    def action_done(self):
        self._check_state(('rectifying',), self.env._('closed'))
        self._check_can_close()
        self.write({'state': 'done'})
        return True

    def action_cancel(self):
        self._check_state(('draft', 'preparing'), self.env._('cancelled'))
        self.write({'state': 'cancelled'})
        return True

    def action_draft(self):
        self._check_state(('cancelled',), self.env._('reset to draft'))
        self.write({'state': 'draft'})
        return True

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------

    def _action_open(self, xmlid, domain, context=None):
        action = self.env['ir.actions.act_window']._for_xml_id(xmlid)
        action['domain'] = domain
        action['context'] = dict(context or {}, default_meeting_id=self.id)
        return action

    def action_view_talks(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_meeting_talk_action',
                                 [('meeting_id', '=', self.id)])

    def action_view_rectifications(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_rectification_action',
                                 [('meeting_id', '=', self.id)])

    def action_view_overdue_rectifications(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_rectification_action',
                                 [('meeting_id', '=', self.id), ('is_overdue', '=', True)])

    def action_plan_missing_talks(self):
        """Create a planned talk for every required pair that has none yet."""
        Talk = self.env['party.meeting.talk']
        for meeting in self:
            principal = meeting.organization_id.principal_user_id
            planned_keys = {
                self._talk_pair_key(talk.initiator_user_id, talk.counterpart_user_id or talk.counterpart_name)
                for talk in meeting.talk_ids
                if talk.initiator_user_id and (talk.counterpart_user_id or talk.counterpart_name)
            }
            users_by_key = {f'user:{user.id}': user for user in meeting.organization_id.member_ids.user_id}
            vals_list = []
            for key, _label in meeting._get_missing_talk_pairs():
                if key in planned_keys:
                    continue
                user_a, user_b = (users_by_key.get(k) for k in sorted(key))
                if not (user_a and user_b):
                    continue
                if user_b == principal:
                    user_a, user_b = user_b, user_a
                vals_list.append({
                    'meeting_id': meeting.id,
                    'talk_type': 'principal_member' if user_a == principal else 'member_member',
                    'initiator_user_id': user_a.id,
                    'counterpart_user_id': user_b.id,
                })
            Talk.create(vals_list)
        return self.action_view_talks() if len(self) == 1 else True
