from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_documents import HeldMeetingCase


@tagged('post_install', '-at_install')
class TestLastYearAndReport(HeldMeetingCase):
    """The first item of the agenda reports on last year's items; the situation report is prose."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.previous = cls.create_meeting(
            name='Annual Meeting 2020', meeting_type='annual', year=2020, date_start='2021-01-26 01:00:00',
            state='done', focus_ids=[(0, 0, {'title': 'Old aspect'})])
        cls.old_verified = cls.make_rectification(
            name='Field visits too rare', meeting_id=cls.previous.id, responsible_user_id=cls.zhao.id,
            deadline='2021-06-30', state='verified', date_done='2021-05-20',
            completion_note='<p>Visits every month</p>')
        cls.env['party.rectification.mechanism'].create({
            'rectification_id': cls.old_verified.id, 'name': 'Monthly visit rule', 'kind': 'regulation',
            'date_adopted': '2021-03-01', 'document_number': 'Doc 2021-3'})
        cls.old_done = cls.make_rectification(
            name='Slow replies to letters', meeting_id=cls.previous.id, responsible_user_id=cls.sun.id,
            deadline='2021-06-30', state='done', date_done='2021-06-01', completion_note='<p>Replies within a week</p>')
        cls.old_open = cls.make_rectification(
            name='Archive not digitised', meeting_id=cls.previous.id, responsible_user_id=cls.li.id,
            deadline='2021-12-31', state='in_progress')
        cls.meeting.previous_meeting_id = cls.previous
        cls.meeting._carry_over_rectifications()
        cls.carried = cls.old_open.carried_to_ids
        cls.carried.write({'carry_status': 'in_progress', 'carry_next_step': 'Scan the rest by June.'})
        cls.meeting._compose_minutes()
        cls.meeting._compose_report()
        cls.env.cr.flush()

    def test_every_item_of_last_year_with_what_was_done(self):
        self.assertEqual(self.old_open.state, 'carried')
        blocks = self.document_blocks(self.meeting.with_user(self.zhao), 'previous_rectification')
        self.assertEqual(blocks[0]['lines'], ['Bureau Party Group', "Report on the Rectification of Last Year's Problems"])
        summary = blocks[1]['text']
        self.assertEqual(summary, 'The Annual Meeting 2020 found 3 problems: 1 verified and closed、1 done and awaiting '
                                  'verification、1 carried over.')
        table = next(block for block in blocks if block['type'] == 'table')
        rows = {row[1]: row for row in table['rows']}
        self.assertEqual(set(rows), {'Field visits too rare', 'Slow replies to letters', 'Archive not digitised'})
        self.assertEqual(rows['Field visits too rare'][3], 'Verified')
        self.assertEqual(rows['Field visits too rare'][4],
                         'Visits every month；Rules established: 《Monthly visit rule》（Doc 2021-3，adopted on 2021年3月1日）。')
        self.assertEqual(rows['Slow replies to letters'][4], 'Finished on 2021年6月1日；Replies within a week。')
        self.assertEqual(rows['Archive not digitised'][3], 'Carried Over (In Progress at this meeting)')
        self.assertIn('Scan the rest by June', rows['Archive not digitised'][4])
        # Word too, like the other documents of the meeting
        filename, _mimetype, content = self.render_document(self.meeting.with_user(self.wu),
            'previous_rectification', 'docx')
        self.assertTrue(filename.startswith("Report on Last Year's Rectification-Bureau Party Group-"))
        self.assertIn('Field visits too rare', '\n'.join(cell.text for table in self.read_docx(content).tables
                                                          for row in table.rows for cell in row.cells))

    def test_without_an_earlier_meeting(self):
        self.meeting.previous_meeting_id = False
        blocks = self.document_blocks(self.meeting, 'previous_rectification')
        self.assertEqual(blocks[1]['text'], 'No earlier meeting with rectification items is recorded.')
        self.assertFalse([block for block in blocks if block['type'] == 'table'])

    def test_minutes_carry_last_years_report(self):
        minutes = self.meeting.minutes
        self.assertIn("Report on last year's rectification", minutes)
        for text in ('Field visits too rare', 'Archive not digitised', 'Carried Over (In Progress at this meeting)',
                     '《Monthly visit rule》'):
            self.assertIn(text, minutes)

    def test_rules_established_in_the_rectification_list(self):
        items = self.old_verified | self.old_done
        rows = list(items._party_list_rows(as_text=True))
        self.assertIn('Rules established: 《Monthly visit rule》（Doc 2021-3，adopted on 2021年3月1日）', rows[0][9])
        self.assertNotIn('Rules established', rows[1][9])

    def test_rules_of_a_verified_item_are_closed_too(self):
        Mechanism = self.env['party.rectification.mechanism'].with_user(self.zhao)
        rule = Mechanism.create({'rectification_id': self.item_qian.id, 'name': 'Squad inspection rota'})
        rule.document_number = 'Doc 2022-7'
        with self.assertRaisesRegex(UserError, 'is verified: its field "Rules and Mechanisms" is read-only'):
            Mechanism.create({'rectification_id': self.item_zhao.id, 'name': 'Too late'})
        with self.assertRaisesRegex(UserError, 'is verified'):
            self.old_verified.mechanism_ids.with_user(self.zhao).write({'document_number': 'Changed'})
        self.assertEqual(self.old_verified.mechanism_ids.document_number, 'Doc 2021-3')

    def test_report_reads_as_prose(self):
        self.env['party.rectification.mechanism'].create({'rectification_id': self.item_zhao.id, 'name': 'Visit plan'})
        self.meeting._compose_report()
        report = self.meeting.report_body
        self.assertNotIn('<table', report, 'sentences, not a table of labelled figures')
        for label in ('Self-criticisms made', 'Minimum criticisms received'):
            self.assertNotIn(label, report)
        required = len(self.meeting._get_required_talk_pairs())
        done = required - self.meeting.missing_talk_count
        for sentence in (
                'On 2022年1月21日8时30分, Bureau Party Group held the Special Meeting 2022 at Room 301, chaired by '
                'Zhao Dongping.',
                'Of the 5 members of the leadership team, 4 attended: Zhao Dongping、Qian Lixin、Sun Weihua、Li Mingyuan.',
                f'{required} talks were required and {done} were held',
                'Each member then made a self-criticism (4 in all) and criticised the others frankly: 8 criticisms '
                'were made, and each member present received at least 2.',
                'Zhao Dongping first reported how the rectification measures of the previous meeting were carried out. '
                'The Annual Meeting 2020 found 3 problems',
                '1 unfinished items of earlier meetings were carried into this rectification.',
                '1 rules and mechanisms have been established so far.'):
            self.assertIn(sentence, report)
        headings = ('Basic facts', 'Preparation before the meeting', 'Study', 'Collecting opinions',
                    'Heart-to-heart talks', 'Writing the check material and the personal outlines',
                    'The meeting, criticism and self-criticism', 'Main problems found',
                    'Rectification measures and next steps')
        positions = [report.index(f'>{heading}<') for heading in headings]
        self.assertEqual(positions, sorted(positions), 'the parts in the usual order')

    def test_report_names_its_addressee_once(self):
        self.assertNotIn('County Discipline Commission', self.meeting.report_body)
        text = self.html_text(self.render_html(
            'party_democratic_life.action_report_party_meeting_situation_report', self.meeting, user=self.zhao))
        self.assertEqual(text.count('CountyDisciplineCommission'), 1)
        self.assertIn('CountyDisciplineCommission：', text)
