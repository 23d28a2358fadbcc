from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_datetime


class PartyEditVersionMixin(models.AbstractModel):
    """Two people, one record: a change made on a version that someone else has replaced since
    is refused, never saved over the other person's work.

    Odoo 19 keeps no version of a record, and its web client sends only the fields a user
    changed, so the last of two saves of the same text wins silently. Every write here counts
    one more version; the forms (js_class "party_versioned_form") send the version they show
    with each save, and the review buttons pass it in their context, so that a save or a
    decision based on an older version is refused with the name of the record and of the
    person who changed it. Writes made by the server itself (crons, actions) carry no version
    and are not checked; they still count one more."""
    _name = 'party.edit.version.mixin'
    _description = 'Version Check on Concurrent Edits'

    party_edit_version = fields.Integer(
        string='Edit Version', default=1, readonly=True, copy=False,
        help='Counts the changes of this record; a change based on an older version is refused.')
    # Who made the last change, and when; bookkeeping like write_uid, so not tracked. Not write_uid
    # itself: Odoo also sets it when it stores a recomputed field, in the name of whoever's
    # request happened to flush it.
    party_edit_uid = fields.Many2one(
        'res.users', string='Last Changed By', readonly=True, copy=False, ondelete='set null')
    party_edit_date = fields.Datetime(string='Last Changed On', readonly=True, copy=False)

    def write(self, vals):
        vals = dict(vals)
        base_version = vals.pop('party_edit_version', None)
        if base_version is not None:
            self._check_edit_version(base_version)
        result = super().write(vals)
        if self.ids:
            counted = ['party_edit_version', 'party_edit_uid', 'party_edit_date']
            self.flush_recordset(counted)
            self.env.cr.execute(SQL(
                'UPDATE %s SET party_edit_version = party_edit_version + 1, party_edit_uid = %s, '
                'party_edit_date = %s WHERE id = ANY(%s)',
                SQL.identifier(self._table), self.env.uid, self.env.cr.now(), list(self.ids)))
            self.invalidate_recordset(counted, flush=False)
        return result

    def _check_edit_version(self, base_version):
        """Refuse to change a record whose version is no longer the one the user worked on."""
        # A value that is not a whole number never gets here: party.input.check refuses it.
        self.invalidate_recordset(['party_edit_version', 'party_edit_uid', 'party_edit_date'])
        for record in self:
            if record.party_edit_version != base_version:
                raise UserError(self.env._(
                    '%(record)s was changed by %(user)s at %(time)s while you were working on it, '
                    'so your change was not saved. Copy what you wrote, reload the page to see the '
                    'new version, then make your change again.',
                    record=record.display_name, user=record.party_edit_uid.name,
                    time=format_datetime(self.env, record.party_edit_date, dt_format='short')))

    def _check_edit_version_from_context(self):
        """For buttons: their context carries the version the user saw (party_edit_version)."""
        base_version = self.env.context.get('party_edit_version')
        if base_version is not None:
            self._check_edit_version(base_version)
