import base64
import binascii
import datetime
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# PostgreSQL's integer column (Odoo's Integer and Many2one).
INT_MIN, INT_MAX = -2 ** 31, 2 ** 31 - 1
# Meetings, talks and deadlines happen within these dates; years outside break date
# arithmetic and formatting (year 1 is printed "1-01-01", year 9999 has no next day).
DATE_MIN, DATE_MAX = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)
# Beyond any duration, page count or score; larger floats overflow in conversions.
FLOAT_LIMIT = 1e12
# PostgreSQL's b-tree index takes a row of at most about 2,700 bytes.
INDEXED_TEXT_BYTES = 2000


def _shorten(text, size=60):
    """A value as a message may quote it: a client may send a megabyte."""
    return text if len(text) <= size else f'{text[:size - 1]}…'


def _is_id(value):
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= INT_MAX


def _is_date(value, to_value):
    if isinstance(value, str):
        try:
            value = to_value(value)
        except ValueError:
            return False
    if isinstance(value, datetime.datetime):
        value = value.date()
    return isinstance(value, datetime.date) and DATE_MIN <= value <= DATE_MAX


def _fits(env, field, value):
    """Whether `value` is what Odoo expects for `field` from a client; False means Odoo
    itself would fail on it with a server error (wrong type, out of the column's range,
    a date that does not exist, a NUL character, an unknown selection key)."""
    if value is None or value is False or isinstance(value, models.BaseModel):
        return True
    kind = field.type
    if kind in ('char', 'text', 'html'):
        if not isinstance(value, str) or '\x00' in value:
            return False
        return not (field.index in (True, 'btree', 'btree_not_null') and len(value.encode()) > INDEXED_TEXT_BYTES)
    if kind == 'selection':
        return isinstance(value, str) and value in field.get_values(env)
    if kind == 'boolean':
        return isinstance(value, (bool, int))
    if kind == 'integer':
        return isinstance(value, int) and INT_MIN <= value <= INT_MAX
    if kind in ('float', 'monetary'):
        return isinstance(value, (int, float)) and math.isfinite(value) and abs(value) <= FLOAT_LIMIT
    if kind == 'date':
        return _is_date(value, fields.Date.to_date)
    if kind == 'datetime':
        return _is_date(value, fields.Datetime.to_datetime)
    if kind == 'many2one':
        return _is_id(value)
    if kind == 'binary':
        if not isinstance(value, (str, bytes)):
            return False
        try:
            base64.b64decode(value)
        except (binascii.Error, ValueError):
            return False
        return True
    if kind in ('one2many', 'many2many'):
        return isinstance(value, (list, tuple)) and all(_fits_command(env, field, command) for command in value)
    return True


def _fits_command(env, field, command):
    """One x2many command (Command.create/update/delete/unlink/link/clear/set) or a bare id."""
    if _is_id(command):
        return True
    if not isinstance(command, (list, tuple)) or not command or not isinstance(command[0], int):
        return False
    code, rest = command[0], list(command[1:]) + [None, None]
    if code in (0, 1):
        return (code == 0 or _is_id(rest[0])) and isinstance(rest[1], dict) \
            and _bad_value(env[field.comodel_name], rest[1]) is None
    if code in (2, 3, 4):
        return _is_id(rest[0])
    if code == 5:
        return True
    if code == 6:
        return isinstance(rest[1], (list, tuple)) and all(_is_id(record_id) for record_id in rest[1])
    return False


def _bad_value(model, vals):
    """The first (field name, value) of `vals` that `model` cannot take, or None."""
    for name, value in vals.items():
        field = model._fields.get(name)
        if field is None or not _fits(model.env, field, value):
            return name, value
    return None


class PartyInputCheck(models.AbstractModel):
    """Every model of the addon refuses, with a message naming the record and the field, a
    value no form sends (a client's mistake or a forged call), instead of failing deep in
    the ORM or in PostgreSQL with a server error."""
    _name = 'party.input.check'
    _description = 'Checks on the Values a Client Sends'

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._party_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._party_check_input(vals)
        return super().write(vals)

    def _party_check_input(self, vals):
        bad = _bad_value(self, vals)
        if bad is None:
            return
        name, value = bad
        model = self.env['ir.model']._get(self._name).name or self._description
        # A record the user may not read has no display name: it is named by its model and id.
        record = self.env._('New %(model)s', model=model) if not self else ', '.join(
            rec.display_name or f'{model} #{rec.id}' for rec in self[:3])
        shown = _shorten(repr(value))
        if name not in self._fields:
            raise ValidationError(self.env._('%(record)s: there is no field "%(field)s".', record=record,
                                             field=_shorten(str(name))))
        raise ValidationError(self.env._(
            '%(record)s: the field "%(field)s" cannot take the value %(value)s.',
            record=record, field=self._fields[name]._description_string(self.env), value=shown))


# The addon's models, each checked before any of its own code sees the values (this file is
# loaded after them, so the check comes first). The wizards inherit the check themselves.
# tests/test_hostile_input.py fails when a model of the addon is missing here.
class PartyOrganization(models.Model):
    _name = 'party.organization'
    _inherit = ['party.input.check', 'party.organization']


class PartyOrganizationMember(models.Model):
    _name = 'party.organization.member'
    _inherit = ['party.input.check', 'party.organization.member']


class PartyOrganizationUnit(models.Model):
    _name = 'party.organization.unit'
    _inherit = ['party.input.check', 'party.organization.unit']


class PartyOrganizationRepresentative(models.Model):
    _name = 'party.organization.representative'
    _inherit = ['party.input.check', 'party.organization.representative']


class PartyMeeting(models.Model):
    _name = 'party.meeting'
    _inherit = ['party.input.check', 'party.meeting']


class PartyMeetingAttendee(models.Model):
    _name = 'party.meeting.attendee'
    _inherit = ['party.input.check', 'party.meeting.attendee']


class PartyMeetingFocus(models.Model):
    _name = 'party.meeting.focus'
    _inherit = ['party.input.check', 'party.meeting.focus']


class PartyMeetingAgenda(models.Model):
    _name = 'party.meeting.agenda'
    _inherit = ['party.input.check', 'party.meeting.agenda']


class PartyMeetingTalk(models.Model):
    _name = 'party.meeting.talk'
    _inherit = ['party.input.check', 'party.meeting.talk']


class PartyMeetingCriticism(models.Model):
    _name = 'party.meeting.criticism'
    _inherit = ['party.input.check', 'party.meeting.criticism']


class PartyMeetingStudy(models.Model):
    _name = 'party.meeting.study'
    _inherit = ['party.input.check', 'party.meeting.study']


class PartyMeetingOpinion(models.Model):
    _name = 'party.meeting.opinion'
    _inherit = ['party.input.check', 'party.meeting.opinion']


class PartyMeetingStatement(models.Model):
    _name = 'party.meeting.statement'
    _inherit = ['party.input.check', 'party.meeting.statement']


class PartyMeetingStatementSection(models.Model):
    _name = 'party.meeting.statement.section'
    _inherit = ['party.input.check', 'party.meeting.statement.section']


class PartyMeetingStatementProblem(models.Model):
    _name = 'party.meeting.statement.problem'
    _inherit = ['party.input.check', 'party.meeting.statement.problem']


class PartyMeetingReadiness(models.Model):
    _name = 'party.meeting.readiness'
    _inherit = ['party.input.check', 'party.meeting.readiness']


class PartyStatementTemplate(models.Model):
    _name = 'party.statement.template'
    _inherit = ['party.input.check', 'party.statement.template']


class PartyStatementTemplateSection(models.Model):
    _name = 'party.statement.template.section'
    _inherit = ['party.input.check', 'party.statement.template.section']


class PartyRectification(models.Model):
    _name = 'party.rectification'
    _inherit = ['party.input.check', 'party.rectification']


class PartyRectificationMilestone(models.Model):
    _name = 'party.rectification.milestone'
    _inherit = ['party.input.check', 'party.rectification.milestone']


class PartyRectificationOverview(models.Model):
    _name = 'party.rectification.overview'
    _inherit = ['party.input.check', 'party.rectification.overview']


class PartyMeetingRemark(models.Model):
    _name = 'party.meeting.remark'
    _inherit = ['party.input.check', 'party.meeting.remark']


class PartyMeetingDisclosure(models.Model):
    _name = 'party.meeting.disclosure'
    _inherit = ['party.input.check', 'party.meeting.disclosure']


class PartyMeetingStatementExplanation(models.Model):
    _name = 'party.meeting.statement.explanation'
    _inherit = ['party.input.check', 'party.meeting.statement.explanation']


class PartyRectificationMechanism(models.Model):
    _name = 'party.rectification.mechanism'
    _inherit = ['party.input.check', 'party.rectification.mechanism']


class PartyUpperBody(models.Model):
    _name = 'party.upper.body'
    _inherit = ['party.input.check', 'party.upper.body']


class PartyReviewRound(models.Model):
    _name = 'party.review.round'
    _inherit = ['party.input.check', 'party.review.round']


class PartyUpperNotice(models.Model):
    _name = 'party.upper.notice'
    _inherit = ['party.input.check', 'party.upper.notice']


class PartyUpperNoticeAspect(models.Model):
    _name = 'party.upper.notice.aspect'
    _inherit = ['party.input.check', 'party.upper.notice.aspect']


class PartyMeetingPackage(models.Model):
    _name = 'party.meeting.package'
    _inherit = ['party.input.check', 'party.meeting.package']


class PartyMeetingPackageRecipient(models.Model):
    _name = 'party.meeting.package.recipient'
    _inherit = ['party.input.check', 'party.meeting.package.recipient']
