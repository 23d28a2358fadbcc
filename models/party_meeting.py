from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import is_html_empty

from .party_rectification import VERIFIED_STATES

# Meeting states by what they allow.
# Before the meeting: preparation, carrying over earlier items, cancelling.
PREPARATION_STATES = ('draft', 'preparing')
# After these states the meeting's own record (minutes) is final.
MINUTES_OPEN_STATES = ('draft', 'preparing', 'held')
# The meeting took place: its report falls due, its lists go upward, its outlines are open to the team.
HELD_STATES = ('held', 'rectifying', 'done')
# No longer open to new items: an earlier meeting whose unfinished items a new one carries over.
PAST_STATES = (*HELD_STATES, 'cancelled')
# The kinds of meeting; an upper-level notice is for one of them.
MEETING_TYPES = [
    ('annual', 'Annual Meeting'),
    ('special', 'Special Meeting'),
    ('organizational', 'Organizational Life Meeting'),
]


class PartyMeeting(models.Model):
    _name = 'party.meeting'
    _description = 'Democratic Life Meeting'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'party.edit.version.mixin']
    _order = 'date_start desc, id desc'

    name = fields.Char(required=True, tracking=True, default=lambda self: self._party_default_name('annual', self._fields[
        'year'].default(self)))
    reference = fields.Char(readonly=True, copy=False, index=True, default='/')
    # No check_company: the meeting's company is its organization's, and on a new meeting the
    # empty company would restrict the choice to organizations without a company, i.e. none.
    organization_id = fields.Many2one(
        'party.organization', string='Organization', required=True, index=True,
        default=lambda self: self._party_default_organization(),
        tracking=True, ondelete='restrict')
    company_id = fields.Many2one(
        'res.company', related='organization_id.company_id', store=True, index=True)
    state = fields.Selection(
        [
            ('draft', 'Draft'),
            ('preparing', 'Preparing'),
            ('held', 'Held'),
            ('rectifying', 'Rectifying'),
            ('done', 'Closed'),
            ('cancelled', 'Cancelled'),
        ],
        required=True, default='draft', copy=False, tracking=True, index=True)

    # Kind and subject
    meeting_type = fields.Selection(
        MEETING_TYPES, string='Meeting Type', required=True, default='annual', tracking=True)
    also_special = fields.Boolean(
        string='Also a Special Meeting',
        help='An annual meeting that is held together with a special (themed) meeting.')
    year = fields.Integer(
        string='Year Covered', required=True, default=lambda self: self.env['party.organization']._party_today().year,
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
        tracking=True, ondelete='restrict')
    recorder_user_id = fields.Many2one('res.users', string='Recorder', tracking=True, ondelete='restrict')

    # Content
    attendee_ids = fields.One2many('party.meeting.attendee', 'meeting_id', string='Participants', copy=True)
    focus_ids = fields.One2many('party.meeting.focus', 'meeting_id', string='Key Aspects', copy=True)
    agenda_ids = fields.One2many(
        'party.meeting.agenda', 'meeting_id', string='Agenda', copy=True,
        default=lambda self: self._default_agenda_commands())
    talk_ids = fields.One2many('party.meeting.talk', 'meeting_id', string='Talks')
    rectification_ids = fields.One2many('party.rectification', 'meeting_id', string='Rectifications')
    previous_meeting_id = fields.Many2one(
        'party.meeting', string='Previous Meeting', index=True, ondelete='set null',
        compute='_compute_previous_meeting_id', store=True, readonly=False,
        domain="[('organization_id', '=', organization_id), ('id', '!=', id)]",
        help='The earlier meeting whose rectifications this one reports on.')

    # Preparation (before the meeting)
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

    # Report
    report_deadline = fields.Date(
        string='Report Deadline', compute='_compute_report_deadline', store=True, tracking=True,
        help='The situation report is due this many days after the meeting (organization setting).')
    report_date = fields.Date(string='Report Sent On', tracking=True, copy=False)
    report_body = fields.Html(
        string='Situation Report', copy=False, sanitize=True,
        help='Composed from the records, then edited; sent to the supervising bodies.')
    report_status = fields.Selection(
        [
            ('not_due', 'Not Yet Due'),
            ('due', 'Due'),
            ('overdue', 'Overdue'),
            ('sent', 'Sent on Time'),
            ('sent_late', 'Sent Late'),
        ],
        string='Report Status', compute='_compute_report_status')
    is_report_overdue = fields.Boolean(
        string='Report Overdue', compute='_compute_report_status', search='_search_is_report_overdue')

    # At the meeting and after
    criticism_ids = fields.One2many('party.meeting.criticism', 'meeting_id', string='Criticisms')
    criticism_count = fields.Integer(compute='_compute_criticism_matrix')
    criticism_matrix = fields.Html(
        string='Criticism Matrix', compute='_compute_criticism_matrix', sanitize=False,
        help='Who criticised whom; the full matrix is the target, the minimum is checked.')
    criticism_missing = fields.Text(string='Criticisms Missing', compute='_compute_criticism_matrix')
    criticism_missing_count = fields.Integer(compute='_compute_criticism_matrix')
    minutes = fields.Html(string='Minutes', copy=False, sanitize=True)
    minutes_locked = fields.Boolean(compute='_compute_minutes_locked')
    notice_body = fields.Html(
        string='Public Notice', copy=False, sanitize=True,
        help='Meeting facts, the problem list and the rectification status only.')
    notice_date = fields.Date(string='Notice Issued On', copy=False, tracking=True)
    carried_item_ids = fields.One2many(
        'party.rectification', 'meeting_id', string='Carried-over Items',
        domain=[('carried_from_id', '!=', False)])
    carried_missing_status_count = fields.Integer(compute='_compute_carried_missing_status_count')

    # Counters for smart buttons (the talk coverage: party_meeting_talk_coverage.py)
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

    @api.depends('date_start', 'organization_id.report_days', 'organization_id.tz')
    def _compute_report_deadline(self):
        for meeting in self:
            if meeting.date_start:
                meeting.report_deadline = meeting._held_on() + timedelta(days=meeting.organization_id.report_days)
            else:
                meeting.report_deadline = False

    @api.depends('attendee_ids.role', 'attendee_ids.attendance')
    def _compute_attendance(self):
        for meeting in self:
            members = meeting.attendee_ids.filtered(lambda a: a.role == 'member')
            meeting.expected_member_count = len(members)
            meeting.present_member_count = len(members.filtered(lambda a: a.attendance == 'present'))

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

    @api.depends('rectification_ids.state', 'rectification_ids.deadline')
    @api.depends_context('tz', 'uid')
    def _compute_rectification_counts(self):
        # Counted in SQL: a meeting may carry thousands of items and the form shows two numbers.
        Rectification = self.env['party.rectification']
        domain = Domain('meeting_id', 'in', self._origin.ids)
        counts = dict(Rectification._read_group(domain, ['meeting_id'], ['__count']))
        overdue = dict(Rectification._read_group(
            domain & Domain('is_overdue', '=', True), ['meeting_id'], ['__count']))
        for meeting in self:
            meeting.rectification_count = counts.get(meeting._origin, 0)
            meeting.overdue_rectification_count = overdue.get(meeting._origin, 0)

    @api.depends('report_deadline', 'report_date', 'state', 'organization_id.tz')
    @api.depends_context('tz', 'uid')
    def _compute_report_status(self):
        for meeting in self:
            deadline = meeting.report_deadline
            if meeting.report_date:
                status = 'sent_late' if deadline and meeting.report_date > deadline else 'sent'
            elif meeting.state not in HELD_STATES or not deadline:
                status = 'not_due'
            else:
                status = 'overdue' if meeting.organization_id._party_today() > deadline else 'due'
            meeting.report_status = status
            meeting.is_report_overdue = status == 'overdue'

    def _search_is_report_overdue(self, operator, value):
        if operator != 'in':
            return NotImplemented
        return (
            Domain('state', 'in', HELD_STATES)
            & Domain('report_date', '=', False)
            & self.env['party.organization']._party_today_domain('report_deadline', '<')
        )

    @api.depends('state')
    def _compute_minutes_locked(self):
        for meeting in self:
            meeting.minutes_locked = meeting.state not in MINUTES_OPEN_STATES

    @api.depends('carried_item_ids.carry_status', 'carried_item_ids.carry_reason',
                 'carried_item_ids.carry_next_step', 'carried_item_ids.responsible_user_id')
    def _compute_carried_missing_status_count(self):
        for meeting in self:
            meeting.carried_missing_status_count = len(meeting._get_carried_items_without_status())

    @api.depends('criticism_ids.kind', 'criticism_ids.target_user_id', 'criticism_ids.critic_user_id',
                 'criticism_ids.opening_kind', 'criticism_ids.wording_confirmed',
                 'attendee_ids.attendance', 'attendee_ids.user_id', 'organization_id.min_criticisms')
    def _compute_criticism_matrix(self):
        stats_by_meeting = self._get_criticism_stats()
        for meeting in self:
            stats = stats_by_meeting.get(meeting.id, {})
            shortfalls = meeting._get_criticism_shortfalls(stats)
            meeting.criticism_count = stats.get('total', 0)
            meeting.criticism_missing_count = len(shortfalls)
            meeting.criticism_missing = '\n'.join(shortfalls.values())
            meeting.criticism_matrix = meeting._render_criticism_matrix(stats, shortfalls)

    # ------------------------------------------------------------------
    # Criticism and self-criticism
    # ------------------------------------------------------------------

    def _get_member_attendees(self):
        self.ensure_one()
        return self.attendee_ids.filtered(lambda a: a.role == 'member' and a.user_id)

    def _get_present_member_users(self):
        self.ensure_one()
        return self._get_member_attendees().filtered(lambda a: a.attendance == 'present').user_id

    def _get_criticism_stats(self):
        """Counts of criticisms per meeting. Read as superuser: the counts are facts of the
        meeting everyone on it may see, the texts stay behind the record rules."""
        result = {}
        for meeting in self:
            stats = {'total': 0, 'self': set(), 'mutual': {}, 'guide': {}, 'pairs': {}, 'unconfirmed': {}}
            for criticism in meeting.sudo().criticism_ids:
                target = criticism.target_user_id.id
                stats['total'] += 1
                if criticism.kind == 'self':
                    stats['self'].add(target)
                elif criticism.kind == 'mutual' and criticism._awaits_confirmation():
                    stats['unconfirmed'][target] = stats['unconfirmed'].get(target, 0) + 1
                elif criticism.kind == 'mutual':
                    stats['mutual'][target] = stats['mutual'].get(target, 0) + 1
                    pair = (criticism.critic_user_id.id, target)
                    stats['pairs'][pair] = stats['pairs'].get(pair, 0) + 1
                else:
                    stats['guide'][target] = stats['guide'].get(target, 0) + 1
            result[meeting.id] = stats
        return result

    def _get_criticism_shortfalls(self, stats=None):
        """Present members who still lack their self-criticism or the minimum of criticisms:
        {user id: explanation}. Absent members get theirs later and are not counted — practice,
        the minimum is the organization's setting (default 2)."""
        self.ensure_one()
        if stats is None:
            stats = self._get_criticism_stats()[self.id]
        minimum = self.organization_id.min_criticisms
        shortfalls = {}
        for user in self._get_present_member_users():
            problems = []
            if user.id not in stats['self']:
                problems.append(self.env._('no self-criticism'))
            received = stats['mutual'].get(user.id, 0)
            if received < minimum:
                problems.append(self.env._(
                    '%(received)s of at least %(minimum)s criticisms', received=received, minimum=minimum))
                if stats['unconfirmed'].get(user.id):
                    problems.append(self.env._(
                        "%(count)s more awaiting the critic's confirmation of the wording",
                        count=stats['unconfirmed'][user.id]))
            if problems:
                shortfalls[user.id] = f"{user.name}: {', '.join(problems)}"
        return shortfalls

    def _render_criticism_matrix(self, stats, shortfalls):
        """A table: one row per member criticised, one column per critic. Each present pair
        without a criticism shows as a gap; the full matrix is the target."""
        self.ensure_one()
        attendees = self._get_member_attendees()
        if not attendees:
            return False
        return self.env['ir.qweb']._render('party_democratic_life.party_meeting_criticism_matrix', {
            'critics': attendees.user_id.mapped('name'),
            'rows': self._get_criticism_matrix_rows(stats, shortfalls),
        }, minimal_qcontext=True)

    def _get_criticism_matrix_rows(self, stats, shortfalls):
        """The matrix's rows as facts: the member, a cell per critic (their self-criticism on the
        diagonal; elsewhere the count, or a gap when both were present), the criticisms and guide
        comments received, and what is still short (False when complete)."""
        attendees = self._get_member_attendees()
        present = self._get_present_member_users()
        rows = []
        for target in attendees:
            cells = []
            for critic in attendees:
                if critic == target:
                    cells.append({'self': True, 'done': target.user_id.id in stats['self']})
                    continue
                count = stats['pairs'].get((critic.user_id.id, target.user_id.id), 0)
                cells.append({'self': False, 'count': count, 'gap': not count and critic.user_id in present})
            name = target.user_id.name
            if target.user_id not in present:
                name = self.env._('%(name)s (away: criticised afterwards)', name=name)
            rows.append({
                'name': name,
                'cells': cells,
                'received': stats['mutual'].get(target.user_id.id, 0),
                'guides': stats['guide'].get(target.user_id.id, 0),
                'status': shortfalls.get(target.user_id.id, False),
            })
        return rows

    def _check_criticisms_complete(self):
        """Every present member made a self-criticism and received at least the organization's
        minimum of criticisms before the meeting moves to rectification — practice, configurable."""
        for meeting in self:
            shortfalls = meeting._get_criticism_shortfalls()
            if shortfalls:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot move to rectification: the criticisms are incomplete '
                    '(field "Criticisms"): %(members)s.',
                    meeting=meeting.name, members='; '.join(shortfalls.values())))

    def action_view_criticisms(self):
        self.ensure_one()
        return self._action_open('party_democratic_life.party_meeting_criticism_action',
                                 [('meeting_id', '=', self.id)])

    # ------------------------------------------------------------------
    # Agenda
    # ------------------------------------------------------------------

    @api.model
    def _default_agenda_commands(self):
        """A new meeting opens with the report on earlier rectifications and on the opinions
        collected — practice; the lines are defaults the user edits."""
        return [
            fields.Command.create({
                'sequence': 1,
                'item': self.env._("Report on the rectification of earlier meetings' problems"),
                'duration_minutes': 15,
            }),
            fields.Command.create({
                'sequence': 2,
                'item': self.env._('Report on the opinions collected before the meeting'),
                'duration_minutes': 10,
            }),
        ]

    # ------------------------------------------------------------------
    # Carry-over of unfinished rectifications
    # ------------------------------------------------------------------

    def _get_carry_over_domain(self):
        """Unfinished items of the same organization from meetings held before this one."""
        self.ensure_one()
        earlier = Domain('meeting_id.state', 'in', PAST_STATES)
        if self.date_start:
            earlier &= Domain('meeting_id.date_start', '<', self.date_start)
        if self.id:
            earlier &= Domain('meeting_id', '!=', self.id)
        return (
            Domain('organization_id', '=', self.organization_id.id)
            & Domain('state', 'in', ('open', 'in_progress'))
            & (Domain('meeting_id', '=', False) | earlier)
        )

    def _carry_over_rectifications(self):
        """Attach every unfinished item of earlier meetings — practice: every new meeting
        reports on the old books. The old item becomes "carried", a new one follows it."""
        Rectification = self.env['party.rectification'].sudo()
        for meeting in self.filtered(lambda m: m.organization_id and m.state != 'cancelled'):
            old_items = Rectification.search(meeting._get_carry_over_domain())
            if not old_items:
                continue
            vals_list = [item._prepare_carry_over_values(meeting) for item in old_items]
            old_items.write({'state': 'carried'})
            Rectification.create(vals_list)
        return True

    def action_carry_over(self):
        self._check_state(PREPARATION_STATES, self.env._('given the unfinished rectifications of earlier meetings'))
        self._carry_over_rectifications()
        return True

    def _get_carried_items_without_status(self):
        """Carried items whose status is not reported completely: a status, and for an item not
        done its reason, owner and next step."""
        self.ensure_one()
        return self.carried_item_ids.filtered(lambda item: not item.carry_status or (
            item.carry_status == 'not_done'
            and not (item.carry_reason and item.responsible_user_id and item.carry_next_step)))

    def _check_carried_items_reported(self):
        """Each carried item's status is reported at the meeting — practice."""
        for meeting in self:
            missing = meeting._get_carried_items_without_status()
            if missing:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be held: the field "Status at this Meeting" of these '
                    'carried-over rectifications is empty or, for an item not done, lacks its reason, '
                    'owner or next step: %(items)s.',
                    meeting=meeting.name, items=', '.join(missing.mapped('name'))))

    # ------------------------------------------------------------------
    # Minutes, situation report and public notice
    # ------------------------------------------------------------------

    def _get_document_values(self):
        """What the minutes, the report and the notice are composed from."""
        self.ensure_one()
        attendees = self.attendee_ids
        members = attendees.filtered(lambda a: a.role == 'member')
        items = self.sudo().rectification_ids
        state_labels = dict(items._fields['state']._description_selection(self.env))
        return {
            'meeting': self,
            'organization': self.organization_id,
            'present': members.filtered(lambda a: a.attendance == 'present'),
            'items': items.filtered(lambda r: r.state != 'carried'),
            'public_items': items.filtered(lambda r: r.public and r.state != 'carried'),
            'carried_items': self.sudo().carried_item_ids,
            'state_labels': state_labels,
            'carry_labels': dict(items._fields['carry_status']._description_selection(self.env)),
        }

    def _render_document(self, template_xmlid, values):
        return self.env['ir.qweb']._render(template_xmlid, values, minimal_qcontext=True)

    def _compose_minutes(self):
        """Minutes name chair, recorder, time, place, attendance and sit-ins, the agenda, each
        member's self-criticism and the criticisms received, and the guides' comments — practice."""
        for meeting in self:
            meeting = meeting._party_in_document_language()
            values = meeting._get_document_values()
            criticisms = meeting.sudo().criticism_ids
            values['criticisms_by_member'] = [
                (attendee, criticisms.filtered(lambda c: c.target_user_id == attendee.user_id))
                for attendee in meeting._get_member_attendees()
            ]
            values['guide_comments'] = criticisms.filtered(lambda c: c.kind == 'guide_comment')
            meeting.minutes = meeting._render_document(
                'party_democratic_life.party_meeting_minutes_document', values)

    def _compose_report(self):
        for meeting in self:
            meeting = meeting._party_in_document_language()
            values = meeting._get_document_values()
            values.update(meeting._get_situation_report_values())
            meeting.report_body = meeting._render_document(
                'party_democratic_life.party_meeting_report_document', values)

    def _compose_notice(self):
        """The notice holds meeting facts, the problem list and the rectification status only —
        never criticisms, talks or outlines: those records are not even passed in."""
        for meeting in self:
            meeting = meeting._party_in_document_language()
            values = meeting._get_document_values()
            meeting.notice_body = meeting._render_document(
                'party_democratic_life.party_meeting_notice_document', values)

    def _check_minutes_editable(self):
        for meeting in self:
            if meeting.minutes_locked:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s": the field "Minutes" is locked once the meeting has moved on '
                    'from "Held".', meeting=meeting.name))

    def action_compose_minutes(self):
        self._check_minutes_editable()
        self._compose_minutes()
        return True

    def action_compose_report(self):
        self._check_state(('held', 'rectifying'), self.env._('reported on'))
        self._compose_report()
        return True

    def action_compose_notice(self):
        self._check_state(('held', 'rectifying', 'done'), self.env._('notified'))
        self._compose_notice()
        return True

    def _schedule_report_activity(self):
        """When the meeting is held its principal gets the report to do by the deadline."""
        for meeting in self:
            principal = meeting.organization_id.principal_user_id or meeting.host_user_id
            if not principal:
                continue
            meeting.activity_schedule(
                'party_democratic_life.mail_activity_type_party_report',
                date_deadline=meeting.report_deadline or meeting.organization_id._party_today(),
                summary=self.env._('Send the situation report'),
                user_id=principal.id)

    def _get_report_attachments(self):
        """The situation report and the minutes as the Print menu gives them: their PDF reports,
        named as the Print menu names them, attached to the meeting."""
        self.ensure_one()
        reports = self.env['ir.actions.report']
        attachments = []
        for xmlid in ('party_democratic_life.action_report_party_meeting_situation_report',
                      'party_democratic_life.action_report_party_meeting_minutes'):
            report = self.env.ref(xmlid)
            content, _format = reports._render_qweb_pdf(report, self.ids)
            attachments.append({
                'name': f'{self._party_document_title(report.report_file)}.pdf',
                'raw': content,
                'mimetype': 'application/pdf',
                'res_model': self._name,
                'res_id': self.id,
            })
        return self.env['ir.attachment'].create(attachments)

    def action_send_report(self):
        """The situation report goes up inside the submission package: sending the report is
        sending the package (models/party_meeting_package.py)."""
        self._check_state(('held', 'rectifying'), self.env._('reported on'))
        return self.action_send_package()

    def action_issue_notice(self):
        self._check_state(('held', 'rectifying', 'done'), self.env._('notified'))
        for meeting in self:
            if is_html_empty(meeting.notice_body):
                meeting._compose_notice()
            meeting.notice_date = meeting.organization_id._party_today()
            meeting.message_post(body=self.env._('Public notice issued.'))
        return True

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains('meeting_type', 'year', 'organization_id', 'state')
    def _check_one_annual_meeting(self):
        """One annual meeting per Party group per year — provisions."""
        for meeting in self.filtered(lambda m: m.meeting_type == 'annual' and m.state != 'cancelled'):
            duplicate = self.search([
                ('id', 'not in', meeting._party_same_meeting().ids),
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

    def _party_same_meeting(self):
        """The meetings that count as this one for the one-a-year rule: itself (a meeting held
        again adds its first holding, party_meeting_assessment.py)."""
        return self

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

    @api.constrains('date_start', 'materials_deadline', 'plan_sent_date', 'report_date', 'notice_date')
    def _check_dates_in_order(self):
        """The plan and the materials come before the meeting, the report and the notice after
        it; a meeting moved earlier may not leave its preparation or its items behind — practice."""
        for meeting in self.filtered('date_start'):
            held_on = meeting._held_on()
            for field_name in ('materials_deadline', 'plan_sent_date'):
                if meeting[field_name] and meeting[field_name] > held_on:
                    raise ValidationError(self.env._(
                        'Meeting "%(meeting)s": the field "%(field)s" (%(date)s) is after the meeting on '
                        '%(meeting_date)s.', meeting=meeting.name, date=meeting[field_name],
                        field=self._fields[field_name]._description_string(self.env), meeting_date=held_on))
            for field_name in ('report_date', 'notice_date'):
                if meeting[field_name] and meeting[field_name] < held_on:
                    raise ValidationError(self.env._(
                        'Meeting "%(meeting)s": the field "%(field)s" (%(date)s) is before the meeting on '
                        '%(meeting_date)s.', meeting=meeting.name, date=meeting[field_name],
                        field=self._fields[field_name]._description_string(self.env), meeting_date=held_on))
            # Read as superuser: dates only, to name what the new start would leave behind.
            sudo_meeting = meeting.sudo()
            later = [
                (self.env._('study session "%(name)s"', name=record.topic), record.date)
                for record in sudo_meeting.study_ids if record.date > held_on
            ] + [
                (self.env._('talk "%(name)s"', name=record.display_name), record.date)
                for record in sudo_meeting.talk_ids if record.date and record.date > held_on
            ] + [
                (self.env._('opinion "%(name)s"', name=record.name), record.date)
                for record in sudo_meeting.opinion_ids if record.date > held_on
            ] + [
                (self.env._('rectification "%(name)s"', name=record.name), record.deadline)
                for record in sudo_meeting.rectification_ids
                if record.deadline and record.deadline < held_on and not record.carried_from_id
                and record.state != 'carried'
            ]
            if later:
                what, day = later[0]
                raise ValidationError(self.env._(
                    'Meeting "%(meeting)s": the field "Start" (%(start)s) does not fit the %(record)s '
                    'dated %(date)s.', meeting=meeting.name, start=held_on, record=what, date=day))

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
                vals['reference'] = self.env['ir.sequence'].with_context(
                    ir_sequence_date=self._reference_date(vals)).next_by_code('party.meeting') or '/'
        meetings = super().create(vals_list)
        for meeting, vals in zip(meetings, vals_list):
            if 'attendee_ids' not in vals:
                meeting.attendee_ids = meeting._default_attendee_commands()
        meetings._sync_readiness_lines()
        meetings._carry_over_rectifications()
        return meetings

    @api.model
    def _reference_date(self, vals):
        """The reference follows the meeting's year (that of the documents), not today's."""
        organization = self.env['party.organization'].browse(vals.get('organization_id')).sudo().exists()
        year = vals.get('year') or organization._party_today().year
        if vals.get('meeting_type', 'annual') != 'annual' and vals.get('date_start'):
            year = organization._party_local_date(fields.Datetime.to_datetime(vals['date_start'])).year
        return f'{year}-01-01'

    def write(self, vals):
        if 'minutes' in vals and not self.env.su:
            self._check_minutes_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_past_draft(self):
        """A meeting that has started preparing is part of the record — practice."""
        for meeting in self:
            if meeting.state != 'draft':
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be deleted: it is past draft; cancel it instead.',
                    meeting=meeting.name))

    def unlink(self):
        # Items carried into a draft meeting go back to their own meeting when it is deleted.
        carried = self.sudo().carried_item_ids.filtered(lambda r: r.state in ('open', 'in_progress'))
        if carried and all(meeting.state == 'draft' for meeting in self):
            for item in carried:
                item.carried_from_id.state = item.state
            carried.unlink()
        return super().unlink()

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
        if self.organization_id and not self.recorder_user_id:
            # the organisation's first clerk keeps the record, as the plan's recorder does
            self.recorder_user_id = self.organization_id.clerk_user_ids[:1]

    @api.model
    def _party_default_organization(self):
        """The organisation of whoever creates the meeting, when they work for exactly one."""
        organizations = self.env['party.organization'].search([('team_and_clerk_user_ids', 'in', self.env.uid)], limit=2)
        return organizations if len(organizations) == 1 else organizations.browse()

    def _party_default_name(self, meeting_type, year):
        """The name a new meeting gets from its year and kind, e.g. 2026年度民主生活会."""
        names = {
            'annual': self.env._('%(year)s Annual Democratic Life Meeting', year=year),
            'special': self.env._('%(year)s Special Democratic Life Meeting', year=year),
            'organizational': self.env._('%(year)s Organizational Life Meeting', year=year),
        }
        return names.get(meeting_type, names['annual'])

    @api.onchange('meeting_type', 'year')
    def _onchange_default_name(self):
        """A name that is still a default one follows the kind and the year; a typed one stays."""
        if self._origin.id or not self.year:
            return
        kinds = [kind for kind, _label in self._fields['meeting_type']._description_selection(self.env)]
        defaults = {self._party_default_name(kind, year) for kind in kinds
                    for year in range(self.year - 10, self.year + 11)}
        if not self.name or self.name in defaults:
            self.name = self._party_default_name(self.meeting_type, self.year)

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
        """Every action that depends on the meeting's state checks it here: `allowed` is a group
        of states (see the constants above), `action_label` completes "cannot be …"."""
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
                start = meeting.organization_id._party_local_datetime(meeting.date_start)
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be marked as held before its start (%(start)s).',
                    meeting=meeting.name, start=start.strftime('%Y-%m-%d %H:%M')))
            expected, present = meeting.expected_member_count, meeting.present_member_count
            if not expected or present * 3 < expected * 2:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be held: %(present)s of %(expected)s members are '
                    'present, fewer than two thirds.',
                    meeting=meeting.name, present=present, expected=expected))
        self._check_carried_items_reported()

    def action_hold(self):
        self._check_state(('preparing',), self.env._('held'))
        self._check_can_hold()
        self.write({'state': 'held'})
        self._schedule_report_activity()
        return True

    def _check_can_rectify(self):
        """Hook for the meeting's own records (criticisms, minutes) before rectification starts."""
        self._check_criticisms_complete()
        return True

    def action_rectify(self):
        self._check_state(('held',), self.env._('moved to rectification'))
        self._check_can_rectify()
        # The minutes are locked from now on: compose them if nobody has yet.
        self.filtered(lambda m: is_html_empty(m.minutes))._compose_minutes()
        self.write({'state': 'rectifying'})
        return True

    def _check_can_close(self):
        """The report went out and each item due now is verified (or closed with the upper
        level) or carried — practice."""
        for meeting in self:
            if not meeting.report_date:
                raise UserError(self.env._(
                    'Meeting "%(meeting)s" cannot be closed: the field "Report Sent On" is empty; '
                    'send the situation report first.', meeting=meeting.name))
            unfinished = meeting.rectification_ids.filtered(
                lambda r: r.mode != 'long_term' and r.state not in (*VERIFIED_STATES, 'carried'))
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
        self._check_state(PREPARATION_STATES, self.env._('cancelled'))
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

    # ------------------------------------------------------------------
    # Preparation: statements, readiness checklist
    # ------------------------------------------------------------------

    def _held_on(self):
        """The day the meeting is held, in the organisation's calendar (False without a start)."""
        self.ensure_one()
        return self.organization_id._party_local_date(self.date_start)

    def _materials_deadline(self):
        self.ensure_one()
        if self.materials_deadline:
            return self.materials_deadline
        if self.date_start:
            return self._held_on() - timedelta(days=1)
        return self.organization_id._party_today()

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
