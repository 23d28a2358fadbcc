from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PartyStatementTemplate(models.Model):
    _name = 'party.statement.template'
    _description = 'Outline Template'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        'res.company', string='Company', index=True,
        help='Leave empty to share the template between companies.')
    section_ids = fields.One2many(
        'party.statement.template.section', 'template_id', string='Sections', copy=True)
    section_count = fields.Integer(compute='_compute_section_count')

    @api.depends('section_ids')
    def _compute_section_count(self):
        for template in self:
            template.section_count = len(template.section_ids)

    def _sections_for(self, kind):
        """The template's sections that apply to a statement of this kind, in order."""
        return self.section_ids.filtered(lambda s: s.applies_to in ('all', kind)).sorted('sequence')


class PartyStatementTemplateSection(models.Model):
    _name = 'party.statement.template.section'
    _description = 'Outline Template Section'
    _order = 'template_id, sequence, id'

    template_id = fields.Many2one(
        'party.statement.template', string='Template', required=True, index=True, ondelete='cascade')
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Heading', required=True, translate=True)
    guidance = fields.Text(
        string='Guidance', translate=True, help='What the author should write in this section.')
    required = fields.Boolean(
        string='Required', default=True, help='An outline cannot be submitted while this section is empty.')
    applies_to = fields.Selection(
        [
            ('all', 'All Statements'),
            ('personal', 'Personal Outlines'),
            ('team', 'Team Check Material'),
        ],
        string='Applies To', required=True, default='all')
    guidance_principal = fields.Text(
        string='Guidance for the Principal', translate=True,
        help='What the principal writes in this section, when it differs from the members\' guidance.')
    is_subsection = fields.Boolean(
        string='Sub-section', help='A sub-section of the part before it, printed as （一）（二）….')
    lists_key_aspects = fields.Boolean(
        string='One Sub-section per Key Aspect',
        help='Each key aspect of the meeting gets a sub-section of this part; every aspect needs a '
             'problem or a reason why none was found (逐项对照).')
    explains_inquiry = fields.Boolean(
        string='Explains Talks and Inquiries',
        help='A member with a recorded talk or written inquiry (谈话函询) must fill this section, '
             'even when it is not required; the matters to explain are answered here.')

    @api.constrains('explains_inquiry', 'applies_to')
    def _check_inquiry_section_personal(self):
        for section in self:
            if section.explains_inquiry and section.applies_to == 'team':
                raise ValidationError(self.env._(
                    'Section "%(section)s": the field "Explains Talks and Inquiries" only applies to '
                    'personal outlines.', section=section.name))
