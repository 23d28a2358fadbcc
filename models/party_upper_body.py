from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The kinds of body that supervise a Party group's meeting (2016 provisions and the county's
# practice): who may review the plan and the materials, and who may give consent to hold it.
REVIEWING_KINDS = ('organization_department', 'guide_group')


class PartyUpperBody(models.Model):
    """A body above Party groups — the county's organisation department, its discipline
    commission, a touring guide group. Organisations name the bodies that supervise them; the
    people of those bodies read what is sent up and, as reviewers, approve or return it."""
    _name = 'party.upper.body'
    _description = 'Upper-level Body'
    _inherit = ['mail.thread']
    _order = 'sequence, name, id'

    name = fields.Char(required=True, tracking=True, index=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ('organization_department', 'Organization Department'),
            ('discipline_commission', 'Discipline Commission'),
            ('guide_group', 'Touring Guide Group'),
            ('other', 'Other Upper-level Body'),
        ],
        required=True, default='guide_group', tracking=True,
        help='The organization department and the guide groups review the plan and the materials '
             'and give consent to hold the meeting; every body reads what is sent up to it.')
    user_ids = fields.Many2many(
        'res.users', 'party_upper_body_user_rel', 'body_id', 'user_id', string='People', tracking=True,
        help='People of the body who use Odoo: they read the records of the organizations the body '
             'supervises; those with the Upper-level Reviewer role also approve and return.')
    reviewer_user_ids = fields.Many2many(
        'res.users', string='Reviewers', compute='_compute_reviewer_user_ids',
        help='People of the body with the Upper-level Reviewer role.')
    email = fields.Char(tracking=True, help='Where the documents sent to the body go.')
    partner_id = fields.Many2one(
        'res.partner', string='Contact', required=True, readonly=True, ondelete='restrict', copy=False,
        help='The body as the addressee of documents and e-mails; kept in step with the name and e-mail.')
    organization_ids = fields.Many2many(
        'party.organization', 'party_organization_upper_body_rel', 'body_id', 'organization_id',
        string='Supervised Organizations')
    company_id = fields.Many2one(
        'res.company', required=True, index=True, default=lambda self: self.env.company)

    _name_company_unique = models.Constraint(
        'UNIQUE(name, company_id)', 'An upper-level body of this name already exists.')

    @api.depends('user_ids')
    def _compute_reviewer_user_ids(self):
        for body in self:
            body.reviewer_user_ids = body.user_ids.filtered(
                lambda user: user.has_group('party_democratic_life.group_party_reviewer'))

    @api.constrains('email')
    def _check_email(self):
        for body in self:
            if body.email and '@' not in body.email:
                raise ValidationError(self.env._(
                    'Upper-level body "%(body)s": the field "Email" is not an e-mail address.', body=body.name))

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env['res.partner'].sudo()
        vals_list = [dict(vals) for vals in vals_list]  # the caller's values stay as they were
        for vals in vals_list:
            if not vals.get('partner_id'):
                vals['partner_id'] = Partner.create({
                    'name': vals.get('name'), 'email': vals.get('email'), 'is_company': True}).id
        return super().create(vals_list)

    def write(self, vals):
        result = super().write(vals)
        if {'name', 'email'} & set(vals):
            for body in self:
                body.partner_id.sudo().write({'name': body.name, 'email': body.email})
        return result

    def _is_reviewer(self, user=None):
        """Whether the user reviews for one of these bodies: one of its people, with the role."""
        user = user or self.env.user
        return user.has_group('party_democratic_life.group_party_reviewer') and user in self.user_ids
