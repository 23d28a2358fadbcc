from odoo import api, fields, models


class PartyReviewRound(models.Model):
    """One round of review by the upper level (会前报审): a document submitted, then approved or
    returned with comments. Rounds are never edited or deleted; a returned document comes back
    as a new round, so the record shows every version sent and what was said of it."""
    _name = 'party.review.round'
    _description = 'Upper-level Review Round'
    _order = 'submitted_on desc, id desc'

    meeting_id = fields.Many2one(
        'party.meeting', string='Meeting', required=True, index=True, ondelete='cascade', readonly=True)
    organization_id = fields.Many2one(related='meeting_id.organization_id', store=True, index=True)
    company_id = fields.Many2one(related='meeting_id.company_id', store=True, index=True)
    document = fields.Selection(
        [
            ('plan', 'Implementation Plan'),
            ('team', 'Team Check Material'),
            ('personal', 'Personal Outline'),
        ],
        string='Document', required=True, readonly=True)
    statement_id = fields.Many2one(
        'party.meeting.statement', string='Outline or Material', index=True, ondelete='cascade', readonly=True,
        context={'active_test': False})
    author_user_id = fields.Many2one('res.users', string='Author', readonly=True, ondelete='restrict')
    round_number = fields.Integer(string='Round', readonly=True, help='1 for the first submission, 2 after one return, …')
    version = fields.Integer(
        readonly=True, help='The version of the outline or material, or the edit version of the plan, that was sent.')
    submitted_by_id = fields.Many2one('res.users', string='Submitted By', readonly=True, ondelete='restrict')
    submitted_on = fields.Datetime(readonly=True)
    decision = fields.Selection(
        [
            ('pending', 'Under Review'),
            ('approved', 'Approved'),
            ('returned', 'Returned'),
        ],
        default='pending', required=True, readonly=True, index=True)
    reviewer_id = fields.Many2one('res.users', string='Reviewed By', readonly=True, ondelete='restrict')
    body_id = fields.Many2one(
        'party.upper.body', string='For the Body', readonly=True, ondelete='restrict',
        help='The supervising body the reviewer decided for.')
    decided_on = fields.Datetime(readonly=True)
    comment = fields.Text(readonly=True)

    @api.depends('document', 'author_user_id', 'round_number')
    def _compute_display_name(self):
        documents = dict(self._fields['document']._description_selection(self.env))
        for review in self:
            name = documents.get(review.document, '')
            if review.document == 'personal':
                name = f'{name} {review.author_user_id.name or ""}'.strip()
            review.display_name = self.env._('%(document)s, round %(round)s', document=name, round=review.round_number)

    @api.model
    def _open_round(self, meeting, document, statement=None):
        """Record a submission to the upper level; the round number counts the earlier ones."""
        domain = [('meeting_id', '=', meeting.id), ('document', '=', document)]
        if statement:
            domain.append(('author_user_id', '=', statement.author_user_id.id))
        earlier = self.sudo().search_count(domain)
        return self.sudo().create({
            'meeting_id': meeting.id,
            'document': document,
            'statement_id': statement.id if statement else False,
            'author_user_id': statement.author_user_id.id if statement else False,
            'round_number': earlier + 1,
            'version': statement.version if statement else meeting.party_edit_version,
            'submitted_by_id': self.env.user.id,
            'submitted_on': fields.Datetime.now(),
        })

    def _close(self, decision, organization, comment=False):
        """The decision of a reviewer, for the first supervising body they review for."""
        body = organization._upper_bodies().filtered(lambda b: self.env.user in b.user_ids)[:1]
        self.sudo().filtered(lambda review: review.decision == 'pending').write({
            'decision': decision,
            'reviewer_id': self.env.user.id,
            'body_id': body.id,
            'decided_on': fields.Datetime.now(),
            'comment': comment,
        })
