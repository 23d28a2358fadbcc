from odoo import api, fields, models

# What the coverage depends on: the talks, the team, the units in charge and the branch representatives.
TALK_COVERAGE_DEPENDS = (
    'talk_ids.state', 'talk_ids.initiator_user_id', 'talk_ids.counterpart_user_id',
    'talk_ids.counterpart_name', 'talk_ids.unit_id', 'talk_ids.representative_id', 'talk_ids.duty_report',
    'organization_id.member_ids.user_id', 'organization_id.member_ids.is_principal',
    'organization_id.member_ids.branch',
    'organization_id.unit_ids.member_user_id', 'organization_id.unit_ids.head_user_id',
    'organization_id.unit_ids.head_name', 'organization_id.unit_ids.name',
    'organization_id.representative_ids.user_id', 'organization_id.representative_ids.name',
    'organization_id.representative_ids.branch',
)


class PartyMeeting(models.Model):
    _inherit = 'party.meeting'

    # One compute, as superuser: who talked with whom is not confidential, every reader sees the
    # same coverage, also those who may read none of the talks or only their own. The talks'
    # content stays behind the rules.
    talk_pair_coverage = fields.Json(
        string='Talk Pairs', compute='_compute_talk_coverage', compute_sudo=True,
        help='Technical: the required, done and missing talk pairs, worked out once for every reader.')
    talk_count = fields.Integer(compute='_compute_talk_coverage', compute_sudo=True)
    missing_talk_count = fields.Integer(
        string='Missing Talk Pairs', compute='_compute_talk_coverage', compute_sudo=True)
    missing_talk_pairs = fields.Text(string='Missing Talks', compute='_compute_talk_coverage', compute_sudo=True)
    talk_coverage_html = fields.Html(
        string='Required Talks', compute='_compute_talk_coverage', compute_sudo=True, sanitize=False)

    @api.depends(*TALK_COVERAGE_DEPENDS)
    def _compute_talk_coverage(self):
        """The one place the pairs are worked out; the counts, the table and every other
        consumer read them from talk_pair_coverage."""
        for meeting in self:
            required = meeting._compute_required_talk_pairs()
            done = meeting._compute_done_talk_pair_keys()
            meeting.talk_pair_coverage = {
                'required': [[sorted(key), label] for key, label in required],
                'done': [sorted(key) for key in done],
            }
            missing = [label for key, label in required if key not in done]
            meeting.talk_count = len(meeting.talk_ids)
            meeting.missing_talk_count = len(missing)
            meeting.missing_talk_pairs = '\n'.join(missing)
            meeting.talk_coverage_html = self.env['ir.qweb']._render(
                'party_democratic_life.party_meeting_talk_coverage_table',
                {'rows': [(label, key in done) for key, label in required]},
                minimal_qcontext=True) if required else False

    # Reading the coverage: every consumer (counts, the table, planning, readiness, the xlsx
    # talk matrix) reads the pairs computed above.

    def _get_required_talk_pairs(self):
        """Pairs that must talk before the meeting, as [(key, label)]; a key is a frozenset of
        the two talk parties (see _talk_pair_key)."""
        self.ensure_one()
        return [(frozenset(key), label) for key, label in (self.talk_pair_coverage or {}).get('required', [])]

    def _get_done_talk_pair_keys(self):
        self.ensure_one()
        return {frozenset(key) for key in (self.talk_pair_coverage or {}).get('done', [])}

    def _get_missing_talk_pairs(self):
        self.ensure_one()
        done = self._get_done_talk_pair_keys()
        return [(key, label) for key, label in self._get_required_talk_pairs() if key not in done]

    # Working the pairs out

    @api.model
    def _talk_party_key(self, party):
        """A talk party is a res.users record or a name."""
        return f'user:{party.id}' if isinstance(party, models.BaseModel) else f'name:{party.strip()}'

    @api.model
    def _talk_pair_key(self, party_a, party_b):
        """An unordered pair of talk parties; a party is a res.users record or a name."""
        return frozenset((self._talk_party_key(party_a), self._talk_party_key(party_b)))

    def _compute_required_talk_pairs(self):
        """Pairs that must talk before the meeting — practice: principal with each member and
        every pair of members, i.e. every unordered pair of the team; then the talks beyond it."""
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
        charge of, and the principal and each member with a representative of his or her own Party
        branch (本人组织关系所在党支部) — reference plan."""
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
            for member in organization.member_ids:
                pairs.append((frozenset((self._talk_party_key(member.user_id), member._branch_talk_key())),
                              member._branch_talk_label()))
        return pairs

    def _compute_done_talk_pair_keys(self):
        self.ensure_one()
        keys = set()
        representative_keys = self._get_representative_branch_keys()
        for talk in self.talk_ids.filtered(lambda t: t.state == 'done'):
            counterpart = talk.counterpart_user_id or talk.counterpart_name
            if talk.initiator_user_id and counterpart:
                if talk._counts_for_its_pair():
                    keys.add(self._talk_pair_key(talk.initiator_user_id, counterpart))
                keys |= self._get_outside_talk_keys(talk, counterpart, representative_keys)
        return keys

    def _get_representative_branch_keys(self):
        """{talk party key of a representative: key of the branch they speak for}."""
        self.ensure_one()
        return {
            self._talk_party_key(representative._talk_party()): representative._branch_talk_key()
            for representative in self.organization_id.representative_ids}

    def _get_outside_talk_keys(self, talk, counterpart, representative_keys):
        """Keys a talk covers beyond its two parties: the unit head it names, and the
        branch pair of the member who talked with a representative of that branch."""
        keys = set()
        initiator = talk.initiator_user_id
        if talk.unit_id:
            keys.add(self._talk_pair_key(initiator, talk.unit_id._talk_party()))
        branch = (talk.representative_id._branch_talk_key() if talk.representative_id
                  else representative_keys.get(self._talk_party_key(counterpart)))
        if branch:
            keys.add(frozenset((self._talk_party_key(initiator), branch)))
        branch = representative_keys.get(self._talk_party_key(initiator))
        if isinstance(counterpart, models.BaseModel) and branch:
            keys.add(frozenset((self._talk_party_key(counterpart), branch)))
        return keys

    # Planning the missing talks

    def action_plan_missing_talks(self):
        """Create a planned talk for every required pair that has none yet."""
        Talk = self.env['party.meeting.talk']
        for meeting in self:
            Talk.create(meeting._get_missing_talk_vals())
        return self.action_view_talks() if len(self) == 1 else True

    def _get_missing_talk_vals(self):
        """A planned talk for each missing pair that no talk, planned or done, covers yet: two
        team members (the principal initiates), a member and a unit head, a member and a
        representative of his or her branch."""
        self.ensure_one()
        organization = self.organization_id
        planned = set()
        representative_keys = self._get_representative_branch_keys()
        for talk in self.talk_ids:
            counterpart = talk.counterpart_user_id or talk.counterpart_name
            if talk.initiator_user_id and counterpart:
                planned.add(self._talk_pair_key(talk.initiator_user_id, counterpart))
                planned |= self._get_outside_talk_keys(talk, counterpart, representative_keys)
        missing = [key for key, _label in self._get_missing_talk_pairs() if key not in planned]
        missing_keys = set(missing)
        principal = organization.principal_user_id
        users_by_key = {self._talk_party_key(user): user for user in organization.member_ids.user_id}
        vals_list = []
        for key in missing:
            user_a, user_b = (users_by_key.get(k) for k in sorted(key))
            if not (user_a and user_b):
                continue
            if user_b == principal:
                user_a, user_b = user_b, user_a
            vals_list.append({'meeting_id': self.id, 'initiator_user_id': user_a.id, 'counterpart_user_id': user_b.id})
        for unit in organization.unit_ids:
            head = unit._talk_party()
            if head and self._talk_pair_key(unit.member_user_id, head) in missing_keys:
                vals_list.append({
                    'meeting_id': self.id,
                    'initiator_user_id': unit.member_user_id.id,
                    'unit_id': unit.id,
                    'counterpart_user_id': unit.head_user_id.id,
                    'counterpart_name': unit.head_name,
                })
        for member in organization.member_ids:
            user, representative = member.user_id, member._branch_representatives()[:1]
            key = frozenset((self._talk_party_key(user), member._branch_talk_key()))
            if representative and key in missing_keys:
                vals_list.append({
                    'meeting_id': self.id,
                    'initiator_user_id': user.id,
                    'representative_id': representative.id,
                    'counterpart_user_id': representative.user_id.id,
                    'counterpart_name': representative.name,
                })
        return vals_list
