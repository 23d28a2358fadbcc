from odoo import fields, models, tools

from .party_organization import DEFAULT_TZ
from .party_rectification import FINISHED_STATES


class PartyRectificationOverview(models.Model):
    """Per organization, how its ledger stands: one grouped query over the items, so the
    overview stays cheap with hundreds of organizations and tens of thousands of items."""

    _name = 'party.rectification.overview'
    _description = 'Rectification Overview by Organization'
    _auto = False
    _order = 'overdue_count desc, open_count desc, organization_id'
    _rec_name = 'organization_id'

    organization_id = fields.Many2one('party.organization', string='Organization', readonly=True)
    company_id = fields.Many2one('res.company', string='Company', readonly=True)
    item_count = fields.Integer(string='Items', readonly=True, help='Items on the ledger, not counting carried ones.')
    open_count = fields.Integer(string='Open', readonly=True, help='Open or in progress.')
    done_count = fields.Integer(string='Done', readonly=True, help='Done, awaiting verification.')
    verified_count = fields.Integer(
        string='Verified', readonly=True, help='Verified by the principal, not (yet) closed with the upper level.')
    closed_count = fields.Integer(string='Closed with the Upper Level', readonly=True)
    carried_count = fields.Integer(string='Carried Over', readonly=True)
    overdue_count = fields.Integer(string='Overdue', readonly=True)
    repeated_count = fields.Integer(
        string='Repeated Every Year', readonly=True,
        help='Unfinished items carried into two or more annual meetings ("年年改、年年在").')
    finished_count = fields.Integer(string='Finished', readonly=True, help='Done, verified or closed with the upper level.')
    on_time_count = fields.Integer(string='Finished on Time', readonly=True)
    on_time_rate = fields.Float(
        string='On-time Rate (%)', readonly=True, aggregator='avg', digits=(16, 1),
        help='Items finished by their deadline, out of the finished items.')

    def init(self):
        # Overdue counts by the organisation's today: the policy of party.organization._party_today
        # minus the reader's own time zone, which a view shared by every reader cannot know.
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT
                    org.id AS id,
                    org.id AS organization_id,
                    org.company_id AS company_id,
                    COUNT(r.id) FILTER (WHERE r.state != 'carried') AS item_count,
                    COUNT(r.id) FILTER (WHERE r.state IN ('open', 'in_progress')) AS open_count,
                    COUNT(r.id) FILTER (WHERE r.state = 'done') AS done_count,
                    COUNT(r.id) FILTER (WHERE r.state = 'verified') AS verified_count,
                    COUNT(r.id) FILTER (WHERE r.state = 'closed') AS closed_count,
                    COUNT(r.id) FILTER (WHERE r.state = 'carried') AS carried_count,
                    COUNT(r.id) FILTER (
                        WHERE r.state IN ('open', 'in_progress')
                          AND r.deadline < (now() AT TIME ZONE COALESCE(org.tz, %(tz)s))::date
                    ) AS overdue_count,
                    COUNT(r.id) FILTER (
                        WHERE r.state IN ('open', 'in_progress') AND r.is_repeated
                    ) AS repeated_count,
                    COUNT(r.id) FILTER (WHERE r.state IN %(finished)s) AS finished_count,
                    COUNT(r.id) FILTER (
                        WHERE r.state IN %(finished)s
                          AND (r.deadline IS NULL OR r.date_done <= r.deadline)
                    ) AS on_time_count,
                    CASE WHEN COUNT(r.id) FILTER (WHERE r.state IN %(finished)s) > 0
                        THEN ROUND(100.0 * COUNT(r.id) FILTER (
                                WHERE r.state IN %(finished)s
                                  AND (r.deadline IS NULL OR r.date_done <= r.deadline))
                            / COUNT(r.id) FILTER (WHERE r.state IN %(finished)s), 1)
                    END AS on_time_rate
                FROM party_organization org
                LEFT JOIN party_rectification r ON r.organization_id = org.id
                WHERE org.active
                GROUP BY org.id, org.company_id
            )
        """, {'tz': DEFAULT_TZ, 'finished': FINISHED_STATES})
