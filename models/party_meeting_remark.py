from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, is_html_empty

from .party_meeting_criticism import CRITICISM_STATES


class PartyMeetingRemark(models.Model):
    """What the upper level says at the end of the meeting (点评): addressed to the whole team,
    so a record of the meeting rather than a criticism of one member — reference plan."""
    _name = 'party.meeting.remark'
    _description = "Upper Level's Remarks"
    _inherit = ['mail.thread']
    _order = 'meeting_id, sequence, id'
    _rec_name = 'speaker'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='restrict')
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    sequence = fields.Integer(default=10)
    body = fields.Selection(
        [
            ('discipline_commission', 'Discipline Commission'),
            ('organization_department', 'Organization Department'),
            ('guide_group', 'Touring Guide Group'),
            ('other', 'Other Upper-level Body'),
        ],
        string='Body', required=True, default='guide_group', tracking=True,
        help='The upper-level body the speaker speaks for: the county discipline commission (县纪委), the '
             'organization department (县委组织部) or the touring guide group (巡回指导组).')
    upper_body_id = fields.Many2one(
        'party.upper.body', string='Upper-level Body', index='btree_not_null', ondelete='restrict',
        domain="[('organization_ids', 'in', organization_id)]",
        help='The supervising body the speaker speaks for; the field "Body" follows its kind.')
    speaker = fields.Char(
        string='Speaker', required=True, tracking=True, help='Name and post of who made the remarks.')
    content = fields.Html(string='Content', sanitize=True)
    rectification_ids = fields.One2many('party.rectification', 'remark_id', string='Rectifications')
    rectification_count = fields.Integer(compute='_compute_rectification_count')

    @api.depends('speaker', 'body')
    def _compute_display_name(self):
        bodies = dict(self._fields['body']._description_selection(self.env))
        for remark in self:
            remark.display_name = f'{bodies.get(remark.body, "")} {remark.speaker or ""}'.strip()

    @api.constrains('upper_body_id', 'meeting_id')
    def _check_upper_body(self):
        for remark in self.filtered('upper_body_id'):
            if remark.upper_body_id not in remark.meeting_id.organization_id.upper_body_ids:
                raise ValidationError(self.env._(
                    'Remarks "%(remark)s": the field "Upper-level Body" must be a body that supervises %(organization)s.',
                    remark=remark.display_name, organization=remark.meeting_id.organization_id.name))

    @api.onchange('upper_body_id')
    def _onchange_upper_body_id(self):
        if self.upper_body_id:
            self.body = self.upper_body_id.kind

    @api.model
    def _sync_body_kind(self, vals):
        """The kind of body follows the body chosen, so that remarks recorded before bodies were
        named (the kind only) and those that name their body read alike."""
        if vals.get('upper_body_id'):
            vals['body'] = self.env['party.upper.body'].browse(vals['upper_body_id']).sudo().kind
        return vals

    def _compute_rectification_count(self):
        counts = dict(self.env['party.rectification']._read_group(
            [('remark_id', 'in', self.ids)], ['remark_id'], ['__count']))
        for remark in self:
            remark.rectification_count = counts.get(remark, 0)

    @api.model_create_multi
    def create(self, vals_list):
        remarks = super().create([self._sync_body_kind(dict(vals)) for vals in vals_list])
        remarks._check_meeting_state()
        return remarks

    def write(self, vals):
        self._check_meeting_state()
        result = super().write(self._sync_body_kind(dict(vals)))
        if 'meeting_id' in vals:
            self._check_meeting_state()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_meeting(self):
        self._check_meeting_state()

    def _check_meeting_state(self):
        """Remarks are recorded while the meeting is prepared, held and followed up, like the
        criticisms; a closed meeting's record no longer changes."""
        if self.env.su:
            return
        for remark in self:
            if remark.meeting_id.state not in CRITICISM_STATES:
                raise UserError(self.env._(
                    'Remarks "%(remark)s": the meeting "%(meeting)s" is not being held or followed up, so '
                    'its remarks cannot be changed.', remark=remark.display_name, meeting=remark.meeting_id.name))

    def action_to_rectification(self):
        """Turn the remarks into a team item owned by the principal (source: upper level's
        remarks) in one click, or open the one made before — the remarks of the upper level go
        on the rectification list as they were made."""
        self.ensure_one()
        rectification = self.rectification_ids[:1]
        if not rectification:
            if is_html_empty(self.content):
                raise UserError(self.env._(
                    'Remarks "%(remark)s": the field "Content" is empty; there is no problem to rectify.',
                    remark=self.display_name))
            rectification = self.env['party.rectification'].create({
                'name': self.env._('Problem raised in the remarks of %(speaker)s', speaker=self.speaker),
                'meeting_id': self.meeting_id.id,
                'remark_id': self.id,
                'source': 'upper_remark',
                'scope': 'team',
                'responsible_user_id': self.meeting_id.organization_id.principal_user_id.id,
                'problem': self.content,
            })
            rectification.message_post(body=self.env._(
                "Made from the upper level's remarks of %(speaker)s.", speaker=self.speaker))
        return rectification._get_form_action()

    def action_view_rectifications(self):
        self.ensure_one()
        return self.meeting_id._action_open(
            'party_democratic_life.party_rectification_action', [('remark_id', '=', self.id)])

    def _get_plain_content(self):
        self.ensure_one()
        return html2plaintext(self.content or '')
