import datetime

import pytz

from odoo import api, fields, models
from odoo.addons.base.models.res_partner import _lang_get, _tz_get
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from .party_upper_body import REVIEWING_KINDS

# The documents speak the organisation's language and keep its time (reference case: a county
# bureau in China), whoever prints them.
DEFAULT_LANG = 'zh_CN'
DEFAULT_TZ = 'Asia/Shanghai'


class PartyOrganization(models.Model):
    _name = 'party.organization'
    _description = 'Party Organization'
    _inherit = ['mail.thread']
    _order = 'sequence, name, id'
    _parent_store = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ('party_group', 'Party Group'),
            ('committee', 'Party Committee'),
            ('general_branch', 'General Party Branch'),
            ('branch', 'Party Branch'),
        ],
        required=True, default='party_group', tracking=True)
    parent_id = fields.Many2one(
        'party.organization', string='Parent Organization', index=True, ondelete='restrict')
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many('party.organization', 'parent_id', string='Sub-organizations')
    company_id = fields.Many2one(
        'res.company', required=True, index=True, default=lambda self: self.env.company)

    # Leadership team
    member_ids = fields.One2many(
        'party.organization.member', 'organization_id', string='Team Members', copy=True)
    member_user_ids = fields.Many2many(
        'res.users', string='Member Users', compute='_compute_member_user_ids',
        store=True, relation='party_organization_member_user_rel', tracking=True,
        help='Users on the leadership team; used by access rules and default attendance.')
    principal_user_id = fields.Many2one(
        'res.users', string='Principal', compute='_compute_principal_user_id', store=True,
        index=True, tracking=True, help='The team member marked as principal (党组书记/主要负责同志).')
    clerk_user_ids = fields.Many2many(
        'res.users', 'party_organization_clerk_rel', 'organization_id', 'user_id',
        string='Clerks and Recorders', tracking=True,
        help='Staff who prepare the meeting, record talks and compile minutes.')
    team_and_clerk_user_ids = fields.Many2many(
        'res.users', 'party_organization_team_and_clerk_rel', 'organization_id', 'user_id',
        string='Team Members and Clerks', compute='_compute_team_and_clerk_user_ids', store=True,
        help='The organization\'s own people, who work on its records; read by the access rules.')
    # The upper level: the one place that says who is above this organisation. Its people read
    # (observer_user_ids) and its addresses receive the documents (supervisor_partner_ids).
    upper_body_ids = fields.Many2many(
        'party.upper.body', 'party_organization_upper_body_rel', 'organization_id', 'body_id',
        string='Supervising Bodies', tracking=True,
        help='The upper-level bodies that supervise the meeting: the county organization department, '
             'the discipline commission, the touring guide group.')
    observer_user_ids = fields.Many2many(
        'res.users', 'party_organization_observer_rel', 'organization_id', 'user_id',
        string='Upper-level People', compute='_compute_observer_user_ids', store=True,
        help='The people of the supervising bodies: they read this organization\'s records, never edit.')
    supervisor_partner_ids = fields.Many2many(
        'res.partner', 'party_organization_supervisor_rel', 'organization_id', 'partner_id',
        string='Addressees Above', compute='_compute_supervisor_partner_ids', store=True,
        help='The supervising bodies as addressees of the plan, the report and the lists.')

    # Settings (practice, configurable per organization)
    plan_lead_days = fields.Integer(
        string='Plan Lead Days', default=7,
        help='The plan goes to the upper level at least this many days before the meeting (the reference '
             'plan: dated 12 January for a meeting on 21 January, 9 days; some provinces ask for 10 or 15).')
    report_days = fields.Integer(
        string='Report Days', default=15,
        help='The situation report is due this many days after the meeting.')
    min_criticisms = fields.Integer(
        string='Minimum Criticisms per Member', default=2,
        help='Each present member receives at least this many criticisms at the meeting.')
    fix_at_once_days = fields.Integer(
        string='Fix-at-once Days', default=30,
        help='A fix-at-once item is due within this many days of the meeting.')
    min_statement_pages = fields.Integer(
        string='Minimum Outline Pages', default=6,
        help='A personal outline below this many pages (22 lines of 28 characters) shows a warning.')
    statement_template_id = fields.Many2one(
        'party.statement.template', string='Outline Template', ondelete='restrict',
        default=lambda self: self.env.ref(
            'party_democratic_life.party_statement_template_default', raise_if_not_found=False),
        help='The sections of new outlines and of the team\'s check material.')
    # Who sends the problem and rectification lists upward after the meeting (reference plan)
    list_collector = fields.Char(
        string='Lists Collected By', tracking=True,
        help='The unit of the organization that collects the problem and rectification lists after the '
             'meeting, e.g. 人事督查科.')
    list_recipient = fields.Char(
        string='Lists Sent To', tracking=True,
        help='The upper-level office the lists are sent to, e.g. 县委组织部组织科.')
    lang = fields.Selection(
        _lang_get, string='Language of Documents', default=lambda self: self._default_lang(),
        help='The plan, notice, minutes, report, public notice and every printed document are composed '
             'in this language, whatever the language of the user who composes or prints them.')
    tz = fields.Selection(
        _tz_get, string='Time Zone',
        help='Times in the documents are given in this time zone (Asia/Shanghai when empty).')

    # Talk counterparts outside the team (the plan's talk coverage)
    unit_ids = fields.One2many(
        'party.organization.unit', 'organization_id', string='Units in Charge')
    representative_ids = fields.One2many(
        'party.organization.representative', 'organization_id', string='Branch Representatives')

    meeting_ids = fields.One2many('party.meeting', 'organization_id', string='Meetings')
    meeting_count = fields.Integer(compute='_compute_meeting_count')

    _check_settings_positive = models.Constraint(
        'CHECK(plan_lead_days >= 0 AND report_days > 0 AND min_criticisms >= 0 '
        'AND fix_at_once_days > 0)',
        'Organization settings must be positive numbers.')
    _min_statement_pages_positive = models.Constraint(
        'CHECK(min_statement_pages >= 0)', 'The minimum number of outline pages cannot be negative.')

    @api.model
    def _default_lang(self):
        installed = dict(self.env['res.lang'].get_installed())
        return DEFAULT_LANG if DEFAULT_LANG in installed else self.env.lang or 'en_US'

    def _party_lang(self):
        """The organisation's language, if active; else 简体中文, else the user's."""
        installed = dict(self.env['res.lang'].get_installed())
        for lang in (self[:1].lang, DEFAULT_LANG):
            if lang in installed:
                return lang
        return self.env.lang or 'en_US'

    # The clock: every day the addon counts (constraints, deadlines, readiness, crons, filters,
    # documents) is a day of the organisation's calendar, worked out here.

    def _party_tz_name(self, reader=True):
        """The time zone of the organisation's days: the reader's own (context, then user) when
        `reader`, else the organisation's, else Asia/Shanghai (the addon serves Chinese Party
        organisations). Documents pass reader=False: they read the same whoever prints them."""
        return (reader and self._party_reader_tz_name()) or self[:1].tz or DEFAULT_TZ

    def _party_reader_tz_name(self):
        """The reader's own time zone (context, then user), when it is a known one."""
        tz_name = self.env.context.get('tz') or self.env.user.tz
        return tz_name if tz_name in pytz.all_timezones_set else False

    def _party_local_datetime(self, value, reader=True):
        """A UTC datetime (naive, as stored) as the naive local datetime of the organisation."""
        if not value:
            return value
        tz = pytz.timezone(self._party_tz_name(reader=reader))
        return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)

    def _party_local_date(self, value, reader=True):
        """The organisation's day of a UTC datetime, e.g. the day a meeting is held."""
        return value and self._party_local_datetime(value, reader=reader).date()

    def _party_today(self, reader=True):
        return self._party_local_date(fields.Datetime.now(), reader=reader)

    @api.model
    def _party_zones(self):
        """{time zone or False: organisation ids}, to count each organisation's today in a
        domain; empty when the reader's own zone decides for all of them."""
        if self._party_reader_tz_name():
            return {}
        # Read as superuser: only the zones, to group the organisations by their day.
        Organization = self.sudo().with_context(active_test=False)
        return {tz_name: organizations.ids
                for tz_name, organizations in Organization._read_group([], ['tz'], ['id:recordset'])}

    @api.model
    def _party_today_domain(self, field_name, operator, days=0, organization_path='organization_id', zones=None):
        """`field_name <operator> today + days` where today is each record's organisation's: one
        clause per day when organisations in other time zones are on another day. `zones` is
        _party_zones(), when several domains are built at once."""
        delta = datetime.timedelta(days=days)
        organization_ids_by_day = {}
        for tz_name, ids in (self._party_zones() if zones is None else zones).items():
            day = self.new({'tz': tz_name})._party_today() + delta
            organization_ids_by_day.setdefault(day, []).extend(ids)
        if len(organization_ids_by_day) <= 1:
            return Domain(field_name, operator, next(iter(organization_ids_by_day), self._party_today() + delta))
        return Domain.OR(
            Domain(organization_path, 'in', ids) & Domain(field_name, operator, day)
            for day, ids in organization_ids_by_day.items())

    def _party_env(self):
        """The environment a document of this organisation is composed and printed in."""
        return self.env(context=dict(
            self.env.context, lang=self._party_lang(), tz=self._party_tz_name(reader=False)))

    @api.model
    def _party_install_language(self):
        """Installing the addon activates 简体中文 (with the terms of the modules already
        installed) and loads the addon's own terms before any demo document is composed: Odoo
        loads a module's terms only after its demo data, also when the language was active
        before (a database created with --load-language=zh_CN)."""
        Lang = self.env['res.lang'].with_context(active_test=False)
        if not Lang.search([('code', '=', DEFAULT_LANG)], limit=1).active:
            Lang._activate_lang(DEFAULT_LANG)
            modules = self.env['ir.module.module'].search([('state', '=', 'installed')])
            modules._update_translations([DEFAULT_LANG])
        languages = [code for code, _name in self.env['res.lang'].get_installed() if code != 'en_US']
        self.env['ir.module.module']._load_module_terms(['party_democratic_life'], languages)

    @api.depends('member_ids.user_id')
    def _compute_member_user_ids(self):
        for organization in self:
            organization.member_user_ids = organization.member_ids.user_id

    @api.depends('member_ids.user_id', 'clerk_user_ids')
    def _compute_team_and_clerk_user_ids(self):
        for organization in self:
            # Archived users stay: the rules never looked at whether a member or clerk is active.
            clerks = organization.with_context(active_test=False).clerk_user_ids
            organization.team_and_clerk_user_ids = organization.member_ids.user_id | clerks

    @api.depends('upper_body_ids.user_ids', 'upper_body_ids.active')
    def _compute_observer_user_ids(self):
        for organization in self:
            organization.observer_user_ids = organization.upper_body_ids.filtered('active').user_ids

    @api.depends('upper_body_ids.partner_id', 'upper_body_ids.active')
    def _compute_supervisor_partner_ids(self):
        for organization in self:
            organization.supervisor_partner_ids = organization.upper_body_ids.filtered('active').partner_id

    def _upper_bodies(self, kinds=REVIEWING_KINDS):
        """The active supervising bodies of these kinds (by default those that review)."""
        return self.upper_body_ids.filtered(lambda body: body.active and body.kind in kinds)

    def _upper_reviewers(self, kinds=REVIEWING_KINDS):
        """Who approves and returns for the upper level: reviewers of the supervising bodies."""
        return self._upper_bodies(kinds).reviewer_user_ids

    def _party_report_addressees(self):
        """Whom a report upward is addressed to (主送): the organisation department, then the
        discipline commission; a guide group reads it as a supervising body and is copied
        (抄送) where the organisation names it."""
        rank = {'organization_department': 0, 'discipline_commission': 1}
        bodies = self[:1]._upper_bodies(tuple(rank)).sorted(lambda body: (rank[body.kind], body.sequence, body.id))
        return bodies.partner_id

    def _check_upper_reviewer(self, what, kinds=REVIEWING_KINDS):
        """Only a reviewer of a body that supervises the organisation acts for the upper level."""
        for organization in self:
            if self.env.user not in organization._upper_reviewers(kinds):
                raise UserError(self.env._(
                    '%(what)s: only a reviewer of a body that supervises %(organization)s (field '
                    '"Supervising Bodies") can do this.', what=what, organization=organization.name))

    @api.depends('member_ids.is_principal', 'member_ids.user_id')
    def _compute_principal_user_id(self):
        for organization in self:
            principal = organization.member_ids.filtered('is_principal')[:1]
            organization.principal_user_id = principal.user_id

    def _compute_meeting_count(self):
        counts = dict(self.env['party.meeting']._read_group(
            [('organization_id', 'in', self.ids)], ['organization_id'], ['__count']))
        for organization in self:
            organization.meeting_count = counts.get(organization, 0)

    def _get_talk_setup_problems(self):
        """What the organization lacks for the talks beyond the team to be known: a unit for each
        member with duty areas, a representative for each member's branch — reference plan."""
        self.ensure_one()
        problems = []
        for member in self.member_ids.filtered(lambda m: (m.duty_area or '').strip() and not m.is_principal):
            if member.user_id not in self.unit_ids.member_user_id:
                problems.append(self.env._(
                    '%(member)s has duty areas (%(areas)s) but no unit in charge is recorded (field "Units in '
                    'Charge" of %(organization)s).',
                    member=member.user_id.name, areas=member.duty_area.strip(), organization=self.name))
        if self.representative_ids:
            branches = {member.branch.strip() for member in self.member_ids if (member.branch or '').strip()}
            represented = {(rep.branch or '').strip() for rep in self.representative_ids}
            problems += [
                self.env._('No representative of the branch %(branch)s is recorded (field "Branch '
                           'Representatives" of %(organization)s).', branch=branch, organization=self.name)
                for branch in sorted(branches - represented)]
        return problems

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_meetings(self):
        """An organization's meetings are its history; archive it instead."""
        counts = dict(self.env['party.meeting'].sudo()._read_group(
            [('organization_id', 'in', self.ids)], ['organization_id'], ['__count']))
        for organization in self:
            if counts.get(organization):
                raise UserError(self.env._(
                    'Organization "%(organization)s" cannot be deleted: it has %(count)s meetings '
                    '(field "Meetings"); archive it instead.',
                    organization=organization.display_name, count=counts[organization]))

    @api.constrains('member_ids')
    def _check_one_principal(self):
        """A team with members has exactly one principal (主要负责同志)."""
        for organization in self:
            principals = organization.member_ids.filtered('is_principal')
            if organization.member_ids and len(principals) != 1:
                raise ValidationError(self.env._(
                    'Organization "%(organization)s": the field "Principal" must be set on exactly '
                    'one team member (now %(count)s).',
                    organization=organization.display_name, count=len(principals)))

    @api.constrains('min_statement_pages')
    def _check_min_statement_pages(self):
        for organization in self:
            if organization.min_statement_pages < 0:
                raise ValidationError(self.env._(
                    'Organization "%(organization)s": the field "%(field)s" cannot be negative.',
                    organization=organization.name,
                    field=self._fields['min_statement_pages'].get_description(self.env)['string']))

    @api.constrains('plan_lead_days', 'report_days', 'min_criticisms', 'fix_at_once_days')
    def _check_settings(self):
        for organization in self:
            for field_name in ('report_days', 'fix_at_once_days'):
                if organization[field_name] <= 0:
                    raise ValidationError(self.env._(
                        'Organization "%(organization)s": the field "%(field)s" must be greater than zero.',
                        organization=organization.name, field=self._fields[field_name].get_description(self.env)['string']))
            for field_name in ('plan_lead_days', 'min_criticisms'):
                if organization[field_name] < 0:
                    raise ValidationError(self.env._(
                        'Organization "%(organization)s": the field "%(field)s" cannot be negative.',
                        organization=organization.name, field=self._fields[field_name].get_description(self.env)['string']))

    def write(self, vals):
        if vals.get('parent_id'):
            # Checked before the parent store update, which would only say "Recursion Detected".
            parent = self.browse(vals['parent_id'])
            looping = self.filtered(lambda org: parent in self.search([('id', 'child_of', org.id)]))
            if looping:
                raise ValidationError(self.env._(
                    'Organization "%(organization)s": the field "Parent Organization" cannot point to '
                    'itself or to one of its sub-organizations.', organization=looping[0].name))
        return super(PartyOrganization, self.with_context(defer_principal_check=True)).write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        organizations = super(PartyOrganization, self.with_context(defer_principal_check=True)).create(vals_list)
        return organizations.with_env(self.env)

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('party_democratic_life.party_meeting_action')
        action['domain'] = [('organization_id', '=', self.id)]
        action['context'] = {'default_organization_id': self.id}
        return action
