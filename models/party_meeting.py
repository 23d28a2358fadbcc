from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# A talk with any one of the organization's branch representatives covers the member's pair.
ANY_BRANCH_REPRESENTATIVE = 'any:branch_representative'


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

    # Preparation (rules.md: before the meeting)
    materials_deadline = fields.Date(
        string='Materials Deadline', tracking=True,
        help='Outlines and the team\'s check material are due on this day.')
    plan_sent_date = fields.Date(
        string='Plan Sent On', tracking=True, copy=False,
        help='The day the implementation plan went to the upper level.')
    study_ids = fields.One2many('party.meeting.study', 'meeting_id', string='Study Sessions')
    opinion_ids = fields.One2many('party.meeting.opinion', 'meeting_id', string='Opinions')
    statement_ids = fields.One2many(
        'party.meeting.statement', 'meeting_id', string='Outlines and Check Material')
    readiness_ids = fields.One2many('party.meeting.readiness', 'meeting_id', string='Readiness Checklist')
    readiness_ok = fields.Boolean(string='Ready to Hold', compute='_compute_readiness')
    readiness_missing_count = fields.Integer(string='Checks Missing', compute='_compute_readiness')
    study_count = fields.Integer(compute='_compute_preparation_counts')
    opinion_count = fields.Integer(compute='_compute_preparation_counts')
    statement_count = fields.Integer(compute='_compute_preparation_counts')
    statement_approved_count = fields.Integer(compute='_compute_preparation_counts')
    talk_coverage_html = fields.Html(
        string='Required Talks', compute='_compute_talk_coverage_html', sanitize=False)

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
                 'talk_ids.counterpart_name', 'organization_id.member_ids.user_id',
                 'talk_ids.unit_id', 'talk_ids.representative_id', 'organization_id.unit_ids',
                 'organization_id.representative_ids')
    def _compute_talk_coverage(self):
        for meeting in self:
            missing = meeting._get_missing_talk_pairs()
            meeting.talk_count = len(meeting.talk_ids)
            meeting.missing_talk_count = len(missing)
            meeting.missing_talk_pairs = '\n'.join(label for _key, label in missing)

    @api.depends('readiness_ids.state')
    def _compute_readiness(self):
        for meeting in self:
            missing = meeting.readiness_ids.filtered(lambda r: r.state == 'missing')
            meeting.readiness_missing_count = len(missing)
            meeting.readiness_ok = bool(meeting.readiness_ids) and not missing

    @api.depends('study_ids', 'opinion_ids', 'statement_ids.state')
    def _compute_preparation_counts(self):
        for meeting in self:
            meeting.study_count = len(meeting.study_ids)
            meeting.opinion_count = len(meeting.opinion_ids)
            meeting.statement_count = len(meeting.statement_ids)
            meeting.statement_approved_count = len(meeting.statement_ids.filtered(lambda s: s.state == 'approved'))

    @api.depends('talk_ids.state', 'talk_ids.initiator_user_id', 'talk_ids.counterpart_user_id',
                 'talk_ids.counterpart_name', 'talk_ids.unit_id', 'talk_ids.representative_id',
                 'organization_id.member_ids.user_id', 'organization_id.unit_ids',
                 'organization_id.representative_ids')
    def _compute_talk_coverage_html(self):
        done_label, missing_label = self.env._('Done'), self.env._('Missing')
        for meeting in self:
            # Who talked with whom is not confidential; the talks' content stays behind the rules.
            sudo_meeting = meeting.sudo()
            done = sudo_meeting._get_done_talk_pair_keys()
            rows = [
                Markup('<tr><td>%s</td><td><span class="badge %s">%s</span></td></tr>') % (
                    label, 'text-bg-success' if key in done else 'text-bg-danger',
                    done_label if key in done else missing_label)
                for key, label in sudo_meeting._get_required_talk_pairs()
            ]
            meeting.talk_coverage_html = Markup(
                '<table class="table table-sm o_party_talk_coverage"><thead><tr><th>%s</th><th>%s</th>'
                '</tr></thead><tbody>%s</tbody></table>') % (
                self.env._('Required Pair'), self.env._('Status'), Markup('').join(rows)) if rows else False

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
    def _talk_party_key(self, party):
        """A talk party is a res.users record or a name."""
        return f'user:{party.id}' if isinstance(party, models.BaseModel) else f'name:{party.strip()}'

    @api.model
    def _talk_pair_key(self, party_a, party_b):
        """An unordered pair of talk parties; a party is a res.users record or a name."""
        return frozenset((self._talk_party_key(party_a), self._talk_party_key(party_b)))

    def _get_required_talk_pairs(self):
        """Pairs that must talk before the meeting, as (key, label) — practice: principal with
        each member and every pair of members, i.e. every unordered pair of the team."""
        self.ensure_one()
        users = self.organization_id.member_ids.user_id
        pairs = []
        for index, user_a in enumerate(users):
            for user_b in users[index + 1:]:
                pairs.append((self._talk_pair_key(user_a, user_b), f'{user_a.name} ↔ {user_b.name}'))
        pairs += self._get_outside_talk_pairs()
        # A pair counts once, e.g. a unit head who also sits on the team.
        seen = set()
        return [(key, label) for key, label in pairs if not (key in seen or seen.add(key))]

    def _get_outside_talk_pairs(self):
        """Talks beyond the team — practice: each member with the head of each unit they are in
        charge of, and the principal and each member with at least one branch representative."""
        self.ensure_one()
        organization = self.organization_id
        users = organization.member_ids.user_id
        pairs = []
        for unit in organization.unit_ids.filtered(lambda u: u.member_user_id in users):
            head = unit._talk_party()
            if head and self._talk_party_key(head) != self._talk_party_key(unit.member_user_id):
                pairs.append((self._talk_pair_key(unit.member_user_id, head),
                              f'{unit.member_user_id.name} ↔ {unit.head_name} ({unit.name})'))
        if organization.representative_ids:
            for user in users:
                pairs.append((frozenset((self._talk_party_key(user), ANY_BRANCH_REPRESENTATIVE)),
                              self.env._('%(member)s ↔ a branch representative', member=user.name)))
        return pairs

    def _get_done_talk_pair_keys(self):
        self.ensure_one()
        keys = set()
        representative_keys = {
            self._talk_party_key(representative._talk_party())
            for representative in self.organization_id.representative_ids}
        for talk in self.talk_ids.filtered(lambda t: t.state == 'done'):
            counterpart = talk.counterpart_user_id or talk.counterpart_name
            if talk.initiator_user_id and counterpart:
                keys.add(self._talk_pair_key(talk.initiator_user_id, counterpart))
                keys |= self._get_outside_talk_keys(talk, counterpart, representative_keys)
        return keys

    def _get_outside_talk_keys(self, talk, counterpart, representative_keys):
        """Keys a done talk covers beyond its two parties: the unit head it names, and the
        'any branch representative' pair of the member who talked with one."""
        keys = set()
        initiator = talk.initiator_user_id
        if talk.unit_id:
            keys.add(self._talk_pair_key(initiator, talk.unit_id._talk_party()))
        if talk.representative_id or self._talk_party_key(counterpart) in representative_keys:
            keys.add(frozenset((self._talk_party_key(initiator), ANY_BRANCH_REPRESENTATIVE)))
        if isinstance(counterpart, models.BaseModel) and self._talk_party_key(initiator) in representative_keys:
            keys.add(frozenset((self._talk_party_key(counterpart), ANY_BRANCH_REPRESENTATIVE)))
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
        meetings._sync_readiness_lines()
        return meetings

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        """Nothing of a meeting that went ahead is lost: cancel it instead."""
        started = self.filtered(lambda m: m.state != 'draft')
        if started:
            raise UserError(self.env._(
                'Meeting "%(meeting)s" is past draft and cannot be deleted; cancel it instead.',
                meeting=started[0].name))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reviewed_statements(self):
        """A submitted or approved outline is never lost with its meeting."""
        reviewed = self.sudo().with_context(active_test=False).statement_ids.filtered(lambda s: s.state != 'draft')
        if reviewed:
            raise UserError(self.env._(
                'Meeting "%(meeting)s" has outlines past draft (%(statement)s) and cannot be deleted; '
                'cancel it instead.', meeting=reviewed[0].meeting_id.name, statement=reviewed[0].display_name))

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
        self._prepare_statements()
        return True

    def _check_can_hold(self):
        """Attendance reaches two thirds of the members due to attend — provisions."""
        self._check_readiness()
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
            vals_list += meeting._get_outside_talk_vals(planned_keys)
            Talk.create(vals_list)
        return self.action_view_talks() if len(self) == 1 else True

    # ------------------------------------------------------------------
    # Preparation: outlines, readiness checklist
    # ------------------------------------------------------------------

    def _get_outside_talk_vals(self, planned_keys):
        """Planned talks for the missing unit-head and branch-representative pairs."""
        self.ensure_one()
        missing = {key for key, _label in self._get_missing_talk_pairs()} - set(planned_keys)
        representative_keys = {
            self._talk_party_key(representative._talk_party())
            for representative in self.organization_id.representative_ids}
        planned_representative_users = {
            talk.initiator_user_id for talk in self.talk_ids
            if talk.representative_id or self._talk_party_key(
                talk.counterpart_user_id or talk.counterpart_name or '') in representative_keys}
        vals_list = []
        for unit in self.organization_id.unit_ids:
            head = unit._talk_party()
            if head and self._talk_pair_key(unit.member_user_id, head) in missing:
                vals_list.append({
                    'meeting_id': self.id,
                    'talk_type': 'member_unit_head',
                    'initiator_user_id': unit.member_user_id.id,
                    'unit_id': unit.id,
                    'counterpart_user_id': unit.head_user_id.id,
                    'counterpart_name': unit.head_name,
                })
        representative = self.organization_id.representative_ids[:1]
        for user in self.organization_id.member_ids.user_id:
            key = frozenset((self._talk_party_key(user), ANY_BRANCH_REPRESENTATIVE))
            if representative and key in missing and user not in planned_representative_users \
                    and representative.user_id != user:
                vals_list.append({
                    'meeting_id': self.id,
                    'talk_type': 'branch_representative',
                    'initiator_user_id': user.id,
                    'representative_id': representative.id,
                    'counterpart_user_id': representative.user_id.id,
                    'counterpart_name': representative.name,
                })
        return vals_list

    def _materials_deadline(self):
        self.ensure_one()
        if self.materials_deadline:
            return self.materials_deadline
        if self.date_start:
            return fields.Date.context_today(self, self.date_start) - timedelta(days=1)
        return fields.Date.context_today(self)

    def _prepare_statements(self):
        """Open a draft outline for every member and the team material for the principal, each
        with a to-do due on the materials deadline — reference plan: members write their own
        outline, the team material is drafted under the principal."""
        Statement = self.env['party.meeting.statement'].sudo().with_context(mail_create_nosubscribe=True)
        for meeting in self:
            existing = meeting.sudo().statement_ids
            principal = meeting.organization_id.principal_user_id
            vals_list = [
                {'meeting_id': meeting.id, 'kind': 'personal', 'author_user_id': user.id}
                for user in meeting.organization_id.member_ids.user_id
                if not existing.filtered(lambda s: s.kind == 'personal' and s.author_user_id == user)
            ]
            if principal and not existing.filtered(lambda s: s.kind == 'team'):
                vals_list.append({'meeting_id': meeting.id, 'kind': 'team', 'author_user_id': principal.id})
            deadline = meeting._materials_deadline()
            for statement in Statement.create(vals_list):
                statement.message_subscribe(partner_ids=statement.author_user_id.partner_id.ids)
                statement.activity_schedule(
                    'party_democratic_life.mail_activity_type_statement_write',
                    date_deadline=deadline, user_id=statement.author_user_id.id,
                    summary=(self.env._('Draft the team check material') if statement.kind == 'team'
                             else self.env._('Write your outline')))

    def _sync_readiness_lines(self):
        """Every meeting carries one line per readiness check."""
        Readiness = self.env['party.meeting.readiness'].sudo()
        codes = [code for code, _label in Readiness._fields['code'].selection]
        vals_list = []
        for meeting in self:
            present = set(meeting.sudo().readiness_ids.mapped('code'))
            vals_list += [
                {'meeting_id': meeting.id, 'code': code, 'sequence': (index + 1) * 10}
                for index, code in enumerate(codes) if code not in present]
        Readiness.create(vals_list)

    def _get_readiness_report(self):
        """What is still missing for each readiness check, as {code: [texts]} — practice
        (rules.md, before the meeting): a study session; opinions collected; every required talk;
        every member's outline and the team material approved; guides named; the plan sent to
        the upper level the organization's number of days before the meeting."""
        self.ensure_one()
        # Read as superuser: the checklist shows states and names, never confidential content.
        meeting = self.sudo()
        organization = meeting.organization_id
        report = {}
        report['study'] = [] if meeting.study_ids else [self.env._('No study session is recorded.')]
        report['opinion'] = [] if meeting.opinion_ids else [self.env._('No collected opinion is recorded.')]

        talks = [label for _key, label in meeting._get_missing_talk_pairs()]
        if not organization.representative_ids:
            talks.insert(0, self.env._(
                'No branch representative is recorded for %(organization)s.', organization=organization.name))
        report['talk'] = talks

        state_labels = dict(meeting.statement_ids._fields['state']._description_selection(self.env))
        outlines = []
        for user in organization.member_ids.user_id:
            outline = meeting.statement_ids.filtered(lambda s: s.kind == 'personal' and s.author_user_id == user)[:1]
            if not outline:
                outlines.append(self.env._('%(member)s: no outline yet.', member=user.name))
            elif outline.state != 'approved':
                outlines.append(self.env._(
                    '%(member)s: the outline is %(state)s, not approved.',
                    member=user.name, state=state_labels[outline.state].lower()))
        report['outline'] = outlines

        team = meeting.statement_ids.filtered(lambda s: s.kind == 'team')[:1]
        if not team:
            report['team_material'] = [self.env._('The team check material is not started.')]
        elif team.state != 'approved':
            report['team_material'] = [self.env._(
                'The team check material is %(state)s, not approved.', state=state_labels[team.state].lower())]
        else:
            report['team_material'] = []

        report['guide'] = [] if meeting.attendee_ids.filtered(lambda a: a.role == 'guide') else [
            self.env._('No upper-level guide is named on the Participants tab.')]

        lead_days = organization.plan_lead_days
        if not meeting.plan_sent_date:
            report['plan_sent'] = [self.env._('The field "Plan Sent On" is empty.')]
        elif not meeting.date_start:
            report['plan_sent'] = [self.env._(
                'The field "Start" is empty, so the notice period cannot be checked.')]
        else:
            days = (fields.Date.context_today(self, meeting.date_start) - meeting.plan_sent_date).days
            report['plan_sent'] = [] if days >= lead_days else [self.env._(
                'The plan was sent %(days)s days before the meeting; %(organization)s requires at '
                'least %(lead)s.', days=days, organization=organization.name, lead=lead_days)]
        return report

    def _check_readiness(self):
        """The preparation is complete, or the principal waived the item with a reason — practice."""
        for meeting in self:
            meeting._sync_readiness_lines()
            failing = meeting.readiness_ids.filtered(lambda r: r.state == 'missing')
            if failing:
                details = []
                for line in failing:
                    missing = (line.missing or '').split('\n')
                    if len(missing) > 3:
                        missing = missing[:3] + [self.env._('and %(count)s more', count=len(missing) - 3)]
                    details.append(f"{line.name} ({'; '.join(missing)})")
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be held: the preparation is not complete. %(items)s. '
                    'Complete these items, or the principal can waive one with a reason.',
                    meeting=meeting.name, items='; '.join(details)))

    def waive_readiness(self, code, reason):
        """Waive the readiness check `code` with a reason (the principal or a manager)."""
        self._sync_readiness_lines()
        return self.readiness_ids.filtered(lambda r: r.code == code).action_waive(reason=reason)

    def action_view_studies(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_meeting_study_action',
                                 [('meeting_id', '=', self.id)])

    def action_view_opinions(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_meeting_opinion_action',
                                 [('meeting_id', '=', self.id)])

    def action_view_statements(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_meeting_statement_action',
                                 [('meeting_id', '=', self.id)])
