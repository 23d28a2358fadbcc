from odoo import api, models
from odoo.exceptions import UserError

from .party_rectification import VERIFIED_STATES


class PartyRectificationLineMixin(models.AbstractModel):
    """A line of a rectification item (a milestone, a rule established): part of the item's
    closed record once the item is verified, so it changes only through Reopen (which runs as
    superuser). `_item_field` names the item's field that lists these lines."""
    _name = 'party.rectification.line.mixin'
    _description = 'Line of a Rectification Item'
    _item_field = None

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_rectification_open()
        return lines

    def write(self, vals):
        self._check_rectification_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_verified(self):
        self._check_rectification_open()

    def _check_rectification_open(self):
        if self.env.su:
            return
        for line in self:
            item = line.rectification_id
            if item.state in VERIFIED_STATES:
                raise UserError(self.env._(
                    'Rectification "%(item)s" is verified: its field "%(field)s" is read-only.',
                    item=item.name, field=item._fields[self._item_field]._description_string(self.env)))
